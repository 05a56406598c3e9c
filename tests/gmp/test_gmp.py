"""CPPB-IRT checklist data, the level rule of §3.2, assessments, PLOR plans and progress."""

from __future__ import annotations

import datetime as dt
import io
import itertools
import json

import pytest

from toolkit.gmp import GmpError, assess, checklist, compare, irtp_level
from toolkit.gmp.model import (
    Answer,
    aspects,
    level_rules,
    load_assessment,
    save_assessment,
    saved_assessments,
)
from toolkit.gmp.report import excel_bytes, pdf_bytes, pdf_text

DAY = dt.date(2026, 11, 24)


def test_checklist_has_37_items_in_14_aspects_with_the_severities_of_3_1() -> None:
    items = checklist()
    assert [i.no for i in items] == list(range(1, 38))
    assert sorted({i.aspect for i in items}) == list("ABCDEFGHIJKLMN")
    by_sev = {s: {i.no for i in items if i.severity == s} for s in ("MI", "MA", "SE", "KR")}
    assert by_sev["MI"] == {36}
    assert by_sev["MA"] == {2, 8, 10, 17, 18, 19}
    assert by_sev["SE"] == {1, 3, 4, 6, 7, 11, 12, 15, 20, 22, 26, 27, 28, 29, 33, 35}
    assert by_sev["KR"] == {5, 9, 13, 14, 16, 21, 23, 24, 25, 30, 31, 32, 34, 37}
    for it in items:
        assert it.text("id") and it.text("en") and it.text("id") != it.text("en")
        assert "2207/2012" in it.source
    assert len(aspects("en")) == 14


@pytest.mark.parametrize(
    ("mi", "ma", "se", "kr", "level"),
    [
        (0, 0, 0, 0, 1),
        (5, 0, 0, 0, 1),  # minor findings never change the level
        (0, 1, 0, 0, 1),  # MA=1 → I
        (0, 2, 0, 0, 2),
        (0, 3, 0, 0, 2),
        (1, 3, 0, 0, 2),
        (0, 4, 0, 0, 3),  # MA ≥ 4, SE = 0 → III
        (0, 6, 0, 0, 3),
        (0, 0, 1, 0, 3),
        (0, 0, 4, 0, 3),
        (0, 4, 1, 0, 3),  # edge case of §3.2: MA=4, SE=1 → III
        (0, 6, 4, 0, 3),
        (0, 0, 5, 0, 4),  # SE ≥ 5 → IV
        (0, 0, 16, 0, 4),
        (0, 0, 0, 1, 4),  # KR=1 → IV
        (0, 1, 0, 1, 4),
        (1, 6, 16, 14, 4),
    ],
)
def test_level_boundaries_of_3_2(mi: int, ma: int, se: int, kr: int, level: int) -> None:
    assert irtp_level(mi, ma, se, kr) == level


def test_level_rule_matches_the_table_on_a_grid() -> None:
    # Each level's condition written out as in facts §3.2, checked on every small count.
    for mi, ma, se, kr in itertools.product(range(3), range(8), range(8), range(3)):
        table = {
            1: ma <= 1 and se == 0 and kr == 0,
            2: 2 <= ma <= 3 and se == 0 and kr == 0,
            3: (1 <= se <= 4 and kr == 0) or (ma >= 4 and se == 0 and kr == 0),
            4: kr >= 1 or se >= 5,
        }
        assert [lv for lv, hit in table.items() if hit] == [irtp_level(mi, ma, se, kr)]


@pytest.mark.parametrize("bad", [(-1, 0, 0, 0), (0, 1.5, 0, 0), (0, 0, "2", 0), (0, 0, 0, True)])
def test_level_rejects_impossible_counts(bad: tuple) -> None:
    with pytest.raises(GmpError) as info:
        irtp_level(*bad)
    assert info.value.key == "gmp.error.count"


def all_ok() -> dict[int, bool]:
    return {i.no: True for i in checklist()}


def test_clean_site_is_level_one_with_bimonthly_audit() -> None:
    res = assess(all_ok(), business="Keripik Ina", date=DAY)
    assert res.level == 1 and res.complete and res.eligible
    assert res.audit_frequency == "every_two_months"
    assert res.actions() == []


def test_assess_counts_by_severity_and_orders_actions_critical_first() -> None:
    answers: dict[int, object] = all_ok()
    answers.update(
        {
            36: "nc",
            2: False,
            8: "tidak",
            3: "nc",
            21: Answer(False, note="kucing di meja", location="dapur"),
        }
    )
    answers[28] = "na"
    res = assess(answers, business="Abon Ama", date=DAY, lang="id")
    assert res.counts == {"KR": 1, "SE": 1, "MA": 2, "MI": 1}
    assert res.level == 4 and not res.eligible
    assert res.audit_frequency == "every_day"
    assert res.not_applicable == [28]
    acts = res.actions()
    assert [a.item_no for a in acts] == [21, 3, 2, 8, 36]
    first = acts[0]
    assert first.location == "dapur" and first.evidence == "kucing di meja"
    assert "21" in first.reference and "2207/2012" in first.reference
    days = level_rules()["deadlines"]
    assert first.target_date == DAY + dt.timedelta(days=days["KR"])
    assert acts[-1].target_date == DAY + dt.timedelta(days=days["MI"])
    assert acts[1].location == aspects("id")["B"]  # no location given → the aspect


def test_partial_answers_are_reported_and_unconfirmed_consequence_is_said() -> None:
    res = assess({1: True, 5: False}, date=DAY)
    assert not res.complete and len(res.missing) == 35
    notes = " ".join(res.notes("en"))
    assert "35 items" in notes and "confirmation" in notes
    assert level_rules()["spp_irt_consequence"]["status"] == "unconfirmed"


@pytest.mark.parametrize(
    ("answers", "key"),
    [
        ({38: True}, "gmp.error.item"),
        ({"x": True}, "gmp.error.item"),
        ({1: "maybe"}, "gmp.error.answer"),
    ],
)
def test_bad_answers(answers: dict, key: str) -> None:
    with pytest.raises(GmpError) as info:
        assess(answers)
    assert info.value.key == key


def test_save_load_and_compare_progress(tmp_path) -> None:
    first = all_ok()
    first.update({5: False, 3: False, 36: False})
    a = assess(first, business="Kue Kering Maria", date=DAY)
    second = all_ok()
    second.update({36: False, 10: Answer(False, photo=b"\x89PNG fake")})
    b = assess(second, business="Kue Kering Maria", date=DAY + dt.timedelta(days=30))
    p1 = save_assessment(a, tmp_path)
    p2 = save_assessment(b, tmp_path)
    assert p1 != p2 and p1.suffix == ".json"
    assert json.loads(p1.read_text())["format"] == "pangan-cppb-irt/1"
    loaded = saved_assessments("kue kering maria", tmp_path)
    assert [x.level for x in loaded] == [4, 1]
    assert load_assessment(p2).answers[10].photo == b"\x89PNG fake"
    prog = compare(loaded[0], loaded[1])
    assert prog.resolved == [3, 5] and prog.new == [10] and prog.still_open == [36]
    assert prog.improved
    assert "IV → I" in prog.summary("en")[0]
    with pytest.raises(GmpError):
        compare(a, assess(first, business="Lain", date=DAY))
    bad = tmp_path / "bad.json"
    bad.write_text("{}")
    with pytest.raises(GmpError):
        load_assessment(bad)
    with pytest.raises(GmpError):
        save_assessment(assess({}, business="  "), tmp_path)


def test_pdf_report_contains_level_and_findings() -> None:
    ans = all_ok()
    ans.update({21: Answer(False, note="kucing di meja"), 2: False})
    data = pdf_bytes(assess(ans, business="Abon Ama", date=DAY), "id")
    assert data.startswith(b"%PDF")
    text = " ".join(pdf_text(data).split())
    assert "Level IRTP" in text or "level IRTP" in text
    assert ": IV" in text
    assert "kucing di meja" in text  # the objective evidence of the finding
    assert "Hewan peliharaan berkeliaran" in text  # the problem of item 21
    assert text.index("Butir 21") < text.index("Butir 2 ")  # critical first
    en = " ".join(pdf_text(pdf_bytes(assess(ans, business="Abon Ama", date=DAY), "en")).split())
    assert "Pets roam" in en


def test_excel_export_has_three_sheets_and_the_plan() -> None:
    from openpyxl import load_workbook

    ans = all_ok()
    ans.update({21: Answer(False, note="kucing di meja", location="dapur"), 2: False})
    wb = load_workbook(io.BytesIO(excel_bytes(assess(ans, business="Abon Ama", date=DAY), "en")))
    assert len(wb.sheetnames) == 3
    summary = [r[0] for r in wb.worksheets[0].iter_rows(values_only=True)]
    assert any("IV" in str(s) for s in summary)
    plan = list(wb.worksheets[2].iter_rows(values_only=True))
    assert [r[0] for r in plan[1:]] == [21, 2]
    assert plan[1][3] == "dapur" and plan[1][4] == "kucing di meja"
    checklist_rows = list(wb.worksheets[1].iter_rows(values_only=True))
    assert len(checklist_rows) == 38
