"""Widgets of the hygiene tools: the chlorine dilution calculator and the temperature-log check."""

from __future__ import annotations

import base64
import functools
import hashlib
import html
import logging
from typing import Any

import ipywidgets as w

from toolkit.app import ui
from toolkit.app.session import Session, current_session
from toolkit.hygiene.model import (
    FOOD_TYPES,
    HygieneError,
    check_temperature_log,
    naocl_to_available_chlorine,
    parse_typed_log,
    plan_dilution,
    read_temperature_log,
)
from toolkit.i18n import fmt_number, t

log = logging.getLogger("pangan")
QUIZ_ID = "hygiene.tools"
_LEVEL_KIND = {"ok": "ok", "info": "info", "warning": "warn", "danger": "error"}
MAX_UPLOAD_BYTES = 2_000_000


def _notices_html(notices: Any, lang: str) -> str:
    return "".join(ui.message(_LEVEL_KIND.get(n.level, "info"), n.message(lang)) for n in notices)


def _digest(readings: Any) -> str:
    return hashlib.sha1(
        repr([(r.time.isoformat(), round(r.temp_c, 2)) for r in readings]).encode()
    ).hexdigest()[:16]


def _number_field(label: str, value: float) -> w.Text:
    """A text field for a number: phones get a large field, "5,25" and "5.25" both work."""
    f = w.Text(
        value="" if value == 0 else f"{value:g}",
        description=label,
        style=ui.style(ui.TextStyle, description_width="initial"),
        layout=ui.full(),
        _dom_classes=("pangan-number",),
    )
    return f


def _read_number(field: w.Text, optional: bool = False) -> float | None:
    """The number typed in ``field``; None for an empty optional field.

    Raises:
        HygieneError: when the text is not a number.
    """
    from toolkit.hygiene.exercises import parse_number

    text = str(field.value or "").strip()
    if not text and optional:
        return None
    value = parse_number(text)
    if value is None:
        raise HygieneError("hygiene.tools.error.number", value=text[:20], field=field.description)
    return value


def _label_above(widget: w.Widget) -> w.VBox:
    """Move a widget's description into a full-width label above it (phones: no side labels)."""
    label = ui.html_block(f"<b>{html.escape(widget.description)}</b>")
    widget.description = ""
    return w.VBox([label, widget], layout=ui.FULL)


class DilutionCalculator(w.VBox):
    """Bleach + water for a wanted ppm, in ml and in kitchen measures, with warnings."""

    def __init__(
        self,
        session: Session | None = None,
        target_ppm: float = 100,
        volume_ml: float = 1000,
        stock_percent: float = 5.25,
    ) -> None:
        self._session = session or current_session()
        lang = self._session.lang
        self._target = _number_field(t("hygiene.tools.widget.target", lang), target_ppm)
        self._volume = _number_field(t("hygiene.tools.widget.volume", lang), volume_ml)
        self._stock = _number_field(t("hygiene.tools.widget.stock", lang), stock_percent)
        self._basis = w.RadioButtons(
            options=[
                (t("hygiene.tools.basis.naocl", lang), "naocl"),
                (t("hygiene.tools.basis.available_chlorine", lang), "available_chlorine"),
            ],
            value="naocl",
            description=t("hygiene.tools.widget.label_basis", lang),
            style=ui.style(ui.DescriptionStyle, description_width="initial"),
            layout=ui.full(),
        )
        self._cap = _number_field(t("hygiene.tools.widget.cap", lang), 0)
        self._button = ui.button(t("hygiene.tools.widget.compute", lang))
        self._out = ui.html_block()
        self.plan = None
        self._button.on_click(ui.safe(self._out, lambda: self._session.lang)(self._compute))
        super().__init__(
            [
                _label_above(self._target),
                _label_above(self._volume),
                _label_above(self._stock),
                _label_above(self._basis),
                _label_above(self._cap),
                self._button,
                self._out,
            ],
            layout=ui.FULL,
            _dom_classes=("pangan-dilution",),
        )

    def set_inputs(
        self,
        target_ppm: float,
        volume_ml: float,
        stock_percent: float,
        label_basis: str = "naocl",
        cap_ml: float = 0,
    ) -> None:
        """Fill the form (tests, notebooks)."""
        self._target.value, self._volume.value, self._stock.value = (
            f"{target_ppm:g}",
            f"{volume_ml:g}",
            f"{stock_percent:g}",
        )
        self._basis.value = label_basis
        self._cap.value = f"{cap_ml:g}" if cap_ml else ""

    def click(self) -> None:
        """Press the compute button."""
        self._button.click()

    @property
    def output_html(self) -> str:
        """What the result area shows."""
        return self._out.value

    def _compute(self, _b: Any = None) -> None:
        lang = self._session.lang
        target = _read_number(self._target)
        volume = _read_number(self._volume)
        label_stock = _read_number(self._stock)
        stock = label_stock
        basis = (
            self._basis.value if self._basis.value in ("naocl", "available_chlorine") else "naocl"
        )
        if basis == "naocl" and 0 < stock <= 100:
            stock = naocl_to_available_chlorine(stock)  # limits are in available chlorine
        cap = _read_number(self._cap, optional=True)
        plan = plan_dilution(target, volume, stock, "available_chlorine", cap or None)
        self.plan = plan
        recipe = t(
            "hygiene.tools.widget.recipe",
            lang,
            bleach=fmt_number(plan.bleach_ml, lang, 1),
            water=fmt_number(plan.water_ml, lang, 0),
            volume=fmt_number(plan.volume_ml, lang, 0),
            ppm=fmt_number(plan.available_chlorine_ppm, lang, 0),
        )
        items = []
        for m in plan.measures:
            if m.count is None:
                items.append(t("hygiene.tools.measure.bottle_cap_unknown", lang))
            else:
                name = t(f"hygiene.tools.measure.{m.key}", lang)
                if m.key == "bottle_cap":
                    name += f" ({fmt_number(m.ml, lang, 1)} ml)"
                items.append(
                    t(
                        "hygiene.tools.measure.count",
                        lang,
                        count=fmt_number(m.count, lang, 2),
                        measure=name,
                    )
                )
        lis = "".join(f"<li>{html.escape(i)}</li>" for i in items)
        self._out.value = (
            ui.message("ok", recipe)
            + f"<p><b>{html.escape(t('hygiene.tools.widget.measures', lang))}</b></p><ul>{lis}</ul>"
            + _notices_html(plan.notices, lang)
        )
        self._session.record_answer(
            QUIZ_ID,
            "dilution",
            {
                "target_ppm": plan.target_ppm,
                "volume_ml": plan.volume_ml,
                "stock_percent": label_stock,
                "basis": basis,
                "bleach_ml": round(plan.bleach_ml, 3),
            },
            key=f"{self._session.workshop}|{self._session.participant}|dilution|"
            f"{plan.target_ppm}|{plan.volume_ml}|{label_stock}|{basis}",
        )


class TemperatureLogChecker(w.VBox):
    """Typed or uploaded temperature log → danger-zone time, verdicts, chart and findings."""

    def __init__(
        self, session: Session | None = None, text: str = "", food_type: str = "room"
    ) -> None:
        self._session = session or current_session()
        lang = self._session.lang
        self._text = w.Textarea(
            value=text,
            placeholder="08:00, 65\n09:00, 35",
            description=t("hygiene.tools.widget.log_text", lang),
            style=ui.style(ui.TextStyle, description_width="initial"),
            layout=ui.layout(width="100%", height="160px"),
        )
        self._upload = w.FileUpload(
            accept=".csv,.xlsx",
            multiple=False,
            description=t("hygiene.tools.widget.upload", lang),
            layout=ui.layout(width="100%", min_height="44px"),
            style=ui.style(ui.ButtonStyle),
        )
        self._food = w.RadioButtons(
            options=[(t(f"hygiene.tools.food_type.{f}", lang), f) for f in FOOD_TYPES],
            value=food_type,
            description=t("hygiene.tools.widget.food_type", lang),
            style=ui.style(ui.DescriptionStyle, description_width="initial"),
            layout=ui.full(),
        )
        self._unit = w.RadioButtons(
            options=[(t("hygiene.tools.widget.unit_auto", lang), "auto"), ("°C", "C"), ("°F", "F")],
            value="auto",
            description=t("hygiene.tools.widget.unit", lang),
            style=ui.style(ui.DescriptionStyle, description_width="initial"),
            layout=ui.full(),
        )
        self._button = ui.button(t("hygiene.tools.widget.check", lang))
        self._out = ui.html_block()
        self.result = None
        self._button.on_click(ui.safe(self._out, lambda: self._session.lang)(self._check))
        super().__init__(
            [
                _label_above(self._text),
                self._upload,
                _label_above(self._food),
                _label_above(self._unit),
                self._button,
                self._out,
            ],
            layout=ui.FULL,
            _dom_classes=("pangan-templog",),
        )

    def set_inputs(self, text: str, food_type: str = "room", unit: str = "auto") -> None:
        """Fill the form (tests, notebooks)."""
        self._text.value, self._food.value, self._unit.value = text, food_type, unit

    def click(self) -> None:
        """Press the check button."""
        self._button.click()

    @property
    def output_html(self) -> str:
        """What the result area shows."""
        return self._out.value

    def _rows(self) -> Any:
        files = self._upload.value
        if files:
            f = files[0]
            content = bytes(f["content"])[:MAX_UPLOAD_BYTES]
            return read_temperature_log(content, str(f.get("name", "log.csv")))
        return parse_typed_log(self._text.value)

    def _check(self, _b: Any = None) -> None:
        lang = self._session.lang
        unit = self._unit.value if self._unit.value in ("C", "F") else None
        food = self._food.value if self._food.value in FOOD_TYPES else "room"
        res = check_temperature_log(self._rows(), food, unit=unit)
        self.result = res
        from toolkit.hygiene.plot import temperature_chart_png

        png = base64.b64encode(temperature_chart_png(res, lang)).decode()
        alt = html.escape(t("hygiene.tools.widget.chart_alt", lang))
        self._out.value = (
            f'<img src="data:image/png;base64,{png}" alt="{alt}" style="width:100%;height:auto">'
            f"<p><b>{html.escape(t('hygiene.tools.widget.findings', lang))}</b></p>"
            + _notices_html(res.notices, lang)
        )
        self._session.record_answer(
            QUIZ_ID,
            "temperature_log",
            {
                "food_type": food,
                "readings": len(res.readings),
                "danger_minutes": round(res.danger_minutes, 1),
                "two_hour_rule": res.two_hour_rule,
            },
            key=f"{self._session.workshop}|{self._session.participant}|templog|"
            f"{food}|{_digest(res.readings)}",
        )


# --------------------------------------------------------------------------- practice widgets


@functools.lru_cache(maxsize=512)
def scenario_chart(scenario: str, hours: float, lang: str) -> str:
    """The danger-zone explorer's chart of ``scenario`` over ``hours`` (base64 PNG).

    The same few charts for every trainee (scenarios × durations × languages), each ~0.1 CPU-s
    to draw: drawn once, in the fork server before the room arrives (``warm_charts``).
    """
    from toolkit.hygiene.plot import temperature_chart_png
    from toolkit.hygiene.practice import explore_scenario

    return base64.b64encode(temperature_chart_png(explore_scenario(scenario, hours), lang)).decode()


def warm_charts() -> int:
    """Draw every danger-zone explorer chart now; returns how many."""
    from toolkit.hygiene.practice import practice_data, scenarios
    from toolkit.i18n import LANGS

    n = 0
    for key, _name in scenarios():
        for hours in practice_data()["hours"]:
            for lang in LANGS:
                scenario_chart(key, float(hours), lang)
                n += 1
    return n


class DangerZoneExplorer(w.VBox):
    """How long has this rice been in the danger zone? Pick a scenario and a time, then judge."""

    def __init__(self, session: Session | None = None) -> None:
        from toolkit.hygiene.practice import practice_data, scenarios

        self._session = session or current_session()
        lang = self._session.lang
        style = {"description_width": "initial"}
        self._scenario = w.RadioButtons(
            options=[(name, key) for key, name in scenarios(lang)],
            value=scenarios(lang)[0][0],
            description=t("hygiene.tools.explorer.scenario", lang),
            style=style,
            layout=ui.FULL,
        )
        self._hours = w.ToggleButtons(
            options=[
                (f"{h} {t('hygiene.tools.explorer.hours_unit', lang)}", h)
                for h in practice_data()["hours"]
            ],
            value=practice_data()["hours"][0],
            description=t("hygiene.tools.explorer.hours", lang),
            style=style,
            layout=ui.FULL,
        )
        self._question = ui.html_block(
            f"<p><b>{html.escape(t('hygiene.tools.explorer.question', lang))}</b></p>"
        )
        self._answer = w.RadioButtons(
            options=[
                (t("hygiene.tools.explorer.safe", lang), "safe"),
                (t("hygiene.tools.explorer.unsafe", lang), "unsafe"),
            ],
            value=None,
            layout=ui.FULL,
            style=ui.style(ui.DescriptionStyle),
        )
        self._button = ui.button(t("common.check.submit", lang))
        self._out = ui.html_block()
        self.result = None
        self._button.on_click(ui.safe(self._out, lambda: self._session.lang)(self._check))
        super().__init__(
            [
                _label_above(self._scenario),
                _label_above(self._hours),
                self._question,
                self._answer,
                self._button,
                self._out,
            ],
            layout=ui.FULL,
            _dom_classes=("pangan-explorer",),
        )

    def choose(self, scenario: str, hours: float, answer: str | None) -> None:
        """Set scenario, hours and the trainee's judgement (tests, demos)."""
        self._scenario.value, self._hours.value, self._answer.value = scenario, hours, answer

    def click(self) -> None:
        """Press the check button."""
        self._button.click()

    @property
    def output_html(self) -> str:
        """What the result area shows."""
        return self._out.value

    def _check(self, _b: Any = None) -> None:
        from toolkit.hygiene.practice import explore_scenario, is_safe

        lang = self._session.lang
        if self._answer.value not in ("safe", "unsafe"):
            self._out.value = ui.message("warn", t("common.check.choose_first", lang))
            return
        res = explore_scenario(self._scenario.value, float(self._hours.value))
        self.result = res
        correct = (self._answer.value == "safe") == is_safe(res)
        png = scenario_chart(self._scenario.value, float(self._hours.value), lang)
        verdict = t("common.check.correct" if correct else "common.check.wrong", lang)
        self._out.value = (
            ui.message("ok" if correct else "error", verdict)
            + f'<img src="data:image/png;base64,{png}" alt="{html.escape(t("hygiene.tools.widget.chart_alt", lang))}" style="width:100%;height:auto">'
            + _notices_html(
                [n for n in res.notices if n.key.startswith(("notice.danger", "notice.two"))], lang
            )
        )
        s = self._session
        s.record_answer(
            QUIZ_ID,
            f"explorer.{self._scenario.value}.{self._hours.value}",
            {"answer": self._answer.value},
            correct=correct,
            score=float(correct),
            key=f"{s.workshop}|{s.participant}|explorer|{self._scenario.value}|"
            f"{self._hours.value}|{self._answer.value}",
        )


class HandwashOrder(w.VBox):
    """Put the WHO handwashing steps in order by tapping them one after another."""

    def __init__(self, session: Session | None = None) -> None:
        from toolkit.hygiene.practice import handwash_steps

        self._session = session or current_session()
        lang = self._session.lang
        steps = handwash_steps(lang)
        self._texts = dict(steps)
        # Buttons sorted by their text, so their order gives nothing away.
        self._step_buttons: dict[str, w.Button] = {}
        for key, text in sorted(steps, key=lambda kv: kv[1].lower()):
            b = ui.button(text, "")
            b.on_click(self._tap_handler(key))
            self._step_buttons[key] = b
        self._order: list[str] = []
        self._chosen = ui.html_block()
        self._reset_btn = ui.button(t("hygiene.tools.handwash.reset", lang), "warning")
        self._check_btn = ui.button(t("common.check.submit", lang))
        self._out = ui.html_block()
        self.correct = False
        guard = ui.safe(self._out, lambda: self._session.lang)
        self._reset_btn.on_click(guard(self._reset))
        self._check_btn.on_click(guard(self._check))
        intro = ui.html_block(f"<p>{html.escape(t('hygiene.tools.handwash.intro', lang))}</p>")
        super().__init__(
            [
                intro,
                *self._step_buttons.values(),
                self._chosen,
                self._reset_btn,
                self._check_btn,
                self._out,
            ],
            layout=ui.FULL,
            _dom_classes=("pangan-handwash-order",),
        )
        self._show()

    def _tap_handler(self, key: str) -> Any:
        def tap(_b: Any = None) -> None:
            self.tap(key)

        return tap

    def tap(self, key: str) -> None:
        """Add step ``key`` as the next step (what tapping its button does)."""
        if key in self._step_buttons and key not in self._order:
            self._order.append(key)
            self._step_buttons[key].disabled = True
            self._show()

    def set_order(self, keys: list[str]) -> None:
        """Start again and tap ``keys`` in this order (tests)."""
        self._reset()
        for key in keys:
            self.tap(key)

    def click(self) -> None:
        """Press the check button."""
        self._check_btn.click()

    @property
    def output_html(self) -> str:
        """What the result area shows."""
        return self._out.value

    def _show(self) -> None:
        items = "".join(f"<li>{html.escape(self._texts[k])}</li>" for k in self._order)
        self._chosen.value = f"<ol>{items}</ol>" if items else ""

    def _reset(self, _b: Any = None) -> None:
        self._order = []
        for b in self._step_buttons.values():
            b.disabled = False
        self._out.value = ""
        self._show()

    def _check(self, _b: Any = None) -> None:
        from toolkit.hygiene.practice import check_handwash_order, practice_data

        lang = self._session.lang
        order = list(self._order) + [None] * (len(self._texts) - len(self._order))
        marks = check_handwash_order(order)
        right = sum(marks)
        self.correct = all(marks)
        wrong = [str(n + 1) for n, ok in enumerate(marks) if not ok]
        text = t("hygiene.tools.handwash.result", lang, right=right, total=len(marks))
        if wrong:
            text += " " + t(
                "hygiene.tools.handwash.check_positions", lang, positions=", ".join(wrong)
            )
        src = practice_data()["handwashing"]["source"]
        self._out.value = ui.message("ok" if self.correct else "warn", text) + (
            f'<div class="pangan-source">{html.escape(src)}</div>' if self.correct else ""
        )
        s = self._session
        s.record_answer(
            QUIZ_ID,
            "handwash_order",
            {"order": self._order},
            correct=self.correct,
            score=right / len(marks),
            key=f"{s.workshop}|{s.participant}|handwash|{self._order}",
        )


class HandwashTimer(w.VBox):
    """A 60-second handwashing timer that runs in the browser (ipywidgets ``Play``)."""

    def __init__(self, session: Session | None = None) -> None:
        from toolkit.hygiene.practice import practice_data

        self._session = session or current_session()
        lang = self._session.lang
        hw = practice_data()["handwashing"]
        self._play = w.Play(
            value=0,
            min=0,
            max=int(hw["max_seconds"]),
            step=1,
            interval=1000,
            description=t("hygiene.tools.handwash.timer", lang),
            layout=ui.layout(width="100%", min_height="44px"),
            style=ui.style(ui.DescriptionStyle),
        )
        self._bar = w.IntProgress(
            value=0,
            min=0,
            max=int(hw["max_seconds"]),
            layout=ui.FULL,
            style=ui.style(ui.ProgressStyle),
        )
        w.jslink((self._play, "value"), (self._bar, "value"))
        self._out = ui.html_block(
            ui.message(
                "info",
                t(
                    "hygiene.tools.handwash.start",
                    lang,
                    low=hw["min_seconds"],
                    high=hw["max_seconds"],
                ),
            )
        )
        self._play.observe(self._tick, names="value")
        super().__init__(
            [self._play, self._bar, self._out],
            layout=ui.FULL,
            _dom_classes=("pangan-handwash-timer",),
        )

    @property
    def seconds(self) -> int:
        """Seconds on the clock."""
        return int(self._play.value)

    @seconds.setter
    def seconds(self, value: int) -> None:
        self._play.value = value

    @property
    def output_html(self) -> str:
        """What the message area shows."""
        return self._out.value

    def _tick(self, _change: Any = None) -> None:
        from toolkit.hygiene.practice import handwash_verdict, practice_data

        lang = self._session.lang
        hw = practice_data()["handwashing"]
        secs = self.seconds
        if secs == 0:
            return
        verdict = handwash_verdict(secs)
        kind = "warn" if verdict == "too_short" else "ok"
        self._out.value = ui.message(
            kind,
            t(
                f"hygiene.tools.handwash.{verdict}",
                lang,
                seconds=secs,
                low=hw["min_seconds"],
                high=hw["max_seconds"],
            ),
        )


class SortingExercise(w.VBox):
    """Sort foods into raw (separate board and container) or cooked / ready to eat."""

    def __init__(self, session: Session | None = None) -> None:
        from toolkit.hygiene.practice import sorting_items

        self._session = session or current_session()
        lang = self._session.lang
        self._items = sorting_items()
        self._radios: dict[str, w.RadioButtons] = {}
        rows: list[w.Widget] = []
        for it in self._items:
            rows.append(ui.html_block(f"<p><b>{html.escape(it.names[lang])}</b></p>"))
            r = w.RadioButtons(
                options=[
                    (t("hygiene.tools.sorting.raw", lang), "raw"),
                    (t("hygiene.tools.sorting.ready", lang), "ready"),
                ],
                value=None,
                layout=ui.FULL,
                style=ui.style(ui.DescriptionStyle),
                _dom_classes=("pangan-radio",),
            )
            self._radios[it.key] = r
            rows.append(r)
        self._button = ui.button(t("common.check.submit", lang))
        self._out = ui.html_block()
        self.correct = False
        self._button.on_click(ui.safe(self._out, lambda: self._session.lang)(self._check))
        super().__init__(
            [
                ui.html_block(f"<p>{html.escape(t('hygiene.tools.sorting.intro', lang))}</p>"),
                *rows,
                self._button,
                self._out,
            ],
            layout=ui.FULL,
            _dom_classes=("pangan-sorting",),
        )

    def choose(self, choices: dict[str, str]) -> None:
        """Put items in bins by key (tests)."""
        for key, value in choices.items():
            self._radios[key].value = value

    def click(self) -> None:
        """Press the check button."""
        self._button.click()

    @property
    def output_html(self) -> str:
        """What the result area shows."""
        return self._out.value

    def _check(self, _b: Any = None) -> None:
        from toolkit.hygiene.practice import check_sorting, practice_data

        lang = self._session.lang
        choices = {k: r.value for k, r in self._radios.items()}
        marks = check_sorting(choices)
        right = sum(marks.values())
        self.correct = all(marks.values())
        names = {it.key: it.names[lang] for it in self._items}
        wrong = [names[k] for k, ok in marks.items() if not ok]
        text = t("hygiene.tools.sorting.result", lang, right=right, total=len(marks))
        if wrong:
            text += " " + t("hygiene.tools.sorting.look_again", lang, items=", ".join(wrong))
        else:
            text += " " + t("hygiene.tools.sorting.why", lang)
        src = practice_data()["sorting"]["source"]
        self._out.value = ui.message("ok" if self.correct else "warn", text) + (
            f'<div class="pangan-source">{html.escape(src)}</div>' if self.correct else ""
        )
        s = self._session
        s.record_answer(
            QUIZ_ID,
            "sorting",
            {"choices": choices},
            correct=self.correct,
            score=right / len(marks),
            key=f"{s.workshop}|{s.participant}|sorting|{sorted(choices.items(), key=str)}",
        )


class TaskBox(w.VBox):
    """One auto-checked task: prompt, answer field, check button, feedback."""

    def __init__(self, task: Any, set_name: str, session: Session, on_change: Any = None) -> None:
        self.task = task
        self._set = set_name
        self._session = session
        self._on_change = on_change
        lang = session.lang
        self.solved = False
        self._prompt = ui.html_block(
            f"<p><b>{html.escape(task.id)}.</b> {html.escape(task.text(lang))}</p>", "pangan-card"
        )
        if task.kind == "number":
            self._answer: w.Widget = w.Text(
                placeholder=t("hygiene.tools.exercise.type_number", lang, unit=task.unit),
                layout=ui.FULL,
                style=ui.style(ui.TextStyle),
            )
        else:
            self._answer = w.RadioButtons(
                options=task.options(lang),
                value=None,
                layout=ui.FULL,
                style=ui.style(ui.DescriptionStyle),
                _dom_classes=("pangan-radio",),
            )
        self._button = ui.button(t("common.check.submit", lang))
        self._out = ui.html_block()
        self._button.on_click(ui.safe(self._out, lambda: self._session.lang)(self._check))
        super().__init__([self._prompt, self._answer, self._button, self._out], layout=ui.FULL)

    @property
    def answer(self) -> Any:
        """The trainee's answer as typed or chosen."""
        return self._answer.value

    @answer.setter
    def answer(self, value: Any) -> None:
        self._answer.value = value

    def click(self) -> None:
        """Press the check button."""
        self._button.click()

    @property
    def output_html(self) -> str:
        """The feedback area."""
        return self._out.value

    def _check(self, _b: Any = None) -> None:
        from toolkit.hygiene.exercises import parse_number

        lang = self._session.lang
        value = self._answer.value
        if value in (None, "") or (self.task.kind == "number" and parse_number(value) is None):
            self._out.value = ui.message("warn", t("hygiene.tools.exercise.need_answer", lang))
            return
        correct = self.task.check(value)
        text = t("common.check.correct" if correct else "common.check.wrong", lang)
        if correct and self.task.kind == "number":
            text += " " + t(
                "hygiene.tools.exercise.computed",
                lang,
                value=fmt_number(float(self.task.expected()), lang, 1),
                unit=self.task.unit,
            )
        elif not correct:
            text += " " + t("hygiene.tools.exercise.try_again", lang)
        self._out.value = ui.message("ok" if correct else "error", text)
        s = self._session
        s.record_answer(
            f"exercise.{self._set}",
            self.task.id,
            {"answer": str(value)[:100]},
            correct=correct,
            score=float(correct),
            key=f"{s.workshop}|{s.participant}|exercise.{self._set}|{self.task.id}|{value}",
        )
        if correct and not self.solved:
            self.solved = True
            if self._on_change:
                self._on_change()


class ExerciseSet(w.VBox):
    """All tasks of ``exercises/<set>/tugas.yaml`` with a running score."""

    def __init__(self, set_name: str, session: Session | None = None) -> None:
        from toolkit.hygiene.exercises import load_tasks

        self._session = session or current_session()
        self._name = set_name
        self.tasks = [
            TaskBox(task, set_name, self._session, self._update) for task in load_tasks(set_name)
        ]
        self._score = ui.html_block()
        super().__init__(
            [*self.tasks, self._score], layout=ui.FULL, _dom_classes=("pangan-exercises",)
        )
        self._update()

    @property
    def solved(self) -> int:
        """How many tasks are answered correctly."""
        return sum(task.solved for task in self.tasks)

    def _update(self) -> None:
        lang = self._session.lang
        self._score.value = ui.message(
            "ok" if self.solved == len(self.tasks) else "info",
            t("common.check.score", lang, score=self.solved, total=len(self.tasks)),
        )


def print_dilution_table(session: Session | None = None) -> None:
    """Print the bleach dilution table (facts §6.4) in the session's language."""
    from toolkit.hygiene.model import dilution_table_text

    print(dilution_table_text((session or current_session()).lang))
