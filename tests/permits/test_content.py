"""``pangan content check`` covers the permit formats and the pathway advisor's data."""

from __future__ import annotations

import copy

import yaml

from toolkit.permits.content import validate, validate_formats
from toolkit.permits.model import DATA_FILE


def test_shipped_permit_data_is_valid() -> None:
    assert validate() == []


def test_format_problems_are_named() -> None:
    data = yaml.safe_load(DATA_FILE.read_text(encoding="utf-8"))
    broken = copy.deepcopy(data)
    kind = next(iter(broken["kinds"]))
    broken["kinds"][kind]["source"] = ""
    broken["kinds"][kind]["layouts"][0]["digits"] += 1
    problems = validate_formats(broken)
    assert any(f"kinds.{kind}.source" in p for p in problems)
    assert any(f"kinds.{kind}.layouts[0]" in p and "add up to" in p for p in problems)
    assert validate_formats({"kinds": {}}) != []
