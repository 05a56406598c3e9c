"""Fixtures: ``store_url`` runs a test once on SQLite and once on the real PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.store.backends import postgres_problem, postgres_schema_url


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty store URL on each back-end."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'store.sqlite'}"
        return
    problem = postgres_problem()
    if problem:
        pytest.skip(f"PostgreSQL unavailable: {problem}")
    with postgres_schema_url() as url:
        yield url
