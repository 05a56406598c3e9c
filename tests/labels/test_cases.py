"""Every curated case of exercises/labels/cases.yaml gives exactly its answer key's findings."""

from __future__ import annotations

from collections import Counter

import pytest

from toolkit.labels import check_label
from toolkit.labels.cases import case_problems, load_cases
from toolkit.labels.content import validate

CASES = load_cases()


def test_there_are_at_least_forty_cases_at_every_difficulty() -> None:
    assert len(CASES) >= 40
    assert {c.difficulty for c in CASES} == {1, 2, 3}
    assert len({c.id for c in CASES}) == len(CASES)
    assert any(not c.key for c in CASES), "some labels must be correct"


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case_matches_its_answer_key(case) -> None:
    found = check_label(case.label, today=case.today)
    got = Counter((f.field, f.klik, f.check) for f in found)
    want = Counter((k.field, k.klik, k.check) for k in case.key)
    assert got == want, [f.message("en") for f in found]


def test_content_check_finds_no_problem() -> None:
    assert validate() == []


def test_case_schema_problems_are_reported() -> None:
    bad = {
        "id": "X1",
        "difficulty": 5,
        "today": "tomorrow",
        "label": {"colour": "red", "main_panel": ["logo"]},
        "key": [{"field": "nope", "klik": "x", "check": "y"}, {"field": "claims"}],
    }
    problems = case_problems(bad)
    text = " | ".join(problems)
    for part in (
        "difficulty",
        "today",
        "colour",
        "logo",
        "field 'nope'",
        "klik 'x'",
        "check 'y'",
        "exactly field, klik, check",
    ):
        assert part in text, part
    assert case_problems({"id": "X2"})  # missing keys


def test_rule_without_source_is_a_content_problem() -> None:
    from toolkit.labels.content import _rules_problems

    problems = _rules_problems(
        {
            "checks": {
                "claims.medicinal": {
                    "field": "claims",
                    "klik": "label",
                    "severity": "error",
                    "rule": "PP-69-1999/7",
                    "status": "unconfirmed",
                }
            }
        }
    )
    assert any("without source" in p for p in problems)
    assert any("unconfirmed rule must be a warning" in p for p in problems)


def test_case_ids_by_difficulty() -> None:
    from toolkit.labels.cases import case_ids

    all_ids = case_ids()
    by_level = [case_ids(d) for d in (1, 2, 3)]
    assert all(by_level)
    assert sorted(sum(by_level, [])) == sorted(all_ids)
