"""Property tests: scores stay in 0–1, draws are distinct and reproducible for any seed."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.quiz import draw, load_bank, question_score
from toolkit.quiz.model import BANKS_DIR

EXAMPLE = load_bank(BANKS_DIR / "examples" / "example.yaml")
HYGIENE = load_bank(BANKS_DIR / "hygiene.yaml")
ANSWERS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True),
    st.text(max_size=40),
    st.lists(st.text(max_size=8), max_size=8),
    st.lists(st.sampled_from(["a", "b", "wet", "soap", "rub", "start", "raw", "phone"])),
)


@given(answer=ANSWERS)
@settings(max_examples=300, deadline=None)
def test_any_answer_scores_between_0_and_1(answer) -> None:
    for q in EXAMPLE.questions:
        s = question_score(q, answer)
        assert 0.0 <= s <= 1.0


@given(chosen=st.sets(st.sampled_from(["start", "toilet", "raw", "phone"])))
def test_adding_a_right_option_never_lowers_the_score(chosen) -> None:
    q = EXAMPLE.question("ex-multiple-1")
    base = question_score(q, sorted(chosen))
    for extra in set(q.answer) - chosen:
        assert question_score(q, sorted(chosen | {extra})) >= base


@given(seed=st.one_of(st.integers(), st.text(max_size=30)), n=st.integers(1, 20))
@settings(max_examples=100, deadline=None)
def test_draw_is_distinct_and_reproducible(seed, n) -> None:
    first = [q.id for q in draw(HYGIENE, n, seed)]
    assert len(first) == n == len(set(first))
    assert [q.id for q in draw(HYGIENE, n, seed)] == first
