"""The example bank in the trainers' README is valid."""

from __future__ import annotations

from toolkit.quiz import load_bank
from toolkit.quiz.model import BANKS_DIR


def test_example_bank_loads_with_every_type() -> None:
    bank = load_bank(BANKS_DIR / "examples" / "example.yaml")
    assert bank.key == "example"
    types = {q.type for q in bank.questions}
    assert types == {"single", "multiple", "truefalse", "numeric", "ordering"}
    assert any(q.image for q in bank.questions)
