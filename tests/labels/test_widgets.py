"""Label widgets driven like a trainee would, in plain pytest."""

from __future__ import annotations

import datetime as dt
import json

import ipywidgets as W
import pytest

from tests.labels.conftest import good_label
from toolkit.i18n import t
from toolkit.labels import widgets as lw
from toolkit.labels.generator import generator_data
from toolkit.labels.vocab import rules

TODAY = dt.date(2026, 3, 1)


class FakeSession:
    lang = "id"

    def __init__(self) -> None:
        self.answers: list[dict] = []

    def record_answer(
        self, quiz, question_id, answer, correct=None, score=None, seconds=None, key=""
    ):
        self.answers.append(
            {
                "quiz": quiz,
                "question_id": question_id,
                "answer": answer,
                "correct": correct,
                "score": score,
                "key": key,
            }
        )
        return True


def _all_states(widget: W.Widget) -> str:
    out = [json.dumps(widget.get_state(), default=str)]
    for child in getattr(widget, "children", ()):
        out.append(_all_states(child))
    return "\n".join(out)


def _svg_text(html_text: str) -> str:
    import xml.etree.ElementTree as ET

    svg = html_text[html_text.index("<svg") :]
    root = ET.fromstring(svg)
    return "\n".join("".join(el.itertext()) for el in root.iter() if el.tag.endswith("text"))


def _perfect_marks(p):
    return {k.klik for k in p.expected()}, {k.field for k in p.expected()}


def test_practice_round_with_perfect_answers_scores_full_marks() -> None:
    session = FakeSession()
    w = lw.LabelPractice(session=session, n=5, difficulty=2, seed=42, today=TODAY)
    for _i in range(5):
        p = w.current
        assert p is not None
        assert "<svg" in w._picture.value
        klik, fields = _perfect_marks(p)
        w.mark(klik, fields)
        w.click_check()
        assert (
            t(
                "labels.practice.label_score",
                "id",
                score=max(1, len(p.defects)),
                total=max(1, len(p.defects)),
            )
            in w._feedback.value
        )
        w.click_next()
    pts, mx = w.score
    assert pts == mx > 0
    assert w.current is None
    assert t("labels.practice.round_score", "id", score=pts, total=mx) in w._feedback.value
    assert len(session.answers) == 5
    assert all(a["correct"] for a in session.answers)
    assert len({a["key"] for a in session.answers}) == 5


def test_false_alarms_and_misses_cost_points() -> None:
    w = lw.LabelPractice(n=3, difficulty=3, seed=7, today=TODAY)
    p = w.current
    assert p.defects
    wrong = {"production_code", "production_date"} - {k.field for k in p.expected()}
    assert wrong
    w.mark(set(), wrong)
    w.click_check()
    assert w.score[0] == 0
    assert w.score[1] == len(p.defects)
    assert t("labels.practice.missed", "id") in w._feedback.value


def test_feedback_explains_each_defect_with_its_rule() -> None:
    w = lw.LabelPractice(n=1, difficulty=3, seed=3, today=TODAY, lang="en")
    p = w.current
    w.mark(*_perfect_marks(p))
    w.click_check()
    for d in p.defects:
        for k in d.expects:
            assert rules()["checks"][k.check]["rule"] in w._feedback.value


def test_double_check_counts_once() -> None:
    w = lw.LabelPractice(n=2, difficulty=1, seed=9, today=TODAY)
    w.click_check()
    first = w.score
    w.click_check()
    assert w.score == first


def test_answer_keys_are_not_in_widget_state() -> None:
    w = lw.LabelPractice(n=5, difficulty=3, seed=11, today=TODAY)
    state = _all_states(w)
    for did in generator_data()["defects"]:
        assert did not in state
    for check in rules()["checks"]:
        assert check not in state


def test_score_answer_for_a_clean_label() -> None:
    w = lw.LabelPractice(n=30, difficulty=1, seed=1, today=TODAY)
    clean = next(p for p in w._labels if not p.defects)
    assert lw.score_answer(clean, set(), set())["points"] == 1
    assert lw.score_answer(clean, {"label"}, set())["points"] == 0


def test_own_label_check_lists_findings_and_draws_a_corrected_preview() -> None:
    session = FakeSession()
    w = lw.OwnLabelCheck(session=session, today=TODAY)
    w.set_values(
        product_name="Kue Kering Kenari",
        ingredients="Bahan: tepung terigu, kenari, gula, mentega, telur",
        net_content="Berat bersih 250 g",
        producer="UMKM Kenari Mas",
        best_before="Exp 12/07/2026",
        production_code="KK-01",
        production_date="12/01/2026",
        claims=["Menyehatkan jantung"],
        category="kue_kering",
        shelf_life_days=180,
        main_panel={"product_name", "net_content"},
    )
    w.click_check()
    checks = {f.check for f in w.findings}
    assert {
        "ingredients.heading",
        "producer.address",
        "allergen_statement.missing",
        "permit_number.missing",
        "best_before.lead_in",
        "main_panel.missing",
    } <= checks
    assert t("labels.fix.permit_number.missing", "id") in w._result.value.replace("&quot;", '"')
    preview = _svg_text(w._preview.value)
    assert 'class="main-panel"' in w._preview.value
    assert t("labels.svg.main_panel", "id") in preview
    assert "Komposisi: tepung terigu" in preview
    assert "Mengandung alergen: gandum, telur, susu, kacang pohon" in preview
    assert "Baik digunakan sebelum 12/07/2026" in preview
    assert "Menyehatkan" in preview  # MD/P-IRT unknown: a claim without permit is only a warning
    assert session.answers and session.answers[0]["quiz"] == "labels.own_label"


def test_own_label_correct_label_has_no_findings() -> None:
    w = lw.OwnLabelCheck(lang="en", today=TODAY)
    good = good_label()
    w.set_values(**{k: v for k, v in good.to_dict().items() if k != "package_defects"})
    w.click_check()
    assert w.findings == []
    assert t("labels.own.no_findings", "en") in w._result.value


def test_own_label_error_is_shown_kindly(monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*a, **k):
        raise RuntimeError("boom")

    monkeypatch.setattr(lw, "check_label", boom)
    w = lw.OwnLabelCheck(lang="en", today=TODAY)
    w.click_check()
    assert t("common.app.action_error", "en") in w._result.value.replace("&#x27;", "'")
    assert "boom" not in w._result.value


@pytest.mark.parametrize("lang", ["id", "en"])
def test_permit_explainer(lang: str) -> None:
    w = lw.PermitExplainer(lang=lang, today=TODAY)
    out = w.explain("P-IRT No. 2063306010023-28")
    assert "3306" in out and "0023" in out
    assert t("permits.explainer.food_ok", lang) in out
    assert str(2028) in out
    out = w.explain("NA18150900279")
    assert t("permits.explainer.not_food", lang) in out
    out = w.explain("P-IRT No. 206330601002-26")
    assert "12" in out and "13" in out and "<table" not in out
    out = w.explain("P-IRT No. 2063306010023-24")
    assert t("permits.explainer.expired", lang, year=2024) in out


def test_layout_is_phone_first() -> None:
    w = lw.LabelPractice(n=1, seed=1, today=TODAY)
    assert w.layout.width == "100%"
    assert all(b.layout.height == "40px" for b in w._klik.values())
    assert w._check.layout.min_height == "44px"


def test_practice_on_curated_cases_uses_their_keys() -> None:
    from toolkit.labels.cases import load_cases

    cases = {c.id: c for c in load_cases()}
    w = lw.LabelPractice(cases=["C45", "C01"], lang="en")
    p = w.current
    assert p.id == "C45" and p.today == cases["C45"].today
    w.mark({k.klik for k in cases["C45"].key}, {k.field for k in cases["C45"].key})
    w.click_check()
    assert w.score == (3, 3)
    w.click_next()
    w.mark({"label"}, {"claims"})  # C01 is a correct label: these are false alarms
    w.click_check()
    assert w.score == (3, 4)
    w.click_next()
    assert t("labels.practice.round_score", "en", score=3, total=4) in w._feedback.value
