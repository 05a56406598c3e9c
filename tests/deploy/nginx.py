"""Run the shipped nginx template (deploy/nginx/pangan.conf) as a private nginx for a test.

The test's nginx runs in the foreground from a temporary prefix, on a free loopback port,
with its pid, logs and temporary files under that prefix; it never touches the system's
nginx service or /etc/nginx.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import ROOT
from tests.server import free_port, wait_for_port

TEMPLATE = ROOT / "deploy" / "nginx" / "pangan.conf"
LISTEN_TAG = "# pangan-listen"
UPSTREAM_TAG = "# pangan-upstream"


def nginx_binary() -> str | None:
    """The nginx program (Debian's /usr/sbin is not always on a user's PATH)."""
    found = shutil.which("nginx")
    if found:
        return found
    return "/usr/sbin/nginx" if os.access("/usr/sbin/nginx", os.X_OK) else None


def render(template: str, listen_port: int, upstreams: list[str], log_dir: Path) -> str:
    """The template with its tagged lines set to ``listen_port`` and ``upstreams``
    (``host:port`` each) and its access log moved to ``log_dir``."""
    lines = template.splitlines()
    listen = [i for i, line in enumerate(lines) if LISTEN_TAG in line]
    servers = [i for i, line in enumerate(lines) if UPSTREAM_TAG in line]
    if len(listen) != 1 or not servers:
        raise ValueError("template lost its pangan-listen / pangan-upstream lines")
    indent = re.match(r"\s*", lines[servers[0]]).group(0)
    lines[listen[0]] = re.sub(
        r"listen\s+[^;]+;", f"listen 127.0.0.1:{listen_port};", lines[listen[0]]
    )
    new = [f"{indent}server {addr};    {UPSTREAM_TAG}" for addr in upstreams]
    lines[servers[0] : servers[-1] + 1] = new
    text = "\n".join(lines) + "\n"
    text, n = re.subn(r"access_log\s+\S+", f"access_log {log_dir / 'access.log'}", text)
    if n != 1:
        raise ValueError("template lost its access_log line")
    return text


def main_config(http_include: Path, prefix: Path) -> str:
    """A complete nginx.conf around the rendered template: foreground, files under ``prefix``."""
    user = "user root;\n" if os.geteuid() == 0 else ""  # workers must read the 0700 tmp dir
    return (
        f"{user}daemon off;\nmaster_process on;\nworker_processes 1;\n"
        f"pid {prefix / 'nginx.pid'};\nerror_log {prefix / 'error.log'} info;\n"
        "events { worker_connections 256; }\n"
        "http {\n"
        f"  client_body_temp_path {prefix / 'body'};\n"
        f"  proxy_temp_path {prefix / 'proxy'};\n"
        f"  fastcgi_temp_path {prefix / 'fastcgi'};\n"
        f"  uwsgi_temp_path {prefix / 'uwsgi'};\n"
        f"  scgi_temp_path {prefix / 'scgi'};\n"
        f"  include {http_include};\n"
        "}\n"
    )


@dataclass
class Nginx:
    url: str
    proc: subprocess.Popen
    prefix: Path

    def access_log(self) -> str:
        path = self.prefix / "access.log"
        return path.read_text(encoding="utf-8") if path.exists() else ""

    def error_log(self) -> str:
        path = self.prefix / "error.log"
        return path.read_text(encoding="utf-8", errors="replace") if path.exists() else ""

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGQUIT)  # graceful: finish, close, remove the pid
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(5)


def start_nginx(prefix: Path, upstreams: list[str]) -> Nginx:
    """Start nginx with the shipped template on a free 127.0.0.1 port; wait until it answers."""
    binary = nginx_binary()
    assert binary, "nginx is not installed"
    prefix.mkdir(parents=True, exist_ok=True)
    port = free_port()
    site = prefix / "pangan.conf"
    site.write_text(render(TEMPLATE.read_text(encoding="utf-8"), port, upstreams, prefix))
    conf = prefix / "nginx.conf"
    conf.write_text(main_config(site, prefix))
    check = subprocess.run(
        [binary, "-t", "-q", "-p", str(prefix), "-c", str(conf), "-e", str(prefix / "error.log")],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert check.returncode == 0, f"nginx -t: {check.stderr}"
    with open(prefix / "stderr.log", "wb") as err:
        proc = subprocess.Popen(
            [binary, "-p", str(prefix), "-c", str(conf), "-e", str(prefix / "error.log")],
            stdout=err,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    server = Nginx(f"http://127.0.0.1:{port}", proc, prefix)
    wait_for_port(proc, port, 30, "nginx", lambda: server.error_log()[-2000:], server.stop)
    return server
