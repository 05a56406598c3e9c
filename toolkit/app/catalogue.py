"""The module catalogue: which module notebooks exist, in which order, with which card text.

A module is a notebook ``notebooks/NN_<name>.ipynb`` (NN ≥ 01) whose metadata holds
``"pangan": {"key": "<topic>", "minutes": N}`` (and optionally ``"order": K`` to place
it before or after the file-name order: the pre-test first, the post-test last); its title and summary are the locale keys
``<topic>.module.title`` and ``<topic>.module.summary``. Notebooks without that metadata, or
whose texts are missing, are not shown.
"""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

from toolkit.i18n import has, t

NOTEBOOK_RE = re.compile(r"^(\d\d)_[a-z0-9_]+\.ipynb$")
HOME = "00_beranda.ipynb"


@dataclasses.dataclass(frozen=True)
class ModuleInfo:
    """One module card."""

    name: str  # file stem, e.g. "01_higiene_sanitasi"
    path: Path
    key: str  # topic key, e.g. "hygiene"
    minutes: int
    order: int

    def title(self, lang: str) -> str:
        """The card title in ``lang``."""
        return t(f"{self.key}.module.title", lang)

    def summary(self, lang: str) -> str:
        """The one-line card summary in ``lang``."""
        return t(f"{self.key}.module.summary", lang)


def notebooks_dir() -> Path:
    """The folder of module notebooks: ``$PANGAN_NOTEBOOKS`` or the repository's ``notebooks/``."""
    import os

    env = os.environ.get("PANGAN_NOTEBOOKS")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[2] / "notebooks"


def read_module(path: Path) -> ModuleInfo | None:
    """The module card of one notebook, or None when it is not a module."""
    m = NOTEBOOK_RE.match(path.name)
    if not m or m.group(1) == "00":
        return None
    try:
        meta = json.loads(path.read_text(encoding="utf-8")).get("metadata", {}).get("pangan")
    except (OSError, ValueError):
        return None
    if not isinstance(meta, dict) or not isinstance(meta.get("key"), str):
        return None
    key = meta["key"]
    if not (has(f"{key}.module.title", "id") and has(f"{key}.module.summary", "id")):
        return None
    minutes = meta.get("minutes")
    order = meta.get("order")
    return ModuleInfo(
        name=path.stem,
        path=path,
        key=key,
        minutes=int(minutes) if isinstance(minutes, int | float) else 0,
        order=int(order) if isinstance(order, int) else int(m.group(1)),
    )


def discover(folder: Path | None = None) -> list[ModuleInfo]:
    """Every module notebook in ``folder``, by ``order`` (default: the file-name number)."""
    folder = folder or notebooks_dir()
    found = (read_module(p) for p in sorted(folder.glob("*.ipynb")))
    return sorted((m for m in found if m is not None), key=lambda m: (m.order, m.name))
