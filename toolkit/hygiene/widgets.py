"""Widgets of the hygiene tools: the chlorine dilution calculator and the temperature-log check."""

from __future__ import annotations

import base64
import hashlib
import html
import logging
from typing import Any

import ipywidgets as w

from toolkit.app import ui
from toolkit.app.session import Session, current_session
from toolkit.hygiene.model import (
    FOOD_TYPES,
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


def _number_field(label: str, value: float) -> w.FloatText:
    f = w.FloatText(
        value=value,
        description=label,
        style={"description_width": "initial"},
        layout=w.Layout(width="100%"),
    )
    f.add_class("pangan-number")
    return f


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
            style={"description_width": "initial"},
            layout=w.Layout(width="100%"),
        )
        self._cap = _number_field(t("hygiene.tools.widget.cap", lang), 0)
        self._button = ui.button(t("hygiene.tools.widget.compute", lang))
        self._out = ui.html_block()
        self.plan = None
        self._button.on_click(ui.safe(self._out, lambda: self._session.lang)(self._compute))
        super().__init__(
            [
                self._target,
                self._volume,
                self._stock,
                self._basis,
                self._cap,
                self._button,
                self._out,
            ],
            layout=ui.FULL,
        )
        self.add_class("pangan-dilution")

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
            target_ppm,
            volume_ml,
            stock_percent,
        )
        self._basis.value, self._cap.value = label_basis, cap_ml

    def click(self) -> None:
        """Press the compute button."""
        self._button.click()

    @property
    def output_html(self) -> str:
        """What the result area shows."""
        return self._out.value

    def _compute(self, _b: Any = None) -> None:
        lang = self._session.lang
        stock = float(self._stock.value)
        basis = (
            self._basis.value if self._basis.value in ("naocl", "available_chlorine") else "naocl"
        )
        if basis == "naocl" and 0 < stock <= 100:
            stock = naocl_to_available_chlorine(stock)  # limits are in available chlorine
        cap = float(self._cap.value) if self._cap.value and self._cap.value > 0 else None
        plan = plan_dilution(
            float(self._target.value), float(self._volume.value), stock, "available_chlorine", cap
        )
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
                "stock_percent": float(self._stock.value),
                "basis": basis,
                "bleach_ml": round(plan.bleach_ml, 3),
            },
            key=f"{self._session.workshop}|{self._session.participant}|dilution|"
            f"{plan.target_ppm}|{plan.volume_ml}|{self._stock.value}|{basis}",
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
            style={"description_width": "initial"},
            layout=w.Layout(width="100%", height="160px"),
        )
        self._upload = w.FileUpload(
            accept=".csv,.xlsx",
            multiple=False,
            description=t("hygiene.tools.widget.upload", lang),
            layout=w.Layout(width="100%", min_height="44px"),
        )
        self._food = w.RadioButtons(
            options=[(t(f"hygiene.tools.food_type.{f}", lang), f) for f in FOOD_TYPES],
            value=food_type,
            description=t("hygiene.tools.widget.food_type", lang),
            style={"description_width": "initial"},
            layout=w.Layout(width="100%"),
        )
        self._unit = w.RadioButtons(
            options=[(t("hygiene.tools.widget.unit_auto", lang), "auto"), ("°C", "C"), ("°F", "F")],
            value="auto",
            description=t("hygiene.tools.widget.unit", lang),
            style={"description_width": "initial"},
            layout=w.Layout(width="100%"),
        )
        self._button = ui.button(t("hygiene.tools.widget.check", lang))
        self._out = ui.html_block()
        self.result = None
        self._button.on_click(ui.safe(self._out, lambda: self._session.lang)(self._check))
        super().__init__(
            [self._text, self._upload, self._food, self._unit, self._button, self._out],
            layout=ui.FULL,
        )
        self.add_class("pangan-templog")

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
