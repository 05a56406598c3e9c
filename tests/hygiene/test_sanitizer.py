"""Chlorine dilution: the §6.4 table, its inverse, kitchen measures and warnings."""

from __future__ import annotations

import pytest

from toolkit.hygiene import HygieneError, bleach_volume_ml, plan_dilution, ppm_from_dilution
from toolkit.hygiene.model import household_measures, naocl_to_available_chlorine

# facts §6.4: target per 1 litre → ml of 5.25 % NaOCl (52,500 ppm) and of 5.0 % av. chlorine
TABLE_6_4 = [(50, 0.95, 1.0), (100, 1.90, 2.0), (200, 3.81, 4.0), (500, 9.52, 10.0)]


@pytest.mark.parametrize(("ppm", "ml_naocl", "ml_avcl"), TABLE_6_4)
def test_dilution_table_of_facts_6_4(ppm: int, ml_naocl: float, ml_avcl: float) -> None:
    assert round(bleach_volume_ml(ppm, 1000, 5.25, basis="naocl"), 2) == ml_naocl
    assert round(bleach_volume_ml(ppm, 1000, 5.0, basis="available_chlorine"), 2) == ml_avcl


def test_checks_of_facts_6_4() -> None:
    # 1 tablespoon (15 ml) of 5.25 % in 1 US gallon → 208 ppm; 1 teaspoon in 1 litre → 262.5 ppm
    assert round(ppm_from_dilution(15, 3785, 5.25, basis="naocl")) == 208
    assert ppm_from_dilution(5, 1000, 5.25, basis="naocl") == pytest.approx(262.5)
    # 0.5 % from 5 % stock = 1 part bleach + 9 parts water
    assert bleach_volume_ml(5000, 1000, 5.0) == pytest.approx(100.0)


@pytest.mark.parametrize("ppm", [25, 50, 100, 200, 333.3])
def test_inverse_round_trip(ppm: float) -> None:
    ml = bleach_volume_ml(ppm, 2500, 5.25, basis="naocl")
    assert ppm_from_dilution(ml, 2500, 5.25, basis="naocl") == pytest.approx(ppm)


def test_naocl_to_available_chlorine() -> None:
    assert naocl_to_available_chlorine(5.25) == pytest.approx(5.0, abs=0.01)


@pytest.mark.parametrize(
    ("args", "key"),
    [
        ((-50, 1000, 5.25), "hygiene.tools.error.ppm"),
        ((0, 1000, 5.25), "hygiene.tools.error.ppm"),
        ((50, 1000, 0), "hygiene.tools.error.stock"),
        ((50, 1000, -1), "hygiene.tools.error.stock"),
        ((50, 1000, 100.5), "hygiene.tools.error.stock"),
        ((50, 0, 5.25), "hygiene.tools.error.volume"),
        ((60000, 1000, 5.25), "hygiene.tools.error.stronger_than_stock"),
    ],
)
def test_impossible_input_raises_translated_value_error(args: tuple, key: str) -> None:
    with pytest.raises(HygieneError) as info:
        bleach_volume_ml(*args)
    assert isinstance(info.value, ValueError)
    assert info.value.key == key
    assert info.value.message("en") != info.value.message("id")
    assert key not in str(info.value)  # a real sentence, not the bare key


def test_unknown_basis_and_bad_inverse() -> None:
    with pytest.raises(HygieneError):
        bleach_volume_ml(50, 1000, 5.25, basis="chlorine")
    with pytest.raises(HygieneError):
        ppm_from_dilution(-1, 1000, 5.25)
    with pytest.raises(HygieneError):
        ppm_from_dilution(2000, 1000, 5.25)


def test_stock_of_exactly_100_percent_is_allowed() -> None:
    assert bleach_volume_ml(100, 1000, 100) == pytest.approx(0.1)


def test_warning_above_200_ppm_only() -> None:
    keys = lambda plan: {n.key for n in plan.notices}  # noqa: E731
    assert "notice.above_no_rinse" in keys(plan_dilution(250, 1000, 5.0))
    assert "notice.above_no_rinse" not in keys(plan_dilution(200, 1000, 5.0))
    # 205 ppm NaOCl is only ~195 ppm available chlorine: no warning
    assert "notice.above_no_rinse" not in keys(plan_dilution(205, 1000, 5.25, basis="naocl"))
    assert "notice.below_fda_min" in keys(plan_dilution(10, 1000, 5.0))
    warn = next(
        n for n in plan_dilution(250, 1000, 5.0).notices if n.key == "notice.above_no_rinse"
    )
    assert warn.status == "reference"
    assert "FDA" in warn.message("en") and "250" in warn.message("en")


def test_plan_has_water_and_household_measures() -> None:
    plan = plan_dilution(200, 1000, 5.0)
    assert plan.bleach_ml == pytest.approx(4.0)
    assert plan.water_ml == pytest.approx(996.0)
    by_key = {m.key: m for m in plan.measures}
    assert by_key["teaspoon"].ml == 5 and by_key["tablespoon"].ml == 15
    assert by_key["teaspoon"].count == 0.75  # 4 ml ≈ ¾ teaspoon
    assert by_key["bottle_cap"].count is None  # caps differ: unknown without a measurement
    assert {m.key for m in household_measures(10, bottle_cap_ml=5)} >= {"bottle_cap"}
    cap = next(m for m in household_measures(10, bottle_cap_ml=5) if m.key == "bottle_cap")
    assert cap.count == 2.0
