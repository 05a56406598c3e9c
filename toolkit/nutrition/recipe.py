"""Recipe mode: ingredient weights + a composition table + the final weight -> estimated per-100 g.

The estimate assumes nutrients stay in the food and only water leaves (drying, frying) or
enters (boiling); frying oil counts as the oil the food takes up, not the oil in the pan. It is
always labelled an estimate: registration needs a laboratory analysis (facts.md §4.1).
The composition CSV has one row per ingredient, values per 100 g, columns ``COLUMNS``.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

from toolkit.i18n import t
from toolkit.nutrition.data import COMPOSITION_FILE
from toolkit.nutrition.errors import NutritionError
from toolkit.nutrition.model import MANDATORY, NutritionFacts, nutrition_facts
from toolkit.nutrition.rounding import to_decimal

#: Required columns of a composition table, in the shipped file's order.
COLUMNS: tuple[str, ...] = ("code", *MANDATORY)
#: Optional columns: names for people and the citation of each row.
OPTIONAL_COLUMNS: tuple[str, ...] = ("name_id", "name_en", "source")


@dataclass(frozen=True)
class Ingredient:
    """One row of a composition table: values per 100 g of the ingredient as used."""

    code: str
    values: dict[str, float]
    name_id: str = ""
    name_en: str = ""
    source: str = ""

    def name(self, lang: str = "id") -> str:
        """The ingredient's name in ``lang`` (the code when the table gives none)."""
        return (self.name_en if lang == "en" else self.name_id) or self.name_id or self.code


def _cell_number(text: str, row: int, column: str, decimal_comma: bool) -> Decimal:
    raw = (text or "").strip()
    if decimal_comma:
        raw = raw.replace(".", "").replace(",", ".") if "," in raw else raw
    try:
        value = Decimal(raw)
    except ArithmeticError:
        raise NutritionError(
            "nutrition.error.csv_number", row=row, column=column, value=text or ""
        ) from None
    if not value.is_finite():
        raise NutritionError("nutrition.error.csv_number", row=row, column=column, value=text)
    if value < 0:
        raise NutritionError(
            "nutrition.error.csv_negative", row=row, column=column, value=float(value)
        )
    return value


def parse_composition(text: str, require_source: bool = False) -> dict[str, Ingredient]:
    """Read a composition table from CSV text.

    Args:
        text: The CSV, header first. Commas separate columns; a table saved with semicolons
            (common for Indonesian spreadsheets) may use a decimal comma.
        require_source: When True every row must cite its source (the shipped table does).

    Returns:
        Ingredients keyed by code, in file order.

    Raises:
        NutritionError: Naming the row (as a spreadsheet numbers it, header = row 1) and the
            column of the first problem found.
    """
    text = text.lstrip("\ufeff")
    first = text.splitlines()[0] if text.strip() else ""
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    header = [(h or "").strip().lower() for h in (reader.fieldnames or [])]
    for column in COLUMNS + (("source",) if require_source else ()):
        if column not in header:
            raise NutritionError("nutrition.error.csv_missing_column", column=column)
    reader.fieldnames = header
    table: dict[str, Ingredient] = {}
    for row_no, row in enumerate(reader, start=2):
        if not any((v or "").strip() for v in row.values() if isinstance(v, str)):
            continue  # a blank line
        code = (row.get("code") or "").strip()
        if not code:
            raise NutritionError("nutrition.error.csv_empty_code", row=row_no)
        if code in table:
            raise NutritionError("nutrition.error.csv_duplicate", row=row_no, code=code)
        values = {c: _cell_number(row.get(c), row_no, c, delimiter == ";") for c in MANDATORY}
        if values["saturated_fat_g"] > values["fat_g"]:
            raise NutritionError("nutrition.error.csv_saturated", row=row_no)
        if values["sugar_g"] > values["carbohydrate_g"]:
            raise NutritionError("nutrition.error.csv_sugar", row=row_no)
        solids = values["fat_g"] + values["protein_g"] + values["carbohydrate_g"]
        if solids > 100:
            raise NutritionError("nutrition.error.csv_over_100", row=row_no, total=float(solids))
        source = (row.get("source") or "").strip()
        if require_source and not source:
            raise NutritionError("nutrition.error.csv_source", row=row_no)
        table[code] = Ingredient(
            code=code,
            values={k: float(v) for k, v in values.items()},
            name_id=(row.get("name_id") or "").strip(),
            name_en=(row.get("name_en") or "").strip(),
            source=source,
        )
    if not table:
        raise NutritionError("nutrition.error.csv_empty")
    return table


def load_composition(
    source: str | Path | bytes | None = None, require_source: bool = False
) -> dict[str, Ingredient]:
    """Load a composition table: the shipped example (``None``), a file path, or CSV bytes.

    Args:
        source: ``None`` for the example table shipped with the toolkit (every row cited),
            a path to a CSV file, or the bytes of an uploaded CSV file.
        require_source: Demand a ``source`` on every row (always on for the shipped table).

    Returns:
        Ingredients keyed by code.

    Raises:
        NutritionError: When the file cannot be read or a row or column is wrong.
    """
    if source is None:
        return dict(_shipped_table())
    try:
        if isinstance(source, bytes):
            text = source.decode("utf-8-sig")
        else:
            text = Path(source).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        detail = type(exc).__name__ if isinstance(exc, UnicodeDecodeError) else str(source)
        raise NutritionError("nutrition.error.csv_unreadable", detail=detail) from None
    return parse_composition(text, require_source=require_source)


@cache
def _shipped_table() -> dict[str, Ingredient]:
    return parse_composition(COMPOSITION_FILE.read_text(encoding="utf-8"), require_source=True)


@dataclass(frozen=True)
class RecipeEstimate:
    """Estimated values per 100 g of the finished product (always an estimate)."""

    per_100g: dict[str, float]
    lines: tuple[tuple[str, float], ...]
    total_g: float
    yield_g: float
    sources: tuple[str, ...] = field(default=())
    is_estimate: bool = True

    def notice(self, lang: str = "id") -> str:
        """The "estimate, not a laboratory analysis" warning in ``lang``."""
        return t("nutrition.notice.estimate", lang)

    def facts(self, serving_g: float, pack_g: float, akg_basis: str = "raw") -> NutritionFacts:
        """The ING table computed from this estimate (energy by 9/4/4)."""
        return nutrition_facts(self.per_100g, serving_g, pack_g, akg_basis=akg_basis)


def recipe_estimate(
    recipe: Mapping[str, Any] | Iterable[tuple[str, Any]],
    yield_g: float,
    table: Mapping[str, Ingredient] | None = None,
) -> RecipeEstimate:
    """Estimate per-100 g values of a finished product from its recipe.

    Args:
        recipe: Ingredient code -> grams used (a mapping or ``(code, grams)`` pairs; a code
            may repeat). Frying oil: the grams the food takes up.
        yield_g: Weight of the finished product (after cooking, drying or frying), grams.
        table: Composition table (``load_composition``); the shipped example by default.

    Returns:
        A ``RecipeEstimate`` whose ``per_100g`` feeds ``nutrition_facts``.

    Raises:
        NutritionError: Empty recipe, unknown ingredient, a weight that is not a number of
            0 g or more, a final weight that is not positive or is too small to be possible.
    """
    table = load_composition() if table is None else table
    pairs = list(recipe.items()) if isinstance(recipe, Mapping) else list(recipe)
    lines: list[tuple[str, Decimal]] = []
    for code, grams in pairs:
        if code not in table:
            raise NutritionError("nutrition.error.unknown_ingredient", ingredient=code)
        try:
            amount = to_decimal(grams) if not isinstance(grams, bool) else None
        except ArithmeticError:
            amount = None
        if amount is None or not amount.is_finite() or amount < 0:
            raise NutritionError("nutrition.error.ingredient_grams", ingredient=code, value=grams)
        lines.append((code, amount))
    total = sum((g for _, g in lines), Decimal(0))
    if not lines or total == 0:
        raise NutritionError("nutrition.error.recipe_empty")
    try:
        final = to_decimal(yield_g) if not isinstance(yield_g, bool) else Decimal(0)
    except ArithmeticError:
        final = Decimal(0)
    if not final.is_finite() or final <= 0:
        raise NutritionError("nutrition.error.yield_positive", value=yield_g)

    amounts = {k: Decimal(0) for k in MANDATORY}
    for code, grams in lines:
        for key in MANDATORY:
            amounts[key] += to_decimal(table[code].values[key]) * grams / 100
    per_100g = {k: round(float(v * 100 / final), 3) for k, v in amounts.items()}
    solids = sum(to_decimal(per_100g[k]) for k in ("fat_g", "protein_g", "carbohydrate_g"))
    if solids > 100:
        params = {"yield": float(final), "total": round(float(solids), 1)}
        raise NutritionError("nutrition.error.yield_too_small", **params)
    used = dict.fromkeys(code for code, _ in lines)
    return RecipeEstimate(
        per_100g=per_100g,
        lines=tuple((code, float(g)) for code, g in lines),
        total_g=float(total),
        yield_g=float(final),
        sources=tuple(table[code].source for code in used if table[code].source),
    )
