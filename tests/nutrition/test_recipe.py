"""Recipe mode: estimated per-100 g values, the shipped composition table and users' own CSVs."""

from __future__ import annotations

import pytest

from toolkit.nutrition import NutritionError
from toolkit.nutrition.data import COMPOSITION_FILE
from toolkit.nutrition.recipe import (
    COLUMNS,
    load_composition,
    parse_composition,
    recipe_estimate,
)

HEADER = (
    "code,name_id,name_en,fat_g,saturated_fat_g,protein_g,carbohydrate_g,sugar_g,sodium_mg,source"
)


def test_shipped_table_cites_a_source_on_every_row() -> None:
    table = load_composition()
    assert len(table) >= 5
    for ingredient in table.values():
        assert "USDA FoodData Central" in ingredient.source and "FDC" in ingredient.source
        assert ingredient.name("id") and ingredient.name("en")


def test_estimate_is_mass_balance_over_the_final_weight() -> None:
    table = load_composition()
    recipe = {"singkong": 1000, "minyak_sawit": 150, "garam": 10}
    est = recipe_estimate(recipe, yield_g=600, table=table)
    for key in ("fat_g", "protein_g", "carbohydrate_g", "sodium_mg"):
        expected = sum(table[c].values[key] * g / 100 for c, g in recipe.items()) / 600 * 100
        assert est.per_100g[key] == pytest.approx(expected, abs=1e-3), key
    assert est.is_estimate and est.total_g == 1160 and est.yield_g == 600
    assert len(est.sources) == 3


def test_estimate_is_labelled_as_not_replacing_the_laboratory() -> None:
    est = recipe_estimate({"singkong": 100}, yield_g=50)
    assert "PERKIRAAN" in est.notice("id") and "laboratorium" in est.notice("id")
    assert "ESTIMATE" in est.notice("en") and "laboratory" in est.notice("en")


def test_estimate_feeds_the_calculator_with_energy_by_9_4_4() -> None:
    est = recipe_estimate([("singkong", 500), ("singkong", 500), ("minyak_sawit", 100)], 500)
    facts = est.facts(serving_g=25, pack_g=100)
    per = est.per_100g
    assert facts.energy_computed
    assert facts.per_100g["energy_kcal"] == pytest.approx(
        9 * per["fat_g"] + 4 * per["protein_g"] + 4 * per["carbohydrate_g"]
    )


def test_drying_concentrates_and_boiling_dilutes() -> None:
    dried = recipe_estimate({"singkong": 100}, yield_g=50).per_100g["carbohydrate_g"]
    raw = recipe_estimate({"singkong": 100}, yield_g=100).per_100g["carbohydrate_g"]
    boiled = recipe_estimate({"singkong": 100}, yield_g=200).per_100g["carbohydrate_g"]
    assert boiled < raw < dried
    assert dried == pytest.approx(2 * raw) and boiled == pytest.approx(raw / 2)


@pytest.mark.parametrize(
    ("recipe", "yield_g", "key", "word_id", "word_en"),
    [
        ({}, 100, "recipe_empty", "kosong", "empty"),
        ({"singkong": 0}, 100, "recipe_empty", "kosong", "empty"),
        ({"cokelat": 10}, 100, "unknown_ingredient", "cokelat", "cokelat"),
        ({"singkong": -5}, 100, "ingredient_grams", "singkong", "singkong"),
        ({"singkong": "banyak"}, 100, "ingredient_grams", "banyak", "banyak"),
        ({"singkong": 100}, 0, "yield_positive", "hasil akhir", "final weight"),
        ({"singkong": 100}, "x", "yield_positive", "hasil akhir", "final weight"),
        ({"minyak_sawit": 100}, 50, "yield_too_small", "200", "200"),
    ],
)
def test_recipe_errors(recipe, yield_g, key, word_id, word_en) -> None:
    with pytest.raises(NutritionError) as info:
        recipe_estimate(recipe, yield_g)
    assert info.value.key == f"nutrition.error.{key}"
    assert word_id in str(info.value) and word_en in info.value.message("en")


def test_numbers_in_messages_follow_the_language() -> None:
    with pytest.raises(NutritionError) as info:
        recipe_estimate({"minyak_sawit": 100}, 40.5)
    assert "40,5 g" in str(info.value) and "40.5 g" in info.value.message("en")


def test_user_table_from_bytes_and_path(tmp_path) -> None:
    text = HEADER + "\ntempe,Tempe,Tempeh,10.8,2.2,20.3,7.6,0,9,\n"
    table = load_composition(text.encode("utf-8"))
    assert table["tempe"].values["protein_g"] == pytest.approx(20.3)
    path = tmp_path / "mine.csv"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode())  # Excel's UTF-8 BOM
    assert set(load_composition(path)) == {"tempe"}
    assert recipe_estimate({"tempe": 100}, 100, table=table).per_100g["fat_g"] == 10.8


def test_semicolon_table_with_decimal_commas() -> None:
    text = "code;fat_g;saturated_fat_g;protein_g;carbohydrate_g;sugar_g;sodium_mg\ntahu;4,8;0,7;8,1;1,9;0;7\n"
    table = parse_composition(text)
    assert table["tahu"].values["fat_g"] == pytest.approx(4.8)
    assert table["tahu"].name("en") == "tahu"


ROW = "x,X,X,1,0.5,2,3,1,4,src"


@pytest.mark.parametrize(
    ("text", "key", "words"),
    [
        ("code,fat_g\nx,1\n", "csv_missing_column", ['"saturated_fat_g"']),
        (HEADER + "\n" + ROW + "\n,Y,Y,1,0.5,2,3,1,4,s\n", "csv_empty_code", ["3", '"code"']),
        (HEADER + "\n" + ROW + "\n" + ROW + "\n", "csv_duplicate", ["3", '"x"']),
        (HEADER + "\nx,X,X,satu,0.5,2,3,1,4,s\n", "csv_number", ["2", '"fat_g"', "satu"]),
        (HEADER + "\nx,X,X,1,0.5,2,3,1,-4,s\n", "csv_negative", ["2", '"sodium_mg"']),
        (HEADER + "\nx,X,X,1,2,2,3,1,4,s\n", "csv_saturated", ["2", '"saturated_fat_g"']),
        (HEADER + "\nx,X,X,1,0.5,2,3,5,4,s\n", "csv_sugar", ["2", '"sugar_g"']),
        (HEADER + "\nx,X,X,50,0.5,30,30,1,4,s\n", "csv_over_100", ["2", "110"]),
        (HEADER + "\n", "csv_empty", []),
        ("", "csv_missing_column", ['"code"']),
    ],
)
def test_user_table_errors_name_row_and_column(text, key, words) -> None:
    with pytest.raises(NutritionError) as info:
        parse_composition(text)
    assert info.value.key == f"nutrition.error.{key}"
    for word in words:
        assert word in str(info.value) and word in info.value.message("en")


def test_source_is_required_only_when_asked() -> None:
    text = HEADER + "\nx,X,X,1,0.5,2,3,1,4,\n"
    assert "x" in parse_composition(text)
    with pytest.raises(NutritionError) as info:
        parse_composition(text, require_source=True)
    assert info.value.key == "nutrition.error.csv_source"
    assert "Baris 2" in str(info.value) and "Row 2" in info.value.message("en")


def test_unreadable_files() -> None:
    with pytest.raises(NutritionError) as info:
        load_composition(b"\xff\xfe\x00bad")
    assert info.value.key == "nutrition.error.csv_unreadable"
    with pytest.raises(NutritionError):
        load_composition("/no/such/file.csv")


def test_shipped_file_header_is_the_documented_format() -> None:
    header = COMPOSITION_FILE.read_text(encoding="utf-8").splitlines()[0].split(",")
    assert [c for c in header if c in COLUMNS] == list(COLUMNS)
