"""Killing a writer mid-quiz loses no answer it reported as stored (issue 8 acceptance)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

from tests.conftest import ROOT
from toolkit.store import open_store

WRITER = r"""
import sys
from toolkit.store import AnswerRecord, open_store

store = open_store(sys.argv[1])
print("ready", flush=True)
for i in range(100000):
    rec = AnswerRecord("CRASH", f"P{i % 7}", "posttest", f"q{i}", {"i": i}, correct=i % 2 == 0)
    if store.record_answer(rec):
        print(rec.idempotency_key(), flush=True)
"""


def test_sigkill_mid_run_loses_no_reported_answer(store_url: str) -> None:
    open_store(store_url).close()  # schema exists before the writer starts
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [sys.executable, "-c", WRITER, store_url],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env=env,
    )
    reported: list[str] = []
    try:
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "ready"
        while len(reported) < 150:
            line = proc.stdout.readline()
            assert line, "the writer stopped before it was killed"
            reported.append(line.strip())
        proc.send_signal(signal.SIGKILL)
        rest, _ = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == -signal.SIGKILL  # it was killed, it did not finish
    # Lines printed before the kill count too; a last line cut mid-write does not.
    reported += [ln.strip() for ln in rest.splitlines(keepends=True) if ln.endswith("\n")]

    store = open_store(store_url)
    stored = {a.key for a in store.answers("CRASH")}
    store.close()
    missing = [k for k in reported if k not in stored]
    assert len(reported) >= 150
    assert missing == []
    assert len(stored) < 100000


def test_warming_the_store_touches_no_real_database(tmp_path, monkeypatch) -> None:
    """The fork server's warm-up runs on a throw-away in-memory database."""
    from toolkit.store.db import warm_store

    real = tmp_path / "classroom.sqlite"
    monkeypatch.setenv("PANGAN_DB_URL", f"sqlite:///{real}")
    monkeypatch.setenv("PANGAN_DATA_DIR", str(tmp_path))
    warm_store()
    warm_store()  # nothing is left behind to collide with
    assert list(tmp_path.iterdir()) == []
