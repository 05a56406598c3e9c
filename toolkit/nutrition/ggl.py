"""Sugar, salt (sodium) and fat per serving against a daily GGL figure set (facts.md §4.6).

The daily figures are UNCONFIRMED (two public sources disagree), so both sets are data in
``ggl.yaml``, the user chooses one, and every result says that the figures need confirmation.
"""

from __future__ import annotations

from dataclasses import dataclass

from toolkit.i18n import t
from toolkit.nutrition.data import ggl_table
from toolkit.nutrition.errors import NutritionError, nutrient_name
from toolkit.nutrition.format import fmt_amount, unit
from toolkit.nutrition.model import NutritionFacts
from toolkit.nutrition.rounding import declare_percent, to_decimal

GGL_NUTRIENTS: tuple[str, ...] = ("sugar_g", "sodium_mg", "fat_g")


@dataclass(frozen=True)
class GglRow:
    """One nutrient: amount per serving, the daily figure, and the share of it (whole %)."""

    nutrient: str
    amount: float
    limit: float
    percent: int

    def text(self, lang: str = "id") -> str:
        """The row as a sentence in ``lang``."""
        u = unit(self.nutrient, lang)
        return t(
            "nutrition.ggl.row",
            lang,
            nutrient=nutrient_name(self.nutrient, lang),
            amount=f"{fmt_amount(self.amount, lang)} {u}",
            percent=self.percent,
            limit=f"{fmt_amount(self.limit, lang)} {u}",
        )


@dataclass(frozen=True)
class GglComparison:
    """The GGL comparison of one product under one figure set."""

    figures: str
    rows: tuple[GglRow, ...]
    source: str
    status: str

    def notice(self, lang: str = "id") -> str:
        """The "figures are unconfirmed" warning in ``lang``."""
        return t("nutrition.ggl.unconfirmed", lang)


def ggl_sets() -> list[str]:
    """The keys of the GGL figure sets, default first."""
    table = ggl_table()
    return [table["default"]] + [k for k in table["sets"] if k != table["default"]]


def ggl_comparison(facts: NutritionFacts, figures: str | None = None) -> GglComparison:
    """Compare sugar, sodium and fat per serving (unrounded) with a daily figure set.

    Args:
        facts: The product's ING (``nutrition_facts``).
        figures: ``"permenkes"`` or ``"p2ptm"`` (see ``ggl.yaml``); the default set if None.

    Raises:
        NutritionError: For an unknown figure set.
    """
    table = ggl_table()
    key = figures or table["default"]
    if key not in table["sets"]:
        raise NutritionError("nutrition.error.ggl_set", name=key)
    entry = table["sets"][key]
    rows = []
    for nutrient in GGL_NUTRIENTS:
        amount = facts.per_serving[nutrient]
        limit = entry[nutrient]
        pct = declare_percent(to_decimal(amount) * 100 / to_decimal(limit))
        rows.append(GglRow(nutrient, amount, float(limit), pct))
    return GglComparison(key, tuple(rows), entry["source"], entry["status"])
