"""Behaviour of the calculators beyond the worked examples: orders, dates, Labuza, Q10."""

from __future__ import annotations

import datetime as dt
import math
import subprocess
import sys

import numpy as np
import pytest

from tests.conftest import ROOT
from tests.shelflife.conftest import linear_table
from toolkit.shelflife import (
    best_before,
    fit_arrhenius,
    fit_kinetics,
    isotherm_slope,
    labuza_shelf_life,
    q10_shelf_life,
    saturated_vapour_pressure_mmhg,
    shelf_life_days,
)


def _first_order_rows(rates: dict[float, float], a0: float, days: list[float]) -> list[dict]:
    return [
        {"temp_c": t, "day": d, "value": a0 * math.exp(-k * d)}
        for t, k in rates.items()
        for d in days
    ]


def test_first_order_data_choose_first_order() -> None:
    rows = _first_order_rows({25.0: 0.010, 35.0: 0.022, 45.0: 0.047}, 8.0, [0, 10, 20, 30, 40, 50])
    fit = fit_arrhenius(rows)
    assert fit.order == 1
    assert fit.direction == "decreasing"
    assert set(fit.order_r2) == {0, 1}
    assert fit.order_r2[1] == pytest.approx(1.0)
    assert fit.order_r2[0] < 1.0
    assert list(fit.rates["k"]) == pytest.approx([0.010, 0.022, 0.047])
    life = shelf_life_days(fit, 30, 8.0, 5.0)
    assert life.days == pytest.approx(math.log(8 / 5) / fit.k_at(30))


def test_order_given_is_kept() -> None:
    rows = _first_order_rows({25.0: 0.010, 35.0: 0.022, 45.0: 0.047}, 8.0, [0, 10, 20, 30, 40, 50])
    fit = fit_arrhenius(rows, order="zero")
    assert fit.order == 0 and set(fit.order_r2) == {0}


def test_detected_direction_can_be_given() -> None:
    rows = linear_table({25.0: 0.02, 35.0: 0.045, 45.0: 0.095}, 3.0, [0, 7, 14])
    assert fit_kinetics(rows, 0, "naik").direction == "increasing"


def test_interval_widens_away_from_tested_temperatures() -> None:
    rng = np.random.default_rng(4)
    rows = [
        {"temp_c": r["temp_c"], "day": r["day"], "value": r["value"] + rng.normal(0, 0.03)}
        for r in linear_table({25.0: 0.02, 35.0: 0.045, 45.0: 0.095}, 3.0, [0, 7, 14, 21, 28, 35])
    ]
    fit = fit_arrhenius(rows, order=0)
    near = shelf_life_days(fit, 35, 3, 6)
    far = shelf_life_days(fit, 5, 3, 6)
    assert far.high / far.low > near.high / near.low > 1
    keys = [k for k, _ in far.reasons]
    assert "shelflife.explain.extrapolation" in keys
    assert "shelflife.explain.extrapolation" not in [k for k, _ in near.reasons]
    assert any("12.71" in s for s in near.explain("en"))


def test_implied_q10_matches_rate_ratio() -> None:
    rows = linear_table({25.0: 0.02, 35.0: 0.045, 45.0: 0.095}, 3.0, [0, 7, 14])
    fit = fit_arrhenius(rows)
    assert fit.q10_at(25) == pytest.approx(fit.k_at(35) / fit.k_at(25))
    assert 2.0 < fit.q10_at(25) < 2.4


def test_q10_extrapolation_is_symmetric() -> None:
    there = q10_shelf_life(100, 25, 45, 2.0)
    assert there == pytest.approx(25.0)
    assert q10_shelf_life(there, 45, 25, 2.0) == pytest.approx(100.0)


def test_best_before_three_month_rule_and_margin() -> None:
    made = dt.date(2026, 12, 1)
    short = best_before(made, 90)
    assert short.day_required and short.date == dt.date(2027, 3, 1)
    longer = best_before(made, 91)
    assert not longer.day_required
    with_margin = best_before(made, 100, margin=0.2)
    assert with_margin.days_used == 80
    assert with_margin.date == made + dt.timedelta(days=80)
    # fractional days are cut off, never rounded up
    assert best_before(made, 10.99).days_used == 10


def test_best_before_month_year_never_overstates() -> None:
    made = dt.date(2026, 12, 1)
    bb = best_before(made, 162, month_year=True)  # computed date 12 May 2027
    assert bb.date == dt.date(2027, 5, 12)
    assert bb.text == "Baik digunakan sebelum April 2027"
    assert best_before("01-12-2026", 162, "en", month_year=True).text == "Best before April 2027"


def test_isotherm_slope_and_labuza_with_sorption_data() -> None:
    aw = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.8]
    moisture = [0.01 + 0.25 * a for a in aw[:-1]] + [0.40]  # last point off the linear part
    fit = isotherm_slope({"aw": aw, "moisture": moisture}, aw_max=0.7)
    assert fit.b == pytest.approx(0.25)
    assert fit.n == 6
    assert fit.moisture_at(0.5) == pytest.approx(0.135)
    rows = [{"aw": a, "moisture": m} for a, m in zip(aw[:-1], moisture[:-1], strict=True)]
    with_data = labuza_shelf_life(0.12, 0.03, 0.06, 0.11, 0.03, 97, 31.82, rows)
    with_b = labuza_shelf_life(0.12, 0.03, 0.06, 0.11, 0.03, 97, 31.82, 0.25)
    assert with_data == pytest.approx(with_b)
    by_temp = labuza_shelf_life(0.12, 0.03, 0.06, 0.11, 0.03, 97, None, 0.25, temp_c=30)
    assert by_temp == pytest.approx(with_b * 31.82 / saturated_vapour_pressure_mmhg(30))


def test_vapour_pressure_at_boiling_point() -> None:
    assert saturated_vapour_pressure_mmhg(100) == pytest.approx(760.0, rel=2e-3)


def test_import_stays_light() -> None:
    code = (
        "import sys, toolkit.shelflife as s; "
        "assert 'pandas' not in sys.modules and 'scipy' not in sys.modules; "
        "s.best_before; print('ok')"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert out.stdout.strip() == "ok", out.stderr
