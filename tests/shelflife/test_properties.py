"""Property tests: the regressions agree with an independent ``scipy.stats.linregress``."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from scipy import stats

from toolkit.shelflife import (
    ShelfLifeError,
    arrhenius_from_rates,
    fit_kinetics,
    isotherm_slope,
    shelf_life_days,
)

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
finite = st.floats(min_value=-1.0, max_value=1.0, allow_nan=False)


@st.composite
def experiments(draw):
    """A random ASLT table: 2–4 temperatures, 3–7 days each, noisy rising values."""
    n_temps = draw(st.integers(2, 4))
    temps = draw(st.lists(st.integers(-10, 120), min_size=n_temps, max_size=n_temps, unique=True))
    days = sorted(draw(st.lists(st.integers(0, 120), min_size=3, max_size=7, unique=True)))
    rows = []
    for temp in temps:
        k = draw(st.floats(0.01, 2.0))
        a0 = draw(st.floats(1.0, 50.0))
        noise = draw(st.lists(finite, min_size=len(days), max_size=len(days)))
        rows += [
            {"temp_c": float(temp), "day": float(d), "value": a0 + k * d + 0.05 * e}
            for d, e in zip(days, noise, strict=True)
        ]
    return rows


@SETTINGS
@given(experiments())
def test_rates_agree_with_linregress(rows) -> None:
    try:
        kin = fit_kinetics(rows, order=0)
    except ShelfLifeError:
        assume(False)
    assert len(kin.rates) == len({r["temp_c"] for r in rows})
    for _, rate in kin.rates.iterrows():
        part = [r for r in rows if r["temp_c"] == rate["temp_c"]]
        ref = stats.linregress([r["day"] for r in part], [r["value"] for r in part])
        sign = 1 if kin.direction == "increasing" else -1
        assert sign * rate["k"] == pytest.approx(ref.slope, rel=1e-9, abs=1e-12)
        assert rate["intercept"] == pytest.approx(ref.intercept, rel=1e-9, abs=1e-9)
        assert rate["r2"] == pytest.approx(ref.rvalue**2, rel=1e-7, abs=1e-9)


@SETTINGS
@given(experiments())
def test_first_order_rates_agree_with_linregress_on_logs(rows) -> None:
    try:
        kin = fit_kinetics(rows, order=1)
    except ShelfLifeError:
        assume(False)
    for _, rate in kin.rates.iterrows():
        part = [r for r in rows if r["temp_c"] == rate["temp_c"]]
        ref = stats.linregress([r["day"] for r in part], [math.log(r["value"]) for r in part])
        assert rate["k"] == pytest.approx(abs(ref.slope), rel=1e-9, abs=1e-12)
        assert rate["r2"] == pytest.approx(ref.rvalue**2, rel=1e-7, abs=1e-9)


@SETTINGS
@given(
    st.lists(st.integers(0, 100), min_size=3, max_size=6, unique=True),
    st.lists(st.floats(-6.0, 1.0), min_size=6, max_size=6),
    st.sampled_from([273.15, 273.0]),
    st.integers(0, 60),
)
def test_arrhenius_agrees_with_linregress(temps, ln_ks, offset, storage) -> None:
    ks = [math.exp(v) for v in ln_ks[: len(temps)]]
    assume(np.ptp(np.log(ks)) > 1e-6)  # equal rates: R² is undefined (0/0)
    fit = arrhenius_from_rates(temps, ks, kelvin_offset=offset)
    x = [1 / (t + offset) for t in temps]
    y = [math.log(k) for k in ks]
    ref = stats.linregress(x, y)
    assert fit.slope == pytest.approx(ref.slope, rel=1e-7, abs=1e-6)
    assert fit.ln_k0 == pytest.approx(ref.intercept, rel=1e-7, abs=1e-6)
    assert fit.r2 == pytest.approx(ref.rvalue**2, rel=1e-6, abs=1e-9)
    assert fit.ea_kj_per_mol == pytest.approx(-ref.slope * 8.314 / 1000, rel=1e-7, abs=1e-9)
    # prediction interval of ln k from linregress's standard error of the slope
    n = len(x)
    sxx = float(np.sum((np.asarray(x) - np.mean(x)) ** 2))
    s = ref.stderr * math.sqrt(sxx)
    x0 = 1 / (storage + offset)
    half = stats.t.ppf(0.975, n - 2) * s * math.sqrt(1 + 1 / n + (x0 - np.mean(x)) ** 2 / sxx)
    mid = ref.intercept + ref.slope * x0
    lo, hi = fit.ln_k_interval(storage)
    assert lo == pytest.approx(mid - half, rel=1e-6, abs=1e-6)
    assert hi == pytest.approx(mid + half, rel=1e-6, abs=1e-6)
    assume(abs(mid) + half < 600)  # beyond, days do not fit a float (tested below)
    life = shelf_life_days(fit, storage, 3.0, 6.0)
    assert life.days == pytest.approx(3.0 / math.exp(mid), rel=1e-6)
    assert life.low == pytest.approx(3.0 / math.exp(mid + half), rel=1e-6)
    assert life.high == pytest.approx(3.0 / math.exp(mid - half), rel=1e-6)


@SETTINGS
@given(
    st.lists(st.floats(0.0, 1.0), min_size=3, max_size=10, unique=True),
    st.floats(0.05, 1.0),
    st.lists(finite, min_size=10, max_size=10),
)
def test_isotherm_slope_agrees_with_linregress(aw, b, noise) -> None:
    assume(max(aw) - min(aw) > 0.05)
    moisture = [0.02 + b * a + 0.005 * e for a, e in zip(aw, noise, strict=False)]
    ref = stats.linregress(aw, moisture)
    assume(ref.slope > 0)
    fit = isotherm_slope({"aw": aw, "moisture": moisture})
    assert fit.b == pytest.approx(ref.slope, rel=1e-9, abs=1e-12)
    assert fit.intercept == pytest.approx(ref.intercept, rel=1e-9, abs=1e-12)


def test_extreme_interval_is_unbounded_not_a_crash() -> None:
    """Found by hypothesis: three close temperatures, extrapolated to 0 °C, overflowed."""
    fit = arrhenius_from_rates([29, 30, 31], [1.0, math.exp(-3.0), 1.0])
    life = shelf_life_days(fit, 0, 3.0, 6.0)
    assert life.low is not None and life.low >= 0
    assert life.high == math.inf
