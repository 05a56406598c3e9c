"""A live ``pangan serve`` for tests: started on a free port, stopped by the fixture."""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import psutil

from toolkit.serve.kernel import is_kernel_process


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class LiveServer:
    """A running server: its base URL, process and store."""

    url: str
    proc: subprocess.Popen
    db_url: str
    log_path: Path

    def get(self, path: str, timeout: float = 60) -> tuple[int, str]:
        """GET ``path`` (following redirects); returns status and body."""
        try:
            with urllib.request.urlopen(self.url + path, timeout=timeout) as r:
                return r.status, r.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as e:
            return e.code, e.read().decode("utf-8", "replace")

    def kernel_pids(self) -> list[int]:
        """PIDs of the kernel processes this server started."""
        out = []
        for child in psutil.Process(self.proc.pid).children(recursive=True):
            try:
                if is_kernel_process(child):
                    out.append(child.pid)
            except psutil.Error:
                pass
        return out

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def stop(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(5)


def start_server(
    tmp: Path, *extra: str, env: dict[str, str] | None = None, db_url: str | None = None
) -> LiveServer:
    """Start ``pangan serve`` on 127.0.0.1 and a free port; wait until it answers.

    The store is a SQLite file in ``tmp`` unless ``db_url`` names another (e.g. PostgreSQL).
    """
    port = free_port()
    db_url = db_url or f"sqlite:///{tmp / 'classroom.sqlite'}"
    log_path = tmp / f"serve-{port}.log"
    full_env = {**os.environ, "PANGAN_DATA_DIR": str(tmp / "data"), **(env or {})}
    cmd = [sys.executable, "-m", "toolkit.cli", "serve", "--host", "127.0.0.1"]
    cmd += ["--port", str(port), "--db", db_url, "--no-qr", *extra]
    with open(log_path, "wb") as log:
        proc = subprocess.Popen(
            cmd, stdout=log, stderr=subprocess.STDOUT, env=full_env, start_new_session=True
        )
    server = LiveServer(f"http://127.0.0.1:{port}", proc, db_url, log_path)
    wait_for_port(proc, port, 90, "server", lambda: server.log()[-3000:], server.stop)
    return server


def wait_for_port(proc, port: int, seconds: float, what: str, log, stop) -> None:
    """Wait until ``proc`` listens on 127.0.0.1:``port``; raise with its log if it exits
    or does not listen within ``seconds`` (then ``stop()`` it)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"{what} exited: {log()}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.1)
    stop()
    raise RuntimeError(f"{what} did not start in {seconds:g} s")


CONFIG_RE = re.compile(
    r'<script id="jupyter-config-data" type="application/json">\s*(.*?)\s*</script>', re.S
)


def page_config(html: str) -> dict:
    """The Jupyter page config Voila embeds in a page (holds the kernel id)."""
    m = CONFIG_RE.search(html)
    assert m, "no jupyter-config-data in the page"
    return json.loads(m.group(1))
