"""Calculation drills of the shelf-life exercises: the drill file, the expected answers and checking.

A drill file (``exercises/shelflife/drills.yaml``) lists drills with a ``kind``, its parameters
and a stored answer key. The expected answer is always recomputed from the shipped data with
the calculators; ``check_drills`` reports a stored key that no longer agrees.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
from pathlib import Path
from typing import Any

import yaml

from toolkit import yamlio
from toolkit.shelflife.model.errors import ShelfLifeError
from toolkit.shelflife.model.table import _to_float

KINDS = (
    "rate",
    "order",
    "ea_kj",
    "q10_rates",
    "shelf_life",
    "q10_extrapolation",
    "labuza",
    "best_before",
)


@dataclasses.dataclass(frozen=True)
class Drill:
    """One drill. ``answer`` is the stored key; ``expected()`` recomputes it from the data."""

    id: str
    kind: str
    params: dict[str, Any]
    answer: Any
    tolerance: float
    base: Path

    def _table(self, name: str) -> Any:
        from toolkit.shelflife.model.table import read_table

        return read_table((self.base / name).read_text(encoding="utf-8"), name)

    def _fit(self) -> Any:
        from toolkit.shelflife.model.arrhenius import fit_arrhenius

        p = self.params
        return fit_arrhenius(self._table(p["dataset"]), order=p.get("order"))

    def expected(self) -> Any:
        """The correct answer computed from the data (float, int order, or a date)."""
        from toolkit.shelflife.model.arrhenius import shelf_life_days
        from toolkit.shelflife.model.dates import best_before
        from toolkit.shelflife.model.labuza import isotherm_slope, labuza_shelf_life
        from toolkit.shelflife.model.q10 import q10_from_rates, q10_shelf_life

        p = self.params
        if self.kind == "rate":
            rates = self._fit().rates
            return float(rates.loc[rates["temp_c"] == float(p["temp_c"]), "k"].iloc[0])
        if self.kind == "order":
            return self._fit().order
        if self.kind == "ea_kj":
            return self._fit().ea_kj_per_mol
        if self.kind == "q10_rates":
            rates = self._fit().rates.set_index("temp_c")["k"]
            t1, t2 = float(p["temp1_c"]), float(p["temp2_c"])
            return q10_from_rates(t1, rates[t1], t2, rates[t2])
        if self.kind == "shelf_life":
            return shelf_life_days(self._fit(), p["temp_c"], p["initial"], p["limit"]).days
        if self.kind == "q10_extrapolation":
            return q10_shelf_life(p["days"], p["test_temp_c"], p["target_temp_c"], p["q10"])
        if self.kind == "labuza":
            b = isotherm_slope(self._table(p["isotherm"]), aw_max=p.get("aw_max", 1.0)).b
            return labuza_shelf_life(
                p["me"], p["mi"], p["mc"], p["permeance"], p["area_m2"], p["solids_g"],
                p["p0_mmhg"], b,
            )  # fmt: skip
        if self.kind == "best_before":
            return best_before(p["production_date"], p["days"]).date
        raise ShelfLifeError("shelflife.error.bad_drill", drill=self.id)

    def is_correct(self, answer: Any) -> bool:
        """True when ``answer`` (already parsed) matches the computed answer."""
        expected = self.expected()
        if answer is None:
            return False
        if self.kind == "best_before":
            return answer == expected
        if self.kind == "order":
            return int(answer) == int(expected)
        return math.isclose(float(answer), float(expected), rel_tol=self.tolerance)

    def parse(self, raw: Any) -> Any:
        """The trainee's raw input as a number / order / date; None if it cannot be read."""
        if self.kind == "best_before":
            if isinstance(raw, dt.date):
                return raw
            from toolkit.shelflife.model.dates import _parse_date

            try:
                return _parse_date(raw)
            except ShelfLifeError:
                return None
        if isinstance(raw, str) and len(raw) > 40:
            return None
        return _to_float(raw)


def load_drills(path: str | Path) -> list[Drill]:
    """Read a drill file.

    Raises:
        ShelfLifeError: the file is missing or malformed.
    """
    path = Path(path)
    try:
        raw = yamlio.safe_load(path.read_text(encoding="utf-8")) or {}
        items = raw["drills"]
        drills = [
            Drill(
                id=str(item["id"]),
                kind=str(item["kind"]),
                params=dict(item.get("params") or {}),
                answer=item.get("answer"),
                tolerance=float(item.get("tolerance", 0.02)),
                base=path.parent,
            )
            for item in items
        ]
    except (OSError, yaml.YAMLError, KeyError, TypeError, ValueError) as exc:
        raise ShelfLifeError("shelflife.error.bad_drill_file", detail=type(exc).__name__) from exc
    return drills


def check_drills(path: str | Path, minimum: int = 6) -> list[str]:
    """Problems of a drill file: unknown kinds, missing texts, keys that disagree with the data."""
    from toolkit.i18n import has

    where = f"{Path(path).parent.name}/{Path(path).name}"
    try:
        drills = load_drills(path)
    except ShelfLifeError as err:
        return [f"{where}: {err.message('en')}"]
    problems: list[str] = []
    if len(drills) < minimum:
        problems.append(f"{where}: only {len(drills)} drills (at least {minimum})")
    if len({d.id for d in drills}) != len(drills):
        problems.append(f"{where}: duplicate drill ids")
    for drill in drills:
        name = f"{where}: drill {drill.id}"
        if drill.kind not in KINDS:
            problems.append(f"{name}: unknown kind {drill.kind!r}")
            continue
        for lang in ("id", "en"):
            if not has(f"shelflife.drill.{drill.id}", lang):
                problems.append(f"{name}: locale key shelflife.drill.{drill.id} missing ({lang})")
        try:
            expected = drill.expected()
        except (ShelfLifeError, OSError, KeyError, IndexError) as exc:
            problems.append(f"{name}: cannot compute ({type(exc).__name__}: {exc})")
            continue
        stored = drill.parse(drill.answer) if drill.kind != "order" else drill.answer
        if stored is None or not drill.is_correct(stored):
            problems.append(
                f"{name}: stored answer {drill.answer!r} but the data give {expected!r}"
            )
    return problems
