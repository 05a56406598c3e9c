"""HTML for the dashboard's tables: escaped text, plain markup, large enough for a projector."""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

from toolkit.i18n import fmt_number, has, t
from toolkit.workshop.results import ClassSummary, ItemReport, ScoreRow

STYLE = (
    "<style>.pa-table{border-collapse:collapse;font-size:15px;width:100%}"
    ".pa-table th,.pa-table td{border:1px solid #ccc;padding:4px 8px;text-align:left}"
    ".pa-table th{background:#e8f5e9;position:sticky;top:0}"
    ".pa-done{color:#1b5e20;font-weight:bold}.pa-open{color:#f57f17}"
    ".pa-flag{color:#c62828;font-weight:bold}.pa-box{font-size:17px;line-height:1.6}"
    ".pa-scroll{max-height:70vh;overflow:auto}</style>"
)


def esc(value: Any) -> str:
    """HTML-escaped text of ``value`` (empty for None)."""
    return "" if value is None else html.escape(str(value))


def num(value: float | None, lang: str, digits: int = 1) -> str:
    """A number for people (``"–"`` when missing)."""
    return "–" if value is None else fmt_number(value, lang, digits)


def module_title(key: str, lang: str) -> str:
    """A module's title from the catalogues, else its key."""
    title_key = f"{key}.module.title"
    return t(title_key, lang) if has(title_key, lang) else key


def progress_table(
    people: Sequence[Any],
    modules: Sequence[str],
    status: dict[str, dict[str, str]],
    scores: dict[str, ScoreRow],
    lang: str,
) -> str:
    """Participants × modules (✓ completed, ○ opened) with pre, post and N-gain."""
    done_counts = {
        m: sum(1 for p in people if status.get(p.code, {}).get(m) == "completed") for m in modules
    }
    head = [t("dashboard.col.code", lang), t("dashboard.col.name", lang)]
    head += [f"{module_title(m, lang)}<br><small>{done_counts[m]}/{len(people)}</small>"
             for m in modules]  # fmt: skip
    head += [t(f"dashboard.col.{k}", lang) for k in ("pre", "post", "gain")]
    rows = []
    for p in people:
        cells = [esc(p.code), esc(p.name)]
        for m in modules:
            state = status.get(p.code, {}).get(m)
            if state == "completed":
                cells.append('<span class="pa-done">✓</span>')
            elif state == "opened":
                cells.append('<span class="pa-open">○</span>')
            else:
                cells.append("")
        s = scores.get(p.code)
        cells += [
            num(s.pre if s else None, lang),
            num(s.post if s else None, lang),
            num(s.gain if s else None, lang, 2),
        ]
        rows.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    legend = f"<p>{esc(t('dashboard.progress.legend', lang))}</p>"
    return (
        STYLE
        + legend
        + '<div class="pa-scroll"><table class="pa-table"><thead><tr>'
        + "".join(f"<th>{h if '<br>' in h else esc(h)}</th>" for h in head)
        + "</tr></thead><tbody>"
        + "".join(rows)
        + "</tbody></table></div>"
    )


def summary_box(summary: ClassSummary, rows: Sequence[ScoreRow], lang: str) -> str:
    """Class means, Hake's class gain with its category, and the spread of categories."""
    cat = t(f"workshop.gain.{summary.class_category}", lang) if summary.class_category else "–"
    counts = {c: sum(1 for r in rows if r.category == c) for c in ("tinggi", "sedang", "rendah")}
    spread = ", ".join(f"{t(f'workshop.gain.{c}', lang)}: {n}" for c, n in counts.items())
    lines = [
        t("dashboard.scores.pre_mean", lang, mean=num(summary.pre_mean, lang), n=summary.n_pre),
        t("dashboard.scores.post_mean", lang, mean=num(summary.post_mean, lang), n=summary.n_post),
        t(
            "dashboard.scores.class_gain",
            lang,
            gain=num(summary.class_gain, lang, 2),
            category=cat,
            n=summary.n_pairs,
        ),
        t("dashboard.scores.mean_gain", lang, gain=num(summary.mean_gain, lang, 2)),
        t("dashboard.scores.spread", lang, spread=spread),
    ]
    note = t("dashboard.scores.note", lang)
    return (
        STYLE
        + '<div class="pa-box">'
        + "<br>".join(esc(x) for x in lines)
        + f"</div><p><small>{esc(note)}</small></p>"
    )


def item_table(report: ItemReport, texts: dict[str, str], lang: str) -> str:
    """Difficulty, discrimination and review flags per question, with the test's KR-20."""
    head = [t(f"dashboard.items.{k}", lang) for k in ("question", "difficulty",
            "discrimination", "review")]  # fmt: skip
    rows = []
    for qid, row in report.table.iterrows():
        flags = "; ".join(t(f"workshop.review.{f}", lang) for f in row["flags"])
        text = texts.get(str(qid), "")
        label = f"<b>{esc(qid)}</b>" + (f"<br><small>{esc(text)}</small>" if text else "")
        rows.append(
            f"<tr><td>{label}</td><td>{num(float(row['difficulty']), lang, 2)}</td>"
            f"<td>{num(float(row['discrimination']), lang, 2)}</td>"
            f'<td class="pa-flag">{esc(flags)}</td></tr>'
        )
    kr = t("dashboard.items.kr20", lang, value=num(report.kr20, lang, 2), n=report.n)
    return (
        STYLE
        + f'<p class="pa-box">{esc(kr)}</p>'
        + '<div class="pa-scroll"><table class="pa-table"><thead><tr>'
        + "".join(f"<th>{esc(h)}</th>" for h in head)
        + "</tr></thead><tbody>"
        + "".join(rows)
        + "</tbody></table></div>"
        + f"<p><small>{esc(t('dashboard.items.note', lang))}</small></p>"
    )


def review_list(report: ItemReport, texts: dict[str, str], lang: str) -> str:
    """The questions to review, each with its reasons (or a line saying there are none)."""
    items = []
    for qid, row in report.table.iterrows():
        if row["flags"]:
            why = "; ".join(t(f"workshop.review.{f}", lang) for f in row["flags"])
            text = texts.get(str(qid), "")
            items.append(f"<li><b>{esc(qid)}</b> {esc(text)} — <span class='pa-flag'>"
                         f"{esc(why)}</span></li>")  # fmt: skip
    title = f"<h3>{esc(t('dashboard.items.review_title', lang))}</h3>"
    if not items:
        return title + f"<p>{esc(t('dashboard.items.no_review', lang))}</p>"
    return STYLE + title + "<ul class='pa-box'>" + "".join(items) + "</ul>"
