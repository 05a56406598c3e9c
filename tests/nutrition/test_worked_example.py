"""The keripik singkong worked example of facts.md §4.5, on both %AKG bases."""

from __future__ import annotations

import pytest

from toolkit.nutrition import NUTRIENTS, nutrition_facts


def test_raw_per_serving_follows_the_9_4_4_rule(keripik) -> None:
    facts = nutrition_facts(keripik, serving_g=25, pack_g=100)
    assert facts.energy_computed
    assert facts.per_100g["energy_kcal"] == 526
    assert facts.per_serving["energy_kcal"] == pytest.approx(131.5)
    assert facts.per_serving["energy_from_fat_kcal"] == pytest.approx(67.5)
    assert facts.per_serving["fat_g"] == pytest.approx(7.5)
    assert facts.per_serving["protein_g"] == pytest.approx(1.5)
    assert facts.per_serving["carbohydrate_g"] == pytest.approx(14.5)


def test_declared_values(keripik) -> None:
    facts = nutrition_facts(keripik, serving_g=25, pack_g=100)
    assert facts.declared == {
        "energy_kcal": 130,
        "energy_from_fat_kcal": 70,
        "fat_g": 8,
        "saturated_fat_g": 3,
        "protein_g": 2,
        "carbohydrate_g": 15,
        "sugar_g": 1,
        "sodium_mg": 100,
    }
    assert facts.servings_per_pack == 4
    assert not facts.servings_about
    assert facts.serving_size_declared == 25


@pytest.mark.parametrize(
    ("basis", "expected"),
    [
        (
            "raw",
            {"energy_kcal": 6, "fat_g": 11, "saturated_fat_g": 15, "protein_g": 3,
             "carbohydrate_g": 4, "sugar_g": None, "sodium_mg": 7},
        ),
        (
            "declared",
            {"energy_kcal": 6, "fat_g": 12, "saturated_fat_g": 15, "protein_g": 3,
             "carbohydrate_g": 5, "sugar_g": None, "sodium_mg": 7},
        ),
    ],
)  # fmt: skip
def test_percent_akg_on_both_bases(keripik, basis: str, expected: dict) -> None:
    facts = nutrition_facts(keripik, serving_g=25, pack_g=100, akg_basis=basis)
    assert facts.akg_basis == basis
    assert facts.percent_akg == expected
    assert set(facts.percent_akg) == set(NUTRIENTS)


def test_default_basis_is_raw_and_is_flagged_unconfirmed(keripik) -> None:
    facts = nutrition_facts(keripik, serving_g=25, pack_g=100)
    assert facts.akg_basis == "raw"
    texts_id = " ".join(facts.notice_texts("id"))
    texts_en = " ".join(facts.notice_texts("en"))
    assert "BELUM DIKONFIRMASI" in texts_id and "sebelum dibulatkan" in texts_id
    assert "UNCONFIRMED" in texts_en and "unrounded" in texts_en


def test_sugar_has_no_percent_akg_and_declared_has_energy_from_fat(keripik) -> None:
    facts = nutrition_facts(keripik, serving_g=25, pack_g=100)
    assert facts.percent_akg["sugar_g"] is None
    assert set(facts.declared) == set(NUTRIENTS) | {"energy_from_fat_kcal"}


def test_laboratory_energy_is_used_when_given(keripik) -> None:
    facts = nutrition_facts({**keripik, "energy_kcal": 500}, serving_g=25, pack_g=100)
    assert not facts.energy_computed
    assert facts.per_serving["energy_kcal"] == pytest.approx(125)
    assert facts.declared["energy_kcal"] == 130  # > 50 kkal: nearest 10, half up


@pytest.mark.parametrize(
    ("serving", "pack", "servings", "about"),
    [(25, 100, 4, False), (30, 100, 3.5, True), (40, 100, 2.5, False), (35, 100, 3, True),
     (100, 100, 1, False), (3, 100, 33.5, True)],
)  # fmt: skip
def test_servings_per_pack_to_the_nearest_half(keripik, serving, pack, servings, about) -> None:
    facts = nutrition_facts(keripik, serving_g=serving, pack_g=pack)
    assert facts.servings_per_pack == servings
    assert facts.servings_about is about
    word = "sekitar" if about else ""
    assert facts.servings_text("id").startswith(word)


def test_text_table_names_every_line_in_both_languages(keripik) -> None:
    facts = nutrition_facts(keripik, serving_g=25, pack_g=100)
    text_id, text_en = facts.to_text("id"), facts.to_text("en")
    for word in ("Energi dari lemak", "Garam (Natrium)", "131,5 kkal", "11%"):
        assert word in text_id
    for word in ("Energy from fat", "Salt (sodium)", "131.5 kcal", "11%"):
        assert word in text_en
