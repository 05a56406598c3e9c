"""Export a CPPB-IRT self-inspection as a PDF report (fpdf2) or an Excel workbook (openpyxl)."""

from __future__ import annotations

import io

from toolkit.gmp.model import Assessment, aspects, checklist, level_rules, roman
from toolkit.i18n import fmt_date, t

_LATIN1 = str.maketrans(
    {
        "—": "-",
        "–": "-",
        "≥": ">=",
        "≤": "<=",
        "•": "-",
        "→": "->",
        "…": "...",
        "‘": "'",
        "’": "'",
        "“": '"',
        "”": '"',
        "≈": "~",
    }
)


def clean(text: str) -> str:
    """``text`` in Latin-1 (the core PDF fonts' range): dashes, arrows and quotes simplified."""
    return text.translate(_LATIN1).encode("latin-1", "replace").decode("latin-1")


def _answer_word(assessment: Assessment, no: int, lang: str) -> str:
    ans = assessment.answers.get(no)
    if ans is None:
        return t("gmp.answer.missing", lang)
    if ans.conform is None:
        return t("gmp.answer.na", lang)
    return t("gmp.answer.ok" if ans.conform else "gmp.answer.nc", lang)


def summary_lines(assessment: Assessment, lang: str = "id") -> list[str]:
    """The headline of a report: business, date, counts, level, audit frequency, consequence."""
    c = assessment.counts
    rules = level_rules()
    lines = [
        t("gmp.report.business", lang, name=assessment.business or "—"),
        t("gmp.report.date", lang, date=fmt_date(assessment.date, lang)),
        t("gmp.report.counts", lang, mi=c["MI"], ma=c["MA"], se=c["SE"], kr=c["KR"]),
        t("gmp.report.level", lang, level=roman(assessment.level)),
        t("gmp.report.audit", lang, frequency=t(f"gmp.audit.{assessment.audit_frequency}", lang)),
        t(
            "gmp.report.eligible" if assessment.eligible else "gmp.report.not_eligible",
            lang,
            levels=", ".join(roman(x) for x in rules["spp_irt_consequence"]["eligible_levels"]),
        ),
    ]
    return lines


def pdf_bytes(assessment: Assessment, lang: str = "id") -> bytes:
    """The assessment as a PDF: summary, warnings, PLOR action plan and the answered checklist."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_compression(False)
    pdf.set_title(clean(t("gmp.report.title", lang)))
    pdf.set_auto_page_break(auto=True, margin=15)
    family = "Helvetica"  # core font: the text stays plain Latin-1, searchable in the file
    pdf.add_page()
    width = pdf.w - pdf.l_margin - pdf.r_margin

    def para(text: str, size: int = 10, style: str = "", gap: float = 1) -> None:
        pdf.set_font(family, style, size)
        pdf.multi_cell(width, size * 0.5, clean(text), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(gap)

    para(t("gmp.report.title", lang), 15, "B", 3)
    for line in summary_lines(assessment, lang):
        para(line, 11)
    pdf.ln(2)
    for note in assessment.notes(lang):
        para("• " + note, 9)
    pdf.ln(2)
    actions = assessment.actions(lang)
    para(t("gmp.report.actions", lang), 13, "B", 2)
    if not actions:
        para(t("gmp.report.no_actions", lang), 10)
    for a in actions:
        para(
            t(
                "gmp.report.action_head",
                lang,
                no=a.item_no,
                severity=t(f"gmp.severity.{a.severity}", lang),
                date=fmt_date(a.target_date, lang),
            ),
            11,
            "B",
        )
        para(f"P — {a.problem}", 10, gap=0)
        para(f"L — {a.location}", 10, gap=0)
        para(f"O — {a.evidence}", 10, gap=0)
        para(f"R — {a.reference}", 10, gap=1)
        photo = assessment.answers[a.item_no].photo
        if photo:
            try:
                pdf.image(io.BytesIO(photo), w=min(60, width))
            except Exception:  # an unreadable photo must not stop the report
                para(t("gmp.report.photo_unreadable", lang), 9)
        pdf.ln(2)
    para(t("gmp.report.checklist", lang), 13, "B", 2)
    names = aspects(lang)
    current = None
    for it in checklist():
        if it.aspect != current:
            current = it.aspect
            para(f"{it.aspect}. {names[it.aspect]}", 11, "B", 0)
        para(
            f"{it.no}. [{it.severity}] {_answer_word(assessment, it.no, lang)} — {it.text(lang)}",
            9,
            gap=0,
        )
    return bytes(pdf.output())


def excel_bytes(assessment: Assessment, lang: str = "id") -> bytes:
    """The assessment as an .xlsx workbook: a summary sheet, the checklist and the PLOR plan."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    wb = Workbook()
    ws = wb.active
    ws.title = t("gmp.report.sheet_summary", lang)[:31]
    ws.append([t("gmp.report.title", lang)])
    ws["A1"].font = Font(bold=True, size=14)
    for line in summary_lines(assessment, lang) + assessment.notes(lang):
        ws.append([line])
    ws.column_dimensions["A"].width = 110

    cl = wb.create_sheet(t("gmp.report.sheet_checklist", lang)[:31])
    cl.append(
        [
            t(f"gmp.report.col.{c}", lang)
            for c in ("no", "aspect", "severity", "item", "answer", "location", "note")
        ]
    )
    names = aspects(lang)
    for it in checklist():
        ans = assessment.answers.get(it.no)
        cl.append(
            [
                it.no,
                f"{it.aspect}. {names[it.aspect]}",
                it.severity,
                it.text(lang),
                _answer_word(assessment, it.no, lang),
                ans.location if ans else "",
                ans.note if ans else "",
            ]
        )
    plan = wb.create_sheet(t("gmp.report.sheet_actions", lang)[:31])
    plan.append(
        [
            t(f"gmp.report.col.{c}", lang)
            for c in ("no", "severity", "problem", "location", "evidence", "reference", "target")
        ]
    )
    for a in assessment.actions(lang):
        plan.append(
            [a.item_no, a.severity, a.problem, a.location, a.evidence, a.reference, a.target_date]
        )
        plan.cell(row=plan.max_row, column=7).number_format = "yyyy-mm-dd"
    for sheet in (cl, plan):
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for col, w in zip("ABCDEFG", (6, 30, 10, 60, 30, 30, 30), strict=True):
            sheet.column_dimensions[col].width = w
        for row in sheet.iter_rows(min_row=2):
            for cell in row:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def pdf_text(data: bytes) -> str:
    """The text shown by a PDF made by :func:`pdf_bytes` (uncompressed, core font).

    Joins the literal strings of the ``Tj`` operators; good enough to check that a report
    names its findings (tests, the browser test of the download).
    """
    import re

    parts = []
    for m in re.finditer(rb"\((.*?)(?<!\\)\)\s*Tj", data, re.S):
        raw = m.group(1).replace(rb"\(", b"(").replace(rb"\)", b")").replace(rb"\\", b"\\")
        parts.append(raw.decode("latin-1"))
    return " ".join(parts)
