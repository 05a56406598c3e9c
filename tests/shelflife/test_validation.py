"""Every validation case of issue 4: a ShelfLifeError with its message in id and en."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.shelflife.conftest import linear_table
from toolkit.errors import ToolkitError
from toolkit.i18n import has
from toolkit.shelflife import (
    ShelfLifeError,
    arrhenius_from_rates,
    best_before,
    clean_table,
    fit_arrhenius,
    fit_kinetics,
    isotherm_slope,
    labuza_shelf_life,
    q10_from_rates,
    q10_shelf_life,
    read_table,
    saturated_vapour_pressure_mmhg,
    shelf_life_days,
)

DAYS = [0, 7, 14, 21]


def _csv(rows: list[dict]) -> str:
    return "temp_c,day,value\n" + "\n".join(f"{r['temp_c']},{r['day']},{r['value']}" for r in rows)


def _raises(key: str, func, *args, **kwargs) -> ShelfLifeError:
    with pytest.raises(ShelfLifeError) as info:
        func(*args, **kwargs)
    err = info.value
    assert err.key == key, (err.key, str(err))
    assert isinstance(err, ToolkitError) and isinstance(err, ValueError)
    assert has(key, "id") and has(key, "en")
    # both languages are real sentences with the parameters filled in
    assert "{" not in str(err) and "{" not in err.message("en")
    assert str(err) != err.message("en")
    return err


def test_one_temperature_makes_arrhenius_impossible() -> None:
    rows = linear_table({30.0: 0.05}, 3.0, DAYS)
    err = _raises("shelflife.error.too_few_temps", fit_arrhenius, rows)
    assert "1" in str(err) and "Arrhenius" in err.message("en")


def test_two_temperatures_warn_and_give_no_interval() -> None:
    rows = linear_table({30.0: 0.05, 40.0: 0.11}, 3.0, DAYS)
    fit = fit_arrhenius(rows)
    assert "shelflife.warn.two_temps" in fit.warnings
    life = shelf_life_days(fit, 25, 3.0, 6.0)
    assert life.low is None and life.high is None
    assert life.days > 0
    assert "shelflife.warn.two_temps" in life.warnings
    assert life.explain("en") and "2" in life.explain("en")[0]


def test_fewer_than_three_points_at_a_temperature() -> None:
    rows = linear_table({25.0: 0.02, 35.0: 0.045}, 3.0, DAYS)
    rows += linear_table({45.0: 0.095}, 3.0, [0, 7])
    err = _raises("shelflife.error.too_few_points", fit_arrhenius, rows)
    assert "45" in str(err) and "2" in err.message("en")


@pytest.mark.parametrize(
    ("cell", "key"), [("abc", "shelflife.error.not_number"), ("", "shelflife.error.empty_cell")]
)
def test_non_numeric_cell_names_row_and_column(cell: str, key: str) -> None:
    rows = linear_table({25.0: 0.02, 35.0: 0.045, 45.0: 0.095}, 3.0, DAYS)
    text = _csv(rows).splitlines()
    parts = text[5].split(",")  # the 5th data line is spreadsheet row 6
    parts[2] = cell
    text[5] = ",".join(parts)
    err = _raises(key, fit_arrhenius, read_table("\n".join(text)))
    assert "Baris 6" in str(err) and '"value"' in str(err)
    assert "Row 6" in err.message("en")


def test_decimal_commas_are_numbers() -> None:
    table = clean_table(read_table("suhu;hari;nilai\n25;0;3,0\n25;7;3,14\n"))
    assert list(table["value"]) == [3.0, 3.14]


@pytest.mark.parametrize("temp", [-60.0, 151.0])
def test_temperature_outside_range(temp: float) -> None:
    rows = linear_table({25.0: 0.02, temp: 0.05}, 3.0, DAYS)
    err = _raises("shelflife.error.temp_range", fit_arrhenius, rows)
    assert f"{temp:g}" in str(err) and "Baris 6" in str(err)


@pytest.mark.parametrize(
    ("func", "args"),
    [
        (q10_shelf_life, (30, 200, 25, 2)),
        (q10_from_rates, (25, 0.02, -55, 0.01)),
        (arrhenius_from_rates, ([25, 35, 160], [0.1, 0.2, 0.3])),
    ],
)
def test_temperature_outside_range_in_calculators(func, args) -> None:
    _raises("shelflife.error.temp_out_of_range", func, *args)


def test_storage_temperature_outside_range(example_a_rows) -> None:
    fit = fit_arrhenius(example_a_rows)
    _raises("shelflife.error.temp_out_of_range", shelf_life_days, fit, 200, 3.0, 6.0)


@pytest.mark.parametrize(("initial", "limit"), [(6.0, 6.0), (7.0, 6.0)])
def test_limit_already_crossed_rising(example_a_rows, initial: float, limit: float) -> None:
    fit = fit_arrhenius(example_a_rows)
    err = _raises(
        "shelflife.error.limit_crossed_increasing", shelf_life_days, fit, 30, initial, limit
    )
    assert f"{limit:g}" in str(err)


def test_limit_already_crossed_falling() -> None:
    rows = linear_table({25.0: 0.02, 35.0: 0.045, 45.0: 0.095}, 8.0, DAYS, sign=-1.0)
    fit = fit_arrhenius(rows)
    assert fit.direction == "decreasing"
    _raises("shelflife.error.limit_crossed_decreasing", shelf_life_days, fit, 30, 8.0, 9.0)


def test_rate_with_the_wrong_sign() -> None:
    rows = linear_table({25.0: 0.02, 35.0: 0.045}, 3.0, DAYS)
    rows += linear_table({45.0: 0.095}, 3.0, DAYS, sign=-1.0)
    err = _raises("shelflife.error.wrong_sign_increasing", fit_arrhenius, rows)
    assert "45" in str(err)


def test_rate_with_the_wrong_sign_for_a_given_direction() -> None:
    rows = linear_table({25.0: 0.02, 35.0: 0.045, 45.0: 0.095}, 3.0, DAYS)
    _raises("shelflife.error.wrong_sign_decreasing", fit_kinetics, rows, 0, "decreasing")


def test_zero_rate() -> None:
    rows = linear_table({25.0: 0.02, 45.0: 0.095}, 3.0, DAYS)
    # values change but the fitted slope is zero (a symmetric V)
    rows += [
        {"temp_c": 35.0, "day": d, "value": v}
        for d, v in zip(DAYS, [3.2, 3.0, 3.0, 3.2], strict=True)
    ]
    err = _raises("shelflife.error.zero_rate", fit_arrhenius, rows)
    assert "35" in str(err)


def test_zero_rate_in_known_rates() -> None:
    _raises("shelflife.error.k_not_positive_at", arrhenius_from_rates, [25, 35], [0.0, 0.1])


def test_quality_that_does_not_change() -> None:
    rows = linear_table({25.0: 0.0, 35.0: 0.045, 45.0: 0.095}, 3.0, DAYS)
    err = _raises("shelflife.error.no_change", fit_arrhenius, rows)
    assert "25" in str(err)


def test_duplicate_rows() -> None:
    rows = linear_table({25.0: 0.02, 35.0: 0.045, 45.0: 0.095}, 3.0, DAYS)
    rows.append(dict(rows[1]))
    err = _raises("shelflife.error.duplicate_row", fit_arrhenius, rows)
    assert "Baris 14" in str(err) and "3" in str(err)


def test_mixed_direction_with_two_temperatures() -> None:
    rows = linear_table({25.0: 0.02}, 3.0, DAYS) + linear_table({35.0: 0.045}, 3.0, DAYS, -1.0)
    _raises("shelflife.error.mixed_direction", fit_arrhenius, rows)


def test_missing_column_and_empty_and_unreadable() -> None:
    err = _raises("shelflife.error.missing_column", fit_arrhenius, "temp_c,hari\n25,0\n")
    assert '"value"' in str(err)
    _raises("shelflife.error.empty_table", read_table, "   ")
    _raises("shelflife.error.unreadable", read_table, b"\x00\x01 not excel", "x.xlsx")
    _raises("shelflife.error.too_large", read_table, "x" * 2_000_000)


def test_first_order_needs_positive_values() -> None:
    rows = linear_table({25.0: 0.2, 35.0: 0.45, 45.0: 0.95}, 0.0, DAYS)
    err = _raises("shelflife.error.first_order_nonpositive", fit_kinetics, rows, 1)
    assert "Baris 2" in str(err)
    # with the order left open, zero order is still fitted
    assert fit_arrhenius(rows).order_r2.keys() == {0}


def test_bad_options() -> None:
    rows = linear_table({25.0: 0.02, 35.0: 0.045, 45.0: 0.095}, 3.0, DAYS)
    _raises("shelflife.error.bad_order", fit_arrhenius, rows, order=2)
    _raises("shelflife.error.bad_direction", fit_kinetics, rows, 0, "sideways")
    _raises("shelflife.error.kelvin_offset", fit_arrhenius, rows, kelvin_offset=0)
    _raises(
        "shelflife.error.negative_day",
        fit_arrhenius,
        [*rows, {"temp_c": 25, "day": -1, "value": 3}],
    )


def test_q10_and_labuza_parameters() -> None:
    _raises("shelflife.error.q10_not_positive", q10_shelf_life, 30, 45, 25, 0)
    _raises("shelflife.error.days_not_positive", q10_shelf_life, -3, 45, 25, 2)
    _raises("shelflife.error.same_temps", q10_from_rates, 30, 0.1, 30, 0.2)
    _raises("shelflife.error.param_not_number", q10_shelf_life, "tiga", 45, 25, 2)
    args = {
        "me": 0.12,
        "mi": 0.03,
        "mc": 0.06,
        "permeance": 0.11,
        "area_m2": 0.03,
        "solids_g": 97,
        "p0_mmhg": 31.82,
        "b": 0.25,
    }
    _raises("shelflife.error.moisture_order", labuza_shelf_life, **{**args, "mc": 0.2})
    err = _raises("shelflife.error.param_not_positive", labuza_shelf_life, **{**args, "area_m2": 0})
    assert "area_m2" in str(err)
    _raises("shelflife.error.p0_missing", labuza_shelf_life, **{**args, "p0_mmhg": None})
    _raises("shelflife.error.vapour_temp", saturated_vapour_pressure_mmhg, 120)
    _raises(
        "shelflife.error.isotherm_points",
        isotherm_slope,
        {"aw": [0.1, 0.2], "moisture": [0.01, 0.02]},
    )
    _raises(
        "shelflife.error.aw_range",
        isotherm_slope,
        {"aw": [0.1, 1.2, 0.3], "moisture": [0.01, 0.02, 0.03]},
    )


def test_best_before_validation() -> None:
    _raises("shelflife.error.bad_date", best_before, "31-02-2027", 30)
    _raises("shelflife.error.days_not_positive", best_before, dt.date(2027, 1, 1), 0)
    _raises("shelflife.error.bad_margin", best_before, dt.date(2027, 1, 1), 30, margin=1.5)
    _raises("shelflife.error.day_required", best_before, dt.date(2027, 1, 1), 80, month_year=True)


def test_every_error_key_built_at_run_time_exists() -> None:
    for direction in ("increasing", "decreasing"):
        for stem in ("limit_crossed", "wrong_sign"):
            key = f"shelflife.error.{stem}_{direction}"
            assert has(key, "id") and has(key, "en"), key
