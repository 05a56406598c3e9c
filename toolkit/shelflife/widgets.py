"""Shelf-life views: the ASLT lab (table → kinetics → Arrhenius → shelf life → label date),
small Q10 / Labuza / best-before calculators, and the auto-checked drill set.

Every button works through ``.click()`` in plain pytest; every user error is shown as a
translated message, never a traceback. Answer keys stay in plain Python attributes.
"""

from __future__ import annotations

import datetime as dt
import html
import logging
from pathlib import Path
from typing import Any

import ipywidgets as widgets

from toolkit.app import ui
from toolkit.i18n import fmt_date, fmt_number, normalize_lang, t
from toolkit.shelflife.model.errors import ShelfLifeError

log = logging.getLogger("pangan")

QUIZ = "shelflife.drills"


def _session(session: Any) -> Any:
    """The given session, or this kernel's session (read from the page's URL)."""
    if session is not None:
        return session
    from toolkit.app.session import current_session

    return current_session()


def _lang(session: Any, lang: str | None) -> str:
    if lang:
        return normalize_lang(lang)
    return normalize_lang(getattr(session, "lang", None))


def _button(text: str, style: str = "primary") -> widgets.Button:
    return widgets.Button(
        description=text,
        button_style=style,
        layout=ui.layout(width="100%", min_height="44px", height="auto"),
        style=ui.style(ui.ButtonStyle),
    )


def _field(label: str, value: str = "") -> widgets.Text:
    return widgets.Text(
        value=value,
        description=label,
        style=ui.style(ui.TextStyle, description_width="initial"),
        layout=ui.full(),
    )


def _num(x: float, lang: str, digits: int = 2) -> str:
    return fmt_number(x, lang, digits)


def _sig(x: float, lang: str, sig: int = 4) -> str:
    """A number with about ``sig`` significant digits, in the locale's format."""
    import math

    if x == 0 or not math.isfinite(x):
        return fmt_number(x, lang, 0)
    digits = max(0, sig - 1 - int(math.floor(math.log10(abs(x)))))
    return fmt_number(x, lang, min(digits, 8))


def _parse_number(text: Any, name: str) -> float:
    from toolkit.shelflife.model.table import _to_float

    raw = str(text)[:40]
    x = _to_float(raw)
    if x is None:
        raise ShelfLifeError("shelflife.error.param_not_number", name=name)
    return x


def _box(kind: str, text: str) -> str:
    colours = {"error": "#b00020", "warn": "#8a5a00", "ok": "#1b5e20", "info": "#333"}
    return (
        f'<div class="pangan-{kind}" style="color:{colours[kind]};margin:4px 0">'
        f"{html.escape(text)}</div>"
    )


class _Base(widgets.VBox):
    """Common parts: language, session, the message area and safe callbacks."""

    def __init__(self, session: Any = None, lang: str | None = None) -> None:
        super().__init__(layout=ui.layout(width="100%", max_width="640px"))
        self._session = _session(session)
        self._lang = _lang(self._session, lang)
        self._message = ui.html_block()

    def _t(self, key: str, **params: Any) -> str:
        return t(key, self._lang, **params)

    @property
    def message(self) -> str:
        """The text of the message area (errors and warnings), without markup."""
        import re

        return html.unescape(re.sub(r"<[^>]+>", "", self._message.value))

    def _show(self, kind: str, text: str) -> None:
        self._message.value = _box(kind, text)

    def _safely(self, action: Any) -> Any:
        """Run a callback: a ShelfLifeError becomes its message, anything else a generic one."""

        def run(*_args: Any) -> None:
            self._message.value = ""
            try:
                action()
            except ShelfLifeError as err:
                self._show("error", err.message(self._lang))
            except Exception:
                log.exception("shelf-life widget action failed")
                self._show("error", t("common.app.action_error", self._lang))

        return run


class AsltLab(_Base):
    """Accelerated shelf-life test: paste/upload a table, see fits, Ea, shelf life and the label.

    Args:
        session: The trainee session (language; calculations are not graded).
        lang: Overrides the session's language.
        dataset: Id of the teaching data set loaded at start (None: empty table).

    After ``compute`` the results are in ``fit``, ``life`` and ``label`` (plain attributes).
    """

    def __init__(
        self, session: Any = None, lang: str | None = None, dataset: str | None = None
    ) -> None:
        super().__init__(session, lang)
        from toolkit.shelflife.content import datasets

        self.fit: Any = None
        self.life: Any = None
        self.label: Any = None
        self._examples = [d for d in datasets() if d.kind == "aslt"]
        self._mode = widgets.ToggleButtons(
            options=[(self._t("shelflife.ui.mode_normal"), "normal"),
                     (self._t("shelflife.ui.mode_guided"), "guided")],
            value="normal",
            layout=ui.full(),
            style=ui.style(ui.ToggleButtonsStyle),
        )  # fmt: skip
        self._source = widgets.RadioButtons(
            options=[(self._t("shelflife.ui.source_example"), "example"),
                     (self._t("shelflife.ui.source_paste"), "paste"),
                     (self._t("shelflife.ui.source_upload"), "upload")],
            value="example" if dataset else "paste",
            description=self._t("shelflife.ui.source"),
            style=ui.style(ui.DescriptionStyle, description_width="initial"),
            layout=ui.full(),
        )  # fmt: skip
        self._example = widgets.Dropdown(
            options=[(self._t(f"shelflife.dataset.{d.id}.title"), d.id) for d in self._examples],
            value=dataset if dataset in {d.id for d in self._examples} else self._examples[0].id,
            layout=ui.full(),
            style=ui.style(ui.DescriptionStyle),
        )
        self._paste = widgets.Textarea(
            placeholder="temp_c,day,value\n25,0,3.0\n25,7,3.2\n…",
            layout=ui.layout(width="100%", height="160px"),
            style=ui.style(ui.TextStyle),
        )
        self._upload = widgets.FileUpload(
            accept=".csv,.txt,.xlsx", multiple=False, description=self._t("shelflife.ui.upload"),
            layout=ui.layout(width="100%", min_height="44px"),
            style=ui.style(ui.ButtonStyle),
        )  # fmt: skip
        self._order = widgets.RadioButtons(
            options=[(self._t("shelflife.ui.order_auto"), "auto"),
                     (self._t("shelflife.ui.order_0"), "0"),
                     (self._t("shelflife.ui.order_1"), "1")],
            value="auto",
            description=self._t("shelflife.ui.order"),
            style=ui.style(ui.DescriptionStyle, description_width="initial"),
            layout=ui.full(),
        )  # fmt: skip
        self._kelvin = widgets.RadioButtons(
            options=[("T = °C + 273,15" if self._lang == "id" else "T = °C + 273.15", "273.15"),
                     ("T = °C + 273", "273")],
            value="273.15",
            description=self._t("shelflife.ui.kelvin"),
            style=ui.style(ui.DescriptionStyle, description_width="initial"),
            layout=ui.full(),
        )  # fmt: skip
        self._storage = _field(self._t("shelflife.ui.storage_temp"), "30")
        self._initial = _field(self._t("shelflife.ui.initial"), "")
        self._limit = _field(self._t("shelflife.ui.limit"), "")
        self._production = widgets.DatePicker(
            description=self._t("shelflife.ui.production_date"),
            style=ui.style(ui.DescriptionStyle, description_width="initial"),
            layout=ui.full(),
        )
        self._margin = _field(self._t("shelflife.ui.margin"), "0")
        self._compute = _button(self._t("shelflife.ui.compute"))
        self._result = ui.html_block()
        self._plots = ui.html_block()
        self._input_box = widgets.VBox(layout=ui.full())
        self._source.observe(self._on_source, names="value")
        self._example.observe(self._on_example, names="value")
        self._compute.on_click(self._safely(self.compute))
        self._on_source()
        self._on_example()
        self.children = [
            ui.html_block(
                f"<h3>{html.escape(self._t('shelflife.ui.lab_title'))}</h3>", full_width=False
            ),
            self._mode,
            self._source,
            self._input_box,
            self._order,
            self._kelvin,
            self._storage,
            self._initial,
            self._limit,
            self._production,
            self._margin,
            self._compute,
            self._message,
            self._result,
            self._plots,
        ]

    def _on_source(self, *_: Any) -> None:
        chosen = {"example": self._example, "paste": self._paste, "upload": self._upload}
        self._input_box.children = [chosen[self._source.value]]

    def _on_example(self, *_: Any) -> None:
        from toolkit.shelflife.content import dataset

        item = dataset(self._example.value)
        self._initial.value = fmt_number(item.initial or 0, self._lang, 1)
        self._limit.value = fmt_number(item.limit or 0, self._lang, 1)
        self._storage.value = f"{item.storage_temp_c:g}"

    def _table(self) -> Any:
        from toolkit.shelflife.content import dataset
        from toolkit.shelflife.model.table import MAX_BYTES, read_table

        source = self._source.value
        if source == "example":
            return dataset(self._example.value).frame()
        if source == "paste":
            return read_table(self._paste.value[: MAX_BYTES + 1])
        files = list(self._upload.value or ())
        if not files:
            raise ShelfLifeError("shelflife.error.no_file")
        item = files[0]
        content = bytes(item.get("content", b""))
        return read_table(content, str(item.get("name", "")))

    def compute(self) -> None:
        """Fit, compute the shelf life and render everything (raises ShelfLifeError)."""
        from toolkit.shelflife.model.arrhenius import fit_arrhenius, shelf_life_days
        from toolkit.shelflife.model.dates import best_before

        self.fit = self.life = self.label = None
        self._result.value = self._plots.value = ""
        order = None if self._order.value == "auto" else int(self._order.value)
        fit = fit_arrhenius(self._table(), order=order, kelvin_offset=float(self._kelvin.value))
        temp = _parse_number(self._storage.value, self._t("shelflife.ui.storage_temp"))
        initial = _parse_number(self._initial.value, self._t("shelflife.ui.initial"))
        limit = _parse_number(self._limit.value, self._t("shelflife.ui.limit"))
        life = shelf_life_days(fit, temp, initial, limit)
        label = None
        if self._production.value is not None:
            margin = _parse_number(self._margin.value or "0", self._t("shelflife.ui.margin"))
            label = best_before(self._production.value, life.days, self._lang, margin=margin)
        self.fit, self.life, self.label = fit, life, label
        if fit.warnings:
            self._message.value = "".join(_box("warn", self._t(k)) for k in fit.warnings)
        self._result.value = self._render(fit, life, label)
        self._plots.value = self._render_plots(fit, life)

    def _render(self, fit: Any, life: Any, label: Any) -> str:
        from toolkit.shelflife.model.q10 import q10_from_rates

        lang = self._lang
        guided = self._mode.value == "guided"
        parts: list[str] = []

        def add(title_key: str, body: str, guide_key: str | None = None, **gp: Any) -> None:
            block = f"<h4>{html.escape(self._t(title_key))}</h4>{body}"
            if guided and guide_key:
                block += (
                    '<div style="background:#eef5fb;padding:6px;border-radius:4px">'
                    f"{html.escape(self._t(guide_key, **gp))}</div>"
                )
            parts.append(block)

        order_name = self._t(f"shelflife.ui.order_{fit.order}")
        r2_text = "; ".join(
            self._t("shelflife.ui.order_r2", order=o, r2=_num(r2, lang, 4))
            for o, r2 in sorted(fit.order_r2.items())
        )
        rows = "".join(
            f"<tr><td>{_num(r.temp_c, lang, 1)}</td><td>{_sig(r.k, lang)}</td>"
            f"<td>{_num(r.r2, lang, 4)}</td></tr>"
            for r in fit.rates.itertuples()
        )
        table = (
            '<table style="border-collapse:collapse;width:100%"><tr>'
            f"<th>{html.escape(self._t('shelflife.ui.col_temp'))}</th><th>k</th><th>R²</th></tr>"
            f"{rows}</table>"
        )
        add(
            "shelflife.ui.step_order",
            f"<p>{html.escape(self._t('shelflife.ui.chosen_order', order=order_name))}"
            f"<br>{html.escape(r2_text)}</p>{table}",
            "shelflife.guide.order",
        )
        add(
            "shelflife.ui.step_arrhenius",
            "<p>"
            + html.escape(
                self._t(
                    "shelflife.ui.ea",
                    kj=_num(fit.ea_kj_per_mol, lang, 1),
                    cal=_num(fit.ea_cal_per_mol, lang, 0),
                    r2=_num(fit.r2, lang, 4),
                    ln_k0=_num(fit.ln_k0, lang, 4),
                    slope=_num(fit.slope, lang, 2),
                )
            )
            + "</p>",
            "shelflife.guide.arrhenius",
        )
        if life.low is not None:
            interval = self._t(
                "shelflife.ui.interval",
                level=_num(life.level * 100, lang, 0),
                low=_num(life.low, lang, 0),
                high=_num(life.high, lang, 0),
            )
        else:
            interval = self._t("shelflife.ui.no_interval")
        body = (
            "<p><b>"
            + html.escape(
                self._t(
                    "shelflife.ui.shelf_life",
                    temp=_num(life.temp_c, lang, 1),
                    days=_num(life.days, lang, 1),
                    months=_num(life.months, lang, 1),
                )
            )
            + "</b><br>"
            + html.escape(self._t("shelflife.ui.k_storage", k=_sig(life.k, lang)))
            + "<br>"
            + html.escape(interval)
            + "</p><ul>"
            + "".join(f"<li>{html.escape(s)}</li>" for s in life.explain(lang))
            + "</ul>"
        )
        add("shelflife.ui.step_shelf_life", body, "shelflife.guide.shelf_life")
        pairs = []
        temps = list(fit.rates["temp_c"])
        ks = list(fit.rates["k"])
        for i in range(len(temps) - 1):
            q = q10_from_rates(temps[i], ks[i], temps[i + 1], ks[i + 1])
            pairs.append(
                self._t(
                    "shelflife.ui.q10_pair",
                    low=_num(temps[i], lang, 0),
                    high=_num(temps[i + 1], lang, 0),
                    q10=_num(q, lang, 2),
                )
            )
        q10_body = (
            "<p>"
            + html.escape(
                self._t(
                    "shelflife.ui.q10_fit",
                    temp=_num(life.temp_c, lang, 0),
                    q10=_num(fit.q10_at(life.temp_c), lang, 2),
                )
            )
            + "<br>"
            + html.escape("; ".join(pairs))
            + "</p>"
        )
        add("shelflife.ui.step_q10", q10_body, "shelflife.guide.q10")
        if label is not None:
            note = self._t(
                "shelflife.ui.day_required" if label.day_required else "shelflife.ui.day_optional"
            )
            label_body = (
                f'<p style="font-size:1.2em"><b>{html.escape(label.text)}</b></p>'
                f"<p>{html.escape(self._t('shelflife.ui.label_days', days=label.days_used))} "
                f"{html.escape(note)}<br><small>{html.escape(label.source)}</small></p>"
            )
        else:
            label_body = f"<p>{html.escape(self._t('shelflife.ui.no_production_date'))}</p>"
        add("shelflife.ui.step_label", label_body, "shelflife.guide.label")
        return "".join(parts)

    def _render_plots(self, fit: Any, life: Any) -> str:
        from toolkit.shelflife.plots import arrhenius_svg, kinetics_svg

        y_key = "shelflife.ui.plot_value" if fit.order == 0 else "shelflife.ui.plot_ln_value"
        kin = kinetics_svg(
            fit,
            {
                "x": self._t("shelflife.ui.plot_day"),
                "y": self._t(y_key),
                "title": self._t("shelflife.ui.plot_kinetics_title"),
                "temp": "{temp} °C",
            },
        )
        arr = arrhenius_svg(
            fit,
            life,
            {
                "x": "1000/T (K⁻¹)",
                "y": "ln k",
                "title": self._t("shelflife.ui.plot_arrhenius_title"),
                "measured": self._t("shelflife.ui.plot_measured"),
                "storage": self._t("shelflife.ui.plot_storage", temp=f"{life.temp_c:g}"),
            },
        )
        return f"<div>{kin}</div><div>{arr}</div>"


class _Form(_Base):
    """A one-column form of number fields, a button and a result line."""

    FIELDS: tuple[tuple[str, str], ...] = ()
    TITLE = ""

    def __init__(self, session: Any = None, lang: str | None = None, **values: Any) -> None:
        super().__init__(session, lang)
        self.result: Any = None
        comma = self._lang == "id"
        self._fields = {
            name: _field(
                self._t(f"shelflife.ui.field_{name}"),
                str(values.get(name, default)).replace(".", "," if comma else "."),
            )
            for name, default in self.FIELDS
        }
        self._compute = _button(self._t("shelflife.ui.compute"))
        self._output = ui.html_block()
        self._compute.on_click(self._safely(self.compute))
        self.children = [
            ui.html_block(f"<h3>{html.escape(self._t(self.TITLE))}</h3>", full_width=False),
            *self._fields.values(),
            self._compute,
            self._message,
            self._output,
        ]

    def _values(self) -> dict[str, float]:
        return {
            name: _parse_number(w.value, self._t(f"shelflife.ui.field_{name}"))
            for name, w in self._fields.items()
        }

    def compute(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError


class Q10Calculator(_Form):
    """Shelf life at the storage temperature from a test at another temperature and Q10."""

    TITLE = "shelflife.ui.q10_title"
    FIELDS = (
        ("days_at_test", "32"),
        ("test_temp_c", "45"),
        ("target_temp_c", "25"),
        ("q10", "2.1"),
    )

    def compute(self) -> None:
        """Compute and show the result (raises ShelfLifeError on bad input)."""
        from toolkit.shelflife.model.q10 import q10_shelf_life

        v = self._values()
        self.result = q10_shelf_life(
            v["days_at_test"], v["test_temp_c"], v["target_temp_c"], v["q10"]
        )
        self._output.value = _box(
            "ok",
            self._t(
                "shelflife.ui.q10_result",
                days=_num(self.result, self._lang, 1),
                temp=_num(v["target_temp_c"], self._lang, 0),
            ),
        )


class LabuzaCalculator(_Form):
    """Critical-moisture shelf life of a dry product in its pack (Labuza)."""

    TITLE = "shelflife.ui.labuza_title"
    FIELDS = (
        ("me", "0.12"),
        ("mi", "0.03"),
        ("mc", "0.06"),
        ("permeance", "0.11"),
        ("area_m2", "0.03"),
        ("solids_g", "97"),
        ("temp_c", "30"),
        ("b", "0.25"),
    )

    def compute(self) -> None:
        """Compute Po from the temperature and the shelf life (raises ShelfLifeError)."""
        from toolkit.shelflife.model.labuza import labuza_shelf_life, saturated_vapour_pressure_mmhg

        v = self._values()
        p0 = saturated_vapour_pressure_mmhg(v["temp_c"])
        self.result = labuza_shelf_life(
            v["me"], v["mi"], v["mc"], v["permeance"], v["area_m2"], v["solids_g"], p0, v["b"]
        )
        self._output.value = _box(
            "ok",
            self._t(
                "shelflife.ui.labuza_result",
                days=_num(self.result, self._lang, 1),
                p0=_num(p0, self._lang, 2),
                temp=_num(v["temp_c"], self._lang, 0),
            ),
        )


class BestBeforeCalculator(_Base):
    """The label text "Baik digunakan sebelum …" from a production date and a shelf life."""

    def __init__(self, session: Any = None, lang: str | None = None, days: float = 99.5) -> None:
        super().__init__(session, lang)
        self.result: Any = None
        self._production = widgets.DatePicker(
            description=self._t("shelflife.ui.production_date"),
            style=ui.style(ui.DescriptionStyle, description_width="initial"),
            layout=ui.full(),
        )
        self._days = _field(self._t("shelflife.ui.field_days"), f"{days:g}")
        self._margin = _field(self._t("shelflife.ui.margin"), "0")
        self._month_year = widgets.Checkbox(
            description=self._t("shelflife.ui.month_year"),
            indent=False,
            layout=ui.full(),
            style=ui.style(ui.CheckboxStyle),
        )
        self._compute = _button(self._t("shelflife.ui.compute"))
        self._output = ui.html_block()
        self._compute.on_click(self._safely(self.compute))
        self.children = [
            ui.html_block(
                f"<h3>{html.escape(self._t('shelflife.ui.best_before_title'))}</h3>",
                full_width=False,
            ),
            self._production,
            self._days,
            self._margin,
            self._month_year,
            self._compute,
            self._message,
            self._output,
        ]

    def compute(self) -> None:
        """Compute and show the label text (raises ShelfLifeError)."""
        from toolkit.shelflife.model.dates import best_before

        if self._production.value is None:
            raise ShelfLifeError("shelflife.error.no_production_date")
        days = _parse_number(self._days.value, self._t("shelflife.ui.field_days"))
        margin = _parse_number(self._margin.value or "0", self._t("shelflife.ui.margin"))
        self.result = best_before(
            self._production.value, days, self._lang, margin, self._month_year.value
        )
        note = self._t(
            "shelflife.ui.day_required" if self.result.day_required else "shelflife.ui.day_optional"
        )
        self._output.value = (
            f'<p style="font-size:1.2em"><b>{html.escape(self.result.text)}</b></p>'
            + _box("info", note)
        )


class DrillCard(_Base):
    """One auto-checked drill: the prompt, an answer field, a check button and feedback.

    The correct answer is computed on the server and kept in a plain attribute (never a trait).
    """

    REVEAL_AFTER = 3

    def __init__(self, drill: Any, session: Any = None, lang: str | None = None) -> None:
        super().__init__(session, lang)
        self._drill = drill
        self._attempts = 0
        self.correct: bool | None = None
        params = {k: self._fmt_param(v) for k, v in drill.params.items()}
        prompt = self._t(f"shelflife.drill.{drill.id}", **params)
        if drill.kind == "order":
            self._answer: Any = widgets.RadioButtons(
                options=[
                    (self._t("shelflife.ui.order_0"), "0"),
                    (self._t("shelflife.ui.order_1"), "1"),
                ],
                value=None,
                layout=ui.full(),
                style=ui.style(ui.DescriptionStyle),
            )
        else:
            placeholder = "2027-01-31" if drill.kind == "best_before" else "0,123"
            self._answer = widgets.Text(
                placeholder=placeholder, layout=ui.full(), style=ui.style(ui.TextStyle)
            )
        self._check = _button(t("common.check.submit", self._lang))
        self._feedback = ui.html_block()
        self._check.on_click(self._safely(self.check))
        self.children = [
            ui.html_block(f"<p>{html.escape(prompt)}</p>", full_width=False),
            self._answer,
            self._check,
            self._message,
            self._feedback,
        ]

    def _fmt_param(self, value: Any) -> str:
        if isinstance(value, bool):
            return str(value)
        if isinstance(value, int | float):
            return _sig(float(value), self._lang, 6) if value != int(value) else f"{value:g}"
        if isinstance(value, str) and len(value) == 10 and value[4] == "-":
            try:
                return fmt_date(dt.date.fromisoformat(value), self._lang)
            except ValueError:
                return value
        return Path(str(value)).name

    def _fmt_answer(self, value: Any) -> str:
        if isinstance(value, dt.date):
            return fmt_date(value, self._lang)
        if self._drill.kind == "order":
            return self._t(f"shelflife.ui.order_{value}")
        return _sig(float(value), self._lang, 4)

    def check(self) -> None:
        """Check the answer, record it in the session and show feedback."""
        raw = self._answer.value
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            self._show("warn", t("common.check.choose_first", self._lang))
            return
        parsed = self._drill.parse(raw)
        if parsed is None:
            key = (
                "shelflife.ui.answer_date"
                if self._drill.kind == "best_before"
                else "shelflife.ui.answer_number"
            )
            self._show("warn", self._t(key))
            return
        self._attempts += 1
        ok = self._drill.is_correct(parsed)
        self.correct = ok
        session = self._session
        key = f"{session.workshop}|{session.participant}|{QUIZ}|{self._drill.id}|{str(raw)[:40]}"
        session.record_answer(QUIZ, self._drill.id, str(raw)[:40], correct=ok, key=key[:128])
        if ok:
            text = (
                t("common.check.correct", self._lang)
                + " "
                + self._t("shelflife.ui.answer_is", answer=self._fmt_answer(self._drill.expected()))
            )
            self._feedback.value = _box("ok", text)
        elif self._attempts >= self.REVEAL_AFTER:
            self._feedback.value = _box(
                "error",
                t("common.check.wrong", self._lang)
                + " "
                + self._t(
                    "shelflife.ui.answer_is", answer=self._fmt_answer(self._drill.expected())
                ),
            )
        else:
            self._feedback.value = _box(
                "error",
                t("common.check.wrong", self._lang)
                + " "
                + self._t(f"shelflife.hint.{self._drill.kind}"),
            )


class DrillSet(widgets.VBox):
    """All drills of a drill file, each with its data table the first time it is used.

    Args:
        path: A drill file, or ``"kuis"`` (the module's short quiz, package data) or
            ``"latihan"`` (``exercises/shelflife/drills.yaml``).
        session: The trainee session (answers are recorded).
        lang: Overrides the session's language.
    """

    def __init__(
        self, path: str | Path = "kuis", session: Any = None, lang: str | None = None
    ) -> None:
        super().__init__(layout=ui.layout(width="100%", max_width="640px"))
        from toolkit.shelflife.content import drill_file
        from toolkit.shelflife.drills import load_drills

        path = drill_file(path)
        session = _session(session)
        self._lang = _lang(session, lang)
        try:
            drills = load_drills(path)
        except ShelfLifeError as err:
            self.cards: list[DrillCard] = []
            self.children = [
                ui.html_block(_box("error", err.message(self._lang)), full_width=False)
            ]
            return
        self.cards = [DrillCard(d, session, self._lang) for d in drills]
        shown: set[str] = set()
        children: list[widgets.Widget] = []
        for number, (drill, card) in enumerate(zip(drills, self.cards, strict=True), start=1):
            children.append(
                ui.html_block(
                    f"<h4>{html.escape(t('shelflife.ui.drill_n', self._lang, n=number))}</h4>",
                    full_width=False,
                )
            )
            for key in ("dataset", "isotherm"):
                name = drill.params.get(key)
                if name and name not in shown:
                    shown.add(name)
                    children.append(self._table(drill.base / name))
            children.append(card)
        self.children = children

    def _table(self, path: Path) -> widgets.Widget:
        import csv

        with path.open(encoding="utf-8") as fh:
            rows = list(csv.reader(fh))
        head = "".join(f"<th>{html.escape(c)}</th>" for c in rows[0])
        body = "".join(
            "<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>"
            for row in rows[1:]
        )
        table = widgets.HTML(
            f'<div style="max-height:260px;overflow:auto"><table><tr>{head}</tr>{body}</table></div>',
            layout=ui.layout(),
        )
        acc = widgets.Accordion(children=[table], layout=ui.full())
        acc.set_title(0, t("shelflife.ui.data_table", self._lang, name=path.name))
        return acc
