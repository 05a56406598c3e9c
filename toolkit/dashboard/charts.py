"""Dashboard charts as PNG bytes, drawn with matplotlib's object API (no pyplot, no GUI).

Large fonts and thick bars: the trainer shows them on a projector.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from toolkit.i18n import t

PRE_COLOUR = "#9e9e9e"
POST_COLOUR = "#1b5e20"
FLAG_COLOUR = "#c62828"
OK_COLOUR = "#2e7d32"


def _png(fig) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=100, bbox_inches="tight")
    return buf.getvalue()


def score_histogram(pre: Sequence[float], post: Sequence[float], lang: str = "id") -> bytes:
    """Histogram of pre- and post-test scores in bins of 10 points (0–100)."""
    from matplotlib.figure import Figure

    fig = Figure(figsize=(9, 4.5))
    ax = fig.add_subplot()
    bins = list(range(0, 101, 10))
    data, colours, labels = [], [], []
    for values, colour, key in ((pre, PRE_COLOUR, "pre"), (post, POST_COLOUR, "post")):
        if values:
            data.append(list(values))
            colours.append(colour)
            labels.append(f"{t(f'dashboard.scores.{key}', lang)} (N = {len(values)})")
    if data:
        ax.hist(data, bins=bins, color=colours, label=labels, rwidth=0.9)
        ax.legend(fontsize=13)
    ax.set_xlim(0, 100)
    ax.set_xticks(bins)
    ax.set_xlabel(t("dashboard.scores.x_label", lang), fontsize=14)
    ax.set_ylabel(t("dashboard.scores.y_label", lang), fontsize=14)
    ax.set_title(t("dashboard.scores.histogram", lang), fontsize=16)
    ax.tick_params(labelsize=12)
    ax.spines[["top", "right"]].set_visible(False)
    return _png(fig)


def difficulty_chart(
    questions: Sequence[str], difficulty: Sequence[float], flagged: Sequence[bool], lang: str = "id"
) -> bytes:
    """Bars of each question's difficulty index; questions to review in red."""
    from matplotlib.figure import Figure

    fig = Figure(figsize=(9, max(2.5, 0.45 * len(questions) + 1)))
    ax = fig.add_subplot()
    colours = [FLAG_COLOUR if f else OK_COLOUR for f in flagged]
    ax.barh(list(questions), list(difficulty), color=colours)
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.set_xlabel(t("dashboard.items.difficulty", lang), fontsize=14)
    ax.set_title(t("dashboard.items.chart", lang), fontsize=16)
    ax.tick_params(labelsize=12)
    ax.spines[["top", "right"]].set_visible(False)
    return _png(fig)
