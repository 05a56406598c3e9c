"""Workshop exports: one Excel workbook (participants, progress, scores, item analysis) or
the same four tables as CSV files, with Indonesian (or English) column headers.

CSV files are UTF-8 with a byte-order mark and ``;`` between fields, with the language's
decimal sign, so that Excel and LibreOffice in an Indonesian setting open them in columns.
"""

from __future__ import annotations

import csv
import dataclasses
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from toolkit.i18n import t
from toolkit.store import Store
from toolkit.workshop.errors import WorkshopError
from toolkit.workshop.results import (
    DEFAULT_PASS_MARK,
    class_summary,
    item_report,
    progress_matrix,
    quizzes,
    score_rows,
)

SHEETS = ("participants", "progress", "scores", "items")


@dataclasses.dataclass
class Table:
    """One exported table: sheet key, header row and data rows (cells are plain values)."""

    key: str
    header: list[str]
    rows: list[list[Any]]


def _flag_text(flags: list[str], lang: str) -> str:
    return "; ".join(t(f"workshop.review.{f}", lang) for f in flags)


def build_tables(
    store: Store,
    workshop: str,
    lang: str = "id",
    pass_mark: float = DEFAULT_PASS_MARK,
    known_modules: Sequence[str] = (),
) -> list[Table]:
    """The four tables of a workshop export, headers in ``lang``.

    ``known_modules`` (the classroom's module keys) get a progress column even before
    anyone opened them.

    Raises:
        WorkshopError: unknown workshop.
    """
    if store.workshop(workshop) is None:
        raise WorkshopError("workshop.error.no_workshop", code=workshop)

    def col(key: str, **params: Any) -> str:
        return t(f"workshop.export.col.{key}", lang, **params)

    people = store.participants(workshop)
    participants = Table(
        "participants",
        [col(k) for k in ("code", "name", "business", "village", "product", "phone")],
        [
            [p.code, p.name, p.business_name, p.village, p.product_type, p.phone or ""]
            for p in people
        ],
    )

    modules, status = progress_matrix(store, workshop, known_modules)
    marks = {
        "completed": t("workshop.export.completed", lang),
        "opened": t("workshop.export.opened", lang),
    }
    progress = Table(
        "progress",
        [col("code"), col("name"), *modules, col("done")],
        [
            [
                p.code,
                p.name,
                *[marks.get(status.get(p.code, {}).get(m, ""), "") for m in modules],
                sum(1 for m in modules if status.get(p.code, {}).get(m) == "completed"),
            ]
            for p in people
        ],
    )

    rows = score_rows(store, workshop, pass_mark)
    yes, no = t("workshop.export.yes", lang), t("workshop.export.no", lang)
    scores = Table(
        "scores",
        [col(k) for k in ("code", "name", "pre", "post", "gain", "category")]
        + [col("passed", mark=f"{pass_mark:g}")],
        [
            [
                r.code,
                r.name,
                _round(r.pre),
                _round(r.post),
                _round(r.gain, 3),
                t(f"workshop.gain.{r.category}", lang) if r.category else "",
                "" if r.passed is None else (yes if r.passed else no),
            ]
            for r in rows
        ],
    )
    summary = class_summary(rows)
    scores.rows.append([])
    scores.rows.append(
        [
            "",
            col("class_mean"),
            _round(summary.pre_mean),
            _round(summary.post_mean),
            _round(summary.class_gain, 3),
            t(f"workshop.gain.{summary.class_category}", lang) if summary.class_category else "",
            "",
        ]
    )
    scores.rows.append(["", col("mean_gain"), "", "", _round(summary.mean_gain, 3), "", ""])

    items = Table(
        "items",
        [col(k) for k in ("test", "question", "n", "difficulty", "discrimination", "review")],
        [],
    )
    reliabilities = []
    for quiz in quizzes(store, workshop):
        report = item_report(store, workshop, quiz)
        if report is None:
            continue
        for qid, row in report.table.iterrows():
            items.rows.append(
                [
                    quiz,
                    str(qid),
                    report.n,
                    _round(float(row["difficulty"]), 3),
                    _round(float(row["discrimination"]), 3),
                    _flag_text(row["flags"], lang),
                ]
            )
        reliabilities.append([quiz, col("kr20"), report.n, _round(report.kr20, 3), "", ""])
    if reliabilities:
        items.rows.append([])
        items.rows.extend(reliabilities)
    return [participants, progress, scores, items]


def _round(value: float | None, digits: int = 1) -> float | None:
    return None if value is None else round(float(value), digits)


def sheet_name(key: str, lang: str = "id") -> str:
    """The localised sheet (and CSV file) name of a table."""
    return t(f"workshop.export.sheet.{key}", lang)


def write_xlsx(
    store: Store,
    workshop: str,
    path: str | Path,
    lang: str = "id",
    pass_mark: float = DEFAULT_PASS_MARK,
    known_modules: Sequence[str] = (),
) -> list[Table]:
    """Write the workshop workbook (one sheet per table, bold frozen header row).

    Raises:
        WorkshopError: unknown workshop, or the file cannot be written.
    """
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    tables = build_tables(store, workshop, lang, pass_mark, known_modules)
    book = Workbook()
    book.remove(book.active)
    for table in tables:
        sheet = book.create_sheet(sheet_name(table.key, lang)[:31])
        sheet.append(table.header)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in table.rows:
            sheet.append(row)
        sheet.freeze_panes = "A2"
        for i, head in enumerate(table.header, start=1):
            width = max([len(str(head))] + [len(str(r[i - 1])) for r in table.rows if len(r) >= i])
            sheet.column_dimensions[get_column_letter(i)].width = min(max(width + 2, 8), 45)
    try:
        book.save(path)
    except OSError as exc:
        raise WorkshopError("workshop.error.cannot_write", path=str(path)) from exc
    return tables


def _csv_cell(value: Any, lang: str) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        text = f"{value:g}" if abs(value) >= 1e-4 or value == 0 else f"{value:.6f}"
        return text.replace(".", ",") if lang == "id" else text
    return str(value)


def write_csv(
    store: Store,
    workshop: str,
    folder: str | Path,
    lang: str = "id",
    pass_mark: float = DEFAULT_PASS_MARK,
    known_modules: Sequence[str] = (),
) -> list[Path]:
    """Write the four tables as ``<workshop>_<sheet>.csv`` files into ``folder``.

    Raises:
        WorkshopError: unknown workshop, or the folder cannot be written.
    """
    tables = build_tables(store, workshop, lang, pass_mark, known_modules)
    folder = Path(folder)
    paths = []
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for table in tables:
            name = sheet_name(table.key, lang).lower().replace(" ", "_")
            path = folder / f"{workshop}_{name}.csv"
            with path.open("w", newline="", encoding="utf-8-sig") as fh:
                writer = csv.writer(fh, delimiter=";")
                writer.writerow(table.header)
                for row in table.rows:
                    writer.writerow([_csv_cell(v, lang) for v in row])
            paths.append(path)
    except OSError as exc:
        raise WorkshopError("workshop.error.cannot_write", path=str(folder)) from exc
    return paths
