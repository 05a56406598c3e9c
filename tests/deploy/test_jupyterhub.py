"""JupyterHub as the route for hosted, logged-in deployments (deploy/jupyterhub).

The config and ``pangan serve --jupyterhub`` are checked everywhere. The end-to-end test
(log in, spawn, open the classroom, talk to its kernel) runs only where JupyterHub and
configurable-http-proxy are installed; neither is a toolkit dependency, so it is skipped
with that reason elsewhere (deploy/README.md says what was run where).
"""

from __future__ import annotations

import contextlib
import importlib.util
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.server import free_port
from toolkit.serve.hub import AUTHORIZER, IDENTITY_PROVIDER, apply_hub_environment, hub_voila_args
from toolkit.serve.launch import ServeError, ServeOptions

CONFIG = ROOT / "deploy" / "jupyterhub" / "jupyterhub_config.py"
HUB_ENV = {
    "JUPYTERHUB_SERVICE_URL": "http://127.0.0.1:47001/user/ani/",
    "JUPYTERHUB_SERVICE_PREFIX": "/user/ani/",
    "JUPYTERHUB_API_TOKEN": "t",
}


def load_config(env: dict[str, str]):
    from traitlets.config.loader import PyFileConfigLoader

    old = dict(os.environ)
    os.environ.update(env)
    try:
        return PyFileConfigLoader(CONFIG.name, path=str(CONFIG.parent)).load_config()
    finally:
        os.environ.clear()
        os.environ.update(old)


def test_config_starts_each_user_on_pangan_serve_jupyterhub() -> None:
    url = "postgresql://pangan@127.0.0.1/hub"
    c = load_config({"PANGAN_DB_URL": url, "PANGAN_HUB_PASSWORD": "rahasia-kelas"})
    cmd, args = list(c.Spawner.cmd), list(c.Spawner.args)
    assert Path(cmd[0]).name == "pangan" and os.access(cmd[0], os.X_OK), cmd
    assert cmd[1:] == ["serve", "--jupyterhub"]
    # Never jupyterhub-singleuser / Voila as a server extension (full REST API).
    assert not any("singleuser" in part or "voila/render" in part for part in cmd + args)
    assert args[args.index("--db") + 1] == url
    assert c.JupyterHub.authenticator_class == "shared-password"
    assert c.SharedPasswordAuthenticator.user_password == "rahasia-kelas"
    # The arguments are ones `pangan serve` accepts.
    from toolkit.cli import build_parser

    parsed = build_parser().parse_args([*cmd[1:], *args])
    assert parsed.jupyterhub and parsed.db == url


def test_hub_environment_sets_address_prefix_and_login(monkeypatch) -> None:
    import importlib.util

    real_find_spec = importlib.util.find_spec
    if real_find_spec("jupyterhub") is None:  # the hub's own package is not needed here
        monkeypatch.setattr(
            importlib.util,
            "find_spec",
            lambda name, *a: object() if name == "jupyterhub" else real_find_spec(name, *a),
        )
    opts = ServeOptions()
    prefix = apply_hub_environment(opts, HUB_ENV)
    assert (opts.host, opts.port, prefix, opts.qr) == ("127.0.0.1", 47001, "/user/ani/", False)
    args = hub_voila_args(prefix)
    assert "--Voila.base_url=/user/ani/" in args
    assert f"--Voila.identity_provider_class={IDENTITY_PROVIDER}" in args
    assert f"--Voila.authorizer_class={AUTHORIZER}" in args
    for missing in HUB_ENV:
        env = {k: v for k, v in HUB_ENV.items() if k != missing}
        with pytest.raises(ServeError) as err:
            apply_hub_environment(ServeOptions(), env)
        assert err.value.key == "serve.error.no_hub"


def test_serve_jupyterhub_outside_a_hub_is_one_clear_line() -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("JUPYTERHUB_")}
    result = subprocess.run(
        [sys.executable, "-m", "toolkit.cli", "serve", "--jupyterhub"],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    lines = [ln for ln in result.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and "JUPYTERHUB_SERVICE_URL" in lines[0], result.stderr


# --------------------------------------------------------------------------- end to end
CONFIG_RE = re.compile(
    r'<script id="jupyter-config-data" type="application/json">\s*(.*?)\s*</script>', re.S
)


def _hub_problem() -> str | None:
    if importlib.util.find_spec("jupyterhub") is None:
        return "jupyterhub is not installed (pip install jupyterhub)"
    if not shutil.which("configurable-http-proxy"):
        return "configurable-http-proxy is not on PATH (npm install configurable-http-proxy)"
    return None


@pytest.mark.server
@pytest.mark.slow
def test_logged_in_user_gets_the_classroom_and_nothing_else(tmp_path: Path) -> None:
    problem = _hub_problem()
    if problem:
        pytest.skip(problem)
    import requests
    from websocket import create_connection

    port, api, hub_port = free_port(), free_port(), free_port()
    hub = f"http://127.0.0.1:{port}"
    env = {
        **os.environ,
        "PANGAN_HUB_URL": hub,
        "PANGAN_DB_URL": f"sqlite:///{tmp_path / 'store.sqlite'}",
        "PANGAN_HUB_PASSWORD": "rahasia-kelas",
        "PANGAN_DATA_DIR": str(tmp_path / "data"),
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
    }
    cmd = [sys.executable, "-m", "jupyterhub", "-f", str(CONFIG)]
    cmd += [f"--JupyterHub.hub_port={hub_port}", f"--ConfigurableHTTPProxy.api_url=http://127.0.0.1:{api}"]  # fmt: skip
    with open(tmp_path / "hub.log", "wb") as log:
        proc = subprocess.Popen(
            cmd, cwd=tmp_path, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
    try:
        s = requests.Session()
        deadline = time.monotonic() + 60
        while True:
            assert proc.poll() is None, (tmp_path / "hub.log").read_text()[-3000:]
            try:
                s.get(f"{hub}/hub/login", timeout=5)
                break
            except requests.ConnectionError:
                assert time.monotonic() < deadline, "hub did not start"
                time.sleep(0.5)
        form = {"username": "ani", "password": "rahasia-kelas", "_xsrf": s.cookies.get("_xsrf")}
        s.post(f"{hub}/hub/login?next=", data=form, timeout=60)
        page = f"{hub}/user/ani/?ws=KPG25&p=017&lang=id"
        deadline = time.monotonic() + 180
        while True:
            r = s.get(page, timeout=120)
            if r.status_code == 200 and CONFIG_RE.search(r.text):
                break
            assert time.monotonic() < deadline, f"no classroom: {r.status_code} {r.url}"
            time.sleep(2)
        assert r.url == page, r.url
        # Visitors without the login are sent to the hub's login, even to a running classroom.
        anon = requests.get(page, allow_redirects=False, timeout=30)
        assert anon.status_code == 302 and "/hub/api/oauth2/authorize" in anon.headers["Location"]
        assert "pangan" in r.text.lower()
        kernel = json.loads(CONFIG_RE.search(r.text).group(1))["kernelId"]
        # No Jupyter REST API, file tree or terminal behind the classroom.
        for path in ("api/contents", "api/kernels", "tree", "api/terminals"):
            other = s.get(f"{hub}/user/ani/{path}", timeout=30)
            assert other.status_code in (403, 404), (path, other.status_code, other.url)
        ws_url = f"ws://127.0.0.1:{port}/user/ani/api/kernels/{kernel}/channels"
        cookie = "; ".join(f"{c.name}={c.value}" for c in s.cookies)
        ws = create_connection(f"{ws_url}?session_id=a", header=[f"Cookie: {cookie}"], timeout=60)

        def send(kind: str, content: dict) -> str:
            msg_id = uuid.uuid4().hex
            header = {"msg_id": msg_id, "username": "ani", "session": "a", "msg_type": kind,
                      "version": "5.3", "date": ""}  # fmt: skip
            ws.send(json.dumps({"header": header, "parent_header": {}, "metadata": {},
                                "content": content, "channel": "shell", "buffers": []}))  # fmt: skip
            return msg_id

        sent = send("kernel_info_request", {})
        replies = []
        for _ in range(50):
            msg = json.loads(ws.recv())
            if msg["parent_header"].get("msg_id") == sent and msg["msg_type"].endswith("_reply"):
                replies.append(msg["msg_type"])
                break
        assert replies == ["kernel_info_reply"]
        # Voila drops code execution from the browser, also behind the hub.
        sent = send("execute_request", {"code": "1", "silent": False})
        ws.settimeout(5)
        with pytest.raises(Exception, match="timed out|Timeout"):
            while True:
                msg = json.loads(ws.recv())
                assert msg["parent_header"].get("msg_id") != sent, msg["msg_type"]
        ws.close()
        # Without the login cookie, the kernel's websocket is refused.
        with pytest.raises(Exception, match="403"):
            create_connection(f"{ws_url}?session_id=b", timeout=30)
    finally:
        _stop_hub(proc)


def _stop_hub(proc: subprocess.Popen) -> None:
    """SIGTERM the hub (it stops the proxy and the classrooms), then kill what is left."""
    import psutil

    try:
        tree = psutil.Process(proc.pid).children(recursive=True)
    except psutil.Error:
        tree = []
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(90)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(10)
    for child in tree:
        with contextlib.suppress(psutil.Error):
            child.kill()
