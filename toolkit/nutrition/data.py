"""Loaders for the nutrition topic's data files (ALG, rounding bands, exemptions, GGL figures).

Every file sits beside this module and carries its sources; the loaders cache the parsed
YAML so that one kernel reads each file once.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from toolkit import yamlio

DATA_DIR = Path(__file__).parent
ALG_FILE = DATA_DIR / "alg.yaml"
ROUNDING_FILE = DATA_DIR / "rounding.yaml"
EXEMPT_FILE = DATA_DIR / "exempt.yaml"
GGL_FILE = DATA_DIR / "ggl.yaml"
COMPOSITION_FILE = DATA_DIR / "composition.csv"


def _load(path: Path) -> dict[str, Any]:
    return yamlio.safe_load(path.read_text(encoding="utf-8")) or {}


@cache
def alg_table() -> dict[str, Any]:
    """The ALG reference table (``alg.yaml``) as a mapping."""
    return _load(ALG_FILE)


@cache
def rounding_table() -> dict[str, Any]:
    """The rounding table (``rounding.yaml``) as a mapping."""
    return _load(ROUNDING_FILE)


@cache
def exempt_table() -> dict[str, Any]:
    """The exempt and prohibited categories (``exempt.yaml``) as a mapping."""
    return _load(EXEMPT_FILE)


@cache
def ggl_table() -> dict[str, Any]:
    """The GGL daily figure sets (``ggl.yaml``) as a mapping."""
    return _load(GGL_FILE)
