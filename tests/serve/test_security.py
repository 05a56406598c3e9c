"""Safe serving defaults, tried against a live server (issue 2, point 6)."""

from __future__ import annotations

import json
import time
import uuid

import pytest
import websocket

from tests.server import page_config

pytestmark = pytest.mark.server


def _msg(msg_type: str, content: dict) -> str:
    session = uuid.uuid4().hex
    return json.dumps(
        {
            "header": {
                "msg_id": uuid.uuid4().hex,
                "username": "trainee",
                "session": session,
                "msg_type": msg_type,
                "version": "5.3",
                "date": "",
            },
            "parent_header": {},
            "metadata": {},
            "content": content,
            "channel": "shell",
            "buffers": [],
        }
    )


def _collect(ws: websocket.WebSocket, seconds: float) -> list[dict]:
    got = []
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        ws.settimeout(max(0.1, end - time.monotonic()))
        try:
            got.append(json.loads(ws.recv()))
        except (websocket.WebSocketTimeoutException, TimeoutError):
            break
    return got


def test_page_is_the_classroom_without_sources_or_tracebacks(live_server) -> None:
    status, html = live_server.get("/?ws=KPG25&p=017")
    assert status == 200
    assert "pangan-classroom" in html or "Phone-first layout" in html
    assert "classroom.start" not in html  # no notebook source in the page
    assert "Traceback" not in html


@pytest.mark.parametrize(
    "path",
    [
        "/tree",
        "/voila/tree",
        "/lab",
        "/api/contents",
        "/voila/api/contents",
        "/api/kernels",
        "/api/sessions",
        "/api/terminals",
        "/files/00_beranda.ipynb",
        "/voila/files/00_beranda.ipynb",
        "/voila/render/01_higiene_sanitasi.ipynb",
        "/voila/render/00_beranda.ipynb",
    ],
)
def test_jupyter_file_tree_and_rest_api_are_not_usable(live_server, path: str) -> None:
    status, body = live_server.get(path)
    assert status in (403, 404), (path, status)
    assert '"name"' not in body and "ipynb" not in body.replace(path, "")


def test_error_page_is_translated_and_offline(live_server) -> None:
    status, body = live_server.get("/voila/files/no-such-file.txt")
    assert status in (403, 404)
    assert "cdn.jsdelivr" not in body


def test_template_override_from_the_query_is_refused(live_server) -> None:
    status, html = live_server.get("/?template=lab&theme=dark")
    assert status == 200
    assert "Phone-first layout" in html  # still our template
    assert "cdn.jsdelivr" not in html


def test_browser_cannot_execute_code_in_the_kernel(live_server, tmp_path) -> None:
    marker = tmp_path / "executed"
    status, html = live_server.get("/")
    assert status == 200
    kernel_id = page_config(html)["kernelId"]
    ws = websocket.create_connection(
        f"{live_server.url.replace('http', 'ws')}/api/kernels/{kernel_id}/channels"
        f"?session_id={uuid.uuid4().hex}",
        origin=live_server.url,
        timeout=10,
    )
    try:
        code = f"open({str(marker)!r}, 'w').write('x')"
        for kind, content in [
            (
                "execute_request",
                {
                    "code": code,
                    "silent": False,
                    "store_history": False,
                    "user_expressions": {},
                    "allow_stdin": False,
                    "stop_on_error": True,
                },
            ),
            ("inspect_request", {"code": "import os", "cursor_pos": 5, "detail_level": 1}),
            ("complete_request", {"code": "import o", "cursor_pos": 8}),
            ("history_request", {"output": True, "raw": True, "hist_access_type": "tail", "n": 5}),
        ]:
            ws.send(_msg(kind, content))
        ws.send(_msg("kernel_info_request", {}))  # control: this one must be answered
        replies = {m["msg_type"] for m in _collect(ws, 6)}
    finally:
        ws.close()
    assert "kernel_info_reply" in replies, "the websocket did not work at all"
    assert not replies & {
        "execute_reply",
        "execute_result",
        "stream",
        "inspect_reply",
        "complete_reply",
        "history_reply",
        "execute_input",
    }
    assert not marker.exists()


def test_page_sets_the_xsrf_cookie_so_closing_a_tab_frees_its_kernel(tmp_path) -> None:
    """The page's unload beacon needs the _xsrf cookie; with it, the kernel is shut down."""
    import http.cookiejar
    import urllib.request

    from tests.server import start_server

    server = start_server(tmp_path)
    try:
        jar = http.cookiejar.CookieJar()
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
        html = opener.open(server.url + "/", timeout=60).read().decode()
        kernel_id = page_config(html)["kernelId"]
        xsrf = next(c.value for c in jar if c.name == "_xsrf")
        assert len(server.kernel_pids()) == 1
        req = urllib.request.Request(
            f"{server.url}/voila/api/shutdown/{kernel_id}",
            method="POST",
            headers={"X-XSRFToken": xsrf},
            data=b"",
        )
        assert opener.open(req, timeout=30).status == 204
        deadline = time.monotonic() + 15
        while server.kernel_pids() and time.monotonic() < deadline:
            time.sleep(0.2)
        assert server.kernel_pids() == []
    finally:
        server.stop()


def test_room_full_page_then_recovery_when_a_kernel_frees(tmp_path) -> None:
    import http.cookiejar
    import urllib.request

    from tests.server import start_server

    server = start_server(tmp_path, "--max-kernels", "1")
    try:
        jar = http.cookiejar.CookieJar()
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
        first = opener.open(server.url + "/?lang=en", timeout=60).read().decode()
        kernel_id = page_config(first)["kernelId"]

        status, body = server.get("/?lang=en")
        assert status == 503
        assert "The room is full" in body and "Ruangan sedang penuh" in body
        assert 'http-equiv="refresh"' in body
        assert len(server.kernel_pids()) == 1  # no kernel was started for the refused visitor

        xsrf = next(c.value for c in jar if c.name == "_xsrf")
        opener.open(
            urllib.request.Request(
                f"{server.url}/voila/api/shutdown/{kernel_id}",
                method="POST",
                headers={"X-XSRFToken": xsrf},
                data=b"",
            ),
            timeout=30,
        )
        status, body = server.get("/?lang=id")
        assert status == 200 and "jupyter-config-data" in body
    finally:
        server.stop()
