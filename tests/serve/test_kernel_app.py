"""The trainee kernel's lighter ipykernel app (toolkit.serve.kernel.trainee_kernel_app)."""

from __future__ import annotations

import io
import time
from collections import defaultdict

import pytest
from jupyter_client.manager import KernelManager

from toolkit.serve import forkserver
from toolkit.serve.kernel import _quiet_flush
from toolkit.serve.launch import TEMPLATE_ROOT

pytestmark = pytest.mark.server


class FakeStream:
    """What ``_quiet_flush`` reads of an ``OutStream``."""

    def __init__(self) -> None:
        self._flush_pending = False
        self._subprocess_flush_pending = False
        self._buffers: dict = defaultdict(io.StringIO)
        self.flushed = 0


def _count(stream: FakeStream) -> None:
    stream.flushed += 1


def test_quiet_flush_skips_only_when_nothing_was_written() -> None:
    flush = _quiet_flush(_count)
    s = FakeStream()
    flush(s)
    assert s.flushed == 0  # nothing written: no trip to the IOPub thread
    s._flush_pending = True
    flush(s)
    assert s.flushed == 1
    s._flush_pending = False
    s._subprocess_flush_pending = True
    flush(s)
    assert s.flushed == 2
    s._subprocess_flush_pending = False
    s._buffers["parent"].write("text not yet sent")
    flush(s)
    assert s.flushed == 3


@pytest.fixture(params=["forked", "launched"])
def kernel(request, monkeypatch):
    monkeypatch.setenv("JUPYTER_PATH", str(TEMPLATE_ROOT))
    if request.param == "launched":
        forkserver._Server.failed = True
    km = KernelManager(kernel_name="python3")
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=60)
    try:
        yield kc
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
        forkserver._Server.stop()
        forkserver._Server.failed = False


def _messages_until_idle(kc, msg_id: str) -> list[dict]:
    out = []
    end = time.monotonic() + 60
    while time.monotonic() < end:
        msg = kc.get_iopub_msg(timeout=60)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        out.append(msg)
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            return out
    raise AssertionError("no idle status")


def test_kernel_has_no_subshells_and_a_quiet_log(kernel) -> None:
    msg_id = kernel.kernel_info()
    reply = kernel.get_shell_msg(timeout=30)
    assert reply["parent_header"]["msg_id"] == msg_id
    assert "kernel subshells" not in reply["content"].get("supported_features", [])
    msg_id = kernel.execute(
        "k = get_ipython().kernel\n"
        "print('subshells', k.shell_channel_thread is not None, 'debug', k.log.isEnabledFor(10))"
    )
    text = "".join(
        m["content"]["text"]
        for m in _messages_until_idle(kernel, msg_id)
        if m["msg_type"] == "stream"
    )
    assert "subshells False debug False" in text


def test_output_of_a_widget_tap_still_arrives_before_idle(kernel) -> None:
    """What a handler prints is flushed before the kernel says it is idle, as before."""
    msg_id = kernel.execute(
        "import ipywidgets as w, sys\n"
        "b = w.Button()\n"
        "b.on_click(lambda _b: (print('tapped', end=''), print('warned', file=sys.stderr)))\n"
        "print(b.model_id)"
    )
    stream = [m for m in _messages_until_idle(kernel, msg_id) if m["msg_type"] == "stream"]
    model_id = "".join(m["content"]["text"] for m in stream).strip()
    for _tap in range(3):
        msg = kernel.session.msg(
            "comm_msg",
            {"comm_id": model_id, "data": {"method": "custom", "content": {"event": "click"}}},
        )
        kernel.shell_channel.send(msg)
        got = _messages_until_idle(kernel, msg["header"]["msg_id"])
        texts = {
            m["content"]["name"]: m["content"]["text"] for m in got if m["msg_type"] == "stream"
        }
        assert texts == {"stdout": "tapped", "stderr": "warned\n"}
