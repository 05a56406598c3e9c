"""What a workshop's records add up to: progress per module, pre/post scores with N-gain,
and item analysis per test. Shared by the exports, the certificates and the dashboard.

Conventions (also shown to trainers in the dashboard's notes):

- A test's score is a percentage. When a finished attempt was recorded
  (``Store.record_attempt``), its ``score / max_score`` counts (latest attempt); otherwise,
  as in ``toolkit.quiz.prepost``, the answers' points (``score``, else 1 for correct) over
  the questions of the form: the shipped bank's ``n_draw``, or, without a shipped bank, the
  number of question ids anyone in the workshop answered for that test.
- N-gain (Hake 1998, facts.md §8.1) per participant with both scores; the class figure is
  Hake's ⟨g⟩ from the class means, and the mean of the individual gains is shown beside it.
- Item analysis uses the participants who answered every question of the test; with fewer
  than two such participants a test has no item analysis.
- Review flags are a teaching convention, not a regulation (adjust in one place here):
  too easy when difficulty > 0.90, too hard when difficulty < 0.20, and any negative
  discrimination index.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from toolkit.quiz.model import DEFAULT_PASS_MARK as QUIZ_PASS_MARK
from toolkit.store import Store

PRE_QUIZ = "pretest"
POST_QUIZ = "posttest"
TOO_EASY = 0.90
TOO_HARD = 0.20
#: Default pass mark of the post-test: PKP certificate "cukup" = 60 (facts.md §8.2, SECONDARY;
#: the pass mark under PerBPOM 16/2021 is UNCONFIRMED). The same figure as the quiz's.
DEFAULT_PASS_MARK = QUIZ_PASS_MARK


def form_size(quiz: str) -> int | None:
    """Questions one participant answers in the shipped bank ``quiz`` (None if no such bank)."""
    from toolkit.quiz import QuizError, bank_path, load_bank

    path = bank_path(quiz)
    if not path.is_file():
        return None
    try:
        return load_bank(path).n_draw
    except QuizError:
        return None


def quiz_scores(store: Store, workshop: str, quiz: str) -> dict[str, float]:
    """Percentage score per participant code for one test (see the module notes)."""
    scores: dict[str, float] = {}
    for a in store.attempts(workshop, quiz=quiz):  # oldest first: the latest wins
        if a.max_score and a.max_score > 0:
            scores[a.participant_code] = min(100.0, max(0.0, 100.0 * a.score / a.max_score))
    points: dict[str, dict[str, float]] = defaultdict(dict)
    for a in store.answers(workshop, quiz=quiz):
        pts = a.score if a.score is not None else (1.0 if a.correct else 0.0)
        points[a.participant_code][a.question_id] = float(pts)
    n = form_size(quiz) or len({q for per in points.values() for q in per})
    for code, per in points.items():
        if code not in scores and n:
            scores[code] = min(100.0, 100.0 * sum(per.values()) / n)
    return scores


def _latest_answers(store: Store, workshop: str, quiz: str) -> dict[str, dict[str, bool]]:
    out: dict[str, dict[str, bool]] = defaultdict(dict)
    for a in store.answers(workshop, quiz=quiz):  # oldest first: the latest wins
        out[a.participant_code][a.question_id] = bool(a.correct)
    return out


def response_matrix(store: Store, workshop: str, quiz: str) -> Any:
    """Participants × questions table of 0/1 for those who answered every question.

    Returns:
        A ``pandas.DataFrame`` indexed by participant code, columns sorted question ids
        (empty when nobody answered the whole test).
    """
    import pandas as pd

    answers = _latest_answers(store, workshop, quiz)
    items = sorted({q for per in answers.values() for q in per})
    rows = {
        code: [int(per[q]) for q in items]
        for code, per in answers.items()
        if all(q in per for q in items)
    }
    return pd.DataFrame.from_dict(rows, orient="index", columns=items, dtype=int)


def quizzes(store: Store, workshop: str) -> list[str]:
    """The tests with answers in a workshop: pre-test, post-test, then the others by name."""
    names = {a.quiz for a in store.answers(workshop)} | {a.quiz for a in store.attempts(workshop)}
    first = [q for q in (PRE_QUIZ, POST_QUIZ) if q in names]
    return first + sorted(names - set(first))


@dataclasses.dataclass(frozen=True)
class ScoreRow:
    """One participant's pre/post scores and gain (None where not available)."""

    code: str
    name: str
    pre: float | None
    post: float | None
    gain: float | None
    category: str | None
    passed: bool | None


@dataclasses.dataclass(frozen=True)
class ClassSummary:
    """Class figures over participants who have both tests."""

    n_pre: int
    n_post: int
    n_pairs: int
    pre_mean: float | None
    post_mean: float | None
    class_gain: float | None
    class_category: str | None
    mean_gain: float | None


def score_rows(store: Store, workshop: str, pass_mark: float = DEFAULT_PASS_MARK) -> list[ScoreRow]:
    """Every participant with pre-test, post-test, N-gain, category and pass status."""
    from toolkit.evaluation import n_gain, n_gain_category

    pre = quiz_scores(store, workshop, PRE_QUIZ)
    post = quiz_scores(store, workshop, POST_QUIZ)
    rows = []
    for p in store.participants(workshop):
        a, b = pre.get(p.code), post.get(p.code)
        gain = n_gain(a, b, 100) if a is not None and b is not None else None
        rows.append(
            ScoreRow(
                code=p.code,
                name=p.name,
                pre=a,
                post=b,
                gain=gain,
                category=n_gain_category(gain) if gain is not None else None,
                passed=None if b is None else b >= pass_mark,
            )
        )
    return rows


def class_summary(rows: list[ScoreRow]) -> ClassSummary:
    """Means and gains of the class (Hake's ⟨g⟩ from the means of complete pairs)."""
    from toolkit.evaluation import n_gain, n_gain_category

    pairs = [(r.pre, r.post) for r in rows if r.pre is not None and r.post is not None]
    pres = [r.pre for r in rows if r.pre is not None]
    posts = [r.post for r in rows if r.post is not None]
    gains = [r.gain for r in rows if r.gain is not None]
    pre_mean = sum(pres) / len(pres) if pres else None
    post_mean = sum(posts) / len(posts) if posts else None
    class_gain = None
    if pairs:
        m_pre = sum(p for p, _ in pairs) / len(pairs)
        m_post = sum(q for _, q in pairs) / len(pairs)
        class_gain = n_gain(m_pre, m_post, 100)
    return ClassSummary(
        n_pre=len(pres),
        n_post=len(posts),
        n_pairs=len(pairs),
        pre_mean=pre_mean,
        post_mean=post_mean,
        class_gain=class_gain,
        class_category=n_gain_category(class_gain) if class_gain is not None else None,
        mean_gain=sum(gains) / len(gains) if gains else None,
    )


def review_flags(difficulty: float, discrimination: float) -> list[str]:
    """Why a question needs review: ``too_easy``, ``too_hard``, ``negative``."""
    flags = []
    if difficulty > TOO_EASY:
        flags.append("too_easy")
    if difficulty < TOO_HARD:
        flags.append("too_hard")
    if discrimination < 0:
        flags.append("negative")
    return flags


@dataclasses.dataclass
class ItemReport:
    """Item analysis of one test: a table per question and the test's KR-20."""

    quiz: str
    n: int
    table: Any  # DataFrame: difficulty, discrimination, flags (index: question id)
    kr20: float | None


def item_report(store: Store, workshop: str, quiz: str) -> ItemReport | None:
    """Item analysis of one test, or None with fewer than two complete participants."""
    from toolkit.evaluation import item_analysis, kr20

    matrix = response_matrix(store, workshop, quiz)
    if matrix.shape[0] < 2 or matrix.shape[1] < 1:
        return None
    table = item_analysis(matrix)[["difficulty", "discrimination"]].copy()
    table["flags"] = [
        review_flags(float(d), float(k))
        for d, k in zip(table["difficulty"], table["discrimination"], strict=True)
    ]
    return ItemReport(quiz=quiz, n=int(matrix.shape[0]), table=table, kr20=kr20(matrix))


def progress_matrix(
    store: Store, workshop: str, known: Iterable[str] = ()
) -> tuple[list[str], dict[str, dict[str, str]]]:
    """Modules and, per participant code, module → ``opened``/``completed``.

    Args:
        store: The results store.
        workshop: Workshop code.
        known: Module keys to list first even before anyone opened them (the catalogue).
    """
    modules: list[str] = list(dict.fromkeys(known))
    status: dict[str, dict[str, str]] = defaultdict(dict)
    for ev in store.progress(workshop):
        if ev.module not in modules:
            modules.append(ev.module)
        if ev.event == "completed" or status[ev.participant_code].get(ev.module) != "completed":
            status[ev.participant_code][ev.module] = (
                "completed" if ev.event == "completed" else "opened"
            )
    return modules, dict(status)


def question_texts(quiz: str, lang: str = "id") -> dict[str, str]:
    """Question id → question text of the shipped bank ``quiz`` (empty without one)."""
    from toolkit.quiz import QuizError, bank_path, load_bank

    path = bank_path(quiz)
    if not path.is_file():
        return {}
    try:
        bank = load_bank(path)
    except QuizError:
        return {}
    return {q.id: q.text.get(lang) for q in bank.questions}
