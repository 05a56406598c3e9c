"""The CPPB-IRT self-inspection widget: answer 37 items, see the level, download the report.

Downloads are ``data:`` links inside an HTML widget, so they work in Voila without a file
server. Saved inspections go to ``<data dir>/gmp/<workshop>/<participant>/`` for an
identified trainee, and to a temporary folder of this kernel for a guest (so nobody can read
another participant's business by typing its name).
"""

from __future__ import annotations

import base64
import datetime as dt
import html
import re
import tempfile
from pathlib import Path
from typing import Any

import ipywidgets as w

from toolkit.app import ui
from toolkit.app.session import Session, current_session
from toolkit.gmp.model import (
    Answer,
    Assessment,
    GmpError,
    Item,
    aspects,
    assess,
    checklist,
    compare,
    roman,
    save_assessment,
    saved_assessments,
)
from toolkit.i18n import fmt_date, t

QUIZ_ID = "gmp.self_inspection"
MAX_PHOTO_BYTES = 3_000_000
_CHOICES = ("nc", "ok", "na")


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "x"


def _label_above(widget: w.Widget) -> w.VBox:
    """Move a widget's description into a full-width label above it (phones: no side labels)."""
    label = ui.html_block(f"<b>{html.escape(widget.description)}</b>")
    widget.description = ""
    return w.VBox([label, widget], layout=ui.FULL)


class ItemRow(w.VBox):
    """One checklist item: the situation, the answer and (for a finding) location, note, photo."""

    def __init__(self, item: Item, lang: str, on_change: Any = None) -> None:
        self.item = item
        sev = t(f"gmp.severity.{item.severity}", lang)
        self._text = ui.html_block(
            f"<p><b>{html.escape(t('gmp.widget.item_label', lang, no=item.no, severity=sev))}</b>"
            f"<br>{html.escape(item.text(lang))}</p>"
            f"<p><i>{html.escape(t('gmp.widget.question', lang))}</i></p>",
            "pangan-card",
        )
        self._choice = w.RadioButtons(
            options=[
                (t("gmp.answer.nc", lang), "nc"),
                (t("gmp.answer.ok", lang), "ok"),
                (t("gmp.answer.na", lang), "na"),
            ],
            value=None,
            layout=ui.full(),
            style=ui.style(ui.DescriptionStyle),
            _dom_classes=("pangan-radio",),
        )
        self._location = w.Text(
            placeholder=t("gmp.widget.location", lang), layout=ui.FULL, style=ui.style(ui.TextStyle)
        )
        self._note = w.Textarea(
            placeholder=t("gmp.widget.note", lang), layout=ui.FULL, style=ui.style(ui.TextStyle)
        )
        self._photo = w.FileUpload(
            accept="image/*",
            multiple=False,
            description=t("gmp.widget.photo", lang),
            layout=ui.layout(width="100%", min_height="44px"),
            style=ui.style(ui.ButtonStyle),
        )
        self._details = w.VBox(
            [self._location, self._note, self._photo], layout=w.Layout(width="100%", display="none")
        )
        self._on_change = on_change
        self._choice.observe(self._changed, names="value")
        super().__init__(
            [self._text, self._choice, self._details],
            layout=ui.FULL,
            _dom_classes=("pangan-gmp-item",),
        )

    def _changed(self, _change: Any = None) -> None:
        self._details.layout.display = "flex" if self._choice.value == "nc" else "none"
        if self._on_change:
            self._on_change()

    @property
    def value(self) -> str | None:
        """``"nc"`` (found: a nonconformity), ``"ok"``, ``"na"`` or None."""
        return self._choice.value

    @value.setter
    def value(self, choice: str | None) -> None:
        self._choice.value = choice

    def set_details(self, location: str = "", note: str = "", photo: bytes | None = None) -> None:
        """Fill location and note (tests, demos); a photo goes in as an upload."""
        self._location.value, self._note.value = location, note
        if photo is not None:
            self._photo.value = (
                {
                    "name": "foto.png",
                    "type": "image/png",
                    "size": len(photo),
                    "content": memoryview(photo),
                    "last_modified": dt.datetime.now(),
                },
            )

    def answer(self) -> Answer | None:
        """The answer as the model wants it, None when not answered.

        Raises:
            GmpError: for a value the radio buttons cannot produce (tampered input).
        """
        choice = self._choice.value
        if choice is None:
            return None
        if choice not in _CHOICES:
            raise GmpError("gmp.error.answer", value=str(choice)[:40])
        photo = None
        if choice == "nc" and self._photo.value:
            data = bytes(self._photo.value[0]["content"])
            photo = data if len(data) <= MAX_PHOTO_BYTES else None
        return Answer(
            conform={"nc": False, "ok": True, "na": None}[choice],
            note=str(self._note.value or "")[:2000] if choice == "nc" else "",
            location=str(self._location.value or "")[:200] if choice == "nc" else "",
            photo=photo,
        )


class SelfInspection(w.VBox):
    """The whole checklist with level, PLOR plan, PDF/Excel downloads, saving and progress."""

    def __init__(self, session: Session | None = None, business: str = "") -> None:
        self._session = session or current_session()
        lang = self._session.lang
        self._folder: Path | None = None
        self._business = w.Text(
            value=business,
            description=t("gmp.widget.business", lang),
            style=ui.style(ui.TextStyle, description_width="initial"),
            layout=ui.FULL,
        )
        self._date = w.DatePicker(
            value=dt.date.today(),
            description=t("gmp.widget.date", lang),
            style=ui.style(ui.DescriptionStyle, description_width="initial"),
            layout=ui.FULL,
        )
        self._count = ui.html_block()
        names = aspects(lang)
        self.rows: list[ItemRow] = []
        children: list[w.Widget] = [_label_above(self._business), _label_above(self._date)]
        current = None
        for it in checklist():
            if it.aspect != current:
                current = it.aspect
                children.append(
                    ui.html_block(f"<h3>{it.aspect}. {html.escape(names[it.aspect])}</h3>")
                )
            row = ItemRow(it, lang, self._update_count)
            self.rows.append(row)
            children.append(row)
        self._assess_btn = ui.button(t("gmp.widget.assess", lang))
        self._save_btn = ui.button(t("gmp.widget.save", lang), "info")
        self._compare_btn = ui.button(t("gmp.widget.compare", lang), "info")
        self._result = ui.html_block()
        self._downloads = ui.html_block()
        self._progress = ui.html_block()
        self.assessment: Assessment | None = None
        guard = ui.safe(self._result, lambda: self._session.lang)
        self._assess_btn.on_click(guard(self._run))
        self._save_btn.on_click(ui.safe(self._progress, lambda: self._session.lang)(self._do_save))
        self._compare_btn.on_click(
            ui.safe(self._progress, lambda: self._session.lang)(self._do_compare)
        )
        children += [
            self._count,
            self._assess_btn,
            self._result,
            self._downloads,
            self._save_btn,
            self._compare_btn,
            self._progress,
        ]
        super().__init__(children, layout=ui.FULL, _dom_classes=("pangan-gmp",))
        self._update_count()

    # programmatic surface -------------------------------------------------------------
    def set_answers(self, answers: dict[int, str]) -> None:
        """Set answers by item number: ``"nc"``, ``"ok"`` or ``"na"`` (tests, demos)."""
        for row in self.rows:
            if row.item.no in answers:
                row.value = answers[row.item.no]

    def set_business(self, name: str) -> None:
        """Set the business name."""
        self._business.value = name

    def click_assess(self) -> None:
        """Press "compute the level"."""
        self._assess_btn.click()

    def click_save(self) -> None:
        """Press "save this inspection"."""
        self._save_btn.click()

    def click_compare(self) -> None:
        """Press "compare with the previous inspection"."""
        self._compare_btn.click()

    @property
    def result_html(self) -> str:
        """The result area (level, notes, action plan)."""
        return self._result.value

    @property
    def downloads_html(self) -> str:
        """The download links (``data:`` URLs)."""
        return self._downloads.value

    @property
    def progress_html(self) -> str:
        """The save/compare area."""
        return self._progress.value

    def use_folder(self, folder: Path) -> None:
        """Save inspections in ``folder`` (tests)."""
        self._folder = folder

    # callbacks --------------------------------------------------------------------------
    def _update_count(self) -> None:
        done = sum(r.value is not None for r in self.rows)
        self._count.value = ui.message(
            "info",
            t("gmp.widget.answered", self._session.lang, answered=done, total=len(self.rows)),
        )

    def _build(self) -> Assessment:
        answers = {}
        for row in self.rows:
            ans = row.answer()
            if ans is not None:
                answers[row.item.no] = ans
        date = self._date.value if isinstance(self._date.value, dt.date) else dt.date.today()
        return assess(
            answers,
            business=str(self._business.value or "")[:120],
            date=date,
            lang=self._session.lang,
        )

    def _run(self, _b: Any = None) -> None:
        lang = self._session.lang
        a = self._build()
        self.assessment = a
        from toolkit.gmp.report import excel_bytes, pdf_bytes, summary_lines

        head = f'<div class="pangan-level pangan-level-{a.level}"><b>{html.escape(t("gmp.widget.level_big", lang, level=roman(a.level)))}</b></div>'
        summary = "".join(f"<p>{html.escape(s)}</p>" for s in summary_lines(a, lang))
        notes = "".join(ui.message("warn", n) for n in a.notes(lang))
        acts = []
        for act in a.actions(lang):
            sev = t(f"gmp.severity.{act.severity}", lang)
            acts.append(
                "<li><b>"
                + html.escape(
                    t(
                        "gmp.report.action_head",
                        lang,
                        no=act.item_no,
                        severity=sev,
                        date=fmt_date(act.target_date, lang),
                    )
                )
                + "</b><br>"
                + "<br>".join(
                    html.escape(f"{k} — {v}")
                    for k, v in (
                        ("P", act.problem),
                        ("L", act.location),
                        ("O", act.evidence),
                        ("R", act.reference),
                    )
                )
                + "</li>"
            )
        plan = f"<h3>{html.escape(t('gmp.report.actions', lang))}</h3>" + (
            f"<ol>{''.join(acts)}</ol>"
            if acts
            else f"<p>{html.escape(t('gmp.report.no_actions', lang))}</p>"
        )
        self._result.value = head + summary + notes + plan
        name = _slug(a.business or "cppb-irt")
        pdf = base64.b64encode(pdf_bytes(a, lang)).decode()
        xlsx = base64.b64encode(excel_bytes(a, lang)).decode()
        xmime = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        style = 'class="pangan-download" style="display:block;padding:12px;margin:6px 0;text-align:center;border:1px solid #1f4e79;border-radius:6px"'
        self._downloads.value = (
            f'<a {style} download="cppb-irt_{name}_{a.date.isoformat()}.pdf" '
            f'href="data:application/pdf;base64,{pdf}">{html.escape(t("gmp.widget.pdf", lang))}</a>'
            f'<a {style} download="cppb-irt_{name}_{a.date.isoformat()}.xlsx" '
            f'href="data:{xmime};base64,{xlsx}">{html.escape(t("gmp.widget.excel", lang))}</a>'
        )
        s = self._session
        s.record_answer(
            QUIZ_ID,
            "assessment",
            {
                "counts": a.counts,
                "level": a.level,
                "nonconformities": a.nonconformities,
                "missing": len(a.missing),
            },
            key=f"{s.workshop}|{s.participant}|{QUIZ_ID}|{a.date.isoformat()}|{a.nonconformities}|{len(a.missing)}",
        )

    def _target_folder(self) -> Path:
        if self._folder is not None:
            return self._folder
        s = self._session
        if s.identified:
            from toolkit.gmp.model import default_folder

            self._folder = default_folder() / _slug(s.workshop or "") / _slug(s.participant or "")
        else:
            self._folder = Path(tempfile.mkdtemp(prefix="pangan-gmp-"))
        return self._folder

    def _do_save(self, _b: Any = None) -> None:
        lang = self._session.lang
        a = self._build()
        self.assessment = a
        save_assessment(a, self._target_folder())
        n = len(saved_assessments(a.business, self._target_folder()))
        self._progress.value = ui.message("ok", t("gmp.widget.saved", lang, n=n))

    def _do_compare(self, _b: Any = None) -> None:
        lang = self._session.lang
        business = str(self._business.value or "")
        if not business.strip():
            raise GmpError("gmp.error.business")
        saved = saved_assessments(business, self._target_folder())
        if len(saved) < 2:
            self._progress.value = ui.message("info", t("gmp.widget.nothing_to_compare", lang))
            return
        prog = compare(saved[-2], saved[-1])
        self._progress.value = "".join(
            ui.message("ok" if prog.improved else "warn", line) for line in prog.summary(lang)
        )


def print_levels(session: Session | None = None) -> None:
    """Print the level rules in the session's language (a teaching cell of the notebook)."""
    from toolkit.gmp.model import levels_text

    print(levels_text((session or current_session()).lang))


def print_checklist_counts(session: Session | None = None) -> None:
    """Print the checklist's size and severity counts in the session's language."""
    from toolkit.gmp.model import checklist_counts_text

    print(checklist_counts_text((session or current_session()).lang))
