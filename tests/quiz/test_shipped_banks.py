"""The shipped banks: sizes, coverage, parallel forms, sources, both languages."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from tests.quiz.conftest import write_bank
from toolkit.quiz import QuizError, bank_files, bank_path, draw, load_bank, score
from toolkit.quiz.prepost import parallel_problems

FORM_TOPICS = {"hygiene", "labels", "gmp", "permits", "shelflife"}
SHIPPED = bank_files()


def test_banks_are_shipped() -> None:
    names = {p.stem for p in SHIPPED}
    assert {"hygiene", "pretest", "posttest"} <= names


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_bank_quality(path: Path) -> None:
    bank = load_bank(path)
    assert len(bank.questions) >= 20
    for q in bank.questions:
        assert re.search(r"facts\.md §\d", q.source), q.id
        assert q.text.id != q.text.en, q.id
        assert q.explanation.id != q.explanation.en, q.id
        for o in q.options:
            assert o.text.id and o.text.en
    answers = {q.id: q.answer for q in bank.questions}
    assert score(list(bank.questions), answers).percent == pytest.approx(100)


def test_module_bank_topic_is_its_file_name() -> None:
    for path in SHIPPED:
        bank = load_bank(path)
        if bank.kind == "module":
            assert {q.topic for q in bank.questions} == {path.stem}


def test_pre_and_post_forms_are_parallel() -> None:
    pre, post = load_bank(bank_path("pretest")), load_bank(bank_path("posttest"))
    assert len(pre.questions) == len(post.questions) == 20
    assert pre.exam and post.exam
    assert {q.topic for q in pre.questions} == FORM_TOPICS
    count = Counter((q.topic, q.difficulty) for q in pre.questions)
    assert count == Counter((q.topic, q.difficulty) for q in post.questions)
    assert parallel_problems(pre, post) == []
    assert not {q.id for q in pre.questions} & {q.id for q in post.questions}
    pre_texts = {q.text.id for q in pre.questions}
    assert len(pre_texts & {q.text.id for q in post.questions}) <= 2


def test_hygiene_draw_covers_difficulties() -> None:
    bank = load_bank(bank_path("hygiene"))
    for seed in range(10):
        drawn = draw(bank, seed=f"KPG25|{seed:03d}|1")
        assert len(drawn) == bank.draw == 10
        assert {q.difficulty for q in drawn} == {"easy", "medium", "hard"}


def test_comma_in_one_line_text_gets_a_helpful_message(tmp_path: Path, make_q) -> None:
    path = tmp_path / "b.yaml"
    write_bank(tmp_path, "b", [make_q("q1")])
    text = path.read_text(encoding="utf-8")
    text = text.replace("type: truefalse", "type: single").replace(
        "answer: true",
        "answer: a\n  options:\n  - id: a\n    text: {id: Satu, dua, en: One, two}\n"
        "  - id: b\n    text: {id: Tiga, en: Three}",
    )
    path.write_text(text, encoding="utf-8")
    with pytest.raises(QuizError) as info:
        load_bank(path)
    problems = info.value.problems
    assert len(problems) == 1
    assert problems[0].field == "options.0.text"
    assert "double quotes" in problems[0].detail
