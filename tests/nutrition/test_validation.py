"""Every impossible input raises NutritionError with a clear message in id and en."""

from __future__ import annotations

import pytest

from toolkit.errors import ToolkitError
from toolkit.nutrition import NutritionError, exemption, nutrition_facts

# (change to the keripik input or call arguments, error key, words in id, words in en)
CASES = [
    ({"fat_g": -1}, {}, "negative", ["Lemak total", "negatif"], ["Total fat", "negative"]),
    ({"sodium_mg": -0.1}, {}, "negative", ["Natrium", "negatif"], ["sodium", "negative"]),
    ({"fat_g": 50, "protein_g": 20, "carbohydrate_g": 40}, {}, "over_100",
     ["110", "100 g"], ["110", "100 g"]),
    ({"saturated_fat_g": 31}, {}, "saturated_over_fat", ["Lemak jenuh", "31"],
     ["Saturated fat", "31"]),
    ({"sugar_g": 59}, {}, "sugar_over_carbohydrate", ["Gula", "59"], ["Sugar", "59"]),
    ({"protein_g": None}, {}, "missing", ["belum diisi", "Protein"], ["not filled in", "Protein"]),
    ({"fat_g": "tiga"}, {}, "not_a_number", ["Lemak total", "tiga", "bukan angka"],
     ["Total fat", "tiga", "not a number"]),
    ({"fat_g": float("nan")}, {}, "not_a_number", ["bukan angka"], ["not a number"]),
    ({"fat_g": True}, {}, "not_a_number", ["bukan angka"], ["not a number"]),
    ({"vitamin_c_mg": 3}, {}, "unknown_nutrient", ["tidak dikenal"], ["Unknown nutrient"]),
    ({"energy_kcal": 950}, {}, "energy_too_high", ["950", "900"], ["950", "900"]),
    ({}, {"serving_g": 150}, "serving_over_pack", ["150", "100"], ["150", "100"]),
    ({}, {"serving_g": 0}, "serving_positive", ["Takaran saji"], ["serving size"]),
    ({}, {"serving_g": "25"}, "serving_positive", ["Takaran saji"], ["serving size"]),
    ({}, {"pack_g": -5}, "pack_positive", ["kemasan"], ["net content"]),
    ({}, {"akg_basis": "rounded"}, "akg_basis", ["rounded"], ["rounded"]),
    ({}, {"category": "cigarettes"}, "unknown_category", ["cigarettes"], ["cigarettes"]),
]  # fmt: skip


@pytest.mark.parametrize(("change", "kwargs", "key", "words_id", "words_en"), CASES)
def test_validation_message_in_both_languages(
    keripik, change, kwargs, key, words_id, words_en
) -> None:
    per_100g = {**keripik, **change}
    args = {"serving_g": 25, "pack_g": 100, **kwargs}
    with pytest.raises(NutritionError) as info:
        nutrition_facts(per_100g, **args)
    err = info.value
    assert isinstance(err, ValueError) and isinstance(err, ToolkitError)
    assert err.key == f"nutrition.error.{key}"
    text_id, text_en = str(err), err.message("en")
    assert text_id != text_en
    for text in (text_id, text_en):
        assert "{" not in text and "nutrition." not in text and "_g" not in text
    for word in words_id:
        assert word in text_id
    for word in words_en:
        assert word in text_en


def test_missing_names_every_missing_nutrient() -> None:
    with pytest.raises(NutritionError) as info:
        nutrition_facts({"fat_g": 1}, 25, 100)
    for name in ("Lemak jenuh", "Protein", "Karbohidrat total", "Gula", "Garam (Natrium)"):
        assert name in str(info.value)
    assert "Lemak total" not in str(info.value)


def test_per_100g_must_be_a_mapping() -> None:
    with pytest.raises(NutritionError) as info:
        nutrition_facts([1, 2, 3], 25, 100)  # type: ignore[arg-type]
    assert info.value.key == "nutrition.error.per_100g_type"


def test_text_numbers_with_a_decimal_comma_are_accepted(keripik) -> None:
    facts = nutrition_facts({**keripik, "fat_g": "30,0", "energy_kcal": ""}, 25, 100)
    assert facts.per_100g["fat_g"] == 30
    assert facts.energy_computed


def test_limits_are_inclusive(keripik) -> None:
    # exactly 100 g of solids, saturated = total fat, sugar = carbohydrate, serving = pack
    edge = {"fat_g": 40, "saturated_fat_g": 40, "protein_g": 10, "carbohydrate_g": 50,
            "sugar_g": 50, "sodium_mg": 0, "energy_kcal": 900}  # fmt: skip
    facts = nutrition_facts(edge, serving_g=100, pack_g=100)
    assert facts.servings_per_pack == 1


@pytest.mark.parametrize(("category", "kind"), [("coffee", "exempt"), ("bottled_water", "exempt"),
                                                 ("alcoholic_beverage", "prohibited")])  # fmt: skip
def test_exempt_and_prohibited_categories_are_reported(keripik, category, kind) -> None:
    facts = nutrition_facts(keripik, 25, 100, category=category)
    assert facts.exemption is not None and facts.exemption.kind == kind
    assert facts.exemption.source and facts.exemption.status == "secondary"
    first_id, first_en = facts.notice_texts("id")[0], facts.notice_texts("en")[0]
    assert ("dikecualikan" if kind == "exempt" else "tidak boleh") in first_id
    assert ("exempt" if kind == "exempt" else "may not") in first_en


def test_ordinary_food_is_not_exempt(keripik) -> None:
    assert exemption(None) is None and exemption("general") is None
    assert nutrition_facts(keripik, 25, 100).exemption is None
