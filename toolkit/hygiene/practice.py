"""Pure logic of the hygiene practice: danger-zone scenarios, handwashing order and timer,
raw/ready-to-eat sorting. Data in ``practice.yaml``; answers are checked here, on the server.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Any

from toolkit import yamlio
from toolkit.hygiene.model import HygieneError, TempLogResult, check_temperature_log
from toolkit.i18n import normalize_lang

DATA_FILE = Path(__file__).with_name("practice.yaml")
SCENARIO_DAY = dt.date(2026, 1, 1)  # scenario times are clock times on a fixed, neutral day


@cache
def practice_data() -> dict[str, Any]:
    """The contents of ``practice.yaml`` (read once)."""
    return yamlio.safe_load(DATA_FILE.read_text(encoding="utf-8"))


# --------------------------------------------------------------------------- danger zone


def scenarios(lang: str = "id") -> list[tuple[str, str]]:
    """``(key, name)`` of every danger-zone scenario."""
    lang = normalize_lang(lang)
    return [(s["key"], s["name"][lang]) for s in practice_data()["scenarios"]]


def scenario_log(
    key: str, hours: float, start: dt.time = dt.time(6, 0)
) -> list[tuple[dt.datetime, float]]:
    """The temperature curve of scenario ``key`` over ``hours`` hours from ``start``.

    The scenario's points are used up to the end; after the last point the food stays at
    ``hold_c``; the curve is cut at the end time by linear interpolation.

    Raises:
        HygieneError: for an unknown scenario or a non-positive duration.
    """
    sc = next((s for s in practice_data()["scenarios"] if s["key"] == key), None)
    if sc is None:
        raise HygieneError("hygiene.tools.error.scenario", value=key)
    if not isinstance(hours, int | float) or not hours > 0:
        raise HygieneError("hygiene.tools.error.hours", value=hours)
    end = float(hours) * 60
    pts = [(float(m), float(c)) for m, c in sc["points"]]
    last_m, _ = pts[-1]
    if end > last_m:
        pts.append((end, float(sc["hold_c"])))
    out: list[tuple[float, float]] = []
    for (m0, c0), (m1, c1) in zip(pts, pts[1:], strict=False):
        out.append((m0, c0))
        if m1 >= end:
            out.append((end, c0 + (c1 - c0) * (end - m0) / (m1 - m0) if m1 > m0 else c1))
            break
    else:
        out.append(pts[-1])
    base = dt.datetime.combine(SCENARIO_DAY, start)
    return [(base + dt.timedelta(minutes=m), c) for m, c in out]


def explore_scenario(key: str, hours: float) -> TempLogResult:
    """Check scenario ``key`` after ``hours`` hours with the 2-hour rule."""
    return check_temperature_log(scenario_log(key, hours), "room")


def is_safe(result: TempLogResult) -> bool:
    """True when the food passes the 2-hour rule (an uncertain result is not safe)."""
    return result.two_hour_rule == "ok"


# --------------------------------------------------------------------------- handwashing


def handwash_steps(lang: str = "id") -> list[tuple[str, str]]:
    """``(key, text)`` of the WHO steps in the right order."""
    lang = normalize_lang(lang)
    return [(s["key"], s[lang]) for s in practice_data()["handwashing"]["steps"]]


def check_handwash_order(order: Sequence[str | None]) -> list[bool]:
    """Per position: is the chosen step the right one? (wrong length → all False)."""
    right = [k for k, _ in handwash_steps()]
    if len(order) != len(right):
        return [False] * len(right)
    return [a == b for a, b in zip(order, right, strict=True)]


def handwash_verdict(seconds: float) -> str:
    """``"too_short"`` below 40 s, ``"ok"`` for 40–60 s, ``"long"`` above 60 s (still fine)."""
    hw = practice_data()["handwashing"]
    if seconds < hw["min_seconds"]:
        return "too_short"
    return "ok" if seconds <= hw["max_seconds"] else "long"


# --------------------------------------------------------------------------- sorting


@dataclasses.dataclass(frozen=True)
class SortItem:
    """A food to put with raw food or with cooked/ready-to-eat food."""

    key: str
    names: dict[str, str]


def sorting_items() -> list[SortItem]:
    """The foods to sort, in file order (their bins stay on the server)."""
    return [
        SortItem(i["key"], {"id": i["id"], "en": i["en"]})
        for i in practice_data()["sorting"]["items"]
    ]


def check_sorting(choices: Mapping[str, str | None]) -> dict[str, bool]:
    """Item key → whether it went into the right bin (``"raw"`` or ``"ready"``)."""
    right = {i["key"]: i["bin"] for i in practice_data()["sorting"]["items"]}
    return {k: choices.get(k) == b for k, b in right.items()}
