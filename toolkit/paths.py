"""Where the toolkit keeps its files: the data directory and the default store URL."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

ENV_DATA_DIR = "PANGAN_DATA_DIR"
ENV_DB_URL = "PANGAN_DB_URL"


def data_dir() -> Path:
    """The data directory (``$PANGAN_DATA_DIR`` or the platform's user data folder)."""
    env = os.environ.get(ENV_DATA_DIR)
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_data_dir("pangan-aman", appauthor=False))


def default_db_url() -> str:
    """The store URL: ``$PANGAN_DB_URL`` or a SQLite file in the data directory."""
    env = os.environ.get(ENV_DB_URL)
    if env:
        return env
    return f"sqlite:///{data_dir() / 'pangan.sqlite'}"
