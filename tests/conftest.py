"""Shared fixtures. The whole run uses a temporary data directory, never the user's."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

_RUN_DIR = Path(tempfile.mkdtemp(prefix="pangan-test-"))
# Set before any notebook kernel starts, so nbval kernels inherit it too.
os.environ["PANGAN_DATA_DIR"] = str(_RUN_DIR / "data")
os.environ.pop("PANGAN_DB_URL", None)

ROOT = Path(__file__).resolve().parents[1]

# CI runs the same hypothesis examples every time (a failure there is reproducible);
# local runs explore new ones.
from hypothesis import settings as _hyp_settings  # noqa: E402

_hyp_settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
if os.environ.get("CI"):
    _hyp_settings.load_profile("ci")


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    """A fresh SQLite store URL in a temporary folder."""
    return f"sqlite:///{tmp_path / 'store.sqlite'}"


@pytest.fixture(scope="session")
def live_server(tmp_path_factory: pytest.TempPathFactory):
    """One classroom server for the whole session (SQLite store in a temporary folder)."""
    from tests.server import start_server

    server = start_server(tmp_path_factory.mktemp("live"))
    yield server
    server.stop()


@pytest.fixture(scope="session")
def browser():
    """One headless Debian Chromium for the whole run (skipped when it is not installed)."""
    from tests.browsing import browser_fixture

    yield from browser_fixture()


@pytest.fixture
def phone(browser):
    """A fresh 360×740 touch page that records every request it makes."""
    from tests.browsing import phone_fixture

    yield from phone_fixture(browser)
