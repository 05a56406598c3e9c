"""Arrhenius extrapolation of rate constants and the shelf life with its 95 % interval.

``ln k = ln k0 − (Ea/R)·(1/T)`` is fitted to the per-temperature rates; the shelf life at the
storage temperature uses the fitted ``k`` and the regression's prediction interval of ``ln k``
(facts.md §5.2). With three temperatures the line has one degree of freedom, so the interval is
honestly wide; with two there is none and a warning says so.
"""

from __future__ import annotations

import dataclasses
import functools
import math
from typing import TYPE_CHECKING, Any

from toolkit.shelflife.model.errors import ShelfLifeError
from toolkit.shelflife.model.kinetics import (
    ORDERS,
    Kinetics,
    Line,
    _check_finite,
    fit_kinetics,
    fit_line,
    kinetic_shelf_life,
    normalize_direction,
    normalize_order,
)
from toolkit.shelflife.model.table import TEMP_MAX_C, TEMP_MIN_C, _num, clean_table

if TYPE_CHECKING:
    import pandas as pd

R_J_PER_MOL_K = 8.314
R_CAL_PER_MOL_K = 1.986
KELVIN_OFFSETS: tuple[float, ...] = (273.15, 273.0)
DAYS_PER_MONTH = 30.4375


def check_temp(temp_c: Any, name: str = "temp_c") -> float:
    """A temperature as float within −50…150 °C.

    Raises:
        ShelfLifeError: not a number or out of range.
    """
    _check_finite(**{name: temp_c})
    temp = float(temp_c)
    if not TEMP_MIN_C <= temp <= TEMP_MAX_C:
        raise ShelfLifeError(
            "shelflife.error.temp_out_of_range",
            temp=_num(temp),
            low=_num(TEMP_MIN_C),
            high=_num(TEMP_MAX_C),
        )
    return temp


@functools.lru_cache(maxsize=64)
def _t_quantile(p: float, dof: int) -> float:
    from scipy import stats

    return float(stats.t.ppf(p, dof))


@dataclasses.dataclass(frozen=True)
class ArrheniusFit:
    """The Arrhenius line through the per-temperature rate constants.

    Attributes:
        order: The kinetic order used (0 or 1).
        direction: ``"increasing"`` or ``"decreasing"``.
        rates: DataFrame with ``temp_c``, ``k``, ``r2`` (one row per temperature).
        slope: −Ea/R in kelvin.
        ln_k0: Intercept of ln k on 1/T.
        r2: R² of the Arrhenius regression.
        kelvin_offset: 273.15 (default) or 273 (the convention of many Indonesian texts).
        order_r2: Mean R² of each order that could be fitted, e.g. ``{0: 0.98, 1: 0.95}``.
        kinetics: The per-temperature fit of the chosen order (for plots).
        warnings: Locale keys of warnings (e.g. only two temperatures).
    """

    order: int
    direction: str
    rates: pd.DataFrame
    slope: float
    ln_k0: float
    r2: float
    kelvin_offset: float
    order_r2: dict[int, float]
    line: Line = dataclasses.field(repr=False)
    kinetics: Kinetics | None = dataclasses.field(repr=False, default=None)
    warnings: tuple[str, ...] = ()

    @property
    def ea_j_per_mol(self) -> float:
        """Activation energy in J/mol (R = 8.314 J/(mol·K))."""
        return -self.slope * R_J_PER_MOL_K

    @property
    def ea_kj_per_mol(self) -> float:
        """Activation energy in kJ/mol."""
        return self.ea_j_per_mol / 1000.0

    @property
    def ea_cal_per_mol(self) -> float:
        """Activation energy in cal/mol (R = 1.986 cal/(mol·K), as Indonesian texts use)."""
        return -self.slope * R_CAL_PER_MOL_K

    @property
    def n_temps(self) -> int:
        """Number of temperatures in the regression."""
        return self.line.n

    def inverse_t(self, temp_c: float) -> float:
        """1/T in K⁻¹ with this fit's kelvin convention."""
        return 1.0 / (float(temp_c) + self.kelvin_offset)

    def ln_k_at(self, temp_c: float) -> float:
        """Fitted ln k at ``temp_c``."""
        temp = check_temp(temp_c)
        return self.ln_k0 + self.slope * self.inverse_t(temp)

    def k_at(self, temp_c: float) -> float:
        """Fitted rate constant at ``temp_c`` (same unit as the rates).

        Raises:
            ShelfLifeError: temperature not a number or outside −50…150 °C.
        """
        return math.exp(self.ln_k_at(temp_c))

    def t_value(self, level: float = 0.95) -> float:
        """Student's t quantile for a two-sided ``level`` interval (NaN with 2 temperatures)."""
        if self.line.dof < 1:
            return math.nan
        return _t_quantile(0.5 + float(level) / 2.0, self.line.dof)

    def ln_k_interval(self, temp_c: float, level: float = 0.95) -> tuple[float, float] | None:
        """Prediction interval of ln k at ``temp_c``; None with only two temperatures."""
        if self.line.dof < 1:
            return None
        x0 = self.inverse_t(check_temp(temp_c))
        ln = self.line
        half = self.t_value(level) * ln.s * math.sqrt(1 + 1 / ln.n + (x0 - ln.x_mean) ** 2 / ln.sxx)
        mid = self.ln_k_at(temp_c)
        return mid - half, mid + half

    def q10_at(self, temp_c: float) -> float:
        """Q10 implied by the fit around ``temp_c``: k(T + 10) / k(T)."""
        temp = check_temp(temp_c)
        return math.exp(self.slope * (self.inverse_t(temp + 10.0) - self.inverse_t(temp)))


def arrhenius_from_rates(
    temp_c: Any,
    k: Any,
    order: Any = 0,
    direction: Any = "increasing",
    kelvin_offset: float = 273.15,
) -> ArrheniusFit:
    """Fit ln k on 1/T from rate constants already known (e.g. from a report).

    Args:
        temp_c: Temperatures in °C.
        k: Rate constants at those temperatures (> 0).
        order: The kinetic order the rates belong to.
        direction: Whether the quality parameter rises or falls.
        kelvin_offset: 273.15 (default) or 273.

    Returns:
        The Arrhenius fit (``rates`` has ``r2`` = NaN: the per-temperature R² is unknown).

    Raises:
        ShelfLifeError: fewer than 2 temperatures, a repeated temperature, k ≤ 0, a
            temperature outside −50…150 °C, or another kelvin offset.
    """
    import pandas as pd

    temps = [check_temp(t) for t in temp_c]
    ks = [float(v) for v in k]
    if len(temps) != len(ks):
        raise ShelfLifeError("shelflife.error.ragged_columns")
    for t, v in zip(temps, ks, strict=True):
        _check_finite(k=v)
        if v <= 0:
            raise ShelfLifeError("shelflife.error.k_not_positive_at", temp=_num(t), k=_num(v))
    rates = pd.DataFrame({"temp_c": temps, "k": ks, "r2": [math.nan] * len(ks)})
    return _fit(
        rates,
        normalize_order(order),
        normalize_direction(direction) or "increasing",
        kelvin_offset,
        {},
        None,
    )


def _fit(
    rates: pd.DataFrame,
    order: int,
    direction: str,
    kelvin_offset: float,
    order_r2: dict[int, float],
    kinetics: Kinetics | None,
) -> ArrheniusFit:
    import numpy as np

    if float(kelvin_offset) not in KELVIN_OFFSETS:
        raise ShelfLifeError("shelflife.error.kelvin_offset", offset=_num(float(kelvin_offset)))
    temps = rates["temp_c"].to_numpy(dtype=float)
    if len(set(temps)) != len(temps):
        raise ShelfLifeError("shelflife.error.repeated_temp")
    if len(temps) < 2:
        raise ShelfLifeError("shelflife.error.too_few_temps", found=len(temps))
    x = 1.0 / (temps + float(kelvin_offset))
    y = np.log(rates["k"].to_numpy(dtype=float))
    line = fit_line(x, y)
    warnings: list[str] = []
    if len(temps) == 2:
        warnings.append("shelflife.warn.two_temps")
    if line.slope >= 0:
        warnings.append("shelflife.warn.ea_not_positive")
    return ArrheniusFit(
        order=order,
        direction=direction,
        rates=rates[["temp_c", "k", "r2"]].reset_index(drop=True),
        slope=line.slope,
        ln_k0=line.intercept,
        r2=line.r2,
        kelvin_offset=float(kelvin_offset),
        order_r2=dict(order_r2),
        line=line,
        kinetics=kinetics,
        warnings=tuple(warnings),
    )


def fit_arrhenius(
    data: Any,
    order: Any = None,
    direction: Any = None,
    kelvin_offset: float = 273.15,
) -> ArrheniusFit:
    """Fit the kinetics at each temperature, then ln k on 1/T.

    Args:
        data: Measurements with ``temp_c``, ``day``, ``value`` (DataFrame, mapping, rows or
            CSV text).
        order: 0 or 1; None fits both and keeps the one with the higher mean R² (both are
            reported in ``order_r2``; a tie keeps zero order).
        direction: ``"increasing"``/``"decreasing"`` or None to detect.
        kelvin_offset: 273.15 (default) or 273, the convention of many Indonesian texts.

    Returns:
        The Arrhenius fit.

    Raises:
        ShelfLifeError: any table problem (see ``fit_kinetics``), fewer than 2 temperatures.
    """
    table = clean_table(data)
    n_temps = table["temp_c"].nunique()
    if n_temps < 2:
        raise ShelfLifeError("shelflife.error.too_few_temps", found=int(n_temps))
    if float(kelvin_offset) not in KELVIN_OFFSETS:
        raise ShelfLifeError("shelflife.error.kelvin_offset", offset=_num(float(kelvin_offset)))
    if order is not None:
        kin = fit_kinetics(table, normalize_order(order), direction)
        order_r2 = {kin.order: kin.mean_r2}
    else:
        fits: dict[int, Kinetics] = {}
        for o in ORDERS:
            try:
                fits[o] = fit_kinetics(table, o, direction)
            except ShelfLifeError:
                if o == 0:
                    raise  # zero order always applies: its error is the table's problem
        order_r2 = {o: f.mean_r2 for o, f in fits.items()}
        best = max(order_r2, key=lambda o: (order_r2[o], -o))
        kin = fits[best]
    return _fit(kin.rates, kin.order, kin.direction, kelvin_offset, order_r2, kin)


@dataclasses.dataclass(frozen=True)
class ShelfLife:
    """Shelf life at one storage temperature.

    Attributes:
        days: Point estimate in days.
        low: Lower end of the 95 % interval (None with two temperatures).
        high: Upper end (None with two temperatures).
        temp_c: Storage temperature.
        k: Fitted rate constant at ``temp_c``.
        reasons: Why the interval is as wide as it is: ``(locale key, params)`` pairs.
        warnings: Locale keys of warnings.
    """

    days: float
    low: float | None
    high: float | None
    temp_c: float = math.nan
    k: float = math.nan
    level: float = 0.95
    reasons: tuple[tuple[str, dict[str, Any]], ...] = ()
    warnings: tuple[str, ...] = ()

    @property
    def months(self) -> float:
        """The point estimate in months (30.44 days)."""
        return self.days / DAYS_PER_MONTH

    def explain(self, lang: str = "id") -> list[str]:
        """The reasons for the interval's width, as sentences in ``lang``."""
        from toolkit.i18n import t

        return [t(key, lang, **params) for key, params in self.reasons]


def shelf_life_days(
    fit: ArrheniusFit,
    temp_c: float,
    initial: float,
    limit: float,
    level: float = 0.95,
) -> ShelfLife:
    """Shelf life at a storage temperature with the 95 % interval from ln k's prediction interval.

    Args:
        fit: An Arrhenius fit (``fit_arrhenius``).
        temp_c: Storage temperature in °C.
        initial: Quality at production (A0).
        limit: Critical limit (As) from SNI, regulation or the sensory panel.
        level: Interval level (default 0.95).

    Returns:
        ``ShelfLife(days, low, high, …)``; ``low``/``high`` are None with two temperatures.

    Raises:
        ShelfLifeError: the limit is already reached or crossed at day 0 (for the fit's
            direction), values ≤ 0 for first order, or a bad temperature.
    """
    temp = check_temp(temp_c)
    _check_finite(initial=initial, limit=limit)
    initial = float(initial)
    limit = float(limit)
    if not 0.5 <= float(level) < 1:
        raise ShelfLifeError("shelflife.error.bad_level")
    crossed = limit <= initial if fit.direction == "increasing" else limit >= initial
    if crossed:
        raise ShelfLifeError(
            f"shelflife.error.limit_crossed_{fit.direction}",
            initial=_num(initial),
            limit=_num(limit),
        )
    k = fit.k_at(temp)
    days = kinetic_shelf_life(k, initial, limit, fit.order)
    interval = fit.ln_k_interval(temp, level)
    reasons: list[tuple[str, dict[str, Any]]] = []
    warnings = list(fit.warnings)
    low = high = None
    if interval is None:
        reasons.append(("shelflife.explain.two_temps", {}))
    else:
        ln_lo, ln_hi = interval
        # A very wide interval (few, close temperatures, far extrapolation) can exceed
        # what a float holds: its upper end is then unbounded, never a crash.
        low = days * _safe_exp(fit.ln_k_at(temp) - ln_hi)
        high = days * _safe_exp(fit.ln_k_at(temp) - ln_lo)
        reasons.append(
            (
                "shelflife.explain.interval",
                {"level": _num(round(level * 100, 1))},
            )
        )
        reasons.append(
            (
                "shelflife.explain.dof",
                {
                    "n": fit.n_temps,
                    "dof": fit.line.dof,
                    "t": f"{fit.t_value(level):.2f}",
                },
            )
        )
        reasons.append(("shelflife.explain.scatter", {"r2": f"{fit.r2:.4f}"}))
    tested = fit.rates["temp_c"]
    lo_t, hi_t = float(tested.min()), float(tested.max())
    if not lo_t <= temp <= hi_t:
        reasons.append(
            (
                "shelflife.explain.extrapolation",
                {"temp": _num(temp), "low": _num(lo_t), "high": _num(hi_t)},
            )
        )
    return ShelfLife(days, low, high, temp, k, float(level), tuple(reasons), tuple(warnings))


def _safe_exp(x: float) -> float:
    """``exp(x)``, or infinity where it overflows."""
    try:
        return math.exp(x)
    except OverflowError:
        return math.inf
