"""Loading the checker's data files: ``vocab.yaml`` (keyword lists), ``rules.yaml`` (checks
with their sources) and ``categories.yaml`` (product categories)."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from toolkit import yamlio

HERE = Path(__file__).parent


def _load(name: str) -> dict[str, Any]:
    return yamlio.safe_load((HERE / name).read_text(encoding="utf-8"))


@cache
def vocab() -> dict[str, Any]:
    """The keyword lists of ``vocab.yaml``."""
    return _load("vocab.yaml")


@cache
def rules() -> dict[str, Any]:
    """The checks and limits of ``rules.yaml``."""
    return _load("rules.yaml")


@cache
def categories() -> dict[str, Any]:
    """The product categories of ``categories.yaml``."""
    return _load("categories.yaml")
