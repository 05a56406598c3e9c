"""The server's light activity watch (for culling idle kernels) reads the same facts as
jupyter_server's own, from a real kernel's messages."""

from __future__ import annotations

import asyncio
import threading

import pytest
from jupyter_client.session import Session

from toolkit.serve.handler import activity_of, capped_pool_factory

pytestmark = pytest.mark.server


def _fed(session: Session, msg_type: str, content: dict, parent: dict | None = None) -> list:
    msg = session.msg(msg_type, content=content, parent=parent or {})
    wire = session.serialize(msg)
    _idents, fed = session.feed_identities(wire)
    return fed


def test_reads_what_jupyter_server_reads():
    session = Session(key=b"secret")
    request = session.msg("comm_msg", content={})
    cases = [
        _fed(session, "status", {"execution_state": "busy"}, request),
        _fed(session, "status", {"execution_state": "idle"}),
        _fed(session, "comm_msg", {"comm_id": "c", "data": {"method": "update"}}, request),
        _fed(session, "stream", {"name": "stdout", "text": "hi"}),
    ]
    for fed in cases:
        full = session.deserialize(fed)  # what jupyter_server's watcher reads
        state = full["content"].get("execution_state") if full["msg_type"] == "status" else None
        parent_type = full["parent_header"].get("msg_type")
        assert activity_of(fed) == (full["msg_type"], parent_type, state)


def test_a_broken_message_reads_as_nothing():
    assert activity_of([]) == (None, None, None)
    assert activity_of([b"sig", b"not json", b"{}", b"{}", b"{}"]) == (None, None, None)


def test_a_real_kernel_is_watched(tmp_path):
    from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager

    cls = capped_pool_factory(lambda: AsyncMappingKernelManager, 0)()
    assert cls.start_watching_activity.__name__ == "_watch_activity"

    async def run() -> None:
        km = cls(root_dir=str(tmp_path))
        kid = await km.start_kernel(kernel_name="python3")
        kernel = km.get_kernel(kid)
        client = kernel.client()
        client.start_channels()
        try:
            await client.wait_for_ready(timeout=60)
            before = kernel.last_activity
            await client.execute_interactive("x = sum(range(10))", timeout=60)
            for _ in range(100):  # the IOPub watcher runs on this loop
                if kernel.last_activity > before and kernel.execution_state == "idle":
                    break
                await asyncio.sleep(0.05)
            assert kernel.last_activity > before
            assert kernel.execution_state == "idle"
        finally:
            client.stop_channels()
            await km.shutdown_kernel(kid, now=True)

    # In a thread of its own: the browser tests' Chromium keeps an event loop running here.
    errors: list[BaseException] = []

    def main() -> None:
        try:
            asyncio.run(run())
        except BaseException as exc:  # re-raised below, in the test
            errors.append(exc)

    worker = threading.Thread(target=main)
    worker.start()
    worker.join(180)
    assert not worker.is_alive()
    if errors:
        raise errors[0]
