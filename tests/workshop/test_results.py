"""Workshop figures: scores from answers or attempts, progress, review flags."""

from __future__ import annotations

import pytest

from toolkit.store import AnswerRecord, open_store
from toolkit.workshop.results import (
    class_summary,
    item_report,
    progress_matrix,
    quiz_scores,
    review_flags,
    score_rows,
)


@pytest.fixture
def store(store_url: str):
    s = open_store(store_url)
    s.create_workshop("W", "w")
    yield s
    s.close()


def _ans(store, p: str, quiz: str, q: str, correct: bool, score: float | None = None) -> None:
    store.record_answer(AnswerRecord("W", p, quiz, q, "x", correct=correct, score=score))


def test_scores_use_points_over_the_form_and_attempts_win(store) -> None:
    for q in ("q1", "q2", "q3", "q4"):
        _ans(store, "A", "zz_test", q, True)
    _ans(store, "B", "zz_test", "q1", True)
    _ans(store, "B", "zz_test", "q2", False, score=0.5)  # partial credit
    scores = quiz_scores(store, "W", "zz_test")
    assert scores == {"A": 100.0, "B": pytest.approx(100 * 1.5 / 4)}
    store.record_attempt("W", "B", "zz_test", 7, max_score=10)
    assert quiz_scores(store, "W", "zz_test")["B"] == pytest.approx(70.0)


def test_score_rows_gain_and_class_summary(store) -> None:
    a, b, c = store.add_participants("W", [{"name": "A"}, {"name": "B"}, {"name": "C"}])
    for code, pre, post in ((a.code, 40, 70), (b.code, 60, 100), (c.code, 20, None)):
        store.record_attempt("W", code, "pretest", pre)
        if post is not None:
            store.record_attempt("W", code, "posttest", post)
    rows = {r.code: r for r in score_rows(store, "W", pass_mark=75)}
    assert rows[a.code].gain == pytest.approx(30 / 60)
    assert rows[a.code].category == "sedang" and rows[a.code].passed is False
    assert rows[b.code].gain == pytest.approx(1.0) and rows[b.code].passed is True
    assert rows[c.code].gain is None and rows[c.code].passed is None
    summary = class_summary(list(rows.values()))
    assert summary.n_pairs == 2 and summary.n_pre == 3
    assert summary.pre_mean == pytest.approx(40.0)
    assert summary.class_gain == pytest.approx((85 - 50) / (100 - 50))  # from pair means
    assert summary.mean_gain == pytest.approx((0.5 + 1.0) / 2)


def test_item_report_needs_two_complete_participants(store) -> None:
    _ans(store, "A", "t", "q1", True)
    _ans(store, "A", "t", "q2", False)
    _ans(store, "B", "t", "q1", True)  # B did not answer q2
    assert item_report(store, "W", "t") is None
    _ans(store, "C", "t", "q1", False)
    _ans(store, "C", "t", "q2", True)
    report = item_report(store, "W", "t")
    assert report is not None and report.n == 2
    assert report.table.loc["q1", "difficulty"] == pytest.approx(0.5)


def test_review_flags() -> None:
    assert review_flags(0.95, 0.1) == ["too_easy"]
    assert review_flags(0.1, -0.2) == ["too_hard", "negative"]
    assert review_flags(0.5, 0.4) == []


def test_progress_matrix_completed_beats_opened(store) -> None:
    store.record_progress("W", "A", "m1", "completed")
    store.record_progress("W", "A", "m1", "opened")
    store.record_progress("W", "B", "m2", "opened")
    modules, status = progress_matrix(store, "W")
    assert modules == ["m1", "m2"]
    assert status == {"A": {"m1": "completed"}, "B": {"m2": "opened"}}
