"""Trainee kernels forked from one warm process, so a room's kernels share their imports.

A kernel started the usual way is a new Python that imports ipykernel, ipywidgets, the store
and the quiz again: ~1 CPU-second and ~35 MB of private memory each, for every trainee. Here
one *fork server* (started by ``pangan serve``'s first kernel launch) imports all of that
once, then forks a kernel per request: a start costs a few milliseconds of the server's CPU,
and the imported code stays shared between the kernels, copy-on-write.

- ``ForkProvisioner`` is the jupyter_client kernel provisioner named by the kernel spec
  (``share/kernels/python3/kernel.json``); when the fork server cannot be had it launches
  the kernel the usual way, so a trainee never gets no kernel.
- The fork server is single-threaded while it forks (a fork copies only the calling thread)
  and creates no ZeroMQ context; each child starts its own kernel in a new session, so the
  kernel manager signals its process group as it would a launched kernel. The server
  leaves when ``pangan serve`` does; its kernels then leave through ipykernel's parent poller.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from jupyter_client.provisioning import LocalProvisioner

log = logging.getLogger("pangan")

# What every trainee kernel imports anyway: imported once in the fork server. Never a
# module that makes a widget when imported (``toolkit.app.ui`` makes its shared layouts on
# first use, not at import): a widget made before its kernel exists has no comm, so no page
# could show it (tested).
WARM_MODULES = (
    "ipykernel.kernelapp",
    "ipykernel.ipkernel",
    "ipykernel.zmqshell",
    # What ipykernel and IPython import while a kernel starts (measured: the modules a forked
    # kernel has that the fork server had not).
    "ipykernel.debugger",
    "IPython.core.completerlib",
    "IPython.core.debugger",
    "IPython.core.logger",
    "IPython.core.oinspect",
    "IPython.extensions.storemagic",
    "IPython.utils.wildcard",
    "psutil",
    "faulthandler",
    "resource",
    "tornado.platform.asyncio",
    "ipywidgets",
    "tornado.websocket",
    "mistune",
    "babel.numbers",
    "toolkit.serve.kernel",
    "toolkit.app.catalogue",
    "toolkit.app.handover",
    "toolkit.app.session",
    "toolkit.store",
    "sqlalchemy.dialects.sqlite",
    "toolkit.quiz.bank",
    "toolkit.quiz.engine",
    # The classroom and every module's widgets: they make no widget at import (tested),
    # so their code and data are shared by all kernels instead of read by each.
    "sqlite3",
    "babel.dates",
    "toolkit.app.ui",
    "toolkit.app.runner",
    "toolkit.app.classroom",
    "toolkit.quiz.widgets",
    "toolkit.hygiene.widgets",
    "toolkit.hygiene.five_keys_widgets",
    "toolkit.hygiene.practice",
    "toolkit.labels.widgets",
    "toolkit.gmp.widgets",
    "toolkit.permits.pathway_widgets",
    "toolkit.nutrition.widgets",
    "toolkit.shelflife.widgets",
    # The calculators' libraries (shelf life, nutrition, temperature logs): ~75 MB a kernel
    # when each imports them, shared here.
    "numpy",
    "pandas",
    "scipy.stats",
    "matplotlib.figure",
    "matplotlib.backends.backend_agg",
)
# Data every trainee reads (cached loaders, no argument): read once here.
WARM_DATA = (
    "toolkit.quiz.bank:load_banks",
    "toolkit.hygiene.model:rules",
    "toolkit.hygiene.practice:practice_data",
    "toolkit.hygiene.five_keys:load_five_keys",
    "toolkit.labels.vocab:vocab",
    "toolkit.labels.vocab:rules",
    "toolkit.labels.vocab:categories",
    "toolkit.labels.dates:date_words",
    "toolkit.labels.generator:generator_data",
    "toolkit.gmp.model:checklist",
    "toolkit.gmp.model:level_rules",
    "toolkit.permits.model:permit_data",
    "toolkit.permits.pathway:data",
    "toolkit.nutrition.data:alg_table",
    "toolkit.nutrition.data:rounding_table",
    "toolkit.nutrition.data:exempt_table",
    "toolkit.nutrition.data:ggl_table",
    "toolkit.shelflife.content:datasets",
    "toolkit.hygiene.widgets:warm_charts",  # the danger-zone charts every trainee may ask for
    "toolkit.app.runner:warm_markdown",  # every module's text, as HTML
    "toolkit.store.db:warm_store",  # the store's first calls (SQLAlchemy builds code on first use)
)
START_TIMEOUT_S = 30.0


# --------------------------------------------------------------------------- the server
def _warm() -> None:
    import importlib

    sys.modules["debugpy"] = None  # type: ignore[assignment] - as toolkit.serve.kernel does
    # No BLAS worker threads: a fork copies only the forking thread. One thread per kernel
    # is also what a 2-core laptop with a room of kernels wants.
    for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[var] = "1"
    for name in WARM_MODULES:
        try:
            importlib.import_module(name)
        except Exception:  # a kernel then imports it itself
            log.exception("fork server: cannot import %s", name)
    for spec in WARM_DATA:
        mod, _, fn = spec.partition(":")
        try:
            getattr(importlib.import_module(mod), fn)()
        except Exception:  # a kernel then reads it itself (and shows its own message)
            log.exception("fork server: cannot read %s", spec)
    import datetime as dt

    from toolkit.i18n import LANGS, catalogue, fmt_date, fmt_number

    for lang in LANGS:
        catalogue(lang)
        fmt_number(1234.5, lang, 1)  # Babel reads its locale data on first use
        fmt_date(dt.date(2026, 1, 31), lang)


def widgets_made() -> int:
    """How many widgets exist in this process (must be 0 in the fork server)."""
    from ipywidgets.widgets.widget import _instances

    return len(_instances)


def _reap() -> None:
    with contextlib.suppress(ChildProcessError):
        while True:
            pid, _status = os.waitpid(-1, os.WNOHANG)
            if pid == 0:
                return


def _child(request: dict[str, Any]) -> None:
    """In the forked child: become the kernel that ``request`` asks for (never returns)."""
    code = 1
    try:
        os.setsid()
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        null = os.open(os.devnull, os.O_RDONLY)
        os.dup2(null, 0)
        os.close(null)
        os.environ.clear()
        os.environ.update(request["env"])
        os.chdir(request.get("cwd") or "/")
        # The kernel leaves when its parent, this fork server, does (ipykernel's parent
        # poller); the fork server leaves with ``pangan serve``.
        parent = f"--IPKernelApp.parent_handle={os.getppid()}"
        sys.argv = ["toolkit.serve.kernel", *request["args"], parent]
        from toolkit.serve.kernel import main

        main()
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 0
    except BaseException:
        log.exception("forked kernel failed")
    finally:
        os._exit(code)


def serve_forever(socket_path: str) -> None:
    """Warm up, then fork one kernel per request on ``socket_path`` until the parent goes."""
    import gc

    parent = os.getppid()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))  # clean up the socket on the way
    _warm()
    if widgets_made():  # its children could show no page: let kernels start the usual way
        log.error("fork server: a warm module made a widget; not forking kernels")
        return
    gc.collect()
    gc.freeze()  # the warm objects are never scanned again: their pages stay shared
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(socket_path)
    listener.listen(64)
    listener.settimeout(1.0)
    print("ready", flush=True)
    os.dup2(2, 1)  # what kernels print goes to the server's log, not to the start-up pipe
    try:
        _accept_until_orphaned(listener, parent)
    finally:
        listener.close()
        with contextlib.suppress(OSError):
            os.unlink(socket_path)
            os.rmdir(os.path.dirname(socket_path))


def _accept_until_orphaned(listener: socket.socket, parent: int) -> None:
    while os.getppid() == parent:
        _reap()
        try:
            conn, _ = listener.accept()
        except TimeoutError:
            continue
        with conn:
            conn.settimeout(10)
            try:
                request = json.loads(_read_line(conn))
            except (OSError, ValueError):
                continue
            pid = os.fork()
            if pid == 0:
                listener.close()
                conn.close()
                _child(request)
            conn.sendall(f"{pid}\n".encode())


def _read_line(conn: socket.socket) -> str:
    data = b""
    while not data.endswith(b"\n"):
        chunk = conn.recv(65536)
        if not chunk:
            break
        data += chunk
    return data.decode("utf-8")


# --------------------------------------------------------------------------- the client
class ForkedProcess:
    """A forked kernel, seen like the ``Popen`` a launched kernel would be.

    It is the fork server's child, not ours: it is alive while its process exists and is
    not a zombie (the fork server reaps it within a second)."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.returncode: int | None = None
        self.stdout = self.stderr = self.stdin = None

    def poll(self) -> int | None:
        if self.returncode is None:
            try:
                with open(f"/proc/{self.pid}/stat", encoding="ascii") as f:
                    state = f.read().rsplit(")", 1)[1].split()[0]
                if state in ("Z", "X"):
                    self.returncode = 0
            except (OSError, IndexError):
                self.returncode = 0
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        end = None if timeout is None else time.monotonic() + timeout
        while self.poll() is None:
            if end is not None and time.monotonic() > end:
                raise subprocess.TimeoutExpired(str(self.pid), timeout or 0)
            time.sleep(0.05)
        return self.returncode or 0

    def send_signal(self, signum: int) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.pid, signum)

    def terminate(self) -> None:
        self.send_signal(signal.SIGTERM)

    def kill(self) -> None:
        self.send_signal(signal.SIGKILL)


class _Server:
    """The one fork server of this ``pangan serve`` process."""

    proc: subprocess.Popen | None = None
    path: str | None = None
    ready = False
    failed = False

    @classmethod
    def start(cls) -> None:
        """Start the fork server; it warms up while Voila starts (``pangan serve`` calls
        this first, a kernel launch calls it when nobody did)."""
        if cls.failed or (cls.proc is not None and cls.proc.poll() is None):
            return
        folder = tempfile.mkdtemp(prefix="pangan-fork-")  # 0700: only this user may fork
        cls.path = str(Path(folder) / "fork.sock")
        cls.ready = False
        cls.proc = subprocess.Popen(
            [sys.executable, "-m", "toolkit.serve.forkserver", cls.path],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
        )

    @classmethod
    def socket_path(cls) -> str | None:
        """The fork server's socket once it is warm (None: launch kernels the usual way)."""
        cls.start()
        if cls.failed or cls.proc is None:
            return None
        if not cls.ready:
            assert cls.proc.stdout is not None
            line = cls.proc.stdout.readline()  # waits for the warm-up, once per server
            if line.strip() != b"ready":
                log.error("fork server did not start; kernels start the usual way")
                cls.failed = True
                return None
            cls.ready = True
        return cls.path if cls.proc.poll() is None else None

    @classmethod
    def stop(cls) -> None:
        """Stop the fork server (its kernels leave by themselves); the next launch starts
        a new one."""
        if cls.proc is not None and cls.proc.poll() is None:
            cls.proc.terminate()
            cls.proc.wait(10)
        cls.proc, cls.path, cls.ready, cls.failed = None, None, False, False


def start() -> None:
    """Start warming the fork server now (``pangan serve``, before Voila starts)."""
    _Server.start()


def fork_kernel(args: list[str], env: dict[str, str], cwd: str | None) -> int | None:
    """Ask the fork server for a kernel; its pid, or None when it cannot be had."""
    path = _Server.socket_path()
    if path is None:
        return None
    request = json.dumps({"args": args, "env": env, "cwd": cwd}) + "\n"
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
            s.settimeout(START_TIMEOUT_S)
            s.connect(path)
            s.sendall(request.encode("utf-8"))
            return int(_read_line(s).strip())
    except (OSError, ValueError):
        log.exception("fork server did not answer; this kernel starts the usual way")
        return None


class ForkProvisioner(LocalProvisioner):
    """Kernels forked from the warm fork server (the usual launch when it is unavailable)."""

    async def launch_kernel(self, cmd: list[str], **kwargs: Any):
        args = _kernel_args(cmd)
        pid = None
        if args is not None:
            env = {str(k): str(v) for k, v in (kwargs.get("env") or os.environ).items()}
            env["JPY_PARENT_PID"] = str(os.getpid())  # as jupyter_client's launcher sets it
            cwd = kwargs.get("cwd")
            pid = fork_kernel(args, env, str(cwd) if cwd else None)
        if pid is None:
            return await super().launch_kernel(cmd, **kwargs)
        self.process = ForkedProcess(pid)
        self.pid = self.pgid = pid
        self.cwd = kwargs.get("cwd", Path.cwd())
        return self.connection_info


def _kernel_args(cmd: list[str]) -> list[str] | None:
    """The arguments after ``-m toolkit.serve.kernel`` in ``cmd`` (None for another kernel)."""
    for i in range(len(cmd) - 1):
        if cmd[i] == "-m" and cmd[i + 1] == "toolkit.serve.kernel":
            return cmd[i + 2 :]
    return None


if __name__ == "__main__":
    serve_forever(sys.argv[1])
