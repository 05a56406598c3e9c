"""``pangan serve`` start-up errors are one clear line, never a traceback (issue 2, point 3)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys

import pytest

from tests.server import free_port


def run_pangan(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "toolkit.cli", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, **(env or {})},
    )


def _one_clear_line(result: subprocess.CompletedProcess) -> str:
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    lines = [ln for ln in result.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, result.stderr
    return lines[0]


def test_port_in_use() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        line = _one_clear_line(run_pangan("serve", "--host", "127.0.0.1", "--port", str(port)))
    assert f"Port {port} sudah dipakai" in line


def test_port_in_use_in_english() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        result = run_pangan("serve", "--host", "127.0.0.1", "--port", str(port), "--lang", "en")
    assert f"Port {port} is already used" in _one_clear_line(result)


def test_bad_db_url(tmp_path) -> None:
    line = _one_clear_line(
        run_pangan("serve", "--host", "127.0.0.1", "--port", str(free_port()), "--db", "nonsense")
    )
    assert "Alamat basis data tidak sah" in line


def test_unreachable_database(tmp_path) -> None:
    line = _one_clear_line(
        run_pangan(
            "serve",
            "--host",
            "127.0.0.1",
            "--port",
            str(free_port()),
            "--db",
            "postgresql://nobody@127.0.0.1:1/none",
        )
    )
    assert "Basis data tidak dapat dibuka" in line


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere; covered below")
def test_unwritable_data_dir_as_user(tmp_path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    line = _one_clear_line(
        run_pangan(
            "serve",
            "--host",
            "127.0.0.1",
            "--port",
            str(free_port()),
            env={"PANGAN_DATA_DIR": str(locked / "data")},
        )
    )
    assert "tidak dapat ditulisi" in line


def test_unwritable_data_dir(tmp_path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")  # a path below a file cannot be created, even by root
    line = _one_clear_line(
        run_pangan(
            "serve",
            "--host",
            "127.0.0.1",
            "--port",
            str(free_port()),
            env={"PANGAN_DATA_DIR": str(blocker / "data")},
        )
    )
    assert "Folder data" in line and "tidak dapat ditulisi" in line


def test_unknown_module() -> None:
    line = _one_clear_line(
        run_pangan("serve", "--host", "127.0.0.1", "--port", str(free_port()), "--module", "99_x")
    )
    assert "Notebook tidak ditemukan" in line


def test_help_is_bilingual() -> None:
    result = run_pangan("serve", "--help")
    assert result.returncode == 0
    for text in ("Menyajikan modul peserta", "Serves the trainee modules", "--db", "--lang"):
        assert text in " ".join(result.stdout.split())


def test_trainee_url_uses_the_lan_address() -> None:
    from toolkit.serve.launch import ServeOptions, lan_address, trainee_url

    url = trainee_url(ServeOptions(port=8866, host="0.0.0.0"))
    lan = lan_address()
    assert url == f"http://{lan or '127.0.0.1'}:8866/"
    assert trainee_url(ServeOptions(port=9000, host="127.0.0.1", lang="en")) == (
        "http://127.0.0.1:9000/?lang=en"
    )


def test_voila_arguments_are_safe() -> None:
    from pathlib import Path

    from toolkit.serve.launch import ServeOptions, voila_argv

    argv = voila_argv(ServeOptions(), Path("nb.ipynb"))
    for flag in (
        "--VoilaConfiguration.show_tracebacks=False",
        "--VoilaConfiguration.strip_sources=True",
        "--VoilaConfiguration.allow_template_override=NO",
        "--VoilaConfiguration.allow_theme_override=NO",
        "--KernelManager.transport=ipc",
        "--template=pangan",
    ):
        assert flag in argv
    assert any(a.startswith("--MappingKernelManager.cull_idle_timeout=") for a in argv)


def test_pool_follows_the_expected_room_and_the_cap_never_exceeds_memory() -> None:
    import psutil

    from toolkit.serve.launch import (
        KERNEL_BUDGET_MB,
        MEMORY_SHARE,
        default_max_kernels,
        pool_size_for,
    )

    assert pool_size_for(0) == 0
    assert pool_size_for(25) == 27  # the room and its reserve for reloads
    assert pool_size_for(300) == 330
    assert pool_size_for(5000) == 400
    cap = default_max_kernels(expect=10**6)  # a huge room does not lift the cap
    by_memory = psutil.virtual_memory().available * MEMORY_SHARE / (KERNEL_BUDGET_MB * 2**20)
    assert 4 <= cap <= max(4, by_memory)


def test_pool_refills_stop_at_the_limit() -> None:
    from toolkit.serve.handler import capped_pool_factory

    class FakePool:
        def __init__(self) -> None:
            self.kernels: list[str] = []

        def list_kernel_ids(self) -> list[str]:
            return self.kernels

        def fill_if_needed(self) -> str:
            self.kernels.append("k")
            return "filled"

    cls = capped_pool_factory(lambda: FakePool, max_kernels=3)()
    pool = cls()
    results = [pool.fill_if_needed() for _ in range(5)]
    assert results == ["filled"] * 3 + [None] * 2
    assert len(pool.kernels) == 3
    uncapped = capped_pool_factory(lambda: FakePool, max_kernels=0)()
    assert issubclass(uncapped, FakePool) and uncapped.fill_if_needed is FakePool.fill_if_needed
