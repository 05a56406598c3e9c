"""Label widgets: the Cek KLIK practice round for kader, the "check my own label" form for
UMKM, and the permit-number explainer. Answer keys stay in Python attributes, never in traits."""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import logging
import random
from typing import Any

import ipywidgets as W

from toolkit.app import ui
from toolkit.errors import ToolkitError
from toolkit.i18n import normalize_lang, t
from toolkit.labels.cases import load_cases
from toolkit.labels.checker import check_label
from toolkit.labels.correct import correct_label
from toolkit.labels.generator import PracticeLabel, generate_label, practice_from_case
from toolkit.labels.model import KLIK, Finding, Label
from toolkit.labels.svg import render_label_svg
from toolkit.labels.vocab import categories
from toolkit.permits import PermitError, parse_permit

log = logging.getLogger("pangan")

# Elements a kader can mark as wrong, in the order they are read on a pack.
PRACTICE_FIELDS: tuple[str, ...] = (
    "package_defects",
    "product_name",
    "net_content",
    "producer",
    "halal_logo",
    "best_before",
    "permit_number",
    "ingredients",
    "allergen_statement",
    "warnings",
    "claims",
    "production_code",
    "production_date",
)


def _button(text: str, style: str = "primary") -> W.Button:
    return ui.button(text, style)


def _toggle(text: str) -> W.ToggleButton:
    return W.ToggleButton(
        value=False,
        description=text,
        layout=ui.layout(width="100%", height="40px"),
        style=ui.style(ui.ToggleButtonStyle),
    )


def _session(session: Any) -> Any:
    if session is not None:
        return session
    from toolkit.app.session import current_session

    return current_session()


def _lang(session: Any, lang: str | None) -> str:
    if lang:
        return normalize_lang(lang)
    return normalize_lang(getattr(session, "lang", None))


def _error_html(text: str) -> str:
    return ui.message("error", text)


def score_answer(
    practice: PracticeLabel, klik_marked: set[str], fields_marked: set[str]
) -> dict[str, Any]:
    """Score one practice label.

    A defect is found when every element it affects is marked and so is its Cek KLIK letter.
    A false alarm is a marked element or letter that no defect affects. Points are defects
    found minus false alarms (never below 0); a label without defects is worth 1 point when
    nothing is marked.

    Returns:
        ``found`` (defect ids), ``missed`` (defect ids), ``false_fields``, ``false_klik``,
        ``points`` and ``max_points``.
    """
    found, missed = [], []
    for d in practice.defects:
        ok = all(k.field in fields_marked and k.klik in klik_marked for k in d.expects)
        (found if ok else missed).append(d.id)
    want_fields = {k.field for k in practice.expected()}
    want_klik = {k.klik for k in practice.expected()}
    false_fields = sorted(fields_marked - want_fields)
    false_klik = sorted(klik_marked - want_klik)
    alarms = len(false_fields) + len(false_klik)
    if practice.defects:
        points, max_points = max(0, len(found) - alarms), len(practice.defects)
    else:
        points, max_points = (1 if alarms == 0 else 0), 1
    return {
        "found": found,
        "missed": missed,
        "false_fields": false_fields,
        "false_klik": false_klik,
        "points": points,
        "max_points": max_points,
    }


class LabelPractice(W.VBox):
    """A Cek KLIK practice round: ``n`` generated labels; the kader marks the failing
    Cek KLIK letters and the wrong elements, then sees the score and the rule for each defect.

    Args:
        session: The trainee session (answers are stored when it is identified).
        lang: Language; default the session's.
        n: Labels per round.
        difficulty: 1–3 (the trainee can change it).
        seed: Seed of the round (default: a random one).
        today: The date labels are judged on (default: today).
        cases: Ids of curated cases (``exercises/labels/cases.yaml``) to use instead of
            generated labels.
    """

    def __init__(
        self,
        session: Any = None,
        lang: str | None = None,
        n: int = 5,
        difficulty: int = 1,
        seed: int | None = None,
        today: dt.date | None = None,
        cases: list[str] | None = None,
    ) -> None:
        super().__init__(
            layout=ui.layout(width="100%", max_width="640px"),
            _dom_classes=("pangan-label-practice",),
        )
        self._cases = list(cases or [])
        if self._cases:
            n = len(self._cases)
        self._session = session = _session(session)
        self._lang = _lang(session, lang)
        self._n = n
        self._today = today or dt.date.today()
        self._seed = seed if seed is not None else random.randrange(1, 10**9)
        self._round_no = 0
        self._labels: list[PracticeLabel] = []
        self._index = 0
        self._points = 0
        self._max_points = 0
        L = self._lang
        self._title = ui.html_block(
            f"<h3>{html.escape(t('labels.practice.title', L))}</h3>", full_width=False
        )
        self._intro = ui.html_block(
            f"<p>{html.escape(t('labels.practice.intro', L))}</p>", full_width=False
        )
        self._level = ui.radio([(t(f"labels.practice.level_{i}", L), i) for i in (1, 2, 3)])
        self._level.value = difficulty if difficulty in (1, 2, 3) else 1
        self._start = _button(t("labels.practice.start", L), "info")
        self._progress = ui.html_block(css_class="pangan-label-progress")
        self._picture = ui.html_block(css_class="pangan-label-svg")
        self._klik_title = ui.html_block(
            f"<b>{html.escape(t('labels.practice.mark_klik', L))}</b>", full_width=False
        )
        self._klik = {k: _toggle(t(f"labels.klik.{k}", L)) for k in KLIK}
        self._fields_title = ui.html_block(
            f"<b>{html.escape(t('labels.practice.mark_fields', L))}</b>", full_width=False
        )
        self._fields = {f: _toggle(t(f"labels.field.{f}", L)) for f in PRACTICE_FIELDS}
        self._check = _button(t("labels.practice.check", L), "primary")
        self._next = _button(t("labels.practice.next", L), "success")
        self._feedback = ui.html_block(css_class="pangan-label-feedback")
        self._start.on_click(self._on_start)
        self._check.on_click(self._on_check)
        self._next.on_click(self._on_next)
        self._answer_box = W.VBox(
            [
                self._klik_title,
                *self._klik.values(),
                self._fields_title,
                *self._fields.values(),
                self._check,
            ],
            layout=ui.full(),
        )
        self._head = [self._title, self._intro] + (
            [] if self._cases else [self._level, self._start]
        )
        self.children = list(self._head)
        self._start_round()

    # --- public surface for tests and the notebook
    @property
    def current(self) -> PracticeLabel | None:
        """The label on screen (None after the round)."""
        if 0 <= self._index < len(self._labels):
            return self._labels[self._index]
        return None

    @property
    def score(self) -> tuple[int, int]:
        """Points so far and the maximum so far."""
        return self._points, self._max_points

    def mark(self, klik: set[str] | None = None, fields: set[str] | None = None) -> None:
        """Set the marks as a trainee would by tapping (tests)."""
        for k, b in self._klik.items():
            b.value = k in (klik or set())
        for f, b in self._fields.items():
            b.value = f in (fields or set())

    def click_check(self) -> None:
        """Press "Check answer"."""
        self._check.click()

    def click_next(self) -> None:
        """Press "Next label"."""
        self._next.click()

    # --- callbacks
    def _safe(self, fn: Any) -> None:
        try:
            fn()
        except Exception:  # Voila shows no traceback: say it kindly, log it fully
            log.exception("label practice failed")
            self._feedback.value = _error_html(t("common.app.action_error", self._lang))

    def _on_start(self, _: Any = None) -> None:
        self._safe(self._start_round)

    def _on_check(self, _: Any = None) -> None:
        self._safe(self._check_answer)

    def _on_next(self, _: Any = None) -> None:
        self._safe(self._advance)

    def _start_round(self) -> None:
        self._round_no += 1
        level = int(self._level.value) if self._level.value in (1, 2, 3) else 1
        seed = self._seed + self._round_no * 7919
        if self._cases:
            by_id = {c.id: c for c in load_cases()}
            self._labels = [practice_from_case(by_id[c]) for c in self._cases]
        else:
            self._labels = [generate_label(seed, i, level, self._today) for i in range(self._n)]
        self._index = 0
        self._points = 0
        self._max_points = 0
        self._show()

    def _show(self) -> None:
        p = self.current
        L = self._lang
        if p is None:
            return
        self.mark()
        for b in (*self._klik.values(), *self._fields.values()):
            b.disabled = False
        self._check.disabled = False
        self._progress.value = (
            f"<p><b>{html.escape(t('labels.practice.progress', L, i=self._index + 1, n=self._n))}"
            f"</b> · {html.escape(t('labels.practice.today', L, date=_fmt(p.today, L)))}</p>"
        )
        self._picture.value = render_label_svg(p.label, L)
        self._feedback.value = ""
        self.children = [
            *self._head,
            self._progress,
            self._picture,
            self._answer_box,
            self._feedback,
        ]

    def _check_answer(self) -> None:
        p = self.current
        if p is None or self._check.disabled:
            return
        L = self._lang
        klik = {k for k, b in self._klik.items() if b.value}
        fields = {f for f, b in self._fields.items() if b.value}
        result = score_answer(p, klik, fields)
        self._points += result["points"]
        self._max_points += result["max_points"]
        for b in (*self._klik.values(), *self._fields.values()):
            b.disabled = True
        self._check.disabled = True
        if self._session is not None:
            self._session.record_answer(
                "labels.practice",
                p.id,
                {"klik": sorted(klik), "fields": sorted(fields)},
                correct=result["points"] == result["max_points"],
                score=float(result["points"]),
                key=f"{p.id}:{self._round_no}:{self._index}",
            )
        findings = check_label(p.label, today=p.today)
        self._feedback.value = _feedback_html(p, result, findings, L)
        last = self._index + 1 >= len(self._labels)
        self._next.description = t("labels.practice.finish" if last else "labels.practice.next", L)
        self.children = [*self.children, self._next]

    def _advance(self) -> None:
        if self.current is None or not self._check.disabled:
            return
        self._index += 1
        if self._index < len(self._labels):
            self._show()
            return
        L = self._lang
        pts, mx = self.score
        self._progress.value = ""
        self._picture.value = ""
        self._feedback.value = (
            f'<div class="label-score" style="font-size:1.3em"><b>'
            f"{html.escape(t('labels.practice.round_score', L, score=pts, total=mx))}</b></div>"
            f"<p>{html.escape(t('labels.practice.again', L))}</p>"
        )
        self.children = [self._title, self._feedback, *self._head[2:]]
        if self._cases:
            self.children = [*self.children, self._start]


def _fmt(d: dt.date, lang: str) -> str:
    from toolkit.i18n import fmt_date

    return fmt_date(d, lang)


def _finding_html(f: Finding, lang: str, fix: bool = False) -> str:
    icon = "⛔" if f.severity == "error" else "⚠️"
    extra = f"<br><i>{html.escape(f.fix(lang))}</i>" if fix else ""
    return (
        f"<li>{icon} <b>{html.escape(f.klik_name(lang))} · {html.escape(t(f'labels.field.{f.field}', lang))}"
        f"</b>: {html.escape(f.message(lang))}{extra}<br>"
        f'<small style="color:#555">{html.escape(t("labels.practice.rule", lang, rule=f.rule, source=f.source))}'
        f"</small></li>"
    )


def _feedback_html(
    p: PracticeLabel, result: dict[str, Any], findings: list[Finding], lang: str
) -> str:
    L = lang
    parts = [
        f"<p><b>{html.escape(t('labels.practice.label_score', L, score=result['points'], total=result['max_points']))}</b></p>"
    ]
    if not p.defects:
        parts.append(f"<p>{html.escape(t('labels.practice.clean', L))}</p>")
    by_key = {(f.field, f.klik, f.check): f for f in findings}
    for d in p.defects:
        ok = d.id in result["found"]
        head = t("labels.practice.found" if ok else "labels.practice.missed", L)
        color = "#1b7f3b" if ok else "#b00020"
        items = "".join(
            _finding_html(by_key[(k.field, k.klik, k.check)], L)
            for k in d.expects
            if (k.field, k.klik, k.check) in by_key
        )
        parts.append(f'<p style="color:{color}"><b>{html.escape(head)}</b></p><ul>{items}</ul>')
    alarms = [t(f"labels.field.{f}", L) for f in result["false_fields"]] + [
        t(f"labels.klik.{k}", L) for k in result["false_klik"]
    ]
    if alarms:
        parts.append(
            f'<p style="color:#b00020">{html.escape(t("labels.practice.false_alarms", L, items=", ".join(alarms)))}</p>'
        )
    return "".join(parts)


class OwnLabelCheck(W.VBox):
    """ "Check my own label": a form for the trainee's product; lists findings with how to fix
    each and draws a corrected layout preview with the main panel marked.

    Args:
        session: The trainee session (the check is stored when it is identified).
        lang: Language; default the session's.
        today: The date to judge expiry against (default: today).
    """

    TEXT_FIELDS = (
        "product_name",
        "net_content",
        "producer",
        "permit_number",
        "production_code",
        "production_date",
        "best_before",
        "allergen_statement",
        "storage",
    )
    AREA_FIELDS = ("ingredients", "warnings", "claims")
    MAIN_FIELDS = (
        "product_name",
        "net_content",
        "producer",
        "halal_logo",
        "best_before",
        "permit_number",
    )

    def __init__(
        self, session: Any = None, lang: str | None = None, today: dt.date | None = None
    ) -> None:
        super().__init__(
            layout=ui.layout(width="100%", max_width="640px"), _dom_classes=("pangan-own-label",)
        )
        self._session = session = _session(session)
        self._lang = L = _lang(session, lang)
        self._today = today
        self._inputs: dict[str, W.Widget] = {}
        rows: list[W.Widget] = [
            ui.html_block(f"<h3>{html.escape(t('labels.own.title', L))}</h3>", full_width=False),
            ui.html_block(f"<p>{html.escape(t('labels.own.intro', L))}</p>", full_width=False),
        ]
        cats = sorted(categories()["categories"], key=lambda k: t(f"labels.category.{k}", L))
        self._category = W.Dropdown(
            options=[(t("labels.own.choose_category", L), "")]
            + [(t(f"labels.category.{k}", L), k) for k in cats],
            value="",
            layout=ui.layout(width="100%", height="40px"),
            style=ui.style(ui.DescriptionStyle),
        )
        rows += [
            ui.html_block(f"<b>{html.escape(t('labels.field.category', L))}</b>", full_width=False),
            self._category,
        ]
        for name in self.TEXT_FIELDS + self.AREA_FIELDS:
            cls = W.Textarea if name in self.AREA_FIELDS else W.Text
            widget = cls(
                value="",
                placeholder=t(f"labels.own.hint.{name}", L),
                layout=ui.layout(width="100%", height="80px" if cls is W.Textarea else "40px"),
                style=ui.style(ui.TextStyle),
            )
            self._inputs[name] = widget
            rows += [
                ui.html_block(
                    f"<b>{html.escape(t(f'labels.field.{name}', L))}</b>", full_width=False
                ),
                widget,
            ]
        self._halal = W.Checkbox(
            value=False,
            description=t("labels.own.halal", L),
            indent=False,
            layout=ui.layout(width="100%", height="40px"),
            style=ui.style(ui.CheckboxStyle),
        )
        self._shelf = W.BoundedIntText(
            value=0,
            min=0,
            max=3650,
            layout=ui.layout(width="100%", height="40px"),
            style=ui.style(ui.DescriptionStyle),
        )
        rows += [
            self._halal,
            ui.html_block(f"<b>{html.escape(t('labels.own.shelf_life', L))}</b>", full_width=False),
            self._shelf,
            ui.html_block(f"<b>{html.escape(t('labels.own.main_panel', L))}</b>", full_width=False),
        ]
        self._main = {
            f: W.Checkbox(
                value=True,
                description=t(f"labels.field.{f}", L),
                indent=False,
                layout=ui.layout(width="100%", height="40px"),
                style=ui.style(ui.CheckboxStyle),
            )
            for f in self.MAIN_FIELDS
        }
        rows += list(self._main.values())
        self._submit = _button(t("labels.own.check", L), "primary")
        self._submit.on_click(self._on_submit)
        self._result = ui.html_block(css_class="pangan-own-result")
        self._preview = ui.html_block(css_class="pangan-own-preview")
        rows += [self._submit, self._result, self._preview]
        self.children = rows
        self.findings: list[Finding] = []

    def set_values(self, **values: Any) -> None:
        """Fill the form as a trainee would (tests): Label field names as keywords."""
        for name, value in values.items():
            if name == "category":
                self._category.value = value
            elif name == "halal_logo":
                self._halal.value = bool(value)
            elif name == "shelf_life_days":
                self._shelf.value = int(value or 0)
            elif name == "main_panel":
                for f, box in self._main.items():
                    box.value = f in value
            elif name in ("warnings", "claims"):
                self._inputs[name].value = "\n".join(value)
            else:
                self._inputs[name].value = value or ""

    def click_check(self) -> None:
        """Press "Check my label"."""
        self._submit.click()

    def label(self) -> Label:
        """The label as typed in the form (texts trimmed and limited in length)."""

        def val(name: str) -> str | None:
            text = str(self._inputs[name].value or "").strip()[:2000]
            return text or None

        def lines(name: str) -> list[str]:
            return [
                ln.strip()[:500]
                for ln in str(self._inputs[name].value or "").splitlines()
                if ln.strip()
            ][:20]

        category = (
            self._category.value if self._category.value in categories()["categories"] else None
        )
        return Label(
            product_name=val("product_name"),
            ingredients=val("ingredients"),
            net_content=val("net_content"),
            producer=val("producer"),
            permit_number=val("permit_number"),
            production_code=val("production_code"),
            production_date=val("production_date"),
            best_before=val("best_before"),
            halal_logo=bool(self._halal.value),
            allergen_statement=val("allergen_statement"),
            warnings=lines("warnings"),
            claims=lines("claims"),
            storage=val("storage"),
            category=category,
            main_panel={f for f, box in self._main.items() if box.value},
            shelf_life_days=int(self._shelf.value) or None,
        )

    def _on_submit(self, _: Any = None) -> None:
        L = self._lang
        try:
            label = self.label()
            self.findings = check_label(label, today=self._today)
            self._result.value = _own_result_html(self.findings, L)
            corr = correct_label(label, self.findings, L)
            self._preview.value = (
                f"<p><b>{html.escape(t('labels.own.preview', L))}</b></p>"
                + render_label_svg(
                    corr.label,
                    L,
                    show_damage=False,
                    placeholders=corr.placeholders,
                    highlight=corr.highlight,
                )
            )
            if self._session is not None:
                self._session.record_answer(
                    "labels.own_label",
                    "check",
                    {"findings": [f.check for f in self.findings]},
                    score=float(len(self.findings)),
                    key="own:" + hashlib.sha1(repr(label.to_dict()).encode()).hexdigest()[:16],
                )
        except Exception:
            log.exception("own-label check failed")
            self._result.value = _error_html(t("common.app.action_error", L))


def _own_result_html(findings: list[Finding], lang: str) -> str:
    if not findings:
        return (
            f'<p style="color:#1b7f3b"><b>{html.escape(t("labels.own.no_findings", lang))}</b></p>'
        )
    errors = sum(1 for f in findings if f.severity == "error")
    head = t("labels.own.summary", lang, errors=errors, warnings=len(findings) - errors)
    return (
        f"<p><b>{html.escape(head)}</b></p><ul>"
        + "".join(_finding_html(f, lang, fix=True) for f in findings)
        + "</ul>"
    )


class PermitExplainer(W.VBox):
    """Explains a permit number digit group by digit group.

    Args:
        session: The trainee session (for the language).
        lang: Language; default the session's.
        today: Year reference for P-IRT expiry (default: today).
    """

    def __init__(
        self, session: Any = None, lang: str | None = None, today: dt.date | None = None
    ) -> None:
        super().__init__(
            layout=ui.layout(width="100%", max_width="640px"),
            _dom_classes=("pangan-permit-explainer",),
        )
        self._lang = L = _lang(_session(session), lang)
        self._today = today or dt.date.today()
        self._number = W.Text(
            value="",
            placeholder=t("permits.explainer.placeholder", L),
            layout=ui.layout(width="100%", height="40px"),
            style=ui.style(ui.TextStyle),
        )
        self._explain = _button(t("permits.explainer.button", L), "primary")
        self._out = ui.html_block(css_class="pangan-permit-out")
        self._explain.on_click(self._on_explain)
        self.children = [
            ui.html_block(
                f"<h3>{html.escape(t('permits.explainer.title', L))}</h3>", full_width=False
            ),
            ui.html_block(
                f"<p>{html.escape(t('permits.explainer.intro', L))}</p>", full_width=False
            ),
            self._number,
            self._explain,
            self._out,
        ]

    def explain(self, text: str) -> str:
        """Type ``text`` and press Explain; returns the HTML shown."""
        self._number.value = text
        self._explain.click()
        return self._out.value

    def _on_explain(self, _: Any = None) -> None:
        L = self._lang
        try:
            permit = parse_permit(str(self._number.value)[:200])
        except PermitError as err:
            self._out.value = _error_html(err.message(L))
            return
        except ToolkitError as err:  # pragma: no cover - other user errors
            self._out.value = _error_html(err.message(L))
            return
        rows = "".join(
            f"<tr><td style='font-family:monospace;font-weight:bold;padding:4px'>{html.escape(f.digits)}</td>"
            f"<td style='padding:4px'>{html.escape(f.name(L))}</td><td style='padding:4px'>{html.escape(f.meaning(L))}</td></tr>"
            for f in permit.fields
        )
        notes = [
            t("permits.explainer.food_ok" if permit.is_food else "permits.explainer.not_food", L)
        ]
        if permit.expires_year is not None:
            key = (
                "permits.explainer.expired"
                if permit.expires_year < self._today.year
                else "permits.explainer.valid_until"
            )
            notes.append(t(key, L, year=permit.expires_year))
        notes.append(t("permits.explainer.verify", L))
        color = "#1b7f3b" if permit.is_food else "#b00020"
        self._out.value = (
            f"<p><b>{html.escape(t('permits.explainer.kind', L, kind=permit.kind_name(L)))}</b><br>"
            f"{html.escape(t('permits.explainer.number', L, number=permit.number))}</p>"
            f"<table style='width:100%;border-collapse:collapse' border='1'><tr><th>{html.escape(t('permits.explainer.digits', L))}</th>"
            f"<th>{html.escape(t('permits.explainer.group', L))}</th><th>{html.escape(t('permits.explainer.meaning', L))}</th></tr>{rows}</table>"
            f"<p style='color:{color}'>{'<br>'.join(html.escape(n) for n in notes)}</p>"
            f"<small>{html.escape(t('permits.explainer.source', L, source=permit.source))}</small>"
        )
