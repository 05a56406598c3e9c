"""Pre-test / post-test results per participant: scores, N-gain and its category.

Scores come from stored answers (the last answer per question counts); the percentage is
over the number of questions in the form, so an unanswered question counts 0.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from toolkit.evaluation import n_gain, n_gain_category
from toolkit.quiz.model import Bank, BankProblem

PRETEST = "pretest"
POSTTEST = "posttest"


@dataclass(frozen=True)
class ParticipantGain:
    """One participant's pre and post score (percent, None if not taken) and N-gain."""

    participant: str
    pre: float | None
    post: float | None
    gain: float | None
    category: str | None


def percent_by_participant(answers: Iterable[Any], n_questions: int) -> dict[str, float]:
    """Percent score per participant from stored answer rows of one quiz.

    Args:
        answers: Rows with ``participant_code``, ``question_id`` and ``score`` (or
            ``correct``), oldest first, as ``Store.answers`` returns them.
        n_questions: Questions in the form (the denominator).
    """
    latest: dict[str, dict[str, float]] = {}
    for row in answers:
        pts = row.score if row.score is not None else (1.0 if row.correct else 0.0)
        latest.setdefault(row.participant_code, {})[row.question_id] = float(pts)
    return {p: 100.0 * sum(scores.values()) / n_questions for p, scores in sorted(latest.items())}


def response_table(answers: Iterable[Any], question_ids: Iterable[str] | None = None) -> Any:
    """Participants × questions 0/1 table (full point = 1) for ``toolkit.evaluation``.

    Args:
        answers: Stored answer rows of one quiz (the last answer per question counts).
        question_ids: Columns in this order (default: every question answered, sorted);
            a question a participant did not answer counts 0.

    Returns:
        A ``pandas.DataFrame`` indexed by participant code, ready for ``item_analysis`` and
        ``kr20``.
    """
    import pandas as pd

    latest: dict[str, dict[str, int]] = {}
    for row in answers:
        full = row.score is not None and row.score >= 1.0 - 1e-9
        right = full if row.score is not None else bool(row.correct)
        latest.setdefault(row.participant_code, {})[row.question_id] = int(right)
    columns = (
        list(question_ids)
        if question_ids is not None
        else sorted({q for scores in latest.values() for q in scores})
    )
    data = {p: [scores.get(q, 0) for q in columns] for p, scores in sorted(latest.items())}
    return pd.DataFrame.from_dict(data, orient="index", columns=columns)


def gains(pre: dict[str, float], post: dict[str, float]) -> list[ParticipantGain]:
    """Combine pre and post percentages into one row per participant (sorted by code)."""
    rows = []
    for p in sorted(set(pre) | set(post)):
        a, b = pre.get(p), post.get(p)
        g = n_gain(a, b, 100) if a is not None and b is not None else None
        rows.append(ParticipantGain(p, a, b, g, n_gain_category(g)))
    return rows


def workshop_gains(
    store: Any,
    workshop: str,
    pre_bank: Bank,
    post_bank: Bank,
) -> list[ParticipantGain]:
    """Pre, post, N-gain and category of every participant of ``workshop``.

    Args:
        store: The results store (``Store.answers(workshop, participant, quiz)``).
        workshop: Workshop code.
        pre_bank: The pre-test form (its key is the stored quiz name).
        post_bank: The post-test form.
    """
    pre = percent_by_participant(store.answers(workshop, None, pre_bank.key), pre_bank.n_draw)
    post = percent_by_participant(store.answers(workshop, None, post_bank.key), post_bank.n_draw)
    return gains(pre, post)


def parallel_problems(pre: Bank, post: Bank) -> list[BankProblem]:
    """Why two forms are not parallel (empty when they are).

    Parallel means: same number of questions; every question has a ``pair`` found exactly
    once in each form; paired questions share ``topic`` and ``difficulty``.
    """
    problems: list[BankProblem] = []
    f_pre, f_post = f"{pre.key}.yaml", f"{post.key}.yaml"
    if len(pre.questions) != len(post.questions):
        problems.append(
            BankProblem(
                file=f_post,
                field="questions",
                detail=f"{len(post.questions)} questions, but {f_pre} has {len(pre.questions)}",
            )
        )
    for bank, fname, other in ((pre, f_pre, post), (post, f_post, pre)):
        if bank.parallel != other.key:
            problems.append(
                BankProblem(file=fname, field="parallel", detail=f"must be '{other.key}'")
            )
        pairs = [q.pair for q in bank.questions]
        for q in bank.questions:
            if not q.pair:
                problems.append(
                    BankProblem(file=fname, question=q.id, field="pair", detail="missing")
                )
            elif pairs.count(q.pair) > 1:
                problems.append(
                    BankProblem(
                        file=fname, question=q.id, field="pair", detail=f"'{q.pair}' used twice"
                    )
                )
    by_pair = {q.pair: q for q in post.questions if q.pair}
    for q in pre.questions:
        if not q.pair:
            continue
        twin = by_pair.get(q.pair)
        if twin is None:
            problems.append(
                BankProblem(file=f_post, field="pair", detail=f"no question with pair '{q.pair}'")
            )
            continue
        for attr in ("topic", "difficulty"):
            if getattr(q, attr) != getattr(twin, attr):
                problems.append(
                    BankProblem(
                        file=f_post,
                        question=twin.id,
                        field=attr,
                        detail=f"'{getattr(twin, attr)}' differs from {q.id} in {f_pre} "
                        f"('{getattr(q, attr)}')",
                    )
                )
    return problems
