"""The curated label-practice cases of ``exercises/labels/cases.yaml``: loading and schema
checking. Each case is a printed label, the date it is judged on, and its answer key."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import Any

from toolkit import yamlio
from toolkit.labels.model import FIELDS, KLIK, Label

CASES_FILE = Path(__file__).resolve().parents[2] / "exercises" / "labels" / "cases.yaml"
LABEL_KEYS = {f.name for f in dataclasses.fields(Label)}


@dataclasses.dataclass(frozen=True)
class KeyItem:
    """One expected finding of an answer key."""

    field: str
    klik: str
    check: str


@dataclasses.dataclass(frozen=True)
class Case:
    """A curated practice label with its answer key.

    Attributes:
        id: Stable id (``C01`` …).
        difficulty: 1 (one obvious defect) to 3 (several subtle ones).
        today: The date the label is judged on.
        label: The printed label.
        key: The findings a correct check gives.
        note: Trainer's note (Indonesian), why the case is there.
    """

    id: str
    difficulty: int
    today: dt.date
    label: Label
    key: tuple[KeyItem, ...]
    note: str = ""


def case_problems(raw: Any, where: str = "case") -> list[str]:
    """Schema problems of one raw case mapping (empty when it is valid)."""
    from toolkit.labels.vocab import rules

    if not isinstance(raw, dict):
        return [f"{where}: not a mapping"]
    out = []
    for need in ("id", "difficulty", "today", "label", "key"):
        if need not in raw:
            out.append(f"{where}: missing '{need}'")
    if out:
        return out
    where = f"{where} {raw['id']}"
    if raw["difficulty"] not in (1, 2, 3):
        out.append(f"{where}: difficulty must be 1, 2 or 3")
    if not isinstance(raw["today"], dt.date):
        out.append(f"{where}: today must be a date (YYYY-MM-DD)")
    label = raw["label"]
    if not isinstance(label, dict):
        out.append(f"{where}: label must be a mapping")
    else:
        unknown = set(label) - LABEL_KEYS
        if unknown:
            out.append(f"{where}: unknown label fields {sorted(unknown)}")
        for f in label.get("main_panel") or []:
            if f not in FIELDS:
                out.append(f"{where}: main_panel names unknown field '{f}'")
    if not isinstance(raw["key"], list):
        out.append(f"{where}: key must be a list")
        return out
    checks = rules()["checks"]
    for i, item in enumerate(raw["key"]):
        if not isinstance(item, dict) or set(item) != {"field", "klik", "check"}:
            out.append(f"{where}: key item {i + 1} needs exactly field, klik, check")
            continue
        if item["field"] not in FIELDS:
            out.append(f"{where}: key item {i + 1} has unknown field '{item['field']}'")
        if item["klik"] not in KLIK:
            out.append(f"{where}: key item {i + 1} has unknown klik '{item['klik']}'")
        if item["check"] not in checks:
            out.append(f"{where}: key item {i + 1} has unknown check '{item['check']}'")
    return out


def load_cases(path: Path | None = None) -> list[Case]:
    """Read and validate the curated cases.

    Args:
        path: The YAML file (default: ``exercises/labels/cases.yaml``).

    Returns:
        The cases in file order.

    Raises:
        ValueError: A case breaks the schema (the message lists the problems).
    """
    data = yamlio.safe_load((path or CASES_FILE).read_text(encoding="utf-8"))
    raws = data.get("cases", []) if isinstance(data, dict) else []
    problems = [p for i, r in enumerate(raws) for p in case_problems(r, f"case #{i + 1}")]
    if problems:
        raise ValueError("; ".join(problems))
    return [
        Case(
            id=str(r["id"]),
            difficulty=int(r["difficulty"]),
            today=r["today"],
            label=Label.from_dict(r["label"]),
            key=tuple(KeyItem(**k) for k in r["key"]),
            note=str(r.get("note", "")),
        )
        for r in raws
    ]


def case_ids(difficulty: int | None = None, path: Path | None = None) -> list[str]:
    """Ids of the curated cases, optionally only those of one difficulty (1–3)."""
    return [c.id for c in load_cases(path) if difficulty is None or c.difficulty == difficulty]
