"""Property tests: declared values are idempotent under rounding; %AKG is monotonic in amount."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.nutrition import nutrition_facts
from toolkit.nutrition.rounding import declare

ROUNDED = ["energy_kcal", "energy_from_fat_kcal", "fat_g", "saturated_fat_g", "protein_g",
           "carbohydrate_g", "sugar_g", "sodium_mg"]  # fmt: skip
amounts = st.decimals(min_value=0, max_value=5000, places=3, allow_nan=False)


@given(nutrient=st.sampled_from(ROUNDED), value=amounts)
def test_declare_is_idempotent(nutrient: str, value: Decimal) -> None:
    once = declare(nutrient, value)
    assert declare(nutrient, once) == once


@given(nutrient=st.sampled_from(ROUNDED), a=amounts, b=amounts)
def test_declare_is_monotonic(nutrient: str, a: Decimal, b: Decimal) -> None:
    low, high = sorted((a, b))
    assert declare(nutrient, low) <= declare(nutrient, high)


@st.composite
def products(draw) -> dict[str, float]:
    """Valid per-100 g values (the constraints of check_per_100g hold)."""
    grams = st.floats(min_value=0, max_value=100, allow_nan=False, allow_infinity=False)
    fat = draw(grams.filter(lambda x: x <= 60))
    protein = draw(grams.filter(lambda x: x <= 100 - fat))
    carb = draw(st.floats(min_value=0, max_value=max(100 - fat - protein - 1e-6, 0)))
    return {
        "fat_g": fat,
        "saturated_fat_g": draw(st.floats(min_value=0, max_value=fat)),
        "protein_g": protein,
        "carbohydrate_g": carb,
        "sugar_g": draw(st.floats(min_value=0, max_value=carb)),
        "sodium_mg": draw(st.floats(min_value=0, max_value=3000)),
    }


servings = st.floats(min_value=1, max_value=250, allow_nan=False)


@settings(max_examples=60)
@given(product=products(), serving=servings, basis=st.sampled_from(["raw", "declared"]))
def test_declared_values_of_the_calculator_are_idempotent(product, serving, basis) -> None:
    facts = nutrition_facts(product, serving_g=serving, pack_g=1000, akg_basis=basis)
    for key, value in facts.declared.items():
        assert declare(key, value) == Decimal(str(value)), key


@settings(max_examples=60)
@given(
    product=products(),
    nutrient=st.sampled_from(["fat_g", "saturated_fat_g", "protein_g", "carbohydrate_g",
                              "sodium_mg"]),
    extra=st.floats(min_value=0, max_value=1, allow_nan=False),
    serving=servings,
    basis=st.sampled_from(["raw", "declared"]),
)  # fmt: skip
def test_percent_akg_is_monotonic_in_amount(product, nutrient, extra, serving, basis) -> None:
    more = dict(product)
    if nutrient == "sodium_mg":
        more[nutrient] += extra * 1000
    else:
        # grow the nutrient within what the other values leave room for
        room = 100 - product["fat_g"] - product["protein_g"] - product["carbohydrate_g"]
        if nutrient == "saturated_fat_g":
            room = product["fat_g"] - product["saturated_fat_g"]
        more[nutrient] += extra * max(room - 1e-6, 0)
    less_facts = nutrition_facts(product, serving_g=serving, pack_g=1000, akg_basis=basis)
    more_facts = nutrition_facts(more, serving_g=serving, pack_g=1000, akg_basis=basis)
    assert less_facts.percent_akg[nutrient] <= more_facts.percent_akg[nutrient]
    if nutrient in ("fat_g", "protein_g", "carbohydrate_g"):
        assert less_facts.percent_akg["energy_kcal"] <= more_facts.percent_akg["energy_kcal"]
