"""Trainee kernels forked from the warm fork server (toolkit/serve/forkserver.py)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest
from jupyter_client.manager import KernelManager

from toolkit.serve import forkserver
from toolkit.serve.kernel import FORK_SERVER, is_kernel_process
from toolkit.serve.launch import TEMPLATE_ROOT

pytestmark = pytest.mark.server


def test_warm_modules_make_no_widget() -> None:
    """A widget made in the fork server has no comm in its kernels: no page could show it."""
    code = (
        "import sys\n"
        "from toolkit.serve import forkserver\n"
        "forkserver._warm()\n"
        "missing = [m for m in forkserver.WARM_MODULES if m not in sys.modules]\n"
        "assert not missing, missing\n"
        "from toolkit.app import ui\n"
        "assert ui._layout.cache_info().currsize == 0, 'a shared layout was made'\n"
        "print(forkserver.widgets_made())\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "0"
    assert "fork server: cannot" not in out.stderr  # every module and data file was read


def test_kernel_args_only_for_our_kernel() -> None:
    cmd = [
        "/x/python",
        "-m",
        "toolkit.serve.kernel",
        "-f",
        "k.json",
        "--HistoryManager.enabled=False",
    ]
    assert forkserver._kernel_args(cmd) == ["-f", "k.json", "--HistoryManager.enabled=False"]
    assert (
        forkserver._kernel_args(["/x/python", "-m", "ipykernel_launcher", "-f", "k.json"]) is None
    )


@pytest.fixture
def kernel_spec_path(monkeypatch):
    monkeypatch.setenv("JUPYTER_PATH", str(TEMPLATE_ROOT))
    yield
    forkserver._Server.stop()


def _start(km: KernelManager):
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=60)
    return kc


def _run(kc, code: str) -> str:
    out: list[str] = []
    kc.execute_interactive(
        code,
        timeout=60,
        output_hook=lambda m: (
            out.append(m["content"].get("text", "")) if m["msg_type"] == "stream" else None
        ),
    )
    return "".join(out)


def test_forked_kernel_runs_widgets_and_shuts_down(kernel_spec_path) -> None:
    km = KernelManager(kernel_name="python3")
    kc = _start(km)
    try:
        assert isinstance(km.provisioner, forkserver.ForkProvisioner)
        proc = psutil.Process(km.provisioner.pid)
        assert FORK_SERVER in " ".join(proc.parent().cmdline()), "not forked"
        assert is_kernel_process(proc)
        # ipywidgets was imported before the kernel existed: its comm targets must be there.
        shown = _run(
            kc,
            "import ipywidgets, sys\n"
            "from ipykernel.comm import CommManager\n"
            "cm = ipywidgets.widgets.widget.comm.get_comm_manager()\n"
            "print(sorted(cm.targets), 'debugpy' in sys.modules and sys.modules['debugpy'] is not None)\n"
            "print('echo', ipywidgets.widgets.widget.JUPYTER_WIDGETS_ECHO)",
        )
        assert "jupyter.widget.control" in shown and "False" in shown
        assert "echo False" in shown  # one page per kernel: no echo of its own changes
    finally:
        kc.stop_channels()
        km.shutdown_kernel()
    assert not psutil.pid_exists(proc.pid) or proc.status() == psutil.STATUS_ZOMBIE


def test_two_forked_kernels_are_separate_and_random(kernel_spec_path) -> None:
    kms = [KernelManager(kernel_name="python3") for _ in range(2)]
    kcs = [_start(km) for km in kms]
    try:
        outs = [_run(kc, "import os, random; print(os.getpid(), random.random())") for kc in kcs]
        pids = {o.split()[0] for o in outs}
        draws = {o.split()[1] for o in outs}
        assert len(pids) == 2 and len(draws) == 2  # a fork re-seeds random
        _run(kcs[0], "x = 41")
        assert "missing" in _run(kcs[1], "print(globals().get('x', 'missing'))")
    finally:
        for kc, km in zip(kcs, kms, strict=True):
            kc.stop_channels()
            km.shutdown_kernel(now=True)


def test_without_a_fork_server_kernels_start_the_usual_way(kernel_spec_path) -> None:
    forkserver._Server.failed = True
    km = KernelManager(kernel_name="python3")
    kc = _start(km)
    try:
        proc = psutil.Process(km.provisioner.pid)
        assert proc.ppid() == os.getpid()  # launched by us, not forked
        assert "toolkit.serve.kernel" in proc.cmdline()
        assert _run(kc, "print(6 * 7)").strip() == "42"
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def test_kernels_leave_when_the_server_is_killed(tmp_path: Path) -> None:
    """A SIGKILLed ``pangan serve`` leaves no fork server and no kernel behind."""
    from tests.server import start_server

    server = start_server(tmp_path, "--expect", "2")
    try:
        deadline = time.monotonic() + 60
        while len(server.kernel_pids()) < 2 and time.monotonic() < deadline:
            time.sleep(0.3)
        pids = server.kernel_pids()
        assert len(pids) >= 2
        tree = [p.pid for p in psutil.Process(server.proc.pid).children(recursive=True)]
        os.kill(server.proc.pid, signal.SIGKILL)  # the server alone, not its group
        server.proc.wait(10)
        deadline = time.monotonic() + 20
        alive = tree
        while alive and time.monotonic() < deadline:
            time.sleep(0.5)
            alive = [
                p
                for p in tree
                if psutil.pid_exists(p) and psutil.Process(p).status() != psutil.STATUS_ZOMBIE
            ]
        assert alive == [], "processes left behind by a killed server"
    finally:
        server.stop()
