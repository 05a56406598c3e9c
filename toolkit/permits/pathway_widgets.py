"""Widgets of the permit pathway advisor: the product form and the list of 15 IRT food groups."""

from __future__ import annotations

import html
from typing import Any

import ipywidgets as w

from toolkit.app import ui
from toolkit.app.session import Session, current_session
from toolkit.i18n import t
from toolkit.permits.pathway import (
    CONSUMERS,
    FORMS,
    PROCESSING,
    Advice,
    Product,
    advise,
    examples,
    food_groups,
)

QUIZ_ID = "pathway.advisor"
_KIND = {"p_irt": "ok", "exempt": "ok", "bpom_md": "info", "bpom_ml": "info", "ambiguous": "warn"}


def food_groups_html(lang: str = "id", highlight: str | None = None) -> str:
    """The 15 IRT food groups as an HTML list, ``highlight`` (a code) in bold."""
    items = []
    for g in food_groups():
        line = html.escape(
            t(
                "pathway.widget.group_line",
                lang,
                code=g.code,
                name=g.name(lang),
                examples=g.examples[lang],
            )
        )
        items.append(f"<li><b>{line}</b></li>" if g.code == highlight else f"<li>{line}</li>")
    return (
        f"<h3>{html.escape(t('pathway.widget.groups_title', lang))}</h3><ul>{''.join(items)}</ul>"
    )


def advice_html(advice: Advice, lang: str = "id") -> str:
    """The decision, reasons, next steps and notes as HTML."""
    lines = advice.lines(lang)
    out = [ui.message(_KIND[advice.outcome], advice.title(lang))]
    if advice.group is not None:
        out.append(
            "<p>"
            + html.escape(
                t(
                    "pathway.widget.your_group",
                    lang,
                    code=advice.group.code,
                    name=advice.group.name(lang),
                )
            )
            + "</p>"
        )
    for part in ("reasons", "steps", "notes"):
        if lines[part]:
            lis = "".join(f"<li>{html.escape(x)}</li>" for x in lines[part])
            tag = "ol" if part == "steps" else "ul"
            out.append(
                f"<p><b>{html.escape(t(f'pathway.widget.{part}', lang))}</b></p><{tag}>{lis}</{tag}>"
            )
    return "".join(out)


def _label_above(widget: w.Widget) -> w.VBox:
    """Move a widget's description into a full-width label above it (phones: no side labels)."""
    label = ui.html_block(f"<b>{html.escape(widget.description)}</b>")
    widget.description = ""
    return w.VBox([label, widget], layout=ui.FULL)


class PathwayAdvisor(w.VBox):
    """Product facts in, permit pathway out (with the food-group list beside it)."""

    def __init__(self, session: Session | None = None) -> None:
        self._session = session or current_session()
        lang = self._session.lang
        style = {"description_width": "initial"}
        self._examples = {key: (names, product) for key, names, product in examples()}
        # Radio buttons, not drop-downs: large tap targets on phones.
        self._example = w.RadioButtons(
            options=[(names[lang], key) for key, (names, _) in self._examples.items()],
            value=None,
            description=t("pathway.widget.example", lang),
            style=style,
            layout=ui.FULL,
            _dom_classes=("pangan-radio",),
        )
        self._group = w.RadioButtons(
            options=[(f"{g.code} · {g.name(lang)}", g.code) for g in food_groups()]
            + [(t("pathway.widget.no_group", lang), "")],
            value="",
            description=t("pathway.widget.group", lang),
            style=style,
            layout=ui.FULL,
            _dom_classes=("pangan-radio",),
        )

        def radio(name: str, values: tuple[str, ...], prefix: str) -> w.RadioButtons:
            r = w.RadioButtons(
                options=[(t(f"pathway.{prefix}.{v}", lang), v) for v in values],
                value=values[0],
                description=t(f"pathway.widget.{name}", lang),
                style=style,
                layout=ui.FULL,
                _dom_classes=("pangan-radio",),
            )
            return r

        self._processing = radio("processing", PROCESSING, "processing")
        self._consumers = radio("consumers", CONSUMERS, "consumers")
        self._form = radio("form", FORMS, "form")
        # Yes/no as toggle buttons with the question above (long checkbox labels overflow phones).
        self._flags = {
            name: w.ToggleButtons(
                options=[
                    (t("pathway.widget.no", lang), False),
                    (t("pathway.widget.yes", lang), True),
                ],
                value=False,
                description=t(f"pathway.widget.{name}", lang),
                layout=ui.FULL,
                style=ui.style(ui.ToggleButtonsStyle),
            )
            for name in ("animal_origin", "imported", "repacked", "alcohol", "food_additive")
        }
        self._shelf = w.Text(  # a text field: "2,5" and "2.5" both work
            value="", description=t("pathway.widget.shelf_life", lang), style=style, layout=ui.FULL
        )
        self._button = ui.button(t("pathway.widget.decide", lang))
        self._out = ui.html_block()
        self._groups = ui.html_block(food_groups_html(lang))
        self.advice: Advice | None = None
        self._example.observe(self._load_example, names="value")
        self._button.on_click(ui.safe(self._out, lambda: self._session.lang)(self._decide))
        super().__init__(
            [
                _label_above(self._example),
                _label_above(self._group),
                _label_above(self._processing),
                *(_label_above(f) for f in self._flags.values()),
                _label_above(self._consumers),
                _label_above(self._form),
                _label_above(self._shelf),
                self._button,
                self._out,
                self._groups,
            ],
            layout=ui.FULL,
            _dom_classes=("pangan-pathway",),
        )

    def set_product(self, product: Product) -> None:
        """Fill the form from ``product`` (examples, tests)."""
        self._group.value = product.group or ""
        self._processing.value = product.processing
        self._consumers.value = product.consumers
        self._form.value = product.form
        for name, box in self._flags.items():
            box.value = bool(getattr(product, name))
        self._shelf.value = (
            "" if product.shelf_life_days is None else f"{product.shelf_life_days:g}"
        )

    def click(self) -> None:
        """Press the decide button."""
        self._button.click()

    @property
    def output_html(self) -> str:
        """What the result area shows."""
        return self._out.value

    def _load_example(self, _change: Any = None) -> None:
        entry = self._examples.get(self._example.value)
        if entry:
            self.set_product(entry[1])

    def _product(self) -> Product:
        raw = str(self._shelf.value or "").strip().replace(",", ".")
        shelf: Any = None
        if raw:
            try:
                shelf = float(raw)
            except ValueError:
                shelf = raw  # Product() refuses it with a translated message
        return Product(
            group=self._group.value or None,
            processing=self._processing.value,
            consumers=self._consumers.value,
            form=self._form.value,
            shelf_life_days=shelf,
            **{name: bool(box.value) for name, box in self._flags.items()},
        )

    def _decide(self, _b: Any = None) -> None:
        lang = self._session.lang
        product = self._product()
        advice = advise(product)
        self.advice = advice
        self._out.value = advice_html(advice, lang)
        self._groups.value = food_groups_html(lang, advice.group.code if advice.group else None)
        s = self._session
        facts = {
            "group": product.group,
            "processing": product.processing,
            "consumers": product.consumers,
            "form": product.form,
            "shelf_life_days": product.shelf_life_days,
            **{name: bool(box.value) for name, box in self._flags.items()},
        }
        s.record_answer(
            QUIZ_ID,
            "decision",
            {"product": facts, "outcome": advice.outcome},
            key=f"{s.workshop}|{s.participant}|{QUIZ_ID}|{sorted(facts.items(), key=str)}",
        )


def print_groups(session: Session | None = None) -> None:
    """Print the 15 IRT food groups in the session's language."""
    from toolkit.permits.pathway import groups_text

    print(groups_text((session or current_session()).lang))


def print_example_decisions(session: Session | None = None) -> None:
    """Print each example product with its decided pathway, in the session's language."""
    from toolkit.permits.pathway import examples_text

    print(examples_text((session or current_session()).lang))
