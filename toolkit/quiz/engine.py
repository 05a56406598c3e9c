"""Drawing a quiz from a bank (seeded, stratified by topic and difficulty) and scoring answers.

Scoring rules (also in ``banks/README.md``): every question is worth 1 point.
``multiple``: (right chosen − wrong chosen) ÷ right options, floored at 0. ``ordering``: share
of items in the right place. ``numeric``: within ± tolerance. Correct means the full point.
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from toolkit.quiz.model import DEFAULT_PASS_MARK, Bank, Question, QuizError


def _pools(questions: Iterable[Question]) -> dict[tuple[str, str], list[Question]]:
    pools: dict[tuple[str, str], list[Question]] = {}
    for q in questions:
        pools.setdefault((q.topic, q.difficulty), []).append(q)
    return dict(sorted(pools.items()))


def _allocate(sizes: list[int], n: int) -> list[int]:
    """Split ``n`` over pools: one each first (coverage), the rest by size, largest remainder."""
    k = len(sizes)
    if n < k:
        return [0] * k  # the caller picks which pools get one
    take = [1] * k
    rest = n - k
    spare = [s - 1 for s in sizes]
    total = sum(spare)
    if rest and total:
        quotas = [rest * s / total for s in spare]
        extra = [min(int(math.floor(q)), sp) for q, sp in zip(quotas, spare, strict=True)]
        left = rest - sum(extra)
        order = sorted(range(k), key=lambda i: (-(quotas[i] - extra[i]), i))
        while left > 0:
            progressed = False
            for i in order:
                if left and extra[i] < spare[i]:
                    extra[i] += 1
                    left -= 1
                    progressed = True
            if not progressed:
                break
        take = [t + e for t, e in zip(take, extra, strict=True)]
    return take


def _shuffle_options(q: Question, rng: random.Random) -> Question:
    if not q.options:
        return q
    free = [o for o in q.options if not o.last]
    pinned = [o for o in q.options if o.last]
    shuffled = list(free)
    for _ in range(5):
        rng.shuffle(shuffled)
        # An ordering question must not start in the right order (when it can be avoided).
        if q.type != "ordering" or [o.id for o in shuffled] != list(q.answer):
            break
    return q.model_copy(update={"options": tuple(shuffled + pinned)})


def draw(
    bank: Bank,
    n: int | None = None,
    seed: int | str = 0,
    topics: Sequence[str] | None = None,
    exclude: Iterable[str] = (),
) -> list[Question]:
    """Draw ``n`` distinct questions, evenly over topic × difficulty pools, options shuffled.

    The same ``seed`` always gives the same questions, order and option order (a participant
    who reloads gets the same quiz back); different seeds give different orders.

    Args:
        bank: The bank to draw from.
        n: How many questions (default: the bank's ``draw``, else all of them).
        seed: Any int or str, e.g. ``"KPG25|017|hygiene|1"``.
        topics: Only questions whose ``topic`` is one of these (default: all).
        exclude: Question ids not to draw (a retake draws a parallel form without them).

    Returns:
        The drawn questions, in quiz order.

    Raises:
        QuizError: ``quiz.error.not_enough`` when fewer than ``n`` questions qualify.
    """
    rng = random.Random(f"{bank.key}|{seed}")
    skip = set(exclude)
    wanted = set(topics) if topics is not None else None
    candidates = [
        q for q in bank.questions if q.id not in skip and (wanted is None or q.topic in wanted)
    ]
    n = bank.n_draw if n is None else n
    if n < 1 or n > len(candidates):
        raise QuizError("quiz.error.not_enough", wanted=n, found=len(candidates), bank=bank.key)
    pools = _pools(candidates)
    keys = list(pools)
    for key in keys:
        rng.shuffle(pools[key])
    take = _allocate([len(pools[k]) for k in keys], n)
    if sum(take) < n:  # fewer questions than pools: a random selection of pools, one each
        for i in rng.sample(range(len(keys)), n):
            take[i] = 1
    chosen = [q for key, t in zip(keys, take, strict=True) for q in pools[key][:t]]
    rng.shuffle(chosen)
    return [_shuffle_options(q, rng) for q in chosen]


def parse_number(value: Any) -> float | None:
    """A number typed by a trainee (``"3,8"``, ``"3.8"``, ``4``) or None if it is not one."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return float(value) if math.isfinite(value) else None
    text = str(value).strip().replace(" ", "")
    if not text or len(text) > 32:
        return None
    if "," in text and "." in text:
        # "1.234,5" (Indonesian) or "1,234.5" (English): the last separator is the decimal one
        if text.rfind(",") > text.rfind("."):
            text = text.replace(".", "").replace(",", ".")
        else:
            text = text.replace(",", "")
    else:
        text = text.replace(",", ".")
    try:
        number = float(text)
    except ValueError:
        return None
    return number if math.isfinite(number) else None


def question_score(q: Question, answer: Any) -> float:
    """Points (0–1) for ``answer`` to ``q``; an unreadable or missing answer scores 0."""
    if answer is None:
        return 0.0
    ids = {o.id for o in q.options}
    if q.type == "single":
        return 1.0 if isinstance(answer, str) and answer == q.answer else 0.0
    if q.type == "truefalse":
        return 1.0 if isinstance(answer, bool) and answer is q.answer else 0.0
    if q.type == "numeric":
        number = parse_number(answer)
        if number is None:
            return 0.0
        return 1.0 if abs(number - float(q.answer)) <= q.tolerance + 1e-9 else 0.0
    if not isinstance(answer, list | tuple) or not all(isinstance(a, str) for a in answer):
        return 0.0
    if q.type == "multiple":
        chosen = set(answer) & ids
        right = set(q.answer)
        raw = (len(chosen & right) - len(chosen - right)) / len(right)
        return max(0.0, raw)
    # ordering
    if len(answer) != len(q.answer) or set(answer) != set(q.answer):
        return 0.0
    hits = sum(a == b for a, b in zip(answer, q.answer, strict=True))
    return hits / len(q.answer)


@dataclass(frozen=True)
class QuestionResult:
    """The outcome of one question."""

    question_id: str
    topic: str
    subtopic: str
    answer: Any
    score: float
    answered: bool

    @property
    def correct(self) -> bool:
        """True only with the full point."""
        return self.score >= 1.0 - 1e-9


@dataclass(frozen=True)
class QuizResult:
    """Per-question results and the total of one quiz attempt."""

    results: list[QuestionResult]
    pass_mark: float = DEFAULT_PASS_MARK

    @property
    def points(self) -> float:
        """Sum of the question scores."""
        return sum(r.score for r in self.results)

    @property
    def max_points(self) -> int:
        """Number of questions (each worth 1 point)."""
        return len(self.results)

    @property
    def percent(self) -> float:
        """Score in percent (0–100)."""
        return 100.0 * self.points / self.max_points if self.results else 0.0

    @property
    def n_correct(self) -> int:
        """Questions answered fully correctly."""
        return sum(r.correct for r in self.results)

    @property
    def passed(self) -> bool:
        """True when ``percent`` reaches the pass mark."""
        return self.percent >= self.pass_mark - 1e-9

    def missed(self) -> list[QuestionResult]:
        """Results without the full point, in quiz order."""
        return [r for r in self.results if not r.correct]

    def review_keys(self) -> list[tuple[str, str]]:
        """Distinct ``(topic, subtopic)`` of missed questions, in quiz order."""
        seen: list[tuple[str, str]] = []
        for r in self.missed():
            key = (r.topic, r.subtopic)
            if key not in seen:
                seen.append(key)
        return seen


def score(
    questions: Sequence[Question],
    answers: Mapping[str, Any],
    pass_mark: float = DEFAULT_PASS_MARK,
) -> QuizResult:
    """Score ``answers`` (question id → answer) for ``questions``.

    Args:
        questions: The questions of the attempt (e.g. from :func:`draw`).
        answers: Submitted answers by question id; a missing id scores 0.
        pass_mark: Percent needed to pass (a bank's ``pass_mark``; default 60, facts.md §8.2).

    Returns:
        The per-question results, ``.percent`` and ``.passed``.
    """
    results = [
        QuestionResult(
            question_id=q.id,
            topic=q.topic,
            subtopic=q.subtopic,
            answer=answers.get(q.id),
            score=question_score(q, answers.get(q.id)),
            answered=q.id in answers and answers.get(q.id) is not None,
        )
        for q in questions
    ]
    return QuizResult(results=results, pass_mark=pass_mark)
