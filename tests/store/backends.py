"""Store back-ends for tests: a SQLite file, or a private schema on the real PostgreSQL.

PostgreSQL is the server at ``postgresql://postgres@127.0.0.1:5432/test`` (trust auth). When
it does not answer, the helper starts the Debian cluster with ``pg_ctlcluster``; tests are
skipped with the reason only when no server can be had. Each test gets its own schema (set as
the connection's ``search_path``), dropped afterwards, so parallel runs never collide.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

PG_URL = os.environ.get("PANGAN_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/test")
_state: dict[str, str | None] = {}


def _connect(dbname: str | None = None):
    import psycopg

    url = PG_URL
    if dbname:
        url = url.rsplit("/", 1)[0] + "/" + dbname
    return psycopg.connect(url, connect_timeout=3, autocommit=True)


def _start_cluster() -> str | None:
    conf = Path("/etc/postgresql")
    if not shutil.which("pg_ctlcluster") or not conf.is_dir():
        return "PostgreSQL is not installed (no pg_ctlcluster or /etc/postgresql)"
    versions = sorted(p.name for p in conf.iterdir() if p.is_dir())
    if not versions:
        return "no PostgreSQL cluster in /etc/postgresql"
    proc = subprocess.run(
        ["pg_ctlcluster", "--skip-systemctl-redirect", versions[-1], "main", "start"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    if proc.returncode not in (0, 2):  # 2: already running
        return f"pg_ctlcluster failed: {proc.stderr.strip()[:200]}"
    return None


def postgres_problem() -> str | None:
    """None when the test database answers (starting the server if needed), else why not."""
    if "problem" in _state:
        return _state["problem"]
    import psycopg

    problem: str | None = None
    try:
        _connect().close()
    except psycopg.OperationalError as first:
        if "does not exist" in str(first):
            try:
                with _connect("postgres") as conn:
                    conn.execute("CREATE DATABASE test")
            except psycopg.Error as exc:
                problem = f"cannot create database test: {exc}"
        else:
            problem = _start_cluster()
            if problem is None:
                problem = "PostgreSQL did not answer after start"
                for _ in range(40):
                    try:
                        _connect().close()
                    except psycopg.OperationalError as exc:
                        problem = f"PostgreSQL did not answer after start: {exc}"
                        time.sleep(0.5)
                    else:
                        problem = None
                        break
    _state["problem"] = problem
    return problem


@contextlib.contextmanager
def postgres_schema_url() -> Iterator[str]:
    """A URL whose connections use a fresh private schema; the schema is dropped after."""
    schema = "t_" + uuid.uuid4().hex[:16]
    with _connect() as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    try:
        yield f"{PG_URL}?options=-csearch_path%3D{schema}"
    finally:
        with _connect() as conn:
            conn.execute("SET lock_timeout = '10s'")
            conn.execute(f'DROP SCHEMA "{schema}" CASCADE')
