"""Reaction kinetics of quality loss: per-temperature rate constants (zero and first order).

Zero order regresses the quality value on days, first order its natural log; the rate
constant ``k`` is the size of the slope and its sign gives the direction (quality rising,
e.g. moisture or peroxide value, or falling, e.g. sensory score). Formulas: facts.md §5.2.
"""

from __future__ import annotations

import dataclasses
import math
from typing import TYPE_CHECKING, Any

from toolkit.shelflife.model.errors import ShelfLifeError
from toolkit.shelflife.model.table import MIN_POINTS_PER_TEMP, _num, clean_table

if TYPE_CHECKING:
    import pandas as pd

ORDERS: tuple[int, ...] = (0, 1)
DIRECTIONS: tuple[str, ...] = ("increasing", "decreasing")


def normalize_order(order: Any) -> int:
    """``0``/``"zero"``/``"nol"`` → 0 and ``1``/``"first"``/``"satu"`` → 1.

    Raises:
        ShelfLifeError: any other value.
    """
    text = str(order).strip().lower()
    if text in {"0", "zero", "nol", "orde 0", "0.0"}:
        return 0
    if text in {"1", "first", "satu", "orde 1", "1.0"}:
        return 1
    raise ShelfLifeError("shelflife.error.bad_order", order=str(order)[:20])


def normalize_direction(direction: Any) -> str | None:
    """``"increasing"``/``"naik"`` or ``"decreasing"``/``"turun"``; None means detect.

    Raises:
        ShelfLifeError: any other value.
    """
    if direction is None:
        return None
    text = str(direction).strip().lower()
    if text in {"increasing", "naik", "up", "+"}:
        return "increasing"
    if text in {"decreasing", "turun", "down", "-"}:
        return "decreasing"
    raise ShelfLifeError("shelflife.error.bad_direction", direction=str(direction)[:20])


@dataclasses.dataclass(frozen=True)
class Line:
    """A least-squares straight line ``y = intercept + slope·x`` with its statistics."""

    slope: float
    intercept: float
    r2: float
    n: int
    x_mean: float
    sxx: float
    sse: float

    @property
    def dof(self) -> int:
        """Residual degrees of freedom (n − 2)."""
        return self.n - 2

    @property
    def s(self) -> float:
        """Residual standard deviation (NaN with fewer than 3 points)."""
        return math.sqrt(self.sse / self.dof) if self.dof > 0 else math.nan


def fit_line(x: Any, y: Any) -> Line:
    """Ordinary least squares of ``y`` on ``x`` (at least 2 points, ``x`` not all equal)."""
    import numpy as np

    xa = np.asarray(x, dtype=float)
    ya = np.asarray(y, dtype=float)
    n = int(xa.size)
    xm = float(xa.mean())
    ym = float(ya.mean())
    dx = xa - xm
    dy = ya - ym
    sxx = float(dx @ dx)
    syy = float(dy @ dy)
    slope = float(dx @ dy) / sxx
    intercept = ym - slope * xm
    resid = ya - (intercept + slope * xa)
    sse = float(resid @ resid)
    r2 = 1.0 - sse / syy if syy > 0 else 1.0
    return Line(slope, intercept, max(min(r2, 1.0), 0.0), n, xm, sxx, sse)


@dataclasses.dataclass(frozen=True)
class Kinetics:
    """Per-temperature rate constants of one reaction order.

    Attributes:
        order: 0 or 1.
        direction: ``"increasing"`` or ``"decreasing"`` quality.
        rates: DataFrame with ``temp_c``, ``k`` (per day; % per day or unit per day for
            zero order), ``r2``, ``intercept`` (fitted value or ln value at day 0), ``n``.
        data: The validated measurements (``temp_c``, ``day``, ``value``, ``row``).
    """

    order: int
    direction: str
    rates: pd.DataFrame
    data: pd.DataFrame
    lines: tuple[Line, ...] = dataclasses.field(repr=False, default=())

    @property
    def mean_r2(self) -> float:
        """The mean R² over temperatures (the order with the higher one is chosen)."""
        return float(self.rates["r2"].mean())

    def predict(self, temp_c: float, day: Any) -> Any:
        """Fitted quality value at a tested temperature for the given day(s)."""
        import numpy as np

        temps = list(self.rates["temp_c"])
        line = self.lines[temps.index(temp_c)]
        y = line.intercept + line.slope * np.asarray(day, dtype=float)
        return np.exp(y) if self.order == 1 else y


def fit_kinetics(data: Any, order: Any = 0, direction: Any = None) -> Kinetics:
    """Rate constants per temperature from a table with ``temp_c``, ``day``, ``value``.

    Args:
        data: The measurements (DataFrame, mapping of columns, list of rows or CSV text).
        order: 0 (``A = A0 ± k·t``) or 1 (``ln A = ln A0 ± k·t``).
        direction: ``"increasing"``/``"decreasing"``, or None to detect it from the slopes.

    Returns:
        The rate constants with their R² (``Kinetics.rates``).

    Raises:
        ShelfLifeError: bad cells (see ``clean_table``), fewer than 3 points or only one day
            at a temperature, a quality that does not change, values ≤ 0 for first order,
            slopes of mixed or wrong sign, or a zero rate.
    """
    import numpy as np
    import pandas as pd

    order = normalize_order(order)
    direction = normalize_direction(direction)
    table = clean_table(data) if not _is_clean(data) else data
    temp_a = table["temp_c"].to_numpy(dtype=float)
    day_a = table["day"].to_numpy(dtype=float)
    value_a = table["value"].to_numpy(dtype=float)
    if order == 1:
        bad = np.flatnonzero(value_a <= 0)
        if bad.size:
            raise ShelfLifeError(
                "shelflife.error.first_order_nonpositive",
                row=int(table["row"].iloc[bad[0]]),
                value=_num(float(value_a[bad[0]])),
            )
    temps = sorted(set(temp_a.tolist()))
    lines: list[Line] = []
    for temp in temps:
        mask = temp_a == temp
        days = day_a[mask]
        values = value_a[mask]
        if days.size < MIN_POINTS_PER_TEMP:
            raise ShelfLifeError(
                "shelflife.error.too_few_points",
                temp=_num(temp),
                found=int(days.size),
                need=MIN_POINTS_PER_TEMP,
            )
        if np.all(values == values[0]):
            raise ShelfLifeError("shelflife.error.no_change", temp=_num(temp))
        if np.all(days == days[0]):
            raise ShelfLifeError("shelflife.error.one_day", temp=_num(temp))
        lines.append(fit_line(days, np.log(values) if order == 1 else values))
    slopes = [ln.slope for ln in lines]
    for temp, slope in zip(temps, slopes, strict=True):
        if slope == 0 or abs(slope) < 1e-12:
            raise ShelfLifeError("shelflife.error.zero_rate", temp=_num(temp))
    if direction is None:
        ups = sum(1 for s in slopes if s > 0)
        downs = len(slopes) - ups
        if ups == downs:
            raise ShelfLifeError("shelflife.error.mixed_direction")
        direction = "increasing" if ups > downs else "decreasing"
    sign = 1.0 if direction == "increasing" else -1.0
    for temp, slope in zip(temps, slopes, strict=True):
        if slope * sign < 0:
            raise ShelfLifeError(f"shelflife.error.wrong_sign_{direction}", temp=_num(temp))
    rates = pd.DataFrame(
        {
            "temp_c": [float(t) for t in temps],
            "k": [abs(s) for s in slopes],
            "r2": [ln.r2 for ln in lines],
            "intercept": [ln.intercept for ln in lines],
            "n": [ln.n for ln in lines],
        }
    )
    return Kinetics(order, direction, rates, table, tuple(lines))


def _is_clean(data: Any) -> bool:
    try:
        import pandas as pd
    except ImportError:  # pragma: no cover
        return False
    return isinstance(data, pd.DataFrame) and list(data.columns) == [
        "temp_c",
        "day",
        "value",
        "row",
    ]


def kinetic_shelf_life(k: float, initial: float, limit: float, order: Any = 0) -> float:
    """Days for the quality to go from ``initial`` to ``limit`` at rate ``k`` (facts.md §5.2).

    The direction follows from ``limit`` versus ``initial`` (above: rising quality
    parameter, below: falling).

    Args:
        k: Rate constant per day (> 0).
        initial: Quality at day 0 (A0).
        limit: The critical limit (As).
        order: 0 or 1.

    Returns:
        Shelf life in days.

    Raises:
        ShelfLifeError: k ≤ 0, initial equal to the limit, or values ≤ 0 for first order.
    """
    order = normalize_order(order)
    _check_finite(k=k, initial=initial, limit=limit)
    if k <= 0:
        raise ShelfLifeError("shelflife.error.k_not_positive", k=_num(k))
    if initial == limit:
        raise ShelfLifeError(
            "shelflife.error.limit_at_start", initial=_num(initial), limit=_num(limit)
        )
    if order == 0:
        return abs(limit - initial) / k
    if initial <= 0 or limit <= 0:
        raise ShelfLifeError("shelflife.error.first_order_limits")
    return abs(math.log(limit / initial)) / k


def _check_finite(**values: Any) -> None:
    for name, value in values.items():
        try:
            x = float(value)
        except (TypeError, ValueError):
            raise ShelfLifeError("shelflife.error.param_not_number", name=name) from None
        if not math.isfinite(x):
            raise ShelfLifeError("shelflife.error.param_not_number", name=name)
