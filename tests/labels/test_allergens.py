"""Allergen detection: the ten groups in Indonesian and English, exemptions, and traps."""

from __future__ import annotations

import pytest

from tests.labels.conftest import TODAY, good_label
from toolkit.labels import allergen_hits, check_label, detect_allergens
from toolkit.labels.text import split_items

TABLE = [
    ("Komposisi: tepung terigu, gula", ["gluten"]),
    ("Ingredients: wheat flour, sugar", ["gluten"]),
    ("Komposisi: telur ayam, gula", ["egg"]),
    ("Komposisi: udang rebon, garam", ["crustacean"]),
    ("Komposisi: cabai, terasi, garam", ["crustacean"]),
    ("Komposisi: ikan teri, garam", ["fish"]),
    ("Komposisi: kacang tanah, garam", ["peanut"]),
    ("Komposisi: kedelai hitam, gula aren", ["soy"]),
    ("Komposisi: susu bubuk, gula", ["milk"]),
    ("Komposisi: mentega, keju, gula", ["milk"]),
    ("Komposisi: kacang mete, garam", ["tree_nut"]),
    ("Komposisi: almond, madu", ["tree_nut"]),
    ("Komposisi: cumi kering, garam", ["mollusc"]),
    ("Komposisi: natrium metabisulfit", ["sulphite"]),
    ("Bahan-bahan: peanuts, soy sauce, shrimp", ["crustacean", "peanut", "soy"]),
    # traps
    ("Komposisi: santan kelapa, gula", []),  # coconut milk is neither milk nor a tree nut
    ("Komposisi: coconut milk, sugar", []),
    ("Komposisi: kecap ikan, cabai", ["fish"]),  # fish sauce: fish, not soy
    ("Komposisi: kecap manis, bawang", ["soy"]),  # sweet soy sauce: soy
    ("Komposisi: saus tiram, bawang", ["mollusc"]),  # oyster sauce
    ("Komposisi: telur ikan, garam", ["fish"]),  # fish roe is fish, not egg
    ("Komposisi: kacang hijau, gula", []),  # mung bean is not peanut
    ("Komposisi: kacang merah, gula", []),
    ("Komposisi: kemiri, garam", []),  # candlenut is not in the tree-nut list
    ("Komposisi: krimer nabati, gula", []),  # non-dairy creamer ("krim" is a whole word)
    ("Komposisi: susu kedelai, gula", ["soy"]),  # soy milk: soy, not milk
    ("Komposisi: lemak kakao, gula", []),
    ("Komposisi: maltodekstrin, gula", []),  # refined derivative (exempt)
    ("Komposisi: sirup glukosa (dari gandum), gula", []),  # wheat glucose syrup exempt
    ("Komposisi: cokelat, pengemulsi lesitin kedelai", []),  # soy lecithin exempt
    ("Komposisi: minyak kedelai, garam", []),
    ("Komposisi: tepung terigu, pengemulsi (lesitin kedelai)", ["gluten"]),
    ("Komposisi: cokelat (gula, susu bubuk, lesitin kedelai), kedelai sangrai", ["soy", "milk"]),
    ("Komposisi: ubi, tahu, garam", ["soy"]),
    ("Komposisi: stevia, gula", []),
]


@pytest.mark.parametrize(("text", "groups"), TABLE)
def test_detect_allergens(text: str, groups: list[str]) -> None:
    assert sorted(detect_allergens(text)) == sorted(groups)


def test_exempt_hits_are_reported_but_not_required() -> None:
    hits = allergen_hits("Komposisi: sirup glukosa (dari gandum), gula")
    assert [(h.group, h.exempt) for h in hits] == [("gluten", True)]


def test_split_items_keeps_annotations_and_splits_compound_items() -> None:
    assert split_items("a (b), c (d, e); f") == ["a (b)", "c", "d", "e", "f"]


@pytest.mark.parametrize(
    ("ingredients", "statement", "expected"),
    [
        ("Komposisi: tepung terigu, telur, gula", "Mengandung alergen: gandum, telur", []),
        ("Komposisi: tepung terigu, telur, gula", "Mengandung alergen: gluten, telur", []),
        (
            "Komposisi: tepung terigu, telur, gula",
            "Mengandung alergen: gandum",
            ["allergen_statement.undeclared"],
        ),
        (
            "Komposisi: tepung **terigu**, **telur**, gula",
            "Alergen dicetak tebal.",
            [],
        ),
        (
            "Komposisi: tepung **terigu**, telur, gula",
            "Bahan yang dicetak tebal mengandung alergen.",
            ["allergen_statement.undeclared"],
        ),
        (
            "Komposisi: tepung **terigu**, **telur**, gula",
            None,
            ["allergen_statement.missing"],
        ),
        (
            "Komposisi: kacang tanah, gula",
            "Mengandung alergen: kacang",  # "kacang" alone does not name peanut
            ["allergen_statement.undeclared"],
        ),
        ("Komposisi: santan kelapa, gula aren", None, []),
    ],
)
def test_declaration_forms(ingredients: str, statement: str | None, expected: list[str]) -> None:
    label = good_label(
        ingredients=ingredients,
        allergen_statement=statement,
        category="kue_kering",
        permit_number="P-IRT No. 2065371010023-29",
    )
    found = [f.check for f in check_label(label, today=TODAY)]
    assert found == expected
