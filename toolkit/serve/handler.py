"""The page handler trainees hit: a cap on live kernels and the cookie that frees them.

- **Cap**: when as many trainee kernels run as ``max_kernels`` allows, a new visitor gets a
  translated "the room is full, wait a moment" page (HTTP 503, retried every few seconds)
  instead of a kernel that would push the laptop out of memory.
- **Freeing kernels**: Voila's page asks the server to shut its kernel down when the tab
  closes, but that request needs the ``_xsrf`` cookie, which only Voila's tree page sets
  (SERVING.md). Setting it here makes closed tabs give their kernel back at once; culling of
  idle kernels covers pages that vanish without saying so.
"""

from __future__ import annotations

import html as _html
import json

from voila.tornado.handler import TornadoVoilaHandler

from toolkit.i18n import normalize_lang, t

RETRY_SECONDS = 8
HEARTBEAT_SECONDS = 30.0


def room_full_page(lang: str) -> str:
    """The bilingual "room is full" page, in ``lang`` first."""
    lang = normalize_lang(lang)
    other = "en" if lang == "id" else "id"

    def block(code: str, cls: str) -> str:
        return (
            f'<h1 class="{cls}">{_html.escape(t("serve.full.title", code))}</h1>'
            f'<p class="{cls}">{_html.escape(t("serve.full.body", code, seconds=RETRY_SECONDS))}</p>'
        )

    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta http-equiv="refresh" content="{RETRY_SECONDS}">'
        f"<title>{_html.escape(t('serve.full.title', lang))}</title>"
        "<style>body{font-family:sans-serif;margin:0;padding:24px;max-width:640px;"
        "line-height:1.5}h1{color:#1b5e20;font-size:24px}.other{color:#555}"
        ".other h1{font-size:18px}</style></head><body>"
        f'{block(lang, "main")}<div class="other">{block(other, "other")}</div></body></html>'
    )


class PanganVoilaHandler(TornadoVoilaHandler):
    """Voila's page handler with a kernel cap and the ``_xsrf`` cookie set."""

    max_kernels: int = 0  # 0: no cap

    def live_kernels(self) -> int:
        """Kernels serving trainees now (preheated pool kernels not counted)."""
        km = self.kernel_manager
        total = len(km.list_kernel_ids())
        pooled = 0
        if self.notebook_path and hasattr(km, "get_pool_size"):
            pooled = km.get_pool_size(self.notebook_path)
        return max(total - pooled, 0)

    async def get(self, path=None):
        if not path and self.max_kernels and self.live_kernels() >= self.max_kernels:
            self.set_status(503)
            self.set_header("Retry-After", str(RETRY_SECONDS))
            self.set_header("Content-Type", "text/html; charset=UTF-8")
            self.set_header("Cache-Control", "no-store")
            self.finish(room_full_page(self.get_argument("lang", "id")))
            return
        _ = self.xsrf_token  # sets the _xsrf cookie the page's unload beacon needs
        await super().get(path)


V1_PROTOCOL = "v1.kernel.websocket.jupyter.org"


def ws_message_header(ws_msg: bytes) -> dict | None:
    """The header of a binary kernel websocket frame, in either of jupyter_server's formats,
    without trusting the counts it carries.

    Voila's own reader assumes the ``v1.kernel.websocket.jupyter.org`` layout (a little-endian
    uint64 count, then offsets). A client on the older JSON protocol gets a message with binary
    buffers (an image, an upload) in the other layout (a big-endian uint32 count, then offsets),
    which that reader takes as a count of ~10^17 offsets: the server's only thread loops on it
    and every page of the workshop stops. Here a count that does not fit the frame is rejected,
    and the older layout is read as such.
    """
    size = len(ws_msg)
    count = int.from_bytes(ws_msg[:8], "little")
    if count >= 3 and 8 * (count + 1) <= size:  # v1: channel, header, parent header, ...
        offsets = [
            int.from_bytes(ws_msg[8 * (i + 1) : 8 * (i + 2)], "little") for i in range(count)
        ]
        if offsets == sorted(offsets) and offsets[-1] <= size:
            try:
                return json.loads(ws_msg[offsets[1] : offsets[2]].decode("utf-8"))
            except ValueError:
                pass
    count = int.from_bytes(ws_msg[:4], "big")  # the older layout: JSON message, then buffers
    if count >= 1 and 4 * (count + 1) <= size:
        offsets = [int.from_bytes(ws_msg[4 * (i + 1) : 4 * (i + 2)], "big") for i in range(count)]
        end = offsets[1] if count > 1 else size
        if offsets[0] <= end <= size:
            try:
                msg = json.loads(ws_msg[offsets[0] : end].decode("utf-8"))
            except ValueError:
                return None
            header = msg.get("header") if isinstance(msg, dict) else None
            return header if isinstance(header, dict) else None
    return None


def capped_pool_factory(factory, max_kernels: int):
    """Wrap Voila's kernel-manager factory so the preheated pool is not refilled past
    ``max_kernels`` kernels in all (Voila refills the pool after every hand-over, which
    would otherwise double the kernels of a room that arrives all at once: a room of
    ``expect`` trainees finds its kernels ready, later arrivals get a fresh kernel)."""

    def make(*args, **kwargs):
        cls = factory(*args, **kwargs)
        watched = type("LightActivityWatch", (cls,), {"start_watching_activity": _watch_activity})
        if not max_kernels or not hasattr(cls, "fill_if_needed"):
            return watched

        class CappedPool(watched):
            def fill_if_needed(self, *a, **kw):
                if len(self.list_kernel_ids()) >= max_kernels:
                    return None
                return super().fill_if_needed(*a, **kw)

        return CappedPool

    return make


def activity_of(fed_msg_list: list[bytes]) -> tuple[str | None, str | None, str | None]:
    """``(msg_type, parent msg_type, execution_state)`` of a kernel's IOPub message (the
    parts after the delimiter: signature, header, parent header, metadata, content, ...);
    the state only for a ``status`` message.

    jupyter_server's activity watcher (used for culling idle kernels) deserializes every
    IOPub message of every kernel, signature check and date parsing included, to read these
    three strings: with a room of kernels that was a fifth of the server's CPU (py-spy,
    benchmarks/README.md). Here only the JSON that is needed is read. The signature is not
    checked: the message only moves a kernel's idle clock, and the page's websocket does
    not check it either on Voila's binary protocol.
    """
    try:
        header = json.loads(fed_msg_list[1])
        parent = json.loads(fed_msg_list[2])
        msg_type = header.get("msg_type")
        parent_type = parent.get("msg_type") if isinstance(parent, dict) else None
        state = None
        if msg_type == "status":
            state = json.loads(fed_msg_list[4]).get("execution_state")
        return msg_type, parent_type, state
    except (IndexError, ValueError, AttributeError):
        return None, None, None


def _watch_activity(self, kernel_id: str) -> None:
    """jupyter_server's ``start_watching_activity`` with the message read by
    ``activity_of`` (same bookkeeping: last activity and execution state)."""
    from jupyter_server._tz import utcnow

    kernel = self._kernels[kernel_id]
    kernel.reason = ""
    kernel.last_activity = utcnow()
    kernel._activity_stream = kernel.connect_iopub()
    session = kernel.session

    def record_activity(msg_list: list[bytes]) -> None:
        _idents, fed = session.feed_identities(msg_list)
        msg_type, parent_type, state = activity_of(fed)
        if (
            self.track_message_type(msg_type)
            or self.track_message_type(parent_type)
            or kernel.execution_state == "busy"
        ):
            self.last_kernel_activity = kernel.last_activity = utcnow()
        if msg_type == "status" and state:
            if self.track_message_type(parent_type):
                kernel.execution_state = state
            elif kernel.execution_state == "starting" and state != "starting":
                kernel.execution_state = "idle"

    kernel._activity_stream.on_recv(record_activity)


def install(max_kernels: int, refill_limit: int | None = None) -> None:
    """Make Voila use ``PanganVoilaHandler`` for its pages and a capped preheated pool
    (call before Voila starts)."""
    import voila.app
    import voila.tornado.kernel_websocket_handler as voila_ws
    from jupyter_client.channels import HBChannel

    voila_ws.read_header_from_binary_message = ws_message_header

    # Voila keeps a kernel client per page, each with a heartbeat thread pinging its kernel
    # every second: with a room of kernels that is most of an idle server's CPU. A kernel's
    # death is seen by the kernel manager's own process polling, not by the heartbeat.
    HBChannel.time_to_dead = HEARTBEAT_SECONDS
    PanganVoilaHandler.max_kernels = max(int(max_kernels), 0)
    voila.app.TornadoVoilaHandler = PanganVoilaHandler
    voila.app.voila_kernel_manager_factory = capped_pool_factory(
        voila.app.voila_kernel_manager_factory,
        min(PanganVoilaHandler.max_kernels, refill_limit or PanganVoilaHandler.max_kernels),
    )
