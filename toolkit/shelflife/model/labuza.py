"""Critical moisture content (Labuza) shelf life of dry, hygroscopic products (facts.md §5.2).

``ts = ln[(Me − Mi)/(Me − Mc)] / [(k/x)·(A/Ws)·(Po/b)]``, with the saturated vapour pressure
``Po`` from temperature (IAPWS / Wagner–Pruss equation) and the isotherm slope ``b`` from the
linear part of sorption data.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Mapping
from typing import Any

from toolkit.shelflife.model.errors import ShelfLifeError
from toolkit.shelflife.model.kinetics import _check_finite, fit_line
from toolkit.shelflife.model.table import _num, _to_float

PA_PER_MMHG = 133.322387415
_TC_K = 647.096
_PC_PA = 22.064e6
_A = (-7.85951783, 1.84408259, -11.7866497, 22.6807411, -15.9618719, 1.80122502)
_EXP = (1.0, 1.5, 3.0, 3.5, 4.0, 7.5)


def saturated_vapour_pressure_mmhg(temp_c: float) -> float:
    """Saturated water-vapour pressure over liquid water, in mmHg (0–100 °C).

    Uses the IAPWS saturation-pressure equation of Wagner and Pruss; it agrees with the
    steam-table values of facts.md §5.2 (23.76 mmHg at 25 °C, 31.82 at 30 °C) within 0.2 %.

    Raises:
        ShelfLifeError: not a number or outside 0…100 °C.
    """
    _check_finite(temp_c=temp_c)
    temp = float(temp_c)
    if not 0.0 <= temp <= 100.0:
        raise ShelfLifeError("shelflife.error.vapour_temp", temp=_num(temp))
    t_k = temp + 273.15
    tau = 1.0 - t_k / _TC_K
    s = sum(a * tau**e for a, e in zip(_A, _EXP, strict=True))
    return _PC_PA * math.exp(_TC_K / t_k * s) / PA_PER_MMHG


@dataclasses.dataclass(frozen=True)
class IsothermFit:
    """A straight line through the linear part of a sorption isotherm.

    Attributes:
        b: Slope (g H2O/g solids per unit aw).
        intercept: Moisture at aw = 0 of the line.
        r2: R² of the line.
        n: Points used.
    """

    b: float
    intercept: float
    r2: float
    n: int

    def moisture_at(self, aw: float) -> float:
        """Moisture (dry basis) on the line at water activity ``aw`` (e.g. Me at storage RH)."""
        return self.intercept + self.b * float(aw)


def isotherm_slope(data: Any, aw_min: float = 0.0, aw_max: float = 1.0) -> IsothermFit:
    """Fit ``moisture = intercept + b·aw`` over ``aw_min ≤ aw ≤ aw_max``.

    Args:
        data: Columns ``aw`` and ``moisture`` (g H2O/g solids), as a DataFrame, mapping or
            list of rows.
        aw_min: Lower end of the linear part.
        aw_max: Upper end of the linear part.

    Returns:
        The isotherm line.

    Raises:
        ShelfLifeError: missing columns, non-numeric cells (row and column named), aw outside
            0…1, fewer than 3 points in the range, or a slope ≤ 0.
    """
    if isinstance(data, Mapping):
        cols = {str(k).strip().lower(): list(v) for k, v in data.items()}
        rows = [dict(zip(cols, vals, strict=False)) for vals in zip(*cols.values(), strict=False)]
    elif hasattr(data, "to_dict"):
        rows = [{str(k).strip().lower(): v for k, v in r.items()} for r in data.to_dict("records")]
    else:
        rows = [{str(k).strip().lower(): v for k, v in dict(r).items()} for r in data]
    aws: list[float] = []
    ms: list[float] = []
    for pos, row in enumerate(rows):
        for col in ("aw", "moisture"):
            if col not in row:
                raise ShelfLifeError(
                    "shelflife.error.missing_column", column=col, found=", ".join(row)[:200]
                )
            if _to_float(row[col]) is None:
                raise ShelfLifeError(
                    "shelflife.error.not_number", row=pos + 2, column=col, cell=str(row[col])[:40]
                )
        aw = _to_float(row["aw"])
        m = _to_float(row["moisture"])
        assert aw is not None and m is not None
        if not 0.0 <= aw <= 1.0:
            raise ShelfLifeError("shelflife.error.aw_range", row=pos + 2, aw=_num(aw))
        if aw_min <= aw <= aw_max:
            aws.append(aw)
            ms.append(m)
    if len(aws) < 3 or len(set(aws)) < 2:
        raise ShelfLifeError("shelflife.error.isotherm_points", found=len(aws))
    line = fit_line(aws, ms)
    if line.slope <= 0:
        raise ShelfLifeError("shelflife.error.isotherm_slope")
    return IsothermFit(line.slope, line.intercept, line.r2, line.n)


def labuza_shelf_life(
    me: float,
    mi: float,
    mc: float,
    permeance: float,
    area_m2: float,
    solids_g: float,
    p0_mmhg: float | None,
    b: Any,
    temp_c: float | None = None,
) -> float:
    """Days until a dry product in its pack reaches the critical moisture (Labuza).

    Args:
        me: Equilibrium moisture at the storage RH (g H2O/g solids, dry basis).
        mi: Initial moisture (same unit).
        mc: Critical moisture (same unit), with ``mi < mc < me``.
        permeance: Water-vapour permeance k/x of the pack, g/(m²·day·mmHg).
        area_m2: Pack surface area in m².
        solids_g: Dry solids in the pack (Ws), g.
        p0_mmhg: Saturated vapour pressure at storage temperature (mmHg); None to compute
            it from ``temp_c``.
        b: Isotherm slope, or sorption data (``aw``, ``moisture``) to fit it from.
        temp_c: Storage temperature, used only when ``p0_mmhg`` is None.

    Returns:
        Shelf life in days.

    Raises:
        ShelfLifeError: a non-positive parameter, moistures not in the order
            Mi < Mc < Me, or neither ``p0_mmhg`` nor ``temp_c``.
    """
    if p0_mmhg is None:
        if temp_c is None:
            raise ShelfLifeError("shelflife.error.p0_missing")
        p0_mmhg = saturated_vapour_pressure_mmhg(temp_c)
    if not isinstance(b, int | float | str):
        b = isotherm_slope(b).b
    values = {
        "me": me,
        "mi": mi,
        "mc": mc,
        "permeance": permeance,
        "area_m2": area_m2,
        "solids_g": solids_g,
        "p0_mmhg": p0_mmhg,
        "b": b,
    }
    _check_finite(**values)
    for name, value in values.items():
        if float(value) <= 0 and name != "mi":
            raise ShelfLifeError(
                "shelflife.error.param_not_positive", name=name, value=_num(float(value))
            )
    if float(mi) < 0:
        raise ShelfLifeError("shelflife.error.param_not_positive", name="mi", value=_num(float(mi)))
    me, mi, mc = float(me), float(mi), float(mc)
    if not mi < mc < me:
        raise ShelfLifeError(
            "shelflife.error.moisture_order", mi=_num(mi), mc=_num(mc), me=_num(me)
        )
    rate = float(permeance) * (float(area_m2) / float(solids_g)) * (float(p0_mmhg) / float(b))
    return math.log((me - mi) / (me - mc)) / rate
