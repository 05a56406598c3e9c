"""Every band boundary of the BPOM rounding table (facts.md §4.4): just below, at, just above."""

from __future__ import annotations

from decimal import Decimal

import pytest

from toolkit.nutrition import nutrition_facts
from toolkit.nutrition.data import rounding_table
from toolkit.nutrition.rounding import (
    declare,
    declare_percent,
    declare_serving_size,
    declare_servings,
    is_rounded,
    round_half_up,
)

ENERGY = [
    (4.99, 0),
    (5, 5),
    (5.01, 5),  # < 5 -> 0 | 5-50 nearest 5
    (7.49, 5),
    (7.5, 10),  # half up inside the 5-step band
    (49.99, 50),
    (50, 50),
    (50.01, 50),  # upper limit of the 5-step band
    (54.99, 50),
    (55, 60),
    (53, 50),  # > 50: nearest 10 (a 5-step would give 55)
    (131.5, 130),
    (135, 140),
]
FAT = [
    (0.49, 0),
    (0.5, 0.5),
    (0.51, 0.5),  # < 0.5 -> 0 | 0.5-5 nearest 0.5
    (0.74, 0.5),
    (0.75, 1),
    (4.74, 4.5),
    (4.75, 5),
    (4.99, 5),
    (5, 5),
    (5.01, 5),  # upper limit of the 0.5-step band
    (5.4, 5),
    (5.49, 5),
    (5.5, 6),
    (7.5, 8),  # > 5: nearest 1 (a 0.5-step would give 5.5)
]
MACRO = [
    (0.49, 0),
    (0.5, 1),
    (0.51, 1),  # < 0.5 -> 0 | >= 0.5 nearest 1
    (1.49, 1),
    (1.5, 2),
    (14.5, 15),
]
SODIUM = [
    (4.99, 0), (5, 5), (5.01, 5),            # < 5 -> 0 | 5-140 nearest 5
    (7.49, 5), (7.5, 10),
    (139.99, 140), (140, 140), (140.01, 140),  # upper limit of the 5-step band
    (142.5, 140), (144.99, 140), (145, 150),  # > 140: nearest 10 (a 5-step would give 145)
]  # fmt: skip


@pytest.mark.parametrize("nutrient", ["energy_kcal", "energy_from_fat_kcal"])
@pytest.mark.parametrize(("value", "expected"), ENERGY)
def test_energy_bands(nutrient: str, value: float, expected: float) -> None:
    assert declare(nutrient, value) == Decimal(str(expected))


@pytest.mark.parametrize("nutrient", ["fat_g", "saturated_fat_g"])
@pytest.mark.parametrize(("value", "expected"), FAT)
def test_fat_bands(nutrient: str, value: float, expected: float) -> None:
    assert declare(nutrient, value) == Decimal(str(expected))


@pytest.mark.parametrize("nutrient", ["protein_g", "carbohydrate_g", "sugar_g"])
@pytest.mark.parametrize(("value", "expected"), MACRO)
def test_protein_carbohydrate_sugar_bands(nutrient: str, value: float, expected: float) -> None:
    assert declare(nutrient, value) == Decimal(str(expected))


@pytest.mark.parametrize(("value", "expected"), SODIUM)
def test_sodium_bands(value: float, expected: float) -> None:
    assert declare("sodium_mg", value) == Decimal(str(expected))


@pytest.mark.parametrize(
    ("value", "expected"), [(2.49, 2), (2.5, 3), (2.51, 3), (0.49, 0), (0.5, 1), (11.5, 12)]
)
def test_percent_akg_whole_percent_half_up(value: float, expected: int) -> None:
    assert declare_percent(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"), [(3.24, 3), (3.25, 3.5), (3.74, 3.5), (3.75, 4), (4, 4), (1, 1)]
)
def test_servings_per_pack_nearest_half(value: float, expected: float) -> None:
    assert declare_servings(value) == Decimal(str(expected))


@pytest.mark.parametrize(
    ("value", "expected"), [(9.94, 9.9), (9.95, 10), (9.99, 10), (10, 10), (10.49, 10), (10.5, 11)]
)
def test_serving_size_below_10_g_to_a_tenth(value: float, expected: float) -> None:
    assert declare_serving_size(value) == Decimal(str(expected))


def test_half_up_is_exact_for_decimal_halves() -> None:
    # 0.1 * 25 is 2.5000000000000004 in binary floats; the table rounds the decimal value.
    assert round_half_up(2.5, 1) == 3
    assert round_half_up(0.25, 0.5) == Decimal("0.5")
    assert round_half_up(123, 0) == 0


def test_rounding_reaches_declared_values_through_the_calculator() -> None:
    # fat 19.6 g/100 g at 25 g -> 4.9 g raw (0.5 band -> 5); sodium 566 mg -> 141.5 mg (10 band -> 140)
    per_100g = {"fat_g": 19.6, "saturated_fat_g": 1, "protein_g": 2, "carbohydrate_g": 50,
                "sugar_g": 1, "sodium_mg": 566}  # fmt: skip
    facts = nutrition_facts(per_100g, serving_g=25, pack_g=100)
    assert facts.per_serving["fat_g"] == pytest.approx(4.9)
    assert facts.declared["fat_g"] == 5
    assert facts.declared["sodium_mg"] == 140


def test_is_rounded() -> None:
    assert is_rounded("fat_g", 4.5)
    assert not is_rounded("fat_g", 7.5)
    assert is_rounded("sodium_mg", 135) and not is_rounded("sodium_mg", 145)


def test_rounding_table_is_marked_unconfirmed_with_a_source() -> None:
    table = rounding_table()
    assert table["status"] == "unconfirmed"
    assert table["mode"] == "half_up"
    assert all(group["source"] for group in table["groups"].values())
