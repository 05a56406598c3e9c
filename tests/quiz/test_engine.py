"""Drawing (seeded, distinct, stratified, shuffled) and scoring of every question type."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from tests.quiz.conftest import write_bank
from toolkit.quiz import QuizError, draw, load_bank, parse_number, question_score, score
from toolkit.quiz.model import BANKS_DIR

EXAMPLE = BANKS_DIR / "examples" / "example.yaml"


@pytest.fixture
def example():
    return load_bank(EXAMPLE)


# --- drawing ------------------------------------------------------------------------------


def test_same_seed_same_quiz(pooled_bank: Path) -> None:
    bank = load_bank(pooled_bank)
    a = draw(bank, 10, seed="KPG25|017|mixed|1")
    b = draw(load_bank(pooled_bank), 10, seed="KPG25|017|mixed|1")
    assert [q.id for q in a] == [q.id for q in b]


def test_neighbours_get_different_orders(pooled_bank: Path) -> None:
    bank = load_bank(pooled_bank)
    orders = {tuple(q.id for q in draw(bank, 10, seed=f"KPG25|{p:03d}")) for p in range(20)}
    assert len(orders) == 20


def test_drawn_questions_are_distinct_and_from_the_bank(pooled_bank: Path) -> None:
    bank = load_bank(pooled_bank)
    ids = {q.id for q in bank.questions}
    for seed in range(30):
        drawn = [q.id for q in draw(bank, 12, seed=seed)]
        assert len(drawn) == 12 == len(set(drawn))
        assert set(drawn) <= ids


def test_every_topic_and_difficulty_pool_is_covered(pooled_bank: Path) -> None:
    bank = load_bank(pooled_bank)
    for seed in range(20):
        drawn = draw(bank, 6, seed=seed)
        pools = Counter((q.topic, q.difficulty) for q in drawn)
        assert len(pools) == 6 and set(pools.values()) == {1}
        drawn = draw(bank, 12, seed=seed)
        assert set(Counter((q.topic, q.difficulty) for q in drawn).values()) == {2}


def test_draw_is_proportional_to_pool_size(tmp_path: Path, make_q) -> None:
    qs = [make_q(f"e{i}", difficulty="easy") for i in range(15)]
    qs += [make_q(f"h{i}", difficulty="hard") for i in range(5)]
    bank = load_bank(write_bank(tmp_path, "hygiene", qs))
    drawn = draw(bank, 8, seed=1)
    assert Counter(q.difficulty for q in drawn) == {"easy": 6, "hard": 2}


def test_fewer_questions_than_pools_still_distinct(pooled_bank: Path) -> None:
    bank = load_bank(pooled_bank)
    drawn = draw(bank, 3, seed=5)
    assert len({(q.topic, q.difficulty) for q in drawn}) == 3


def test_topic_filter(pooled_bank: Path) -> None:
    bank = load_bank(pooled_bank)
    drawn = draw(bank, 8, seed=3, topics=["labels"])
    assert {q.topic for q in drawn} == {"labels"}
    with pytest.raises(QuizError) as info:
        draw(bank, 9, seed=3, topics=["labels"])
    assert info.value.params["found"] == 8


def test_exclude_gives_a_parallel_form(pooled_bank: Path) -> None:
    bank = load_bank(pooled_bank)
    first = draw(bank, 12, seed="a")
    second = draw(bank, 12, seed="b", exclude=[q.id for q in first])
    assert not {q.id for q in first} & {q.id for q in second}
    assert Counter((q.topic, q.difficulty) for q in first) == Counter(
        (q.topic, q.difficulty) for q in second
    )


def test_default_n_is_bank_draw(example) -> None:
    assert len(draw(example, seed=0)) == example.draw == 5
    with pytest.raises(QuizError):
        draw(example, 0, seed=0)
    with pytest.raises(QuizError):
        draw(example, 7, seed=0)


def test_options_shuffled_and_pinned_option_stays_last(example) -> None:
    orders = set()
    for seed in range(40):
        q = next(q for q in draw(example, 6, seed=seed) if q.id == "ex-image-1")
        assert q.options[-1].id == "none"
        assert {o.id for o in q.options} == {"expiry", "weight", "code", "none"}
        orders.add(tuple(o.id for o in q.options))
    assert len(orders) > 1
    original = next(q for q in example.questions if q.id == "ex-image-1")
    assert original.options[-1].id == "none"  # the bank itself is untouched


def test_ordering_question_is_not_shown_already_solved(example) -> None:
    for seed in range(40):
        q = next(q for q in draw(example, 6, seed=seed) if q.type == "ordering")
        assert [o.id for o in q.options] != list(q.answer)


# --- scoring ------------------------------------------------------------------------------


def _q(example, qid):
    return next(q for q in example.questions if q.id == qid)


def test_single(example) -> None:
    q = _q(example, "ex-single-1")
    assert question_score(q, "b") == 1
    assert question_score(q, "a") == 0
    assert question_score(q, ["b"]) == 0
    assert question_score(q, None) == 0


@pytest.mark.parametrize(
    ("chosen", "expected"),
    [
        (["start", "toilet", "raw"], 1.0),
        (["raw", "start", "toilet"], 1.0),
        (["start"], 1 / 3),
        (["start", "toilet"], 2 / 3),
        (["start", "phone"], 0.0),
        (["start", "toilet", "phone"], 1 / 3),
        (["start", "toilet", "raw", "phone"], 2 / 3),
        (["phone"], 0.0),
        ([], 0.0),
        (["start", "bogus"], 1 / 3),
    ],
)
def test_multiple_partial_credit(example, chosen, expected) -> None:
    q = _q(example, "ex-multiple-1")
    assert question_score(q, chosen) == pytest.approx(expected)


def test_truefalse(example) -> None:
    q = _q(example, "ex-truefalse-1")
    assert question_score(q, False) == 1
    assert question_score(q, True) == 0
    assert question_score(q, "false") == 0
    assert question_score(q, 0) == 0


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        (4, 1),
        ("4", 1),
        ("3,8", 1),
        (4.2, 1),
        ("4.2", 1),
        (3.79, 0),
        ("4,21", 0),
        ("", 0),
        ("empat", 0),
        (None, 0),
        (True, 0),
        (float("nan"), 0),
    ],
)
def test_numeric_tolerance(example, typed, expected) -> None:
    q = _q(example, "ex-numeric-1")
    assert (q.answer, q.tolerance) == (4, 0.2)
    assert question_score(q, typed) == expected


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("3,8", 3.8),
        ("1.234,5", 1234.5),
        ("1,234.5", 1234.5),
        (" 7 ", 7.0),
        ("1e400", None),
        ("abc", None),
        ("", None),
    ],
)
def test_parse_number(text, number) -> None:
    assert parse_number(text) == number


def test_ordering_partial_credit(example) -> None:
    q = _q(example, "ex-ordering-1")
    right = ["wet", "soap", "rub", "rinse", "dry"]
    assert question_score(q, right) == 1
    assert question_score(q, ["soap", "wet", "rub", "rinse", "dry"]) == pytest.approx(3 / 5)
    assert question_score(q, list(reversed(right))) == pytest.approx(1 / 5)
    assert question_score(q, right[:4]) == 0
    assert question_score(q, right[:4] + ["wet"]) == 0
    assert question_score(q, "wet") == 0


def test_score_percent_pass_and_review(example) -> None:
    qs = list(example.questions)
    answers = {
        "ex-single-1": "b",
        "ex-multiple-1": ["start"],
        "ex-truefalse-1": False,
        "ex-numeric-1": "9",
        "ex-image-1": "expiry",
    }
    result = score(qs, answers)
    expected = 100 * (1 + 1 / 3 + 1 + 0 + 0 + 1) / 6
    assert result.percent == pytest.approx(expected)
    assert result.n_correct == 3
    assert result.max_points == 6
    assert result.passed is (expected >= 60)
    missed = [r.question_id for r in result.missed()]
    assert missed == ["ex-multiple-1", "ex-numeric-1", "ex-ordering-1"]
    assert result.review_keys() == [("hygiene", "handwashing"), ("hygiene", "")]
    unanswered = next(r for r in result.results if r.question_id == "ex-ordering-1")
    assert not unanswered.answered


def test_pass_mark_is_per_quiz(example) -> None:
    qs = list(example.questions)[:5]
    answers = {q.id: q.answer for q in qs[:3]}
    assert score(qs, answers).percent == pytest.approx(60)
    assert score(qs, answers).passed
    assert not score(qs, answers, pass_mark=70).passed
    assert score(qs, {}).percent == 0
