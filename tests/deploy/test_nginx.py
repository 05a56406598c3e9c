"""Beyond one machine: two ``pangan serve`` processes behind nginx, one PostgreSQL store.

Runs the shipped deploy/nginx/pangan.conf on loopback in front of two classroom servers that
share a throwaway PostgreSQL schema. Two trainees drive the real classroom through nginx as a
browser does (page, kernel websocket, widget messages): nginx's sticky cookie puts them on
different servers, each page's websocket reaches the server that holds its kernel, and the
trainer's dashboard over the shared store shows both trainees' progress and answers.
"""

from __future__ import annotations

import asyncio
import random
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from http.cookies import SimpleCookie
from pathlib import Path

import pytest

from tests.deploy.nginx import nginx_binary, start_nginx
from tests.server import LiveServer, start_server
from tests.store.backends import postgres_problem, postgres_schema_url

pytestmark = [pytest.mark.server, pytest.mark.postgres, pytest.mark.slow]

WORKSHOP = "NGX"
COOKIE = "pangan_node"


@pytest.fixture
def pg_url() -> Iterator[str]:
    problem = postgres_problem()
    if problem:
        pytest.skip(f"PostgreSQL unavailable: {problem}")
    with postgres_schema_url() as url:
        yield url


def _get(url: str, cookie: str | None = None) -> tuple[int, dict[str, str]]:
    """Status and the cookies set by one GET (no redirects followed)."""
    req = urllib.request.Request(url, headers={"Cookie": f"{COOKIE}={cookie}"} if cookie else {})
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            status, headers = r.status, r.headers
    except urllib.error.HTTPError as e:
        status, headers = e.code, e.headers
    jar = SimpleCookie()
    for line in headers.get_all("Set-Cookie") or []:
        jar.load(line)
    return status, {k: v.value for k, v in jar.items()}


def _holder(servers: list[LiveServer], kernel_id: str) -> list[int]:
    """Indexes of the servers that know ``kernel_id`` (asked directly, not through nginx)."""
    return [i for i, s in enumerate(servers) if s.get(f"/api/kernels/{kernel_id}")[0] == 200]


def _drive(base: str, code: str, cookies: dict[str, str]):
    """One trainee through ``base``: open the hygiene module and answer its checks."""
    from benchmarks.workshop_load import Stats, Trainee

    stats = Stats()
    trainee = Trainee(
        base, 0, stats, random.Random(code), think=0.05, workshop=WORKSHOP, code=code, stay=False
    )
    trainee.cookies.update(cookies)
    # In a thread of its own: the shared Chromium of the browser tests keeps an event loop
    # running in this one.
    worker = threading.Thread(target=asyncio.run, args=(trainee.run(time.monotonic() + 240),))
    worker.start()
    worker.join(300)
    return trainee, stats


def test_two_servers_behind_nginx_share_one_store(tmp_path: Path, pg_url: str) -> None:
    if nginx_binary() is None:
        pytest.skip("nginx not installed (tests/ensure_nginx.sh installs it as root with apt)")
    from toolkit.store import open_store

    store = open_store(pg_url)  # migrate once, before the servers start
    store.create_workshop(WORKSHOP, "Pelatihan dua server")
    people = store.add_participants(WORKSHOP, [{"name": "Ibu Ani"}, {"name": "Bapak Budi"}])
    codes = [p.code for p in people]

    servers: list[LiveServer] = []
    proxy = None
    try:
        for name in ("a", "b"):
            (tmp_path / name).mkdir()
            servers.append(start_server(tmp_path / name, db_url=pg_url))
        proxy = start_nginx(tmp_path / "nginx", [s.url.split("//")[1] for s in servers])

        # Trainee 1 arrives without a cookie: nginx picks a server and sets the cookie.
        first, stats1 = _drive(proxy.url, codes[0], {})
        assert stats1.errors == [] and stats1.users_done == 1, stats1.errors
        assert stats1.answers_sent >= 1
        node1 = first.cookies.get(COOKIE)
        assert node1, f"nginx set no {COOKIE} cookie: {first.cookies}"
        (home1,) = _holder(servers, first.kernel_id)

        # A second visitor's cookie that routes to the other server (each fresh visitor gets
        # a random one); asking nginx for trainee 1's kernel tells where a cookie leads.
        kernel_path = f"{proxy.url}/api/kernels/{first.kernel_id}"
        node2 = None
        for _ in range(40):
            status, cookies = _get(kernel_path)
            assert COOKIE in cookies, "a request without the cookie must get one"
            if status == 404:
                node2 = cookies[COOKIE]
                break
            assert status == 200, status
        assert node2, "40 new visitors all went to one server: nginx does not spread them"
        # The cookie, not chance, decides: each cookie routes the same way every time.
        # A request with the cookie gets no new one.
        for _ in range(5):
            for node, expected in ((node1, 200), (node2, 404)):
                status, cookies = _get(kernel_path, node)
                assert status == expected and COOKIE not in cookies, (status, cookies)

        second, stats2 = _drive(proxy.url, codes[1], {COOKIE: node2})
        assert stats2.errors == [] and stats2.users_done == 1, stats2.errors
        assert second.cookies[COOKIE] == node2
        (home2,) = _holder(servers, second.kernel_id)
        assert {home1, home2} == {0, 1}, "both trainees were served by one server"
        log = proxy.access_log()
        for s in servers:
            assert f"upstream={s.url.split('//')[1]}" in log
    finally:
        if proxy is not None:
            proxy.stop()
        for s in servers:
            s.stop()

    # The trainer's dashboard, reading the shared store, shows both trainees.
    from toolkit.dashboard.widgets import TrainerDashboard
    from toolkit.workshop import results

    answered = {a.participant_code for a in store.answers(WORKSHOP)}
    assert answered == set(codes)
    dash = TrainerDashboard(store, WORKSHOP, refresh_seconds=0)
    table = dash._progress.value
    for person in people:
        (row,) = [r for r in table.split("<tr>") if f"<td>{person.code}</td>" in r]
        assert person.name in row and ("pa-open" in row or "pa-done" in row), row
    _modules, status = results.progress_matrix(store, WORKSHOP)
    assert all(status[c].get("hygiene") in ("opened", "completed") for c in codes), status
    assert dash._quiz.options, "the dashboard lists no quiz with answers"
    store.close()
