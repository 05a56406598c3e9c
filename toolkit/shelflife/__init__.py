"""Shelf life (masa simpan): ASLT/Arrhenius, Q10, critical moisture (Labuza), best-before dates.

Names are loaded on first use so that ``import toolkit.shelflife`` stays light (pandas and
scipy are imported only by the calculators that need them).
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS: dict[str, str] = {
    "ShelfLifeError": "toolkit.shelflife.model.errors",
    "read_table": "toolkit.shelflife.model.table",
    "clean_table": "toolkit.shelflife.model.table",
    "fit_kinetics": "toolkit.shelflife.model.kinetics",
    "kinetic_shelf_life": "toolkit.shelflife.model.kinetics",
    "Kinetics": "toolkit.shelflife.model.kinetics",
    "fit_arrhenius": "toolkit.shelflife.model.arrhenius",
    "arrhenius_from_rates": "toolkit.shelflife.model.arrhenius",
    "ArrheniusFit": "toolkit.shelflife.model.arrhenius",
    "shelf_life_days": "toolkit.shelflife.model.arrhenius",
    "ShelfLife": "toolkit.shelflife.model.arrhenius",
    "q10_shelf_life": "toolkit.shelflife.model.q10",
    "q10_from_rates": "toolkit.shelflife.model.q10",
    "labuza_shelf_life": "toolkit.shelflife.model.labuza",
    "saturated_vapour_pressure_mmhg": "toolkit.shelflife.model.labuza",
    "isotherm_slope": "toolkit.shelflife.model.labuza",
    "IsothermFit": "toolkit.shelflife.model.labuza",
    "best_before": "toolkit.shelflife.model.dates",
    "BestBefore": "toolkit.shelflife.model.dates",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'toolkit.shelflife' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__
