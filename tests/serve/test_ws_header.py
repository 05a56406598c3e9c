"""Reading a kernel message's header from a binary websocket frame (both of jupyter_server's
layouts) without trusting the counts in the frame.

Voila's own reader takes the older layout's count as ~10^17 offsets and loops on it: one quiz
image sent to a client on the JSON protocol stopped the whole server (benchmarks/README.md).
"""

from __future__ import annotations

import json
import threading

import pytest
from jupyter_server.services.kernels.connection.base import (
    serialize_binary_message,
    serialize_msg_to_ws_v1,
)

from toolkit.serve.handler import install, ws_message_header


def _msg(msg_type: str) -> dict:
    return {
        "header": {"msg_type": msg_type, "msg_id": "m1", "session": "s", "version": "5.3"},
        "parent_header": {},
        "metadata": {},
        "content": {"comm_id": "c", "data": {"state": {}, "buffer_paths": [["value"]]}},
        "channel": "iopub",
    }


def test_reads_the_v1_layout():
    frame = serialize_msg_to_ws_v1(
        _msg("execute_input"), "iopub", pack=lambda d: json.dumps(d).encode()
    )
    assert ws_message_header(frame)["msg_type"] == "execute_input"


def test_reads_the_older_layout_with_buffers():
    png = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 10
    frame = serialize_binary_message({**_msg("comm_open"), "buffers": [png]})
    assert ws_message_header(frame)["msg_type"] == "comm_open"
    two = serialize_binary_message({**_msg("comm_msg"), "buffers": [png, b"x" * 3]})
    assert ws_message_header(two)["msg_type"] == "comm_msg"


@pytest.mark.parametrize(
    "frame",
    [
        b"",
        b"\x01",
        b"\xff" * 64,
        (10**17).to_bytes(8, "little") + b"\x00" * 40,  # a count far beyond the frame
        (3).to_bytes(8, "little") + (10**6).to_bytes(8, "little") * 3,  # offsets past the end
        (1).to_bytes(4, "big") + (8).to_bytes(4, "big") + b"not json",
    ],
)
def test_a_malformed_frame_gives_none(frame):
    result: list = []
    reader = threading.Thread(target=lambda: result.append(ws_message_header(frame)), daemon=True)
    reader.start()
    reader.join(30)  # Voila's reader never returns on the 4th frame
    assert result == [None]


def test_install_replaces_voilas_reader(monkeypatch):
    import voila.app
    import voila.tornado.kernel_websocket_handler as voila_ws
    from jupyter_client.channels import HBChannel

    for obj, name in [
        (voila_ws, "read_header_from_binary_message"),
        (voila.app, "TornadoVoilaHandler"),
        (voila.app, "voila_kernel_manager_factory"),
        (HBChannel, "time_to_dead"),
    ]:
        monkeypatch.setattr(obj, name, getattr(obj, name))  # restored after the test
    install(0)
    assert voila_ws.read_header_from_binary_message is ws_message_header
    frame = serialize_binary_message({**_msg("execute_input"), "buffers": [b"x"]})
    assert voila_ws.read_header_from_binary_message(frame)["msg_type"] == "execute_input"
