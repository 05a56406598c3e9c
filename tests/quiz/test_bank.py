"""Loading banks: every schema error names the file, the question id and the field."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.quiz.conftest import write_bank
from toolkit.quiz import QuizError, load_bank, load_banks


def _error(path: Path) -> QuizError:
    with pytest.raises(QuizError) as info:
        load_bank(path)
    return info.value


def test_key_is_the_file_name(tmp_path: Path, make_q) -> None:
    bank = load_bank(write_bank(tmp_path, "hygiene", [make_q("h1"), make_q("h2")]))
    assert bank.key == "hygiene"
    assert [q.id for q in bank.questions] == ["h1", "h2"]
    assert bank.pass_mark == 60


def test_missing_field_names_file_question_and_field(tmp_path: Path, make_q) -> None:
    q = make_q("h2")
    del q["explanation"]
    err = _error(write_bank(tmp_path, "hygiene", [make_q("h1"), q]))
    p = err.problems[0]
    assert p.file.endswith("hygiene.yaml")
    assert (p.question, p.field) == ("h2", "explanation")
    assert "hygiene.yaml" in str(err) and "h2" in str(err) and "explanation" in str(err)
    assert "explanation" in err.message("en")


def test_nested_field_is_named(tmp_path: Path, make_q) -> None:
    q = make_q("h1", text={"id": "Soal"})
    p = _error(write_bank(tmp_path, "b", [q])).problems[0]
    assert (p.question, p.field) == ("h1", "text.en")


def test_question_without_id_is_named_by_position(tmp_path: Path, make_q) -> None:
    q = make_q("x")
    del q["id"]
    p = _error(write_bank(tmp_path, "b", [make_q("a"), q])).problems[0]
    assert (p.question, p.field) == ("#2", "id")


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        (
            {
                "type": "single",
                "answer": "z",
                "options": [
                    {"id": "a", "text": {"id": "A", "en": "A"}},
                    {"id": "b", "text": {"id": "B", "en": "B"}},
                ],
            },
            "answer",
        ),
        (
            {
                "type": "single",
                "answer": "a",
                "options": [{"id": "a", "text": {"id": "A", "en": "A"}}],
            },
            "options",
        ),
        (
            {
                "type": "multiple",
                "answer": "a",
                "options": [
                    {"id": "a", "text": {"id": "A", "en": "A"}},
                    {"id": "b", "text": {"id": "B", "en": "B"}},
                ],
            },
            "answer",
        ),
        (
            {
                "type": "ordering",
                "answer": ["a"],
                "options": [
                    {"id": "a", "text": {"id": "A", "en": "A"}},
                    {"id": "b", "text": {"id": "B", "en": "B"}},
                ],
            },
            "answer",
        ),
        ({"type": "truefalse", "answer": "ya"}, "answer"),
        ({"type": "numeric", "answer": 4}, "unit"),
        ({"type": "numeric", "answer": "empat", "unit": {"id": "ml", "en": "ml"}}, "answer"),
        (
            {"type": "numeric", "answer": 4, "tolerance": -1, "unit": {"id": "ml", "en": "ml"}},
            "tolerance",
        ),
        ({"type": "truefalse", "tolerance": 0.5}, "tolerance/unit"),
        ({"type": "essay"}, "type"),
        ({"difficulty": "sulit"}, "difficulty"),
        ({"image": "nope.png", "image_alt": {"id": "x", "en": "x"}}, "image"),
        ({"image": "label_no_expiry.svg"}, "image_alt"),
        ({"image": "../model.py", "image_alt": {"id": "x", "en": "x"}}, "image"),
        ({"source": ""}, "source"),
        ({"id": "Hyg 1"}, "id"),
        ({"colour": "red"}, "colour"),
        ({"subtopic": "unknown"}, ""),
    ],
)
def test_schema_errors_name_the_field(tmp_path: Path, make_q, changes: dict, field: str) -> None:
    err = _error(write_bank(tmp_path, "b", [make_q("q1", **changes)]))
    p = err.problems[0]
    assert p.file.endswith("b.yaml")
    if field:
        assert p.question == changes.get("id", "q1")
        assert p.field == field
    else:  # a bank-level rule about a question names the question in the detail
        assert p.field == "subtopics" and "q1" in p.detail


def test_duplicate_ids_and_draw_bigger_than_bank(tmp_path: Path, make_q) -> None:
    p = _error(write_bank(tmp_path, "b", [make_q("q1"), make_q("q1")])).problems[0]
    assert p.field == "questions" and "q1" in p.detail
    p = _error(write_bank(tmp_path, "c", [make_q("q1")], draw=3)).problems[0]
    assert p.field == "draw"


def test_key_in_file_is_refused(tmp_path: Path, make_q) -> None:
    p = _error(write_bank(tmp_path, "b", [make_q("q1")], key="other")).problems[0]
    assert p.field == "key"


def test_invalid_yaml_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text("title: {id: a, en: b}\nquestions:\n  - id: [unclosed\n", encoding="utf-8")
    p = _error(path).problems[0]
    assert p.file.endswith("broken.yaml")
    assert p.field.startswith("line ")


def test_not_a_mapping_and_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "list.yaml"
    path.write_text("- a\n- b\n", encoding="utf-8")
    assert "mapping" in _error(path).problems[0].detail
    assert _error(tmp_path / "absent.yaml").problems[0].file.endswith("absent.yaml")


def test_all_problems_are_listed(tmp_path: Path, make_q) -> None:
    bad1 = make_q("q1", difficulty="x")
    bad2 = make_q("q2")
    del bad2["source"]
    err = _error(write_bank(tmp_path, "b", [bad1, make_q("ok"), bad2]))
    assert {(p.question, p.field) for p in err.problems} == {("q1", "difficulty"), ("q2", "source")}


def test_issue_7_corrupt_bank_does_not_stop_the_others(tmp_path: Path, make_q) -> None:
    write_bank(tmp_path, "hygiene", [make_q("h1")])
    write_bank(tmp_path, "labels", [make_q("l1", topic="labels")])
    (tmp_path / "gmp.yaml").write_text("questions: [\n", encoding="utf-8")
    bad = make_q("p1")
    del bad["answer"]
    write_bank(tmp_path, "permits", [bad])
    banks, problems = load_banks(tmp_path)
    assert sorted(banks) == ["hygiene", "labels"]
    assert banks["hygiene"].questions[0].id == "h1"
    files = {Path(p.file).name for p in problems}
    assert files == {"gmp.yaml", "permits.yaml"}
    assert any(p.question == "p1" and p.field == "answer" for p in problems)


@pytest.mark.parametrize(
    "text", ["Semua jawaban di atas benar", "None of the above", "A dan B", "Jawaban a salah"]
)
def test_order_dependent_option_must_be_pinned_last(tmp_path: Path, make_q, text: str) -> None:
    options = [
        {"id": "a", "text": {"id": "Satu", "en": "One"}},
        {"id": "b", "text": {"id": "Dua", "en": "Two"}},
        {"id": "c", "text": {"id": text, "en": text}},
    ]
    q = make_q("q1", type="single", answer="a", options=options)
    p = _error(write_bank(tmp_path, "b", [q])).problems[0]
    assert (p.question, p.field) == ("q1", "options") and "last" in p.detail
    options[2]["last"] = True
    assert load_bank(
        write_bank(tmp_path, "c", [make_q("q1", type="single", answer="a", options=options)])
    )


def test_an_unchanged_bank_is_reused_and_an_edit_is_read(tmp_path: Path, make_q) -> None:
    path = write_bank(tmp_path, "cache", [make_q("q1"), make_q("q2")])
    first = load_bank(path)
    assert load_bank(path) is first  # read once (kernels forked from the fork server share it)
    write_bank(tmp_path, "cache", [make_q("q1"), make_q("q2"), make_q("q3")])  # a trainer's edit
    edited = load_bank(path)
    assert edited is not first and len(edited.questions) == 3
    path.write_text("questions: [", encoding="utf-8")  # broken on the next save
    with pytest.raises(QuizError):
        load_bank(path)
