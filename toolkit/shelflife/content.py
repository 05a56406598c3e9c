"""The shelf-life topic's shipped content: teaching data sets and exercise drills, and their check.

``validate()`` is called by ``pangan content check``; it returns human-readable problems (empty
when everything loads and computes).
"""

from __future__ import annotations

import dataclasses
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from toolkit import yamlio

DATA_DIR = Path(__file__).with_name("data")
EXERCISES_DIR = Path(__file__).resolve().parents[2] / "exercises" / "shelflife"
KINDS = ("aslt", "isotherm")


@dataclasses.dataclass(frozen=True)
class Dataset:
    """One teaching data set (see ``data/datasets.yaml`` for the schema)."""

    id: str
    path: Path
    kind: str
    unit: str
    status: str
    source: str
    initial: float | None = None
    limit: float | None = None
    storage_temp_c: float | None = None
    aw_max: float = 1.0

    def text(self) -> str:
        """The CSV text."""
        return self.path.read_text(encoding="utf-8")

    def frame(self) -> Any:
        """The table as a pandas DataFrame (cells as read; validate with the calculators)."""
        from toolkit.shelflife.model.table import read_table

        return read_table(self.text(), self.path.name)


def _load(path: Path) -> list[Dataset]:
    raw = yamlio.safe_load(path.read_text(encoding="utf-8")) or {}
    out = []
    for item in raw.get("datasets", []):
        out.append(
            Dataset(
                id=str(item["id"]),
                path=path.parent / str(item["file"]),
                kind=str(item["kind"]),
                unit=str(item.get("unit", "")),
                status=str(item.get("status", "")),
                source=str(item.get("source", "")),
                initial=item.get("initial"),
                limit=item.get("limit"),
                storage_temp_c=item.get("storage_temp_c"),
                aw_max=float(item.get("aw_max", 1.0)),
            )
        )
    return out


@cache
def datasets() -> tuple[Dataset, ...]:
    """The module's teaching data sets, in file order."""
    return tuple(_load(DATA_DIR / "datasets.yaml"))


def dataset(dataset_id: str) -> Dataset:
    """One teaching data set by id (``KeyError`` if unknown)."""
    for item in datasets():
        if item.id == dataset_id:
            return item
    raise KeyError(dataset_id)


def drill_file(name: str | Path) -> Path:
    """``"kuis"`` → the module quiz, ``"latihan"`` → the exercise drills, else the path itself."""
    if str(name) == "kuis":
        return DATA_DIR / "kuis.yaml"
    if str(name) == "latihan":
        return EXERCISES_DIR / "drills.yaml"
    return Path(name)


def check_dataset(item: Dataset) -> list[str]:
    """Problems of one data set: it must load, fit and give a finite answer."""
    from toolkit.i18n import has
    from toolkit.shelflife.model.arrhenius import fit_arrhenius, shelf_life_days
    from toolkit.shelflife.model.errors import ShelfLifeError
    from toolkit.shelflife.model.labuza import isotherm_slope

    where = f"shelflife/{item.path.name}"
    problems: list[str] = []
    if item.kind not in KINDS:
        return [f"{where}: kind {item.kind!r} is not one of {KINDS}"]
    if not item.path.is_file():
        return [f"{where}: file missing"]
    if item.status != "synthetic" and not item.source:
        problems.append(f"{where}: measured data needs a source")
    if not item.source:
        problems.append(f"{where}: no source")
    for lang in ("id", "en"):
        key = f"shelflife.dataset.{item.id}.title"
        if not has(key, lang):
            problems.append(f"{where}: locale key {key} missing in {lang}")
    try:
        if item.kind == "aslt":
            if item.initial is None or item.limit is None or item.storage_temp_c is None:
                return [*problems, f"{where}: initial, limit and storage_temp_c are required"]
            fit = fit_arrhenius(item.frame())
            life = shelf_life_days(fit, item.storage_temp_c, item.initial, item.limit)
            if not life.days > 0 or life.low is None:
                problems.append(f"{where}: no shelf life with an interval")
            if fit.warnings:
                problems.append(f"{where}: warnings {list(fit.warnings)}")
        else:
            isotherm_slope(item.frame(), aw_max=item.aw_max)
    except ShelfLifeError as err:
        problems.append(f"{where}: {err.message('en')}")
    return problems


def validate() -> list[str]:
    """Every problem in the shipped data sets and exercise drills (empty list: all good)."""
    problems: list[str] = []
    try:
        items = datasets()
    except (OSError, yaml.YAMLError, KeyError, TypeError, ValueError) as exc:
        return [f"shelflife/datasets.yaml: {type(exc).__name__}: {exc}"]
    if not items:
        problems.append("shelflife/datasets.yaml: no data sets")
    ids = [d.id for d in items]
    if len(set(ids)) != len(ids):
        problems.append("shelflife/datasets.yaml: duplicate ids")
    for item in items:
        problems += check_dataset(item)
    from toolkit.shelflife.drills import check_drills

    problems += check_drills(DATA_DIR / "kuis.yaml", minimum=3)
    drills_file = EXERCISES_DIR / "drills.yaml"
    if drills_file.is_file():  # absent in an installed toolkit without the repository
        problems += check_drills(drills_file)
    return problems
