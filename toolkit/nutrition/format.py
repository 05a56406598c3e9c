"""How nutrition numbers and tables read for people: locale decimals and a plain-text table."""

from __future__ import annotations

from typing import TYPE_CHECKING

from toolkit.i18n import t
from toolkit.nutrition.errors import nutrient_name

if TYPE_CHECKING:
    from toolkit.nutrition.model import NutritionFacts

UNITS = {
    "energy_kcal": "kcal",
    "energy_from_fat_kcal": "kcal",
    "fat_g": "g",
    "saturated_fat_g": "g",
    "protein_g": "g",
    "carbohydrate_g": "g",
    "sugar_g": "g",
    "sodium_mg": "mg",
}
#: Panel order, with energy from fat after energy.
ROWS: tuple[str, ...] = (
    "energy_kcal",
    "energy_from_fat_kcal",
    "fat_g",
    "saturated_fat_g",
    "protein_g",
    "carbohydrate_g",
    "sugar_g",
    "sodium_mg",
)


def fmt_amount(value: float, lang: str = "id", max_digits: int = 1) -> str:
    """A number with at most ``max_digits`` decimals and no trailing zeros (``2,5`` / ``2.5``)."""
    from babel.numbers import format_decimal

    from toolkit.i18n import normalize_lang

    pattern = "#,##0" + ("." + "#" * max_digits if max_digits > 0 else "")
    return format_decimal(value, format=pattern, locale=normalize_lang(lang))


def unit(key: str, lang: str = "id") -> str:
    """The printed unit of a nutrient key (``kkal`` in Indonesian, ``kcal`` in English)."""
    return t(f"nutrition.unit.{UNITS[key]}", lang)


def facts_text(facts: NutritionFacts, lang: str = "id") -> str:
    """A deterministic plain-text table: nutrient, raw per serving, declared, %AKG."""
    head = [
        t("nutrition.table.nutrient", lang),
        t("nutrition.table.raw", lang),
        t("nutrition.table.declared", lang),
        t("nutrition.table.percent_akg", lang),
    ]
    rows = [head]
    for key in ROWS:
        pct = facts.percent_akg.get(key)
        rows.append(
            [
                nutrient_name(key, lang),
                f"{fmt_amount(facts.per_serving[key], lang, 2)} {unit(key, lang)}",
                f"{fmt_amount(facts.declared[key], lang)} {unit(key, lang)}",
                "-" if pct is None else f"{pct}%",
            ]
        )
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    lines = [
        t(
            "nutrition.table.title",
            lang,
            serving=fmt_amount(facts.serving_size_declared, lang),
            servings=facts.servings_text(lang),
            basis=t(f"nutrition.basis.{facts.akg_basis}", lang),
        )
    ]
    for row in rows:
        cells = [row[0].ljust(widths[0])] + [
            c.rjust(w) for c, w in zip(row[1:], widths[1:], strict=True)
        ]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines)
