"""BPOM rounding of declared ING values, half up, driven by the bands in ``rounding.yaml``.

All arithmetic is in ``Decimal`` so that 2.5 really rounds to 3 (binary floats would not).
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from toolkit.nutrition.data import rounding_table
from toolkit.nutrition.errors import NutritionError


def to_decimal(value: Any) -> Decimal:
    """Turn a number (or numeric text) into an exact ``Decimal`` via its shortest text form."""
    if isinstance(value, Decimal):
        return value
    return Decimal(str(value))


def round_half_up(value: Decimal | float, step: Decimal | float) -> Decimal:
    """Round ``value`` to the nearest multiple of ``step``, halves away from zero.

    Args:
        value: The amount to round (not negative in practice).
        step: The step (e.g. ``0.5``); ``0`` gives ``0``.

    Returns:
        The rounded amount as a ``Decimal``.
    """
    value, step = to_decimal(value), to_decimal(step)
    if step == 0:
        return Decimal(0)
    units = (value / step).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return units * step


def _in_band(value: Decimal, band: dict[str, Any]) -> bool:
    if "below" in band:
        return value < to_decimal(band["below"])
    if "upto" in band:
        return value <= to_decimal(band["upto"])
    return True


def band_step(bands: list[dict[str, Any]], value: Decimal | float) -> Decimal:
    """The rounding step of the first band that ``value`` falls in."""
    value = to_decimal(value)
    for band in bands:
        if _in_band(value, band):
            return to_decimal(band["step"])
    raise AssertionError("rounding bands must end with an open band")  # pragma: no cover


def group_of(nutrient: str) -> dict[str, Any]:
    """The rounding group (``rounding.yaml``) that holds ``nutrient``.

    Raises:
        NutritionError: When no group names the nutrient.
    """
    for group in rounding_table()["groups"].values():
        if nutrient in group["nutrients"]:
            return group
    raise NutritionError("nutrition.error.unknown_nutrient", nutrient=nutrient)


def declare(nutrient: str, value: Decimal | float) -> Decimal:
    """The value to print on the ING panel for an amount per serving.

    Args:
        nutrient: A key such as ``"fat_g"`` or ``"energy_kcal"``.
        value: The unrounded amount per serving.

    Returns:
        The declared amount under the BPOM band for that nutrient, rounded half up.
    """
    value = to_decimal(value)
    return round_half_up(value, band_step(group_of(nutrient)["bands"], value))


def declare_percent(value: Decimal | float) -> int:
    """A %AKG rounded half up to the whole percent."""
    step = rounding_table()["percent_akg"]["step"]
    return int(round_half_up(value, step))


def declare_serving_size(serving_g: Decimal | float) -> Decimal:
    """The serving size as printed: 0.1 g below 10 g, whole grams from 10 g."""
    bands = rounding_table()["serving_size"]["bands"]
    return round_half_up(serving_g, band_step(bands, serving_g))


def declare_servings(count: Decimal | float) -> Decimal:
    """Servings per pack rounded half up to the nearest 0.5."""
    return round_half_up(count, rounding_table()["servings_per_pack"]["step"])


def is_rounded(nutrient: str, value: Decimal | float) -> bool:
    """True when ``value`` is already a legal declared value for ``nutrient``."""
    value = to_decimal(value)
    return declare(nutrient, value) == value
