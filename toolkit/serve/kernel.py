"""The trainee kernel: ipykernel without its debugger, started by ``pangan serve``.

A trainee never debugs, but ipykernel imports ``debugpy`` at start-up for the debugger of
JupyterLab: ~9 MB more PSS in each of a room's hundreds of kernels (benchmarks/README.md).
``share/kernels/python3/kernel.json`` makes the served notebooks' ``python3`` kernel start
here instead; IPython's input history (a thread and an SQLite file shared by every kernel)
is switched off in the same file.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import psutil

# What a kernel process's command line contains: ours, or stock ipykernel (plain Voila).
KERNEL_MARKERS = ("toolkit.serve.kernel", "ipykernel_launcher")
FORK_SERVER = "toolkit.serve.forkserver"


def is_kernel_process(proc: psutil.Process) -> bool:
    """True when ``proc`` is a trainee kernel: launched as one, or forked by the fork
    server (a fork keeps the fork server's command line, so it is told by its parent)."""
    import psutil

    try:
        cmdline = proc.cmdline()
        if any(marker in arg for arg in cmdline for marker in KERNEL_MARKERS):
            return True
        if any(FORK_SERVER in arg for arg in cmdline):
            parent = proc.parent()
            return parent is not None and any(FORK_SERVER in arg for arg in parent.cmdline())
    except psutil.Error:  # gone meanwhile
        pass
    return False


def _quiet_flush(flush):
    """``OutStream.flush`` that returns at once when nothing was written since the last one.

    ipykernel flushes stdout and stderr after every message it handles: each flush hands two
    callbacks to the IOPub thread and waits for them, four thread switches per tap even
    though a trainee's widgets print nothing. With nothing pending there is nothing to send,
    so the wait is skipped; anything written is flushed as before.
    """

    def quiet_flush(self) -> None:
        if (
            not self._flush_pending
            and not self._subprocess_flush_pending
            and not any(buf.tell() for buf in list(self._buffers.values()))
        ):
            return
        flush(self)

    quiet_flush.__wrapped__ = flush  # type: ignore[attr-defined]
    return quiet_flush


def trainee_kernel_app():
    """ipykernel's app, made lighter for a page that only sends widget messages:

    - no *subshells* (ipykernel 7 reads the shell channel on a thread of its own and passes
      each message to the main thread; one page per kernel never asks for a subshell, and
      ``kernel_info`` says so), so a message is handled where it arrives;
    - its log at WARNING: the kernel logs every message at DEBUG, which its WARNING handler
      drops, but only after building the record;
    - stdout/stderr flushes skip the IOPub thread when nothing was written (``_quiet_flush``).

    Measured per widget tap in ``benchmarks/README.md``.
    """
    import logging

    from ipykernel import iostream
    from ipykernel.kernelapp import IPKernelApp

    if not hasattr(iostream.OutStream.flush, "__wrapped__"):
        iostream.OutStream.flush = _quiet_flush(iostream.OutStream.flush)

    class TraineeKernelApp(IPKernelApp):
        def init_sockets(self) -> None:
            super().init_sockets()
            self.shell_channel_thread = None  # no subshells: see above

        def init_kernel(self) -> None:
            super().init_kernel()
            self.log.setLevel(logging.WARNING)
            self.kernel.log.setLevel(logging.WARNING)

    return TraineeKernelApp


def main() -> None:
    """Start an ipykernel whose ``import debugpy`` fails, so its debugger stays off, and
    whose widgets do not echo the page's changes back to it."""
    sys.modules["debugpy"] = None  # type: ignore[assignment]
    # ipywidgets 8 sends every change a page makes (a tapped answer, a typed number) back to
    # all of the widget's pages, so that several pages of one kernel agree. A trainee kernel
    # has one page, which ignores the echo: it is one message of each change through the
    # kernel, the server and the phone for nothing (JUPYTER_WIDGETS_ECHO=0 does the same
    # when set before ipywidgets is imported; the fork server imports it earlier).
    os.environ["JUPYTER_WIDGETS_ECHO"] = "0"
    import ipywidgets.widgets.widget as widget_module

    widget_module.JUPYTER_WIDGETS_ECHO = False
    app = trainee_kernel_app().instance()
    app.initialize()
    widgets = sys.modules.get("ipywidgets")
    if widgets is not None:
        # Imported before this kernel existed (a kernel forked from the warm fork server):
        # ipywidgets registers its comm targets only when imported inside a kernel.
        widgets.register_comm_target()
    app.start()


if __name__ == "__main__":
    main()
