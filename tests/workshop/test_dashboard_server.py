"""A live ``pangan dashboard``: no token (or a trainee's link) gets no dashboard (issue 8)."""

from __future__ import annotations

import http.client
import os
import re
import signal
import socket
import subprocess
import sys
import time

import pytest

from tests.conftest import ROOT
from toolkit.store import open_store

pytestmark = [pytest.mark.server, pytest.mark.slow]

WIDGET_MIME = "application/vnd.jupyter.widget-view+json"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(port: int, path: str, timeout: float = 120) -> tuple[int, str, dict[str, str]]:
    """One GET without following redirects."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("GET", path)
        resp = conn.getresponse()
        body = resp.read().decode("utf-8", "replace")
        return resp.status, body, dict(resp.getheaders())
    finally:
        conn.close()


@pytest.fixture(scope="module")
def dashboard(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("dash")
    db = f"sqlite:///{tmp / 'dash.sqlite'}"
    store = open_store(db)
    store.create_workshop("KPG25", "Pelatihan PKP", "Kupang")
    (person,) = store.add_participants("KPG25", [{"name": "Ana", "business_name": "Kue"}])
    store.close()
    port = _free_port()
    log_path = tmp / "dashboard.log"
    env = {
        **os.environ,
        "PANGAN_DATA_DIR": str(tmp / "data"),
        "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
    }
    env.pop("PANGAN_DASHBOARD_TOKEN", None)
    cmd = [sys.executable, "-m", "toolkit.cli", "dashboard", "KPG25", "--port", str(port)]
    cmd += ["--db", db, "--refresh", "0"]
    with open(log_path, "wb") as log:
        proc = subprocess.Popen(
            cmd, stdout=log, stderr=subprocess.STDOUT, env=env, cwd=ROOT, start_new_session=True
        )
    try:
        deadline = time.monotonic() + 90
        while True:
            assert proc.poll() is None, log_path.read_text(errors="replace")[-3000:]
            assert time.monotonic() < deadline, "dashboard did not start in 90 s"
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except OSError:
                time.sleep(0.3)
        printed = log_path.read_text(errors="replace")
        match = re.search(r"token=([A-Za-z0-9_-]{20,})", printed)
        assert match, f"no token printed at start: {printed[-2000:]}"
        yield port, match.group(1), person.code, log_path
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(15)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(5)


def _refused(status: int, body: str) -> bool:
    return status != 200 and WIDGET_MIME not in body and "Ana" not in body


def test_request_without_token_is_refused(dashboard) -> None:
    port, _token, _code, _log = dashboard
    status, body, headers = _get(port, "/")
    assert _refused(status, body)
    if status in (301, 302, 303, 307):
        assert "/login" in headers.get("Location", "")


def test_wrong_token_is_refused(dashboard) -> None:
    port, token, _code, _log = dashboard
    status, body, _ = _get(port, "/?token=" + token[::-1])
    assert _refused(status, body)


def test_a_trainee_link_cannot_open_the_dashboard(dashboard) -> None:
    port, _token, code, _log = dashboard
    for path in (f"/?ws=KPG25&p={code}", f"/voila/render/dashboard.ipynb?ws=KPG25&p={code}"):
        status, body, _ = _get(port, path)
        assert _refused(status, body), path


def test_the_printed_token_opens_the_dashboard(dashboard) -> None:
    port, token, _code, log_path = dashboard
    status, body, _ = _get(port, "/?token=" + token)
    assert status == 200, log_path.read_text(errors="replace")[-3000:]
    assert WIDGET_MIME in body
    assert "Traceback" not in body
