"""A preheated kernel learns its trainee's page: the request that Voila hands it over for.

Voila's own ``voila.utils.wait_for_request`` does the same, but importing ``voila.utils``
pulls in jupyter_server and jupyterlab_server: ~43 MB more in every trainee kernel
(benchmarks/README.md). This is the same protocol with what a kernel already has: when
Voila gives a pooled kernel to a page, it sends the request's CGI-style variables
(``QUERY_STRING``, ``SERVER_NAME``, …) as one JSON message on ``/voila/query/<kernel id>``.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import threading
import time

log = logging.getLogger("pangan")

CONNECT_TIMEOUT_S = 30.0
# A pooled kernel has nothing else to do than wait for its page: when the server is too busy
# to answer (a whole room's kernels warming up at once), try again rather than becoming a
# page without its trainee's codes. A kernel whose server has gone is stopped anyway.
GIVE_UP_AFTER_S = 3600.0


def query_url() -> str:
    """The websocket on which Voila announces this kernel's request (from Voila's variables)."""
    protocol = os.getenv("VOILA_WS_PROTOCOL", "ws")
    ip = os.getenv("VOILA_APP_IP", "127.0.0.1")
    port = os.getenv("VOILA_APP_PORT", "8866")
    base = os.getenv("VOILA_WS_BASE_URL", os.getenv("VOILA_SERVER_URL", "/"))
    return f"{protocol}://{ip}:{port}{base}voila/query/{os.getenv('VOILA_KERNEL_ID', '')}"


async def _receive(url: str) -> str | None:
    from tornado.websocket import websocket_connect

    conn = await websocket_connect(url, connect_timeout=CONNECT_TIMEOUT_S)
    try:
        message = await conn.read_message()
    finally:
        conn.close()
    return message if isinstance(message, str) else None


def wait_for_request() -> None:
    """In a kernel from Voila's preheated pool, block until a page takes it, then put that
    request's variables into ``os.environ``. Does nothing outside a pool."""
    if os.environ.get("VOILA_PREHEAT", "False") == "False":
        return
    url = query_url()
    result: dict[str, str | None] = {}

    def inner() -> None:  # the kernel's own event loop is busy running this cell
        end = time.monotonic() + GIVE_UP_AFTER_S
        while time.monotonic() < end:
            try:
                result["info"] = asyncio.run(_receive(url))
                return
            except Exception as exc:  # the server is busy: ask again
                log.warning("waiting for the page's request at %s: %s", url, exc)
                time.sleep(1.0)

    thread = threading.Thread(target=inner, name="pangan-handover", daemon=True)
    thread.start()
    thread.join()
    info = result.get("info")
    if info:
        for key, value in json.loads(info).items():
            os.environ[str(key)] = str(value)
