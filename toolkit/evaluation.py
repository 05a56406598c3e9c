"""Training evaluation: Hake's normalised gain, item analysis and KR-20 reliability.

Conventions (facts.md §8.1): ``g = (post − pre) / (max − pre)``; categories **tinggi** when
g ≥ 0.7, **sedang** when 0.3 ≤ g < 0.7, **rendah** when g < 0.3 (Hake 1998's course
categories; at exactly 0.7 some Indonesian sources say "sedang" — we follow Hake). Undefined
(None, shown "n/a") when pre = max. A class gain is reported as the mean of individual gains
(:func:`mean_n_gain`); Hake's ⟨g⟩ from class means is :func:`class_n_gain`.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

from toolkit.errors import ToolkitError

HIGH = 0.7
MEDIUM = 0.3


class EvaluationError(ToolkitError):
    """Scores that cannot be evaluated (out of range, empty tables, non-0/1 responses)."""


def _check_score(name: str, value: float, max_score: float) -> float:
    try:
        value = float(value)
    except (TypeError, ValueError) as exc:
        raise EvaluationError("evaluation.error.score", name=name, value=value) from exc
    if not math.isfinite(value) or value < 0 or value > max_score + 1e-9:
        raise EvaluationError("evaluation.error.score_range", name=name, value=value, max=max_score)
    return value


def n_gain(pre: float, post: float, max_score: float = 100) -> float | None:
    """Hake's normalised gain ``(post − pre) / (max − pre)``.

    Args:
        pre: Pre-test score (0 … max_score).
        post: Post-test score (0 … max_score).
        max_score: Highest possible score (100 for percentages).

    Returns:
        The gain (negative when the post-test is lower), or None when ``pre == max_score``
        (no room to gain; report "n/a").

    Raises:
        EvaluationError: a score outside 0 … max_score, or max_score ≤ 0.
    """
    if not max_score or max_score <= 0:
        raise EvaluationError("evaluation.error.max", max=max_score)
    pre = _check_score("pre", pre, max_score)
    post = _check_score("post", post, max_score)
    room = max_score - pre
    if room <= 1e-9:
        return None
    return (post - pre) / room


def n_gain_category(g: float | None) -> str | None:
    """``"tinggi"`` (g ≥ 0.7), ``"sedang"`` (0.3 ≤ g < 0.7) or ``"rendah"`` (g < 0.3).

    Boundaries follow Hake (1998): exactly 0.7 is *tinggi*, exactly 0.3 is *sedang*.
    None (gain undefined) gives None.
    """
    if g is None:
        return None
    if g >= HIGH - 1e-12:
        return "tinggi"
    if g >= MEDIUM - 1e-12:
        return "sedang"
    return "rendah"


def n_gain_effectiveness(g: float | None) -> str | None:
    """The common Indonesian effectiveness label for a gain (facts.md §8.1, SECONDARY).

    Percent = g × 100 with half-open intervals (the published table has gaps):
    < 40 ``tidak_efektif``; [40, 56) ``kurang_efektif``; [56, 76) ``cukup_efektif``;
    ≥ 76 ``efektif``. None gives None.
    """
    if g is None:
        return None
    pct = g * 100
    if pct < 40:
        return "tidak_efektif"
    if pct < 56:
        return "kurang_efektif"
    if pct < 76:
        return "cukup_efektif"
    return "efektif"


def mean_n_gain(pairs: Iterable[tuple[float, float]], max_score: float = 100) -> float | None:
    """Mean of the individual gains of ``(pre, post)`` pairs; undefined gains are left out."""
    gains = [g for pre, post in pairs if (g := n_gain(pre, post, max_score)) is not None]
    return sum(gains) / len(gains) if gains else None


def class_n_gain(pairs: Iterable[tuple[float, float]], max_score: float = 100) -> float | None:
    """Hake's ⟨g⟩: the gain computed from the class mean pre and post scores."""
    pairs = list(pairs)
    if not pairs:
        return None
    pre = sum(p for p, _ in pairs) / len(pairs)
    post = sum(q for _, q in pairs) / len(pairs)
    return n_gain(pre, post, max_score)


def _binary_frame(responses: Any) -> Any:
    import pandas as pd

    df = pd.DataFrame(responses)
    if df.empty or df.shape[0] < 2 or df.shape[1] < 1:
        raise EvaluationError("evaluation.error.too_few", rows=df.shape[0], cols=df.shape[1])
    values = df.to_numpy()
    ok = pd.DataFrame(values).isin([0, 1, True, False]).to_numpy().all()
    if not ok:
        raise EvaluationError("evaluation.error.not_binary")
    return df.astype(int)


def item_analysis(responses: Any, group: float = 0.27) -> Any:
    """Difficulty and discrimination of each item from a participants × items 0/1 table.

    Difficulty ``p`` = share of participants answering the item correctly (high p = easy).
    Discrimination ``D`` = p(upper group) − p(lower group), where the groups are the top and
    bottom 27 % of participants by total score (group size = round-half-up of 27 % of the
    participants, at least 1). Ties at a group border are broken by row order (stable sort).

    Args:
        responses: DataFrame (or anything ``pandas.DataFrame`` accepts), rows = participants,
            columns = items, values 0/1.
        group: Share of participants in each of the upper and lower groups.

    Returns:
        DataFrame indexed by item with columns ``difficulty``, ``discrimination``,
        ``p_upper``, ``p_lower``.

    Raises:
        EvaluationError: fewer than 2 participants, no items, or values other than 0/1.
    """
    import pandas as pd

    df = _binary_frame(responses)
    n = df.shape[0]
    size = max(1, int(math.floor(n * group + 0.5)))
    totals = df.sum(axis=1)
    order = totals.sort_values(ascending=False, kind="stable").index
    upper = df.loc[order[:size]]
    lower = df.loc[order[-size:]]
    p_upper = upper.mean(axis=0)
    p_lower = lower.mean(axis=0)
    return pd.DataFrame(
        {
            "difficulty": df.mean(axis=0),
            "discrimination": p_upper - p_lower,
            "p_upper": p_upper,
            "p_lower": p_lower,
        }
    )


def kr20(responses: Any) -> float | None:
    """Kuder–Richardson 20 reliability of a participants × items 0/1 table.

    ``KR-20 = k/(k−1) · (1 − Σ p·q / σ²)`` with σ² the population variance (divide by N) of
    the total scores, matching p·q (also a population variance).

    Returns:
        The coefficient, or None when it is undefined (one item, or all totals equal).

    Raises:
        EvaluationError: fewer than 2 participants or values other than 0/1.
    """
    df = _binary_frame(responses)
    k = df.shape[1]
    if k < 2:
        return None
    p = df.mean(axis=0)
    pq = float((p * (1 - p)).sum())
    var = float(df.sum(axis=1).var(ddof=0))
    if var <= 1e-12:
        return None
    return k / (k - 1) * (1 - pq / var)
