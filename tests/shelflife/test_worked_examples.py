"""facts.md §5.3: every worked example, to the precision stated there."""

from __future__ import annotations

import datetime as dt
import math

import pytest

from toolkit.shelflife import (
    arrhenius_from_rates,
    best_before,
    fit_arrhenius,
    fit_kinetics,
    kinetic_shelf_life,
    labuza_shelf_life,
    q10_from_rates,
    q10_shelf_life,
    saturated_vapour_pressure_mmhg,
    shelf_life_days,
)


def test_example_a_rates_are_recovered_from_measurements(example_a_rows) -> None:
    kin = fit_kinetics(example_a_rows, order=0)
    assert kin.direction == "increasing"
    assert list(kin.rates["temp_c"]) == [25.0, 35.0, 45.0]
    assert list(kin.rates["k"]) == pytest.approx([0.020, 0.045, 0.095], rel=1e-9)
    assert list(kin.rates["r2"]) == pytest.approx([1.0, 1.0, 1.0])


def test_example_a_arrhenius_regression(example_a_rows) -> None:
    fit = fit_arrhenius(example_a_rows)
    assert fit.order == 0  # exact zero-order data: R² 1 beats first order
    assert fit.order_r2[0] > fit.order_r2[1]
    assert fit.slope == pytest.approx(-7390.68, abs=0.01)
    assert fit.ln_k0 == pytest.approx(20.8785, abs=1e-4)
    assert round(fit.r2, 5) == 0.99998
    assert round(fit.ea_cal_per_mol) == 14678
    assert round(fit.ea_kj_per_mol, 1) == 61.4
    assert fit.k_at(30) == pytest.approx(0.030166, abs=5e-7)
    assert fit.k_at(25) == pytest.approx(0.020042, abs=5e-7)
    assert list(fit.rates.columns) == ["temp_c", "k", "r2"]


def test_example_a_shelf_life(example_a_rows) -> None:
    fit = fit_arrhenius(example_a_rows)
    life = shelf_life_days(fit, 30, initial=3.0, limit=6.0)
    assert round(life.days, 1) == 99.5
    assert round(life.months, 1) == 3.3
    assert life.low < life.days < life.high
    at_25 = shelf_life_days(fit, 25, 3.0, 6.0)
    assert round(at_25.days, 1) == 149.7


def test_example_a_from_rates_alone() -> None:
    fit = arrhenius_from_rates([25, 35, 45], [0.020, 0.045, 0.095])
    assert fit.slope == pytest.approx(-7390.68, abs=0.01)
    assert (6.0 - 3.0) / fit.k_at(30) == pytest.approx(99.45, abs=0.01)


def test_example_a_q10() -> None:
    assert round(q10_from_rates(25, 0.020, 35, 0.045), 2) == 2.25
    assert round(q10_from_rates(35, 0.045, 45, 0.095), 2) == 2.11


def test_plus_273_convention_differs_slightly(example_a_rows) -> None:
    exact = fit_arrhenius(example_a_rows)
    rounded = fit_arrhenius(example_a_rows, kelvin_offset=273)
    assert rounded.kelvin_offset == 273.0
    assert rounded.slope != exact.slope
    # "small difference": under 0.5 % in Ea and in k at 30 °C
    assert rounded.ea_kj_per_mol == pytest.approx(exact.ea_kj_per_mol, rel=5e-3)
    assert rounded.k_at(30) == pytest.approx(exact.k_at(30), rel=5e-3)
    manual = math.exp(rounded.ln_k0 + rounded.slope / 303.0)
    assert rounded.k_at(30) == pytest.approx(manual, rel=1e-12)


def test_example_b_q10_extrapolation() -> None:
    assert round(q10_shelf_life(32, 45, 25, 2.1), 1) == 141.1


def test_example_c_first_order() -> None:
    assert round(kinetic_shelf_life(0.0150, 8.0, 5.0, order=1), 1) == 31.3


@pytest.mark.parametrize(("permeance", "expected"), [(0.11, 93.6), (0.02, 515.0)])
def test_example_d_labuza(permeance: float, expected: float) -> None:
    days = labuza_shelf_life(0.12, 0.03, 0.06, permeance, 0.03, 97, 31.82, 0.25)
    assert round(days, 1) == expected


@pytest.mark.parametrize(("temp", "table_value"), [(25, 23.76), (30, 31.82)])
def test_saturated_vapour_pressure_matches_steam_tables(temp: float, table_value: float) -> None:
    assert saturated_vapour_pressure_mmhg(temp) == pytest.approx(table_value, rel=2e-3)


def test_best_before_text_of_the_issue() -> None:
    made = dt.date(2027, 5, 12) - dt.timedelta(days=150)
    bb = best_before(made, 150.4)
    assert bb.date == dt.date(2027, 5, 12)
    assert bb.text == "Baik digunakan sebelum 12 Mei 2027"
    assert best_before(made, 150.4, "en").text == "Best before 12 May 2027"
