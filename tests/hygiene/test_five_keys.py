"""The Five Keys lesson: data schema, server-side checking, saved answers, completion."""

from __future__ import annotations

import copy

import pytest
import yaml

from toolkit.app.session import Session
from toolkit.hygiene.five_keys import DATA, LessonDataError, load_five_keys, parse_keys
from toolkit.hygiene.five_keys_widgets import FiveKeysLesson
from toolkit.store import open_store


def test_five_keys_data_is_valid_and_complete() -> None:
    keys = load_five_keys()
    assert [k.id for k in keys] == ["clean", "separate", "cook", "temperature", "safe_water"]
    for k in keys:
        assert k.check.source.strip()
        assert 0 <= k.check.answer < len(k.check.options)


@pytest.mark.parametrize(
    ("mutate", "where"),
    [
        (lambda d: d["keys"][1]["check"].update(answer=7), "keys[1].check.answer"),
        (lambda d: d["keys"][0]["check"].pop("source"), "keys[0].check.source"),
        (lambda d: d["keys"][2]["title"].pop("en"), "keys[2].title"),
        (lambda d: d["keys"][3]["points"].update(id=[]), "keys[3].points"),
    ],
)
def test_schema_errors_name_the_place(mutate, where) -> None:
    data = copy.deepcopy(yaml.safe_load(DATA.read_text(encoding="utf-8")))
    mutate(data)
    with pytest.raises(LessonDataError) as err:
        parse_keys(data)
    assert where in str(err.value) and "five_keys.yaml" in str(err.value)
    assert where in err.value.message("en")


def test_answer_key_is_not_in_any_widget_state() -> None:
    lesson = FiveKeysLesson(Session(lang="id"))
    for check in lesson.checks:
        state = check._choice.get_state()
        assert "answer" not in state
        assert state["index"] is None  # nothing preselected


def test_answers_are_saved_once_per_choice_and_completion_recorded(sqlite_url) -> None:
    s = Session("KPG25", "017", "id")
    s.use_store(open_store(sqlite_url))
    lesson = FiveKeysLesson(s)
    keys = load_five_keys()
    for check, key in zip(lesson.checks, keys, strict=True):
        wrong = (key.check.answer + 1) % len(key.check.options)
        check.choice = wrong
        check.click()
        check.click()  # double tap: stored once
        assert "Belum tepat" in check._feedback.value
        check.choice = key.check.answer
        check.click()
        assert "Benar" in check._feedback.value
    assert lesson.solved == 5
    answers = s.store.answers("KPG25", "017", "hygiene.five_keys")
    assert len(answers) == 10
    assert sum(a.correct for a in answers) == 5
    assert [(p.module, p.event) for p in s.store.progress("KPG25")] == [("hygiene", "completed")]


def test_submit_without_choice_asks_for_one() -> None:
    lesson = FiveKeysLesson(Session(lang="en"))
    lesson.checks[0].click()
    assert "Choose an answer first" in lesson.checks[0]._feedback.value


def test_tampered_choice_from_the_browser_is_refused() -> None:
    lesson = FiveKeysLesson(Session(lang="id"))
    check = lesson.checks[0]
    check._choice.index = None
    check._choice.set_state({"index": None})
    check._check()
    assert "Pilih jawaban dulu" in check._feedback.value


def test_store_failure_does_not_break_the_lesson(monkeypatch) -> None:
    s = Session("KPG25", "017", "id")

    class Broken:
        def record_answer(self, rec):
            raise RuntimeError("disk full")

    s.use_store(Broken())
    monkeypatch.setattr("time.sleep", lambda _s: None)
    lesson = FiveKeysLesson(s)
    lesson.checks[0].choice = load_five_keys()[0].check.answer
    lesson.checks[0].click()
    assert "Benar" in lesson.checks[0]._feedback.value
    assert "Belum tersimpan" in lesson.checks[0]._feedback.value
    assert lesson.solved == 0  # counted only once it is saved; pressing again retries
