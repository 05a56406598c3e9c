"""Per-participant pre/post scores and N-gain from the store; parallel-form checks."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.quiz.conftest import write_bank
from toolkit.quiz import load_bank
from toolkit.quiz.prepost import gains, parallel_problems, workshop_gains
from toolkit.store import AnswerRecord, open_store


def _forms(tmp_path: Path, make_q, post_changes: dict | None = None):
    pre = [
        make_q(f"pre-{i}", topic=t, difficulty=d, pair=f"p{i}")
        for i, (t, d) in enumerate(
            [("hygiene", "easy"), ("labels", "hard"), ("gmp", "easy"), ("permits", "medium")]
        )
    ]
    post = [
        make_q(f"post-{i}", topic=q["topic"], difficulty=q["difficulty"], pair=q["pair"])
        for i, q in enumerate(pre)
    ]
    for qid, change in (post_changes or {}).items():
        post[qid].update(change)
    a = load_bank(
        write_bank(tmp_path, "pretest", pre, kind="pretest", exam=True, parallel="posttest")
    )
    b = load_bank(
        write_bank(tmp_path, "posttest", post, kind="posttest", exam=True, parallel="pretest")
    )
    return a, b


def test_parallel_forms_pass(tmp_path: Path, make_q) -> None:
    pre, post = _forms(tmp_path, make_q)
    assert parallel_problems(pre, post) == []


def test_non_parallel_forms_are_named(tmp_path: Path, make_q) -> None:
    pre, post = _forms(tmp_path, make_q, {1: {"difficulty": "easy"}, 2: {"pair": "zz"}})
    problems = parallel_problems(pre, post)
    assert any(p.question == "post-1" and p.field == "difficulty" for p in problems)
    assert any(p.field == "pair" and "p2" in p.detail for p in problems)


def test_gains_per_participant(sqlite_url: str, tmp_path: Path, make_q) -> None:
    pre, post = _forms(tmp_path, make_q)
    store = open_store(sqlite_url)

    def put(quiz, p, qid, pts):
        store.record_answer(
            AnswerRecord("KPG25", p, quiz, qid, True, pts >= 1, pts, 3.0, key=f"{quiz}|{p}|{qid}")
        )

    for i, pts in enumerate([1, 0, 0, 0]):  # 001: pre 25 %
        put("pretest", "001", f"pre-{i}", pts)
    for i, pts in enumerate([1, 1, 1, 0.5]):  # 001: post 87.5 %
        put("posttest", "001", f"post-{i}", pts)
    for i in range(4):  # 002: pre 100 % -> gain undefined
        put("pretest", "002", f"pre-{i}", 1)
        put("posttest", "002", f"post-{i}", 1)
    put("pretest", "003", "pre-0", 1)  # 003: pre only
    put("pretest", "009", "pre-0", 1)
    store.record_answer(
        AnswerRecord("OTHER", "009", "posttest", "post-0", 1, True, 1.0, key="other")
    )

    rows = {r.participant: r for r in workshop_gains(store, "KPG25", pre, post)}
    assert sorted(rows) == ["001", "002", "003", "009"]
    r = rows["001"]
    assert (r.pre, r.post) == (25, 87.5)
    assert r.gain == pytest.approx(62.5 / 75)
    assert r.category == "tinggi"
    assert rows["002"].gain is None and rows["002"].category is None
    assert rows["003"].post is None and rows["003"].gain is None
    assert rows["009"].post is None  # the other workshop's answer is not counted


def test_gains_combines_dicts() -> None:
    rows = gains({"a": 40.0}, {"a": 52.0, "b": 10.0})
    assert rows[0].category == "rendah" and rows[0].gain == pytest.approx(0.2)
    assert rows[1].pre is None


def test_response_table_feeds_item_analysis(sqlite_url: str) -> None:
    from toolkit.evaluation import item_analysis, kr20
    from toolkit.quiz.prepost import response_table

    store = open_store(sqlite_url)
    marks = {"001": [1, 1, 1], "002": [1, 0, 1], "003": [0, 0, 1], "004": [1, 1, 0.5]}
    for p, scores in marks.items():
        for i, pts in enumerate(scores):
            store.record_answer(
                AnswerRecord(
                    "KPG25", p, "pretest", f"q{i}", "a", pts >= 1, pts, 1.0, key=f"{p}|q{i}"
                )
            )
    table = response_table(store.answers("KPG25", None, "pretest"), ["q0", "q1", "q2", "q9"])
    assert list(table.index) == ["001", "002", "003", "004"]
    assert table.loc["004"].tolist() == [1, 1, 0, 0]  # half a point is not a full point
    assert table["q9"].sum() == 0
    analysis = item_analysis(table)
    assert analysis.loc["q0", "difficulty"] == pytest.approx(0.75)
    assert kr20(table) is not None
