"""The quiz widget in plain pytest over a temporary SQLite store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.quiz.conftest import write_bank
from toolkit.app.session import Session
from toolkit.quiz import load_bank
from toolkit.quiz.model import BANKS_DIR
from toolkit.quiz.widgets import QuizWidget, quiz_name
from toolkit.store import open_store

EXAMPLE = BANKS_DIR / "examples" / "example.yaml"


@pytest.fixture
def store(sqlite_url: str):
    return open_store(sqlite_url)


def _session(store, participant: str = "017", lang: str = "id") -> Session:
    s = Session(workshop="KPG25", participant=participant, lang=lang)
    s.use_store(store)
    return s


def _answer_all(quiz: QuizWidget, right: bool = True) -> None:
    bank = quiz._bank
    while not quiz.finished:
        q = bank.question(quiz.current_question_id)
        quiz.set_answer(q.answer if right else _wrong(q))
        quiz.submit()
        if not quiz.finished and not quiz._exam:
            quiz.next()


def _wrong(q):
    if q.type == "truefalse":
        return not q.answer
    if q.type == "numeric":
        return q.answer + 10 * (q.tolerance + 1)
    if q.type == "single":
        return next(o.id for o in q.options if o.id != q.answer)
    if q.type == "multiple":
        return [o.id for o in q.options if o.id not in q.answer]
    return list(reversed(q.answer))


def test_every_answer_is_stored_once(store) -> None:
    quiz = QuizWidget(EXAMPLE, session=_session(store), n=6)
    assert len(quiz.question_ids) == 6
    _answer_all(quiz)
    rows = store.answers("KPG25", "017", "example")
    assert sorted(r.question_id for r in rows) == sorted(quiz.question_ids)
    assert all(r.correct and r.score == 1.0 for r in rows)
    assert all(r.seconds is not None and r.seconds >= 0 for r in rows)
    assert quiz.result is not None and quiz.result.percent == 100
    assert "100" in quiz.screen


def test_stored_answers_are_the_given_answers(store) -> None:
    quiz = QuizWidget(EXAMPLE, session=_session(store), n=6)
    bank = load_bank(EXAMPLE)
    _answer_all(quiz)
    for row in store.answers("KPG25", "017", "example"):
        q = bank.question(row.question_id)
        if q.type == "multiple":
            assert sorted(row.answer) == sorted(q.answer)
        else:
            assert row.answer == (float(q.answer) if q.type == "numeric" else q.answer)


def test_double_tap_writes_once(store) -> None:
    quiz = QuizWidget(EXAMPLE, session=_session(store), n=6)
    q = quiz._bank.question(quiz.current_question_id)
    quiz.set_answer(_wrong(q))
    quiz.submit()
    quiz.submit()
    quiz._submit.disabled = False  # even a tap that reaches the kernel again
    quiz.submit()
    rows = store.answers("KPG25", "017", "example")
    assert len(rows) == 1 and rows[0].correct is False


@pytest.mark.parametrize("qtype", ["single", "multiple", "truefalse", "numeric"])
def test_no_answer_asks_to_choose(store, qtype: str) -> None:
    bank = load_bank(EXAMPLE)
    only = tuple(q for q in bank.questions if q.type == qtype)
    quiz = QuizWidget(
        bank.model_copy(update={"questions": only, "draw": None}), session=_session(store)
    )
    quiz.submit()
    assert store.answers("KPG25", "017", "example") == []
    assert "pangan-msg-warn" in quiz.feedback
    assert quiz.index == 0


def test_unreadable_number_is_refused(store, tmp_path: Path) -> None:
    bank = load_bank(EXAMPLE)
    numeric = [q for q in bank.questions if q.type == "numeric"]
    quiz = QuizWidget(
        bank.model_copy(update={"questions": tuple(numeric), "draw": None}), session=_session(store)
    )
    quiz.set_answer("empat")
    quiz.submit()
    assert store.answers("KPG25", "017", "example") == []
    quiz.set_answer("4,1")
    quiz.submit()
    assert store.answers("KPG25", "017", "example")[0].answer == pytest.approx(4.1)


def test_feedback_shows_explanation_and_right_answer(store) -> None:
    quiz = QuizWidget(EXAMPLE, session=_session(store), n=6)
    q = quiz._bank.question(quiz.current_question_id)
    quiz.set_answer(_wrong(q))
    quiz.submit()
    assert q.explanation.id in quiz.feedback
    assert "Jawaban yang benar" in quiz.feedback
    assert quiz.current_question_id == q.id  # stays until "next"
    quiz.next()
    assert quiz.index == 1


def test_english_feedback(store) -> None:
    quiz = QuizWidget(EXAMPLE, session=_session(store, lang="en"), n=6)
    q = quiz._bank.question(quiz.current_question_id)
    quiz.set_answer(q.answer)
    quiz.submit()
    assert "Correct!" in quiz.feedback and q.explanation.en in quiz.feedback


def test_exam_mode_gives_feedback_only_at_the_end(store) -> None:
    quiz = QuizWidget(EXAMPLE, session=_session(store), n=6, exam=True)
    q = quiz._bank.question(quiz.current_question_id)
    quiz.set_answer(q.answer)
    quiz.submit()
    assert quiz.index == 1
    assert q.explanation.id not in quiz.screen
    _answer_all(quiz, right=False)
    assert quiz.finished
    assert q.explanation.id in quiz.screen
    assert len(store.answers("KPG25", "017", "example")) == 6


def test_reload_resumes_with_the_same_questions(store) -> None:
    s = _session(store)
    first = QuizWidget(EXAMPLE, session=s, n=6)
    for _ in range(2):
        q = first._bank.question(first.current_question_id)
        first.set_answer(q.answer)
        first.submit()
        first.next()
    again = QuizWidget(EXAMPLE, session=_session(store), n=6)
    assert again.question_ids == first.question_ids
    assert again.index == 2
    assert "tersimpan" in again.feedback
    _answer_all(again)
    assert again.result.percent == 100
    done = QuizWidget(EXAMPLE, session=_session(store), n=6)
    assert done.finished and done.result.percent == 100
    assert len(store.attempts("KPG25", quiz="example")) == 1  # a reload records no second total


def test_neighbours_get_other_orders(store) -> None:
    orders = {
        tuple(QuizWidget(EXAMPLE, session=_session(store, f"{p:03d}"), n=6).question_ids)
        for p in range(8)
    }
    assert len(orders) > 1


def test_below_pass_mark_review_and_parallel_retake(store, tmp_path: Path, make_q) -> None:
    qs = [make_q(f"h{i}", subtopic="wash" if i % 2 else "") for i in range(8)]
    path = write_bank(
        tmp_path,
        "hygiene",
        qs,
        draw=4,
        subtopics={"wash": {"id": "Cuci tangan", "en": "Handwashing"}},
    )
    quiz = QuizWidget(path, session=_session(store))
    _answer_all(quiz, right=False)
    assert quiz.result.percent == 0 and not quiz.result.passed
    assert "Belum lulus" in quiz.screen and "Higiene dan Sanitasi" in quiz.screen
    assert quiz._retake in quiz._body.children
    first = set(quiz.question_ids)
    quiz.retake()
    assert quiz.attempt == 2 and quiz.quiz == "hygiene#2"
    assert not first & set(quiz.question_ids)
    _answer_all(quiz, right=True)
    assert quiz.result.passed and "lulus" in quiz.screen
    assert len(store.answers("KPG25", "017", "hygiene")) == 4
    assert len(store.answers("KPG25", "017", "hygiene#2")) == 4
    totals = [(a.quiz, a.score, a.max_score) for a in store.attempts("KPG25")]
    assert totals == [("hygiene", 0.0, 100.0), ("hygiene", 100.0, 100.0)]
    assert store.progress("KPG25")[-1].event == "completed"
    again = QuizWidget(path, session=_session(store))  # reload shows attempt 2's result
    assert again.attempt == 2 and again.finished and again.result.passed


def test_ordering_with_move_buttons(store) -> None:
    bank = load_bank(EXAMPLE)
    ordering = [q for q in bank.questions if q.type == "ordering"]
    quiz = QuizWidget(
        bank.model_copy(update={"questions": tuple(ordering), "draw": None}),
        session=_session(store),
    )
    q = ordering[0]
    # bubble each item into place with the ▲/▼ buttons
    for target, oid in enumerate(q.answer):
        while quiz._order.index(oid) > target:
            quiz.move(oid, -1)
    quiz.move(q.answer[-1], 1)  # at the bottom already: no effect
    quiz.submit()
    row = store.answers("KPG25", "017", "example")[0]
    assert row.answer == list(q.answer) and row.correct


def test_multiple_partial_credit_is_stored(store) -> None:
    bank = load_bank(EXAMPLE)
    multi = [q for q in bank.questions if q.type == "multiple"]
    quiz = QuizWidget(
        bank.model_copy(update={"questions": tuple(multi), "draw": None}), session=_session(store)
    )
    quiz.set_answer(multi[0].answer[:1])
    quiz.submit()
    row = store.answers("KPG25", "017", "example")[0]
    assert row.score == pytest.approx(1 / 3) and row.correct is False
    assert "Sebagian benar" in quiz.feedback


def test_answer_keys_never_in_widget_state(store) -> None:
    quiz = QuizWidget(EXAMPLE, session=_session(store), n=6)
    seen = []
    for _ in range(6):
        q = quiz._bank.question(quiz.current_question_id)
        state = json.dumps(_all_state(quiz), default=str)
        assert q.explanation.id not in state
        if q.type == "numeric":
            assert f'"{q.answer}"' not in state
        seen.append(q.id)
        quiz.set_answer(q.answer)
        quiz.submit()
        quiz.next()
    assert len(seen) == 6


def _all_state(widget) -> list:
    out = [widget.get_state()]
    for child in getattr(widget, "children", ()):
        out += _all_state(child)
    return out


def test_corrupt_bank_shows_a_message_not_a_traceback(store, tmp_path: Path) -> None:
    bad = tmp_path / "gmp.yaml"
    bad.write_text("title: {id: a, en: b}\nquestions: [\n", encoding="utf-8")
    quiz = QuizWidget(bad, session=_session(store))
    assert "pangan-msg-error" in quiz.feedback
    assert "Traceback" not in quiz.screen
    assert quiz.error and "gmp.yaml" in quiz.error
    ok = QuizWidget(EXAMPLE, session=_session(store), n=6)  # the others keep working
    assert len(ok.question_ids) == 6


def test_guest_is_not_stored_but_can_answer(store) -> None:
    guest = Session(lang="id")
    guest.use_store(store)
    quiz = QuizWidget(EXAMPLE, session=guest, n=6)
    _answer_all(quiz)
    assert quiz.result.percent == 100
    assert store.answers() == []


def test_store_failure_keeps_the_question(store, monkeypatch) -> None:
    s = _session(store)
    quiz = QuizWidget(EXAMPLE, session=s, n=6)
    monkeypatch.setattr(s, "record_answer", lambda *a, **k: False)
    q = quiz._bank.question(quiz.current_question_id)
    quiz.set_answer(q.answer)
    quiz.submit()
    assert "Belum tersimpan" in quiz.feedback
    assert quiz.current_question_id == q.id and not quiz._submit.disabled


def test_quiz_name() -> None:
    bank = load_bank(EXAMPLE)
    assert quiz_name(bank, 1) == "example" and quiz_name(bank, 3) == "example#3"


@pytest.mark.parametrize(
    ("source", "shown"),
    [
        ("facts.md §6.3 (WHO; Kemenkes–UNICEF CTPS guide)", "WHO; Kemenkes–UNICEF CTPS guide"),
        ("facts.md §1.1 (PerBPOM 31/2018 Pasal 5(1)); §3.1", "PerBPOM 31/2018 Pasal 5(1)"),
        ("facts.md §6.2", "§6.2"),
        ("facts.md §3.1 (CPPB-IRT); §6.1 (WHO)", "CPPB-IRT; WHO"),
    ],
)
def test_display_source(source: str, shown: str) -> None:
    from toolkit.quiz.widgets import display_source

    assert display_source(source) == shown


def test_topic_titles_for_review() -> None:
    from toolkit.quiz.widgets import topic_title

    for topic in ("hygiene", "labels", "gmp", "permits", "shelflife", "nutrition"):
        assert topic_title(topic, "id") != topic
        assert topic_title(topic, "en") != topic
    assert topic_title("unknown_topic", "id") == "unknown_topic"


def test_pretest_summary_lists_topics_to_review(store) -> None:
    quiz = QuizWidget("pretest", session=_session(store))
    assert quiz._exam and len(quiz.question_ids) == 20
    _answer_all(quiz, right=False)
    assert quiz.result.percent == 0
    assert "Tes awal selesai" in quiz.screen
    assert quiz._retake not in quiz._body.children  # no retake of a test form
    for topic in ("Higiene", "Masa Simpan"):
        assert topic.lower() in quiz.screen.lower()
    assert len(store.answers("KPG25", "017", "pretest")) == 20


def test_unconfirmed_question_says_it_needs_confirmation(store) -> None:
    bank = load_bank(BANKS_DIR / "gmp.yaml")
    flagged = tuple(q for q in bank.questions if q.status == "unconfirmed")
    assert flagged
    quiz = QuizWidget(
        bank.model_copy(update={"questions": flagged, "draw": None}), session=_session(store)
    )
    assert "perlu dikonfirmasi" in quiz.screen
    plain = tuple(q for q in bank.questions if q.status == "confirmed")[:1]
    quiz = QuizWidget(
        bank.model_copy(update={"questions": plain, "draw": None}), session=_session(store)
    )
    assert "perlu dikonfirmasi" not in quiz.screen


def test_stale_and_forged_events_are_ignored(store) -> None:
    bank = load_bank(EXAMPLE)
    only = tuple(q for q in bank.questions if q.type in ("ordering", "single"))
    quiz = QuizWidget(
        bank.model_copy(update={"questions": only, "draw": None}), session=_session(store)
    )
    quiz.next()  # next before answering does nothing
    assert quiz.index == 0
    _answer_all(quiz)
    assert quiz.finished
    quiz.move("wet", -1)  # an old ordering button after the end
    quiz.submit()
    quiz.retake()  # passed: no retake
    assert quiz.finished and quiz.attempt == 1
    assert len(store.answers("KPG25", "017", "example")) == len(only)
    assert "pangan-msg-error" not in quiz.screen


def test_answer_key_fits_the_store() -> None:
    from toolkit.quiz.widgets import _answer_key

    short = _answer_key(Session(workshop="KPG25", participant="017"), "hygiene", "hyg-001")
    assert short == "KPG25|017|hygiene|hyg-001"
    long = _answer_key(Session(workshop="W" * 32, participant="P" * 32), "q" * 40, "x" * 63)
    other = _answer_key(Session(workshop="W" * 32, participant="P" * 31), "q" * 40, "x" * 63)
    assert len(long) <= 128 and long != other


def test_score_just_below_the_pass_mark_is_not_shown_as_passing(store, tmp_path, make_q) -> None:
    opts = [{"id": k, "text": {"id": k.upper(), "en": k.upper()}} for k in "abcd"]
    multi = make_q("m", type="multiple", answer=["a", "b", "c", "d"], options=opts)
    qs = [make_q(f"t{i}") for i in range(9)] + [multi]
    path = write_bank(tmp_path, "hygiene", qs, pass_mark=60)
    quiz = QuizWidget(path, session=_session(store))
    bank = quiz._bank
    right = iter([True] * 5 + [False] * 4)
    while not quiz.finished:
        q = bank.question(quiz.current_question_id)
        if q.type == "multiple":
            quiz.set_answer(["a", "b", "c"])  # 3/4 = 0.75 point
        else:
            quiz.set_answer(q.answer if next(right) else _wrong(q))
        quiz.submit()
        if not quiz.finished:
            quiz.next()
    assert quiz.result.percent == pytest.approx(57.5)
    assert "57,5" in quiz.screen and "Belum lulus" in quiz.screen


def test_each_screen_closes_the_one_before(store) -> None:
    """A trainee's kernel does not grow with every question: the widgets of a screen that
    has gone are closed (its quiz buttons and messages stay)."""
    from ipywidgets.widgets.widget import _instances

    quiz = QuizWidget(EXAMPLE, session=_session(store), n=6)
    bank = quiz._bank
    alive, gone = [], []
    while not quiz.finished:
        before = list(quiz._body.children)
        q = bank.question(quiz.current_question_id)
        if q.type == "ordering":
            quiz.move(q.answer[-1], -1)  # re-orders: the old rows are closed too
        quiz.set_answer(q.answer)
        quiz.submit()
        quiz.next()
        alive.append(len(_instances))
        gone += [c for c in before if c not in quiz._body.children]
    kept = (quiz._feedback, quiz._submit, quiz._next, quiz._retake)
    gone = [c for c in gone if c not in kept]
    assert gone and all(c.comm is None for c in gone)  # closed, not just hidden
    assert all(k.comm is not None for k in kept)
    assert max(alive) - min(alive) < 30  # one screen's widgets, not one per question
