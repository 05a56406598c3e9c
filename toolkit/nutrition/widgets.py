"""The nutrition views: the ING calculator with its panel, the recipe estimator, and drills.

Every value typed in the browser is checked on the server by the model; errors appear as
translated text; answer keys (computed drill answers) live in Python attributes, never in
widget traits.
"""

from __future__ import annotations

import hashlib
import html
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import ipywidgets as w

from toolkit.app import ui
from toolkit.app.session import Session, current_session
from toolkit.i18n import t
from toolkit.nutrition.data import rounding_table
from toolkit.nutrition.drills import Drill, load_drills, make_drill, parse_answer
from toolkit.nutrition.errors import NutritionError, nutrient_name
from toolkit.nutrition.format import ROWS, fmt_amount, unit
from toolkit.nutrition.ggl import ggl_comparison, ggl_sets
from toolkit.nutrition.model import (
    DEFAULT_AKG_BASIS,
    MANDATORY,
    NUTRIENTS,
    NutritionFacts,
    exempt_categories,
    nutrition_facts,
)
from toolkit.nutrition.panel import data_uri, panel_svg, svg_to_png
from toolkit.nutrition.recipe import Ingredient, RecipeEstimate, load_composition, recipe_estimate

CALC_QUIZ = "nutrition.calculator"
#: Largest composition table a trainee may upload (a few hundred rows fit in far less).
MAX_UPLOAD = 512 * 1024
TAP = "44px"


def _text(placeholder: str = "", value: str = "") -> w.Text:
    box = w.Text(
        value=value,
        placeholder=placeholder,
        continuous_update=False,
        layout=ui.layout(width="100%", min_height=TAP),
        style=ui.style(ui.TextStyle),
        _dom_classes=("pangan-input",),
    )
    return box


def _labelled(label: str, child: w.Widget) -> w.VBox:
    return w.VBox([ui.html_block(f"<label>{html.escape(label)}</label>"), child], layout=ui.FULL)


def _number(text: Any) -> Any:
    """A typed number as a float (decimal comma allowed); other text is returned unchanged."""
    value = parse_answer(text)
    return float(value) if value is not None else text


def _link(uri: str, filename: str, label: str) -> str:
    return (
        f'<a class="pangan-download" download="{html.escape(filename)}" href="{uri}" '
        'style="display:block;min-height:44px;line-height:44px;text-align:center;'
        'border:1px solid #1565c0;border-radius:4px;margin:6px 0;text-decoration:none">'
        f"{html.escape(label)}</a>"
    )


def _inline_svg(svg: str) -> str:
    """The panel scaled to the screen width (never wider than drawn)."""
    scaled = svg.replace("<svg ", '<svg style="width:100%;height:auto" ', 1)
    return f'<div style="max-width:360px;margin:8px 0">{scaled}</div>'


def facts_table_html(facts: NutritionFacts, lang: str) -> str:
    """Raw, declared and %AKG per serving as a small HTML table."""
    head = "".join(
        f"<th>{html.escape(t(k, lang))}</th>"
        for k in ("nutrition.table.nutrient", "nutrition.table.raw", "nutrition.table.declared",
                  "nutrition.table.percent_akg")
    )  # fmt: skip
    body = []
    for key in ROWS:
        pct = facts.percent_akg.get(key)
        cells = [
            nutrient_name(key, lang),
            f"{fmt_amount(facts.per_serving[key], lang, 2)} {unit(key, lang)}",
            f"{fmt_amount(facts.declared[key], lang)} {unit(key, lang)}",
            "–" if pct is None else f"{pct}%",
        ]
        body.append("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in cells) + "</tr>")
    return (
        '<table class="pangan-table" style="width:100%;font-size:90%">'
        f"<tr>{head}</tr>{''.join(body)}</table>"
    )


def _notices_html(texts: list[str]) -> str:
    return "".join(ui.message("warn", s) for s in texts)


class NutritionCalculator(w.VBox):
    """Per-100 g values + serving + pack -> the ING table, the panel, downloads and GGL.

    Args:
        per_100g: Values to start with (e.g. the worked example); empty fields otherwise.
        serving_g: Serving size to start with.
        pack_g: Net content to start with.
        session: The trainee session (the kernel's session by default).
    """

    def __init__(
        self,
        per_100g: Mapping[str, Any] | None = None,
        serving_g: float | None = None,
        pack_g: float | None = None,
        session: Session | None = None,
    ) -> None:
        self._session = session or current_session()
        lang = self._session.lang
        start = dict(per_100g or {})
        self._inputs: dict[str, w.Text] = {}
        rows: list[w.Widget] = [
            ui.html_block(f"<b>{html.escape(t('nutrition.widget.per_100g', lang))}</b>")
        ]
        for key in NUTRIENTS:
            hint = t("nutrition.widget.energy_hint", lang) if key == "energy_kcal" else ""
            value = "" if start.get(key) is None else fmt_amount(start[key], lang, 3)
            box = _text(hint, value)
            self._inputs[key] = box
            rows.append(_labelled(f"{nutrient_name(key, lang)} ({unit(key, lang)})", box))
        self._serving = _text(value="" if serving_g is None else fmt_amount(serving_g, lang, 2))
        self._pack = _text(value="" if pack_g is None else fmt_amount(pack_g, lang, 2))
        self._category = w.RadioButtons(
            options=[(t(f"nutrition.category.{c}", lang), c)
                     for c in ["general", *exempt_categories()]],
            value="general",
            layout=ui.FULL,
            style=ui.style(ui.DescriptionStyle),
            _dom_classes=("pangan-radio",),
        )  # fmt: skip
        self._basis = w.RadioButtons(
            options=[(t("nutrition.widget.basis_raw", lang), "raw"),
                     (t("nutrition.widget.basis_declared", lang), "declared")],
            value=DEFAULT_AKG_BASIS,
            layout=ui.FULL,
            style=ui.style(ui.DescriptionStyle),
            _dom_classes=("pangan-radio",),
        )  # fmt: skip
        self._compute = ui.button(t("nutrition.widget.compute", lang))
        self._result = ui.html_block()
        self._png = ui.button(t("nutrition.widget.make_png", lang), style="")
        # Its own Layout: it is shown and hidden (ui.button's Layout is shared).
        self._png.layout = w.Layout(width="100%", min_height="44px", display="none")
        self._png_link = ui.html_block()
        self._ggl_set = w.RadioButtons(
            options=[(t(f"nutrition.ggl.set.{k}", lang), k) for k in ggl_sets()],
            value=ggl_sets()[0],
            layout=ui.FULL,
            style=ui.style(ui.DescriptionStyle),
            _dom_classes=("pangan-radio",),
        )
        self._ggl = ui.html_block()
        self._ggl_box = w.VBox(
            [_labelled(t("nutrition.widget.ggl_figures", lang), self._ggl_set), self._ggl],
            layout=w.Layout(width="100%", display="none"),
        )
        self.facts: NutritionFacts | None = None
        self.svg: str = ""
        self._estimate = False
        lang_of = lambda: self._session.lang  # noqa: E731
        self._compute.on_click(ui.safe(self._result, lang_of)(self._on_compute))
        self._png.on_click(ui.safe(self._png_link, lang_of)(self._on_png))
        self._ggl_set.observe(ui.safe(self._ggl, lang_of)(self._on_ggl), names="value")
        super().__init__(
            [
                *rows,
                _labelled(t("nutrition.widget.serving", lang), self._serving),
                _labelled(t("nutrition.widget.pack", lang), self._pack),
                _labelled(t("nutrition.widget.category", lang), self._category),
                _labelled(t("nutrition.widget.basis", lang), self._basis),
                self._compute,
                self._result,
                self._png,
                self._png_link,
                self._ggl_box,
            ],
            layout=ui.FULL,
            _dom_classes=("pangan-nutrition-calculator",),
        )

    # -- programmatic surface (tests, other widgets) ---------------------------------------
    def set_values(
        self,
        per_100g: Mapping[str, Any] | None = None,
        serving_g: Any = None,
        pack_g: Any = None,
        akg_basis: str | None = None,
        category: str | None = None,
    ) -> None:
        """Fill the form as a trainee would type it (numbers or text)."""
        lang = self._session.lang
        for key, value in (per_100g or {}).items():
            if key in self._inputs:
                text = value if isinstance(value, str) else fmt_amount(value, lang, 3)
                self._inputs[key].value = "" if value is None else text
        if serving_g is not None:
            self._serving.value = str(serving_g)
        if pack_g is not None:
            self._pack.value = str(pack_g)
        if akg_basis is not None:
            self._basis.value = akg_basis
        if category is not None:
            self._category.value = category

    def click(self) -> None:
        """Press "Hitung ING"."""
        self._compute.click()

    def click_png(self) -> None:
        """Press "Buat gambar PNG"."""
        self._png.click()

    @property
    def result_html(self) -> str:
        """What the result area shows."""
        return self._result.value

    @property
    def ggl_html(self) -> str:
        """What the GGL area shows."""
        return self._ggl.value

    def show(self, facts: NutritionFacts, estimate: bool = False, extra: str = "") -> None:
        """Show computed facts (used by the recipe estimator too)."""
        lang = self._session.lang
        self.facts = facts
        self._estimate = estimate
        self.svg = panel_svg(facts, lang="id", estimate=estimate)
        notices = facts.notice_texts(lang)
        self._result.value = (
            extra
            + _notices_html(notices)
            + f"<h4>{html.escape(t('nutrition.widget.result_title', lang))}</h4>"
            + facts_table_html(facts, lang)
            + _inline_svg(self.svg)
            + _link(data_uri(self.svg), "informasi-nilai-gizi.svg",
                    t("nutrition.widget.download_svg", lang))
        )  # fmt: skip
        self._png.layout.display = None
        self._png_link.value = ""
        self._ggl_box.layout.display = None
        self._on_ggl()

    # -- callbacks -----------------------------------------------------------------------
    def _on_compute(self, _button: Any = None) -> None:
        self._hide_result()
        per_100g = {k: box.value.strip() for k, box in self._inputs.items()}
        missing = [k for k in MANDATORY if not per_100g[k]]
        if missing:
            raise NutritionError("nutrition.error.missing", nutrients=missing)
        if not per_100g["energy_kcal"]:
            per_100g.pop("energy_kcal")
        facts = nutrition_facts(
            per_100g,
            _number(self._serving.value),
            _number(self._pack.value),
            akg_basis=self._basis.value if self._basis.value in ("raw", "declared") else "raw",
            category=None if self._category.value == "general" else self._category.value,
        )
        self.show(facts)
        self._record(facts)

    def _hide_result(self) -> None:
        self.facts, self.svg = None, ""
        self._result.value = self._png_link.value = self._ggl.value = ""
        self._png.layout.display = "none"
        self._ggl_box.layout.display = "none"

    def _record(self, facts: NutritionFacts) -> None:
        s = self._session
        answer = {
            "per_100g": facts.per_100g,
            "serving_g": facts.serving_g,
            "pack_g": facts.pack_g,
            "akg_basis": facts.akg_basis,
            "declared": facts.declared,
        }
        digest = hashlib.sha1(json.dumps(answer, sort_keys=True).encode()).hexdigest()[:16]
        s.record_answer(
            CALC_QUIZ, "facts", answer, key=f"{s.workshop}|{s.participant}|{CALC_QUIZ}|{digest}"
        )

    def _on_png(self, _button: Any = None) -> None:
        if not self.svg:
            return
        png = svg_to_png(self.svg)
        self._png_link.value = _link(
            data_uri(png, "image/png"), "informasi-nilai-gizi.png",
            t("nutrition.widget.download_png", self._session.lang),
        )  # fmt: skip

    def _on_ggl(self, _change: Any = None) -> None:
        if self.facts is None:
            return
        lang = self._session.lang
        figures = self._ggl_set.value if self._ggl_set.value in ggl_sets() else None
        comparison = ggl_comparison(self.facts, figures)
        items = "".join(f"<li>{html.escape(r.text(lang))}</li>" for r in comparison.rows)
        self._ggl.value = (
            f"<b>{html.escape(t('nutrition.ggl.title', lang))}</b><ul>{items}</ul>"
            + ui.message("warn", comparison.notice(lang))
            + f'<div class="pangan-source">{html.escape(comparison.source)}</div>'
        )


class RecipeEstimator(w.VBox):
    """Recipe grams + a composition table + final weight -> an estimated ING (labelled so).

    Args:
        table: A composition table (``load_composition``); the shipped example by default.
        session: The trainee session (the kernel's session by default).
    """

    def __init__(
        self, table: Mapping[str, Ingredient] | None = None, session: Session | None = None
    ) -> None:
        self._session = session or current_session()
        lang = self._session.lang
        self._table: dict[str, Ingredient] = dict(table or load_composition())
        self.lines: list[tuple[str, float]] = []
        self.estimate: RecipeEstimate | None = None
        self._table_note = ui.html_block()
        self._upload = w.FileUpload(
            accept=".csv",
            multiple=False,
            layout=ui.layout(min_height=TAP),
            style=ui.style(ui.ButtonStyle),
        )
        self._ingredient = w.Combobox(
            ensure_option=False,
            layout=ui.layout(width="100%", min_height=TAP),
            style=ui.style(ui.TextStyle),
            _dom_classes=("pangan-input",),
        )
        self._grams = _text()
        self._add = ui.button(t("nutrition.widget.add", lang), style="")
        self._clear = ui.button(t("nutrition.widget.clear", lang), style="")
        self._list = ui.html_block()
        self._yield = _text()
        self._serving = _text()
        self._pack = _text()
        self._go = ui.button(t("nutrition.widget.estimate", lang))
        self._message = ui.html_block()
        self._calc = NutritionCalculator(session=self._session)
        self._output = w.VBox(
            [self._calc._result, self._calc._png, self._calc._png_link, self._calc._ggl_box],
            layout=ui.FULL,
        )
        lang_of = lambda: self._session.lang  # noqa: E731
        self._add.on_click(ui.safe(self._message, lang_of)(self._on_add))
        self._clear.on_click(ui.safe(self._message, lang_of)(self._on_clear))
        self._go.on_click(ui.safe(self._message, lang_of)(self._on_estimate))
        self._upload.observe(ui.safe(self._table_note, lang_of)(self._on_upload), names="value")
        super().__init__(
            [
                ui.html_block(
                    f"<h4>{html.escape(t('nutrition.widget.recipe_title', lang))}</h4>"
                    f"<p>{html.escape(t('nutrition.widget.recipe_intro', lang))}</p>"
                    + ui.message("warn", t("nutrition.notice.estimate", lang))
                ),
                _labelled(t("nutrition.widget.upload", lang), self._upload),
                self._table_note,
                _labelled(t("nutrition.widget.ingredient", lang), self._ingredient),
                _labelled(t("nutrition.widget.grams", lang), self._grams),
                self._add,
                self._list,
                self._clear,
                _labelled(t("nutrition.widget.yield", lang), self._yield),
                _labelled(t("nutrition.widget.serving", lang), self._serving),
                _labelled(t("nutrition.widget.pack", lang), self._pack),
                self._go,
                self._message,
                self._output,
            ],
            layout=ui.FULL,
            _dom_classes=("pangan-recipe",),
        )
        self._use_table(self._table, shipped=table is None)
        self._show_lines()

    # -- programmatic surface --------------------------------------------------------------
    def add(self, code: str, grams: Any) -> None:
        """Choose an ingredient, type its weight and press "Tambah bahan"."""
        self._ingredient.value = (
            self._table[code].name(self._session.lang) if code in self._table else code
        )
        self._grams.value = str(grams)
        self._add.click()

    def set_weights(self, yield_g: Any, serving_g: Any, pack_g: Any) -> None:
        """Type the final weight, serving size and net content."""
        self._yield.value, self._serving.value, self._pack.value = (
            str(yield_g), str(serving_g), str(pack_g),
        )  # fmt: skip

    def click(self) -> None:
        """Press "Hitung perkiraan"."""
        self._go.click()

    def click_clear(self) -> None:
        """Press "Kosongkan resep"."""
        self._clear.click()

    def load_table(self, data: bytes) -> None:
        """Use an uploaded CSV (same format as the shipped table); errors become a message."""
        ui.safe(self._table_note, lambda: self._session.lang)(self._load_bytes)(data)

    @property
    def message_html(self) -> str:
        """What the message area shows (errors, the table note is separate)."""
        return self._message.value

    @property
    def table_note_html(self) -> str:
        """What the table note shows."""
        return self._table_note.value

    @property
    def result_html(self) -> str:
        """What the result area shows."""
        return self._calc.result_html

    @property
    def facts(self) -> NutritionFacts | None:
        """The ING computed from the last estimate."""
        return self._calc.facts

    # -- internals ---------------------------------------------------------------------------
    def _use_table(self, table: dict[str, Ingredient], shipped: bool) -> None:
        lang = self._session.lang
        self._table = table
        self._ingredient.options = [i.name(lang) for i in table.values()]
        self._ingredient.value = ""
        self._ingredient.placeholder = t("nutrition.widget.ingredient_hint", lang)
        key = "nutrition.widget.table_shipped" if shipped else "nutrition.widget.table_loaded"
        self._table_note.value = ui.message("info", t(key, lang, n=len(table)))

    def _load_bytes(self, data: bytes) -> None:
        if len(data) > MAX_UPLOAD:
            raise NutritionError("nutrition.error.csv_too_large", size=len(data) // 1024)
        table = load_composition(bytes(data))
        self.lines = []
        self._use_table(table, shipped=False)
        self._show_lines()

    def _on_upload(self, change: Any) -> None:
        files = change.get("new") if isinstance(change, dict) else None
        if not files:
            return
        self._load_bytes(bytes(files[0]["content"]))

    def _show_lines(self) -> None:
        lang = self._session.lang
        if not self.lines:
            self._list.value = f"<p>{html.escape(t('nutrition.widget.empty_recipe', lang))}</p>"
            return
        items = "".join(
            f"<li>{html.escape(self._table[c].name(lang))}: {fmt_amount(g, lang, 1)} g</li>"
            for c, g in self.lines
        )
        self._list.value = f"<ul>{items}</ul>"

    def _on_add(self, _button: Any = None) -> None:
        self._message.value = ""
        code = self._code_of(self._ingredient.value)
        grams = _number(self._grams.value)
        if isinstance(grams, str) or grams <= 0:
            raise NutritionError("nutrition.error.ingredient_grams",
                                 ingredient=self._table[code].name(self._session.lang),
                                 value=self._grams.value)  # fmt: skip
        self.lines.append((code, grams))
        self._grams.value = ""
        self._show_lines()

    def _code_of(self, typed: str) -> str:
        """The code of a typed ingredient name (or code), case and spaces ignored."""
        lang = self._session.lang
        wanted = " ".join(str(typed or "").split()).casefold()
        for code, ingredient in self._table.items():
            if wanted in (code.casefold(), ingredient.name(lang).casefold()):
                return code
        raise NutritionError("nutrition.error.unknown_ingredient", ingredient=str(typed)[:60])

    def _on_clear(self, _button: Any = None) -> None:
        self.lines = []
        self.estimate = None
        self._message.value = ""
        self._show_lines()

    def _on_estimate(self, _button: Any = None) -> None:
        self._message.value = ""
        self.estimate = None
        self._calc._hide_result()
        lang = self._session.lang
        estimate = recipe_estimate(self.lines, _number(self._yield.value), self._table)
        facts = estimate.facts(_number(self._serving.value), _number(self._pack.value))
        self.estimate = estimate
        rows = "".join(
            f"<tr><td>{html.escape(nutrient_name(k, lang))}</td>"
            f"<td>{fmt_amount(v, lang, 2)} {unit(k, lang)}</td></tr>"
            for k, v in estimate.per_100g.items()
        )
        extra = (
            ui.message("warn", estimate.notice(lang))
            + f"<h4>{html.escape(t('nutrition.widget.per_100g_estimate', lang))}</h4>"
            + f'<table class="pangan-table" style="width:100%">{rows}</table>'
            + f"<p>{html.escape(t('nutrition.recipe.total', lang, total=fmt_amount(estimate.total_g, lang, 1), **{'yield': fmt_amount(estimate.yield_g, lang, 1)}))}</p>"
        )
        self._calc.show(facts, estimate=True, extra=extra)
        self._calc._record(facts)


class NutritionDrill(w.VBox):
    """One calculation question, checked on the server against the computed answer.

    Args:
        kind: ``per_serving``, ``energy``, ``round``, ``percent_akg`` or ``servings``.
        drill_id: The question's id (answers are stored under it).
        quiz: The quiz id answers are stored under.
        session: The trainee session (the kernel's session by default).
        **params: The drill's numbers (see ``toolkit.nutrition.drills.KINDS``).
    """

    def __init__(
        self,
        kind: str | Drill,
        drill_id: str = "",
        quiz: str = "nutrition.steps",
        session: Session | None = None,
        on_correct: Any = None,
        **params: Any,
    ) -> None:
        self._session = session or current_session()
        lang = self._session.lang
        self._drill = (
            kind
            if isinstance(kind, Drill)
            else make_drill({"id": drill_id or kind, "kind": kind, "params": params}, inline=True)
        )
        self._quiz = quiz
        self._on_correct = on_correct
        self.solved = False
        self._question = ui.html_block(f"<p>{html.escape(self._drill.question(lang))}</p>")
        self._answer = _text(t("nutrition.drill.placeholder", lang))
        self._submit = ui.button(t("common.check.submit", lang))
        self._feedback = ui.html_block()
        self._submit.on_click(ui.safe(self._feedback, lambda: self._session.lang)(self._check))
        super().__init__(
            [self._question, self._answer, self._submit, self._feedback],
            layout=ui.FULL,
            _dom_classes=("pangan-drill",),
        )

    @property
    def answer(self) -> str:
        """The typed answer."""
        return self._answer.value

    @answer.setter
    def answer(self, value: str) -> None:
        self._answer.value = str(value)

    @property
    def feedback_html(self) -> str:
        """What the feedback area shows."""
        return self._feedback.value

    def click(self) -> None:
        """Press "Periksa jawaban"."""
        self._submit.click()

    def _check(self, _button: Any = None) -> None:
        lang = self._session.lang
        text = self._answer.value.strip()[:40]
        if parse_answer(text) is None:
            self._feedback.value = ui.message("warn", t("nutrition.drill.not_a_number", lang))
            return
        correct = self._drill.is_correct(text)
        s = self._session
        saved = s.record_answer(
            self._quiz, self._drill.id, {"answer": text}, correct=correct,
            score=1.0 if correct else 0.0,
            key=f"{s.workshop}|{s.participant}|{self._quiz}|{self._drill.id}|{text}",
        )  # fmt: skip
        key = "nutrition.drill.right" if correct else "nutrition.drill.wrong"
        body = t(key, lang, explanation=self._drill.explanation(lang))
        source = t("nutrition.drill.source", lang, source=self._drill.source)
        self._feedback.value = ui.message("ok" if correct else "error", body) + (
            f'<div class="pangan-source">{html.escape(source)}</div>'
        )
        if s.identified and not saved:
            self._feedback.value += ui.message("warn", t("common.app.not_saved", lang))
            return
        if correct and not self.solved:
            self.solved = True
            if self._on_correct:
                self._on_correct()


class DrillSet(w.VBox):
    """A set of drills from a YAML file with a progress line.

    Args:
        path: A drill file (e.g. ``drills.yaml`` beside the exercise notebook); the module
            quiz when ``None``.
        module: When given, completing every drill records the module as completed.
        session: The trainee session (the kernel's session by default).
    """

    def __init__(
        self,
        path: str | Path | None = None,
        module: str | None = None,
        session: Session | None = None,
    ) -> None:
        self._session = session or current_session()
        self._module = module
        self._progress = ui.html_block()
        try:
            quiz, drills = load_drills(path)
        except NutritionError as exc:
            self.drills: list[NutritionDrill] = []
            self._progress.value = ui.message("error", exc.message(self._session.lang))
            super().__init__([self._progress], layout=ui.FULL)
            return
        self.drills = [
            NutritionDrill(d, quiz=quiz, session=self._session, on_correct=self._update)
            for d in drills
        ]
        super().__init__([*self.drills, self._progress], layout=ui.FULL)
        self._update(initial=True)

    @property
    def solved(self) -> int:
        """How many drills are answered correctly."""
        return sum(d.solved for d in self.drills)

    @property
    def progress_html(self) -> str:
        """What the progress line shows."""
        return self._progress.value

    def _update(self, initial: bool = False) -> None:
        lang = self._session.lang
        total = len(self.drills)
        if self.solved == total:
            self._progress.value = ui.message("ok", t("nutrition.drill.done", lang))
            if not initial and self._module:
                self._session.record_progress(self._module, "completed")
            return
        text = t("nutrition.drill.progress", lang, done=self.solved, total=total)
        self._progress.value = ui.message("info", text)


def show_facts(
    per_100g: Mapping[str, Any],
    serving_g: float,
    pack_g: float,
    akg_basis: str = DEFAULT_AKG_BASIS,
    session: Session | None = None,
) -> None:
    """Print the ING table as text in the session's language (for notebook teaching cells)."""
    lang = (session or current_session()).lang
    try:
        print(nutrition_facts(per_100g, serving_g, pack_g, akg_basis).to_text(lang))
    except NutritionError as exc:
        print(exc.message(lang))


def show_rounding_table(session: Session | None = None) -> None:
    """Print the BPOM rounding bands, with their source, in the session's language."""
    lang = (session or current_session()).lang
    table = rounding_table()
    for group in table["groups"].values():
        names = ", ".join(nutrient_name(n, lang) for n in group["nutrients"])
        unit_name = t(
            f"nutrition.unit.{'kcal' if group['unit'] == 'kkal' else group['unit']}", lang
        )
        parts = []
        above = ""
        for band in group["bands"]:
            step = fmt_amount(band["step"], lang, 1)
            if "below" in band:
                cond = f"< {fmt_amount(band['below'], lang, 1)}"
                above = f"≥ {fmt_amount(band['below'], lang, 1)}"
            elif "upto" in band:
                cond = f"≤ {fmt_amount(band['upto'], lang, 1)}"
                above = f"> {fmt_amount(band['upto'], lang, 1)}"
            else:
                cond = above
            rule = "0" if band["step"] == 0 else t("nutrition.rounding.step", lang, step=step)
            parts.append(f"{cond} {unit_name} → {rule}")
        print(f"{names}: " + "; ".join(parts))
    print(t("nutrition.rounding.mode", lang))
    print(t("nutrition.notice.rounding", lang))
