"""Check a declared ING panel against the laboratory values: arithmetic, rounding and %AKG.

``check_panel`` is the hook for the label checker (``toolkit.labels``): it returns findings
with ``field``, ``rule``, ``severity`` and ``message(lang)``, like the label findings.
Severity follows facts.md: a wrong number or a sugar %AKG is an ``error``; a difference that
only the UNCONFIRMED rounding rules or %AKG basis explain is a ``warning`` that says so.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from toolkit.i18n import t
from toolkit.nutrition.data import rounding_table
from toolkit.nutrition.errors import NutritionError, nutrient_name
from toolkit.nutrition.format import fmt_amount, unit
from toolkit.nutrition.model import AKG_BASES, NUTRIENTS, nutrition_facts
from toolkit.nutrition.rounding import group_of, to_decimal

SOURCE_MANDATORY = "PerBPOM 26/2021 Informasi Nilai Gizi — zat gizi wajib (facts.md §4.1)"
SOURCE_ROUNDING = rounding_table()["source"]
SOURCE_AKG = (
    "PerKBPOM 9/2016 Acuan Label Gizi; %AKG = jumlah per sajian / ALG x 100 (facts.md §4.3)"
)
SOURCE_SUGAR = "Tidak ada ALG untuk gula, jadi tanpa %AKG (facts.md §4.2)"
SOURCE_FOOTNOTE = "Catatan kaki ALG 2150 kkal (PerKBPOM 9/2016; facts.md §4.2)"
SOURCE_SERVINGS = (
    "Pedoman ING 2005: sajian per kemasan ke 0,5 terdekat; takaran saji (facts.md §4.3)"
)


@dataclass(frozen=True)
class PanelFinding:
    """One problem on a declared ING panel.

    Attributes:
        field: What is wrong, e.g. ``"nutrition.fat_g"`` or ``"nutrition.percent_akg.fat_g"``.
        rule: The rule's name, e.g. ``"ing.rounding"``.
        severity: ``"error"`` or ``"warning"``.
        key: Locale key of the message; ``params`` its values.
        source: The regulation behind the rule.
        status: ``confirmed``, ``secondary`` or ``unconfirmed`` (facts.md); unconfirmed
            findings are warnings and their message says the rule needs confirmation.
    """

    field: str
    rule: str
    severity: str
    key: str
    source: str
    status: str = "secondary"
    params: dict[str, Any] = field(default_factory=dict)

    def message(self, lang: str = "id") -> str:
        """The finding as a sentence in ``lang``."""
        params = dict(self.params)
        if "nutrient" in params:
            params["nutrient"] = nutrient_name(params["nutrient"], lang)
        for name in ("found", "expected"):
            value = params.get(name)
            if isinstance(value, float | int | Decimal) and "nutrient_key" in params:
                u = unit(params["nutrient_key"], lang)
                params[name] = f"{fmt_amount(value, lang)} {u}"
            elif isinstance(value, float | Decimal):
                params[name] = fmt_amount(value, lang)
        text = t(self.key, lang, **params)
        if self.status == "unconfirmed":
            text += " " + t("nutrition.check.needs_confirmation", lang)
        return text


def _declared_number(name: str, value: Any) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal | str):
        raise NutritionError("nutrition.error.not_a_number", nutrient=name, value=value)
    try:
        number = to_decimal(
            str(value).strip().replace(",", ".") if isinstance(value, str) else value
        )
    except ArithmeticError:
        raise NutritionError("nutrition.error.not_a_number", nutrient=name, value=value) from None
    if not number.is_finite():
        raise NutritionError("nutrition.error.not_a_number", nutrient=name, value=value)
    return number


def _max_step(nutrient: str) -> Decimal:
    return max(to_decimal(b["step"]) for b in group_of(nutrient)["bands"])


def check_panel(
    declared_panel: Mapping[str, Any],
    per_100g: Mapping[str, Any],
    serving_g: float,
    pack_g: float | None = None,
    category: str | None = None,
) -> list[PanelFinding]:
    """Check the numbers printed on an ING panel against the product's per-100 g values.

    Args:
        declared_panel: What the label prints: nutrient keys (``energy_kcal``, ``fat_g`` …,
            optionally ``energy_from_fat_kcal``) with the declared amounts per serving;
            ``percent_akg``: a mapping of nutrient -> printed %; optionally
            ``servings_per_pack``, ``serving_size_g`` and ``footnote`` (the printed text).
        per_100g: Laboratory values per 100 g, as for ``nutrition_facts``.
        serving_g: The serving size in grams.
        pack_g: Net content in grams (needed to check ``servings_per_pack``).
        category: Product category (``exempt.yaml``), as for ``nutrition_facts``.

    Returns:
        Findings, errors first; an empty list when the panel is right.

    Raises:
        NutritionError: When ``per_100g``, the serving or a printed number is not valid.
    """
    pack = pack_g if pack_g is not None else serving_g
    by_basis = {b: nutrition_facts(per_100g, serving_g, pack, b, category) for b in AKG_BASES}
    facts = by_basis["raw"]
    findings: list[PanelFinding] = []

    keys = [*NUTRIENTS, "energy_from_fat_kcal"]
    for key in keys:
        if key not in declared_panel or declared_panel[key] in (None, ""):
            if key != "energy_from_fat_kcal":
                findings.append(PanelFinding(f"nutrition.{key}", "ing.mandatory", "error",
                                             "nutrition.check.missing", SOURCE_MANDATORY,
                                             params={"nutrient": key}))  # fmt: skip
            continue
        found = _declared_number(key, declared_panel[key])
        expected = to_decimal(facts.declared[key])
        if found == expected:
            continue
        raw = to_decimal(facts.per_serving[key])
        close = abs(found - raw) <= _max_step(key)
        params = {"nutrient": key, "nutrient_key": key, "found": found, "expected": expected}
        if close:
            findings.append(PanelFinding(f"nutrition.{key}", "ing.rounding", "warning",
                                         "nutrition.check.not_rounded", SOURCE_ROUNDING,
                                         "unconfirmed", params))  # fmt: skip
        else:
            findings.append(PanelFinding(f"nutrition.{key}", "ing.value", "error",
                                         "nutrition.check.value", SOURCE_ROUNDING,
                                         params=params))  # fmt: skip

    printed = declared_panel.get("percent_akg") or {}
    for key in NUTRIENTS:
        value = printed.get(key)
        if facts.percent_akg[key] is None:
            if value not in (None, ""):
                findings.append(PanelFinding(f"nutrition.percent_akg.{key}", "ing.no_akg",
                                             "error", "nutrition.check.sugar_percent",
                                             SOURCE_SUGAR, "confirmed"))  # fmt: skip
            continue
        if value in (None, ""):
            findings.append(PanelFinding(f"nutrition.percent_akg.{key}", "ing.percent_akg",
                                         "error", "nutrition.check.percent_missing", SOURCE_AKG,
                                         params={"nutrient": key}))  # fmt: skip
            continue
        found = _declared_number(key, value)
        candidates = {by_basis[b].percent_akg[key] for b in AKG_BASES}
        if found in candidates:
            continue
        expected = facts.percent_akg[key]
        params = {"nutrient": key, "found": int(found) if found == int(found) else found,
                  "expected": expected}  # fmt: skip
        if min(abs(found - c) for c in candidates) <= 1:
            findings.append(PanelFinding(f"nutrition.percent_akg.{key}", "ing.percent_akg",
                                         "warning", "nutrition.check.percent", SOURCE_AKG,
                                         "unconfirmed", params))  # fmt: skip
        else:
            findings.append(PanelFinding(f"nutrition.percent_akg.{key}", "ing.percent_akg",
                                         "error", "nutrition.check.percent", SOURCE_AKG,
                                         params=params))  # fmt: skip

    if pack_g is not None and declared_panel.get("servings_per_pack") not in (None, ""):
        found = _declared_number("servings_per_pack", declared_panel["servings_per_pack"])
        expected = to_decimal(facts.servings_per_pack)
        if found != expected:
            findings.append(PanelFinding("nutrition.servings_per_pack", "ing.servings", "error",
                                         "nutrition.check.servings", SOURCE_SERVINGS,
                                         params={"found": found, "expected": expected}))  # fmt: skip
    if declared_panel.get("serving_size_g") not in (None, ""):
        found = _declared_number("serving_size_g", declared_panel["serving_size_g"])
        expected = to_decimal(facts.serving_size_declared)
        if found != expected:
            findings.append(PanelFinding("nutrition.serving_size", "ing.serving_size", "error",
                                         "nutrition.check.serving_size", SOURCE_SERVINGS,
                                         params={"found": found, "expected": expected}))  # fmt: skip
    footnote = declared_panel.get("footnote")
    if footnote is not None and "2150" not in str(footnote).replace(".", "").replace(",", ""):
        findings.append(PanelFinding("nutrition.footnote", "ing.footnote", "error",
                                     "nutrition.check.footnote", SOURCE_FOOTNOTE, "confirmed"))  # fmt: skip

    return sorted(findings, key=lambda f: f.severity != "error")


def panel_from_facts(facts: Any) -> dict[str, Any]:
    """The declared panel mapping (``check_panel``'s input format) of computed facts."""
    panel: dict[str, Any] = dict(facts.declared)
    panel["percent_akg"] = {k: v for k, v in facts.percent_akg.items() if v is not None}
    panel["servings_per_pack"] = facts.servings_per_pack
    panel["serving_size_g"] = facts.serving_size_declared
    return panel
