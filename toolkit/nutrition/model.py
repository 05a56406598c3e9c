"""The ING calculator: per-100 g laboratory values -> per-serving, declared values and %AKG.

Rules come from the data files beside this module (``alg.yaml``, ``rounding.yaml``,
``exempt.yaml``); facts.md §4 is the domain source. No UI imports here.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from toolkit.i18n import t
from toolkit.nutrition.data import alg_table, exempt_table
from toolkit.nutrition.errors import NutritionError, nutrient_name
from toolkit.nutrition.rounding import (
    declare,
    declare_percent,
    declare_serving_size,
    declare_servings,
    to_decimal,
)

#: The nutrients of the ING table, in panel order (facts.md §4.1).
NUTRIENTS: tuple[str, ...] = (
    "energy_kcal",
    "fat_g",
    "saturated_fat_g",
    "protein_g",
    "carbohydrate_g",
    "sugar_g",
    "sodium_mg",
)
#: Nutrients the caller must give; energy is computed 9/4/4 when absent (facts.md §4.3).
MANDATORY: tuple[str, ...] = NUTRIENTS[1:]
#: The two %AKG bases; which one BPOM requires is UNCONFIRMED (facts.md §4.3, §4.5).
AKG_BASES: tuple[str, ...] = ("raw", "declared")
#: The default basis: the unrounded amount, as the CPAN implementation does (facts.md §4.3).
DEFAULT_AKG_BASIS = "raw"
#: Atwater general factors, kcal per gram (facts.md §4.3).
KCAL_PER_G = {"fat_g": Decimal(9), "protein_g": Decimal(4), "carbohydrate_g": Decimal(4)}
#: Pure fat gives 900 kcal per 100 g; no food can give more under the 9/4/4 factors.
MAX_KCAL_PER_100G = Decimal(900)


@dataclass(frozen=True)
class Exemption:
    """A product category that needs no ING table (``exempt``) or may not carry one."""

    category: str
    kind: str
    source: str
    status: str

    def message(self, lang: str = "id") -> str:
        """Why this product needs (or may not carry) an ING table, in ``lang``."""
        name = t(f"nutrition.category.{self.category}", lang)
        return t(f"nutrition.exempt.{self.kind}", lang, category=name)


def exemption(category: str | None) -> Exemption | None:
    """The exemption of a product category, or ``None`` for an ordinary food.

    Args:
        category: A key of ``exempt.yaml`` (``"coffee"`` …) or ``None``/``"general"``.

    Raises:
        NutritionError: For a category the data file does not know.
    """
    if category in (None, "", "general"):
        return None
    entry = exempt_table()["categories"].get(category)
    if entry is None:
        raise NutritionError("nutrition.error.unknown_category", category=category)
    return Exemption(category, entry["kind"], entry["source"], entry["status"])


def exempt_categories() -> list[str]:
    """The category keys of ``exempt.yaml``, in file order."""
    return list(exempt_table()["categories"])


def alg_value(nutrient: str) -> Decimal | None:
    """The ALG (general population) of a nutrient, or ``None`` where none exists (sugar)."""
    value = alg_table()["values"][nutrient]["value"]
    return None if value is None else to_decimal(value)


@dataclass(frozen=True)
class NutritionFacts:
    """The computed ING of one product.

    Attributes:
        per_100g: The checked per-100 g values (energy filled in when it was computed).
        energy_computed: True when energy came from 9/4/4, not from the laboratory.
        serving_g: The serving size as given; ``serving_size_declared`` as printed.
        pack_g: The net content of the pack.
        per_serving: Unrounded amounts per serving, plus ``energy_from_fat_kcal``.
        declared: The values to print (BPOM rounding), plus ``energy_from_fat_kcal``.
        percent_akg: %AKG per nutrient, whole percent; ``None`` for sugar (no ALG).
        servings_per_pack: Servings per pack to the nearest 0.5.
        servings_about: True when the pack is not an exact number of servings ("sekitar").
        akg_basis: ``"raw"`` or ``"declared"``: which amounts the %AKG was computed from.
        exemption: The category's exemption, if any.
        notices: Locale keys of the unconfirmed points the user must be told about.
    """

    per_100g: dict[str, float]
    energy_computed: bool
    serving_g: float
    serving_size_declared: float
    pack_g: float
    per_serving: dict[str, float]
    declared: dict[str, float]
    percent_akg: dict[str, int | None]
    servings_per_pack: float
    servings_about: bool
    akg_basis: str
    exemption: Exemption | None = None
    notices: tuple[str, ...] = field(default=())

    def notice_texts(self, lang: str = "id") -> list[str]:
        """The unconfirmed points (and any exemption) as sentences in ``lang``."""
        texts = [self.exemption.message(lang)] if self.exemption else []
        basis = t(f"nutrition.basis.{self.akg_basis}", lang)
        texts += [t(key, lang, basis=basis) for key in self.notices]
        return texts

    def servings_text(self, lang: str = "id") -> str:
        """Servings per pack as printed: ``4`` or ``sekitar 2,5``."""
        from toolkit.nutrition.format import fmt_amount

        number = fmt_amount(self.servings_per_pack, lang)
        return t("nutrition.panel.about", lang, n=number) if self.servings_about else number

    def to_text(self, lang: str = "id") -> str:
        """A plain-text table of raw, declared and %AKG values (deterministic)."""
        from toolkit.nutrition.format import facts_text

        return facts_text(self, lang)


def _number(nutrient: str, value: Any) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal | str):
        raise NutritionError("nutrition.error.not_a_number", nutrient=nutrient, value=value)
    try:
        number = to_decimal(
            str(value).strip().replace(",", ".") if isinstance(value, str) else value
        )
    except ArithmeticError:
        raise NutritionError(
            "nutrition.error.not_a_number", nutrient=nutrient, value=value
        ) from None
    if not number.is_finite():
        raise NutritionError("nutrition.error.not_a_number", nutrient=nutrient, value=value)
    return number


def check_per_100g(per_100g: Mapping[str, Any]) -> dict[str, Decimal]:
    """Validate laboratory values per 100 g and return them as exact decimals.

    Args:
        per_100g: Values keyed by ``NUTRIENTS``; ``energy_kcal`` may be absent or ``None``.

    Returns:
        The values with ``energy_kcal`` filled in (9/4/4) when it was absent.

    Raises:
        NutritionError: Unknown or missing nutrients, non-numbers, negative values, saturated
            fat above total fat, sugar above carbohydrate, more than 100 g of fat, protein and
            carbohydrate in 100 g, or more energy than pure fat gives.
    """
    if not isinstance(per_100g, Mapping):
        raise NutritionError("nutrition.error.per_100g_type")
    unknown = [k for k in per_100g if k not in NUTRIENTS]
    if unknown:
        raise NutritionError("nutrition.error.unknown_nutrient", nutrient=str(unknown[0]))
    given = {k: v for k, v in per_100g.items() if v is not None and str(v).strip() != ""}
    missing = [k for k in MANDATORY if k not in given]
    if missing:
        raise NutritionError("nutrition.error.missing", nutrients=missing)
    values = {k: _number(k, v) for k, v in given.items()}
    for key, value in values.items():
        if value < 0:
            raise NutritionError("nutrition.error.negative", nutrient=key, value=float(value))
    if values["saturated_fat_g"] > values["fat_g"]:
        raise NutritionError(
            "nutrition.error.saturated_over_fat",
            saturated=float(values["saturated_fat_g"]),
            fat=float(values["fat_g"]),
        )
    if values["sugar_g"] > values["carbohydrate_g"]:
        raise NutritionError(
            "nutrition.error.sugar_over_carbohydrate",
            sugar=float(values["sugar_g"]),
            carbohydrate=float(values["carbohydrate_g"]),
        )
    solids = values["fat_g"] + values["protein_g"] + values["carbohydrate_g"]
    if solids > 100:
        raise NutritionError("nutrition.error.over_100", total=float(solids))
    if "energy_kcal" in values:
        if values["energy_kcal"] > MAX_KCAL_PER_100G:
            raise NutritionError(
                "nutrition.error.energy_too_high", energy=float(values["energy_kcal"])
            )
    else:
        values["energy_kcal"] = sum(KCAL_PER_G[k] * values[k] for k in KCAL_PER_G)
    return values


def _amount(name: str, value: Any) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        raise NutritionError(f"nutrition.error.{name}_positive", value=value)
    if not math.isfinite(float(value)) or value <= 0:
        raise NutritionError(f"nutrition.error.{name}_positive", value=value)
    return to_decimal(value)


def nutrition_facts(
    per_100g: Mapping[str, Any],
    serving_g: float,
    pack_g: float,
    akg_basis: str = DEFAULT_AKG_BASIS,
    category: str | None = None,
) -> NutritionFacts:
    """Compute the ING table of a product from laboratory values per 100 g.

    Args:
        per_100g: ``energy_kcal`` (optional: 9/4/4 when absent), ``fat_g``,
            ``saturated_fat_g``, ``protein_g``, ``carbohydrate_g``, ``sugar_g``, ``sodium_mg``.
        serving_g: Serving size in grams (takaran saji).
        pack_g: Net content of the pack in grams.
        akg_basis: ``"raw"`` (%AKG from unrounded amounts, the default) or ``"declared"``
            (from the rounded, printed amounts). Which one BPOM requires is UNCONFIRMED.
        category: ``None`` for an ordinary food, or a key of ``exempt.yaml``.

    Returns:
        A ``NutritionFacts`` with ``.declared``, ``.percent_akg`` and ``.servings_per_pack``.

    Raises:
        NutritionError: For every impossible input (see ``check_per_100g``), a serving or
            pack that is not a positive number, a serving larger than the pack, an unknown
            ``akg_basis`` or category.
    """
    if akg_basis not in AKG_BASES:
        raise NutritionError("nutrition.error.akg_basis", basis=akg_basis)
    values = check_per_100g(per_100g)
    serving = _amount("serving", serving_g)
    pack = _amount("pack", pack_g)
    if serving > pack:
        raise NutritionError(
            "nutrition.error.serving_over_pack", serving=float(serving), pack=float(pack)
        )
    exempt = exemption(category)

    per_serving = {k: values[k] * serving / 100 for k in NUTRIENTS}
    per_serving["energy_from_fat_kcal"] = KCAL_PER_G["fat_g"] * per_serving["fat_g"]
    declared = {k: declare(k, v) for k, v in per_serving.items()}
    basis = per_serving if akg_basis == "raw" else declared
    percent: dict[str, int | None] = {}
    for key in NUTRIENTS:
        ref = alg_value(key)
        percent[key] = None if ref is None else declare_percent(basis[key] * 100 / ref)
    ratio = pack / serving
    servings = declare_servings(ratio)

    notices = ["nutrition.notice.akg_basis", "nutrition.notice.rounding"]
    return NutritionFacts(
        per_100g={k: float(v) for k, v in values.items()},
        energy_computed="energy_kcal" not in per_100g or per_100g.get("energy_kcal") in (None, ""),
        serving_g=float(serving),
        serving_size_declared=float(declare_serving_size(serving)),
        pack_g=float(pack),
        per_serving={k: float(v) for k, v in per_serving.items()},
        declared={k: float(v) for k, v in declared.items()},
        percent_akg=percent,
        servings_per_pack=float(servings),
        servings_about=servings != ratio,
        akg_basis=akg_basis,
        exemption=exempt,
        notices=tuple(notices),
    )


def nutrient_label(key: str, lang: str = "id") -> str:
    """The translated panel name of a nutrient key."""
    return nutrient_name(key, lang)
