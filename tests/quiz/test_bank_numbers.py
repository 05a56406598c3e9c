"""Numeric answers in the banks agree with the toolkit's own calculators (facts.md §3, §5, §6)."""

from __future__ import annotations

import pytest

from toolkit.hygiene import bleach_volume_ml
from toolkit.nutrition import nutrition_facts
from toolkit.quiz import bank_path, load_bank
from toolkit.shelflife import kinetic_shelf_life, q10_from_rates, q10_shelf_life

# facts.md §4.5 worked example (keripik singkong per 100 g; serving 25 g; pack 100 g)
CHIPS = {
    "fat_g": 30,
    "saturated_fat_g": 12,
    "protein_g": 6,
    "carbohydrate_g": 58,
    "sugar_g": 4,
    "sodium_mg": 400,
}


def _chips(serving: float = 25, pack: float = 100):
    return nutrition_facts(CHIPS, serving, pack)


# question id -> how the answer is computed
COMPUTED = {
    ("nutrition", "nut-003"): lambda: _chips().per_serving["energy_kcal"],
    ("nutrition", "nut-004"): lambda: _chips().per_serving["fat_g"],
    ("nutrition", "nut-005"): lambda: _chips().percent_akg["sodium_mg"],
    ("nutrition", "nut-008"): lambda: _chips().servings_per_pack,
    ("nutrition", "nut-009"): lambda: _chips(30, 250).servings_per_pack,
    ("nutrition", "nut-014"): lambda: nutrition_facts(
        {**CHIPS, "fat_g": 40, "carbohydrate_g": 48}, 25, 100
    ).per_serving["energy_from_fat_kcal"],
    ("nutrition", "nut-017"): lambda: _chips().percent_akg["energy_kcal"],
    ("nutrition", "nut-019"): lambda: _chips().percent_akg["protein_g"],
    ("nutrition", "nut-020"): lambda: _chips().declared["energy_kcal"] * _chips().servings_per_pack,
    ("hygiene", "hyg-006"): lambda: bleach_volume_ml(200, 1000, 5),
    ("hygiene", "hyg-007"): lambda: bleach_volume_ml(100, 1000, 5),
    ("hygiene", "hyg-008"): lambda: bleach_volume_ml(50, 5000, 5),
    ("pretest", "pre-04"): lambda: bleach_volume_ml(200, 1000, 5),
    ("posttest", "post-04"): lambda: bleach_volume_ml(50, 2000, 5),
    ("pretest", "pre-20"): lambda: q10_shelf_life(32, 45, 25, 2),
    ("posttest", "post-20"): lambda: q10_shelf_life(15, 45, 25, 3),
    ("shelflife", "shl-005"): lambda: q10_shelf_life(32, 45, 25, 2.1),
    ("shelflife", "shl-006"): lambda: q10_shelf_life(20, 40, 30, 2),
    ("shelflife", "shl-009"): lambda: kinetic_shelf_life(0.5, 50, 35, order=0),
    ("shelflife", "shl-010"): lambda: kinetic_shelf_life(0.015, 8.0, 5.0, order=1),
    ("shelflife", "shl-014"): lambda: q10_from_rates(25, 0.020, 35, 0.045),
    ("shelflife", "shl-019"): lambda: kinetic_shelf_life(0.05, 3.0, 6.0, order=0),
    ("shelflife", "shl-013"): lambda: 35 + 273.15,
    # CPPB-IRT item 36: records kept for 2 x the shelf life
    ("gmp", "gmp-006"): lambda: 2 * 3,
    ("gmp", "gmp-007"): lambda: 2 * 45,
    ("pretest", "pre-11"): lambda: 2 * 6,
    ("posttest", "post-11"): lambda: 2 * 4,
}


@pytest.mark.parametrize(("bank", "qid"), sorted(COMPUTED))
def test_numeric_answer_matches_the_calculator(bank: str, qid: str) -> None:
    q = load_bank(bank_path(bank)).question(qid)
    assert q is not None and q.type == "numeric"
    computed = COMPUTED[(bank, qid)]()
    assert abs(q.answer - computed) <= max(q.tolerance, 1e-9), (q.answer, computed)
    # the rounding in the bank is tighter than the tolerance trainees get
    assert abs(q.answer - computed) <= 0.1


def test_every_computable_numeric_answer_is_checked() -> None:
    for bank in ("hygiene", "shelflife", "gmp", "nutrition"):
        numeric = {q.id for q in load_bank(bank_path(bank)).questions if q.type == "numeric"}
        assert numeric <= {qid for b, qid in COMPUTED if b == bank}, bank
