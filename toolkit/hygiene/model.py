"""Pure hygiene calculators: chlorine-bleach dilution and the temperature-log check.

Thresholds and their sources live in ``tools.yaml`` beside this module (facts §6.2, §6.4).
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Any

from toolkit import yamlio
from toolkit.errors import ToolkitError
from toolkit.i18n import fmt_number, t

DATA_FILE = Path(__file__).with_name("tools.yaml")
BASES: tuple[str, ...] = ("available_chlorine", "naocl")
FOOD_TYPES: tuple[str, ...] = ("room", "hot_holding", "cold_holding", "cooling")


class HygieneError(ToolkitError):
    """Input to a hygiene tool that cannot be used (negative ppm, bad log …)."""


@cache
def rules() -> dict[str, Any]:
    """The thresholds of ``tools.yaml`` (read once)."""
    return yamlio.safe_load(DATA_FILE.read_text(encoding="utf-8"))


def _value(section: str, name: str) -> float:
    return float(rules()[section][name]["value"])


@dataclasses.dataclass(frozen=True)
class Notice:
    """One plain-language finding or warning of a tool.

    ``level`` is ``"ok"``, ``"info"``, ``"warning"`` or ``"danger"``; ``key`` a locale key
    below ``hygiene.tools.``; ``source`` the rule it applies; ``status`` its certainty.
    """

    key: str
    level: str
    params: dict[str, Any] = dataclasses.field(default_factory=dict)
    source: str = ""
    status: str = "confirmed"

    def message(self, lang: str = "id") -> str:
        """The finding as a sentence in ``lang``; numbers formatted for the locale."""
        shown = {
            k: (
                fmt_number(v, lang, 1 if abs(v - round(v)) > 1e-9 else 0)
                if isinstance(v, float)
                else v
            )
            for k, v in self.params.items()
        }
        text = t(f"hygiene.tools.{self.key}", lang, **shown)
        if self.status in ("unconfirmed", "reference"):
            text += " " + t(f"hygiene.tools.status.{self.status}", lang)
        return text


# --------------------------------------------------------------------------- sanitizer


def _check_basis(basis: str) -> None:
    if basis not in BASES:
        raise HygieneError("hygiene.tools.error.basis", basis=basis, allowed=", ".join(BASES))


def _check_stock(stock_percent: float) -> float:
    if not isinstance(stock_percent, int | float) or math.isnan(stock_percent):
        raise HygieneError("hygiene.tools.error.stock", value=stock_percent)
    if stock_percent <= 0 or stock_percent > 100:
        raise HygieneError("hygiene.tools.error.stock", value=stock_percent)
    return float(stock_percent) * _value("sanitizer", "ppm_per_percent")


def _check_volume(volume_ml: float) -> None:
    if not isinstance(volume_ml, int | float) or math.isnan(volume_ml) or volume_ml <= 0:
        raise HygieneError("hygiene.tools.error.volume", value=volume_ml)


def bleach_volume_ml(
    target_ppm: float,
    volume_ml: float,
    stock_percent: float,
    basis: str = "available_chlorine",
) -> float:
    """Millilitres of bleach for ``volume_ml`` of finished solution at ``target_ppm``.

    ``C1·V1 = C2·V2`` with the stock at ``stock_percent × 10,000`` ppm. ``target_ppm`` and
    ``stock_percent`` are on the same ``basis``: ``"available_chlorine"`` (what sanitizer
    limits use) or ``"naocl"`` (what many labels print). Use
    :func:`naocl_to_available_chlorine` to move a label's NaOCl % to available chlorine.

    Args:
        target_ppm: Wanted concentration in mg/L (ppm); 0 < target ≤ stock.
        volume_ml: Volume of the finished solution in ml (> 0).
        stock_percent: Strength of the bleach in % (0 < % ≤ 100).
        basis: ``"available_chlorine"`` or ``"naocl"``.

    Returns:
        The bleach volume in ml (not rounded).

    Raises:
        HygieneError: negative/zero ppm, stock ≤ 0 % or > 100 %, volume ≤ 0, a target
            stronger than the stock, or an unknown basis.
    """
    _check_basis(basis)
    stock_ppm = _check_stock(stock_percent)
    _check_volume(volume_ml)
    if not isinstance(target_ppm, int | float) or math.isnan(target_ppm) or target_ppm <= 0:
        raise HygieneError("hygiene.tools.error.ppm", value=target_ppm)
    if target_ppm > stock_ppm:
        raise HygieneError(
            "hygiene.tools.error.stronger_than_stock", ppm=target_ppm, stock=stock_percent
        )
    return float(target_ppm) * float(volume_ml) / stock_ppm


def ppm_from_dilution(
    bleach_ml: float,
    volume_ml: float,
    stock_percent: float,
    basis: str = "available_chlorine",
) -> float:
    """Concentration (ppm, on ``basis``) of ``bleach_ml`` bleach in ``volume_ml`` of solution.

    The inverse of :func:`bleach_volume_ml`.

    Args:
        bleach_ml: Bleach added in ml (≥ 0, not more than the total volume).
        volume_ml: Volume of the finished solution in ml (> 0).
        stock_percent: Strength of the bleach in % (0 < % ≤ 100).
        basis: ``"available_chlorine"`` or ``"naocl"``.

    Returns:
        The concentration in ppm (mg/L).

    Raises:
        HygieneError: for impossible input.
    """
    _check_basis(basis)
    stock_ppm = _check_stock(stock_percent)
    _check_volume(volume_ml)
    if not isinstance(bleach_ml, int | float) or math.isnan(bleach_ml) or bleach_ml < 0:
        raise HygieneError("hygiene.tools.error.bleach_ml", value=bleach_ml)
    if bleach_ml > volume_ml:
        raise HygieneError("hygiene.tools.error.bleach_more_than_total", bleach=bleach_ml)
    return stock_ppm * float(bleach_ml) / float(volume_ml)


def naocl_to_available_chlorine(value: float) -> float:
    """Convert a NaOCl figure (% or ppm) to available chlorine (× 70.90/74.44 ≈ 0.952)."""
    return float(value) * _value("sanitizer", "naocl_to_available_chlorine")


@dataclasses.dataclass(frozen=True)
class HouseholdMeasure:
    """A kitchen measure and how many of it make up the bleach volume (``count`` None if unknown)."""

    key: str
    ml: float | None
    count: float | None
    status: str


@dataclasses.dataclass(frozen=True)
class DilutionPlan:
    """A ready-to-follow recipe: bleach and water volumes, kitchen measures, warnings."""

    target_ppm: float
    basis: str
    bleach_ml: float
    water_ml: float
    volume_ml: float
    available_chlorine_ppm: float
    measures: tuple[HouseholdMeasure, ...]
    notices: tuple[Notice, ...]


def household_measures(
    bleach_ml: float, bottle_cap_ml: float | None = None
) -> list[HouseholdMeasure]:
    """``bleach_ml`` expressed in teaspoons, tablespoons and bottle caps (to the nearest ¼).

    Args:
        bleach_ml: Volume to express.
        bottle_cap_ml: The user's own bottle cap volume in ml; caps differ between brands,
            so without it the cap count stays unknown.

    Returns:
        One entry per measure of ``tools.yaml`` in file order.
    """
    out: list[HouseholdMeasure] = []
    for m in rules()["household_measures"]:
        ml = m.get("ml")
        if m["key"] == "bottle_cap" and bottle_cap_ml is not None:
            if bottle_cap_ml <= 0:
                raise HygieneError("hygiene.tools.error.cap", value=bottle_cap_ml)
            ml = bottle_cap_ml
        count = None if ml is None else round(bleach_ml / float(ml) * 4) / 4
        out.append(
            HouseholdMeasure(m["key"], None if ml is None else float(ml), count, m["status"])
        )
    return out


def sanitizer_notices(target_ppm: float, basis: str = "available_chlorine") -> list[Notice]:
    """Warnings for a target concentration: above the no-rinse limit, below the FDA table.

    The limits are in available chlorine; a NaOCl target is converted first.
    """
    _check_basis(basis)
    av = target_ppm if basis == "available_chlorine" else naocl_to_available_chlorine(target_ppm)
    san = rules()["sanitizer"]
    notices: list[Notice] = []
    top = san["no_rinse_max_ppm"]
    low = san["fda_min_ppm"]
    if av > top["value"]:
        notices.append(
            Notice(
                "notice.above_no_rinse",
                "warning",
                {"ppm": round(av, 1), "limit": top["value"]},
                top["source"],
                top["status"],
            )
        )
    elif av < low["value"]:
        notices.append(
            Notice(
                "notice.below_fda_min",
                "warning",
                {"ppm": round(av, 1), "limit": low["value"]},
                low["source"],
                low["status"],
            )
        )
    notices.append(Notice("notice.prepare_daily", "info"))
    return notices


def plan_dilution(
    target_ppm: float,
    volume_ml: float,
    stock_percent: float,
    basis: str = "available_chlorine",
    bottle_cap_ml: float | None = None,
) -> DilutionPlan:
    """The full recipe behind :func:`bleach_volume_ml`, with kitchen measures and warnings.

    Args:
        target_ppm: Wanted concentration (ppm on ``basis``).
        volume_ml: Volume of the finished solution in ml.
        stock_percent: Strength of the bleach in % on ``basis``.
        basis: ``"available_chlorine"`` or ``"naocl"``.
        bottle_cap_ml: The user's measured bottle-cap volume, if known.

    Returns:
        A :class:`DilutionPlan`.

    Raises:
        HygieneError: for impossible input (see :func:`bleach_volume_ml`).
    """
    bleach = bleach_volume_ml(target_ppm, volume_ml, stock_percent, basis)
    av = target_ppm if basis == "available_chlorine" else naocl_to_available_chlorine(target_ppm)
    return DilutionPlan(
        target_ppm=float(target_ppm),
        basis=basis,
        bleach_ml=bleach,
        water_ml=float(volume_ml) - bleach,
        volume_ml=float(volume_ml),
        available_chlorine_ppm=av,
        measures=tuple(household_measures(bleach, bottle_cap_ml)),
        notices=tuple(sanitizer_notices(target_ppm, basis)),
    )


# --------------------------------------------------------------------------- temperature log

_TIME_NAMES = ("time", "waktu", "jam", "timestamp", "datetime", "date_time", "tanggal_jam")
_TEMP_RE = re.compile(r"^(temp|suhu)|^t$|°|deg|celsius|fahrenheit", re.I)
_F_RE = re.compile(r"°\s*f\b|\bdeg\s*f\b|fahrenheit|\(f\)|_f$|\bf$", re.I)
_C_RE = re.compile(r"°\s*c\b|\bdeg\s*c\b|celsius|\(c\)|_c$|\bc$", re.I)


@dataclasses.dataclass(frozen=True)
class Reading:
    """One cleaned reading: time and temperature in °C."""

    time: dt.datetime
    temp_c: float


@dataclasses.dataclass(frozen=True)
class TempLogResult:
    """What :func:`check_temperature_log` found.

    Minutes are interpolated linearly between readings; ``*_worst_minutes`` also count every
    long gap next to a reading in the zone (the data cannot rule it out).
    """

    food_type: str
    readings: tuple[Reading, ...]
    danger_minutes: float
    danger_worst_minutes: float
    total_minutes: float
    two_hour_rule: str  # "ok" | "exceeded" | "uncertain" | "not_applicable"
    breach_minutes: float  # hot/cold holding: time outside the holding temperature
    cooling: dict[str, Any] | None
    gaps: tuple[tuple[dt.datetime, dt.datetime], ...]
    notices: tuple[Notice, ...]

    def findings(self, lang: str = "id") -> list[str]:
        """The findings as plain sentences in ``lang``."""
        return [n.message(lang) for n in self.notices]


def _parse_time(value: Any, base: dt.date) -> dt.datetime:
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=None) if value.tzinfo else value
    if hasattr(value, "to_pydatetime"):  # pandas Timestamp
        return _parse_time(value.to_pydatetime(), base)
    if isinstance(value, dt.time):
        return dt.datetime.combine(base, value)
    if isinstance(value, bool):
        raise HygieneError("hygiene.tools.error.time", value=value)
    if isinstance(value, int | float):
        if math.isnan(value):
            raise HygieneError("hygiene.tools.error.time", value=value)
        return dt.datetime.combine(base, dt.time()) + dt.timedelta(minutes=float(value))
    text = str(value).strip()
    m = re.fullmatch(r"(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?", text)
    if m:
        h, mi, s = int(m[1]), int(m[2]), int(m[3] or 0)
        if h > 23 or mi > 59 or s > 59:
            raise HygieneError("hygiene.tools.error.time", value=text)
        return dt.datetime.combine(base, dt.time(h, mi, s))
    try:
        parsed = dt.datetime.fromisoformat(text.replace("/", "-"))
    except ValueError:
        raise HygieneError("hygiene.tools.error.time", value=text) from None
    return parsed.replace(tzinfo=None) if parsed.tzinfo else parsed


def _parse_temp(value: Any) -> tuple[float, str | None]:
    """A temperature and the unit written next to it (``"C"``, ``"F"`` or None)."""
    if isinstance(value, bool):
        raise HygieneError("hygiene.tools.error.temp", value=value)
    if isinstance(value, int | float):
        if math.isnan(value):
            raise HygieneError("hygiene.tools.error.temp", value=value)
        return float(value), None
    text = str(value).strip()
    unit = None
    if _F_RE.search(text) or text.upper().endswith("F"):
        unit = "F"
    elif _C_RE.search(text) or text.upper().endswith("C"):
        unit = "C"
    number = re.sub(r"[^0-9,.\-+]", "", text).replace(",", ".")
    try:
        return float(number), unit
    except ValueError:
        raise HygieneError("hygiene.tools.error.temp", value=text) from None


def _columns(log: Any) -> tuple[list[Any], list[Any], str | None]:
    """Times, temperatures and the unit named in the temperature column header."""
    if hasattr(log, "columns") and hasattr(log, "__getitem__"):  # a DataFrame
        cols = [str(c) for c in log.columns]
        return _pick(cols, {c: list(log[c]) for c in cols})
    if isinstance(log, Mapping):
        cols = [str(c) for c in log]
        return _pick(cols, {str(k): list(v) for k, v in log.items()})
    rows = list(log)
    if not rows:
        raise HygieneError("hygiene.tools.error.empty")
    if isinstance(rows[0], Mapping):
        cols = [str(c) for c in rows[0]]
        return _pick(cols, {c: [r.get(c) for r in rows] for c in cols})
    try:
        return [r[0] for r in rows], [r[1] for r in rows], None
    except (TypeError, IndexError, KeyError):
        raise HygieneError("hygiene.tools.error.columns") from None


def _pick(cols: list[str], data: dict[str, list[Any]]) -> tuple[list[Any], list[Any], str | None]:
    time_col = next((c for c in cols if c.strip().lower() in _TIME_NAMES), None)
    temp_col = next((c for c in cols if c != time_col and _TEMP_RE.search(c.strip())), None)
    if time_col is None or temp_col is None:
        if len(cols) == 2:
            time_col, temp_col = cols
        else:
            raise HygieneError("hygiene.tools.error.columns")
    unit = "F" if _F_RE.search(temp_col) else "C" if _C_RE.search(temp_col) else None
    return data[time_col], data[temp_col], unit


def read_temperature_log(data: bytes | str, filename: str = "log.csv") -> list[dict[str, Any]]:
    """Rows of a logger file: CSV (comma or semicolon) or Excel (``.xlsx``).

    Args:
        data: The file content (bytes from an upload, or CSV text).
        filename: Its name; ``.xlsx`` selects the Excel reader.

    Returns:
        A list of row mappings (header → cell) for :func:`check_temperature_log`.

    Raises:
        HygieneError: when the file cannot be read or has no rows.
    """
    if filename.lower().endswith((".xlsx", ".xlsm")):
        import openpyxl

        try:
            wb = openpyxl.load_workbook(
                io.BytesIO(data if isinstance(data, bytes) else data.encode()),
                read_only=True,
                data_only=True,
            )
        except Exception:
            raise HygieneError("hygiene.tools.error.file", name=filename) from None
        rows = [r for r in wb.active.iter_rows(values_only=True) if any(c is not None for c in r)]
    else:
        text = data.decode("utf-8-sig", errors="replace") if isinstance(data, bytes) else data
        sample = text[:2048]
        delim = ";" if sample.count(";") > sample.count(",") else ","
        rows = [
            r for r in csv.reader(io.StringIO(text), delimiter=delim) if any(c.strip() for c in r)
        ]
    if len(rows) < 2:
        raise HygieneError("hygiene.tools.error.empty")
    header = [str(h).strip() if h is not None else "" for h in rows[0]]
    return [dict(zip(header, r, strict=False)) for r in rows[1:]]


def _clean(log: Any, unit: str | None, base: dt.date) -> tuple[list[Reading], list[Notice]]:
    times, temps, header_unit = _columns(log)
    if len(times) != len(temps) or not times:
        raise HygieneError("hygiene.tools.error.empty")
    if unit is not None and unit.upper() not in ("C", "F"):
        raise HygieneError("hygiene.tools.error.unit", value=unit)
    declared = unit.upper() if unit else None
    notes: list[Notice] = []
    raw: list[tuple[dt.datetime, float]] = []
    seen_units = {header_unit} - {None}
    for tm, tp in zip(times, temps, strict=True):
        if (tm is None or str(tm).strip() == "") and (tp is None or str(tp).strip() == ""):
            continue
        value, cell_unit = _parse_temp(tp)
        if cell_unit:
            seen_units.add(cell_unit)
        raw.append((_parse_time(tm, base), value))
    if not raw:
        raise HygieneError("hygiene.tools.error.empty")
    if "F" in seen_units and declared != "F":
        raise HygieneError("hygiene.tools.error.fahrenheit")
    if declared == "F" and "C" in seen_units:
        raise HygieneError("hygiene.tools.error.unit_conflict")
    if declared == "F":
        raw = [(tm, (v - 32) * 5 / 9) for tm, v in raw]
        notes.append(Notice("notice.converted_f", "info"))
    for _, v in raw:
        if v < -60 or v > 150:
            raise HygieneError("hygiene.tools.error.implausible", value=round(v, 1))
    if any(raw[i][0] > raw[i + 1][0] for i in range(len(raw) - 1)):
        notes.append(Notice("notice.sorted", "info"))
    raw.sort(key=lambda r: r[0])
    merged: dict[dt.datetime, list[float]] = {}
    for tm, v in raw:
        merged.setdefault(tm, []).append(v)
    dups = sum(len(v) - 1 for v in merged.values())
    if dups:
        notes.append(Notice("notice.duplicates", "info", {"count": dups}))
    readings = [Reading(tm, sum(v) / len(v)) for tm, v in merged.items()]
    if len(readings) < 2:
        raise HygieneError("hygiene.tools.error.too_few", found=len(readings))
    return readings, notes


def _fraction_inside(t0: float, t1: float, lo: float, hi: float, strict: bool = True) -> float:
    """Share of a linear segment from ``t0`` to ``t1`` spent strictly between ``lo`` and ``hi``."""
    if t0 == t1:
        inside = lo < t0 < hi if strict else lo <= t0 <= hi
        return 1.0 if inside else 0.0
    a, b = (lo - t0) / (t1 - t0), (hi - t0) / (t1 - t0)
    s_lo, s_hi = max(0.0, min(a, b)), min(1.0, max(a, b))
    return max(0.0, s_hi - s_lo)


def _crossing(readings: Sequence[Reading], start: dt.datetime, limit: float) -> dt.datetime | None:
    """First time at or after ``start`` when the temperature falls to ``limit`` or below."""
    for r0, r1 in zip(readings, readings[1:], strict=False):
        if r1.time < start:
            continue
        if r0.time >= start and r0.temp_c <= limit:
            return r0.time
        if r1.temp_c <= limit < r0.temp_c:
            frac = (r0.temp_c - limit) / (r0.temp_c - r1.temp_c)
            at = r0.time + (r1.time - r0.time) * frac
            return max(at, start)
    last = readings[-1]
    return last.time if last.time >= start and last.temp_c <= limit else None


def _minutes(a: dt.datetime, b: dt.datetime) -> float:
    return (b - a).total_seconds() / 60


def _cooling(readings: Sequence[Reading], notes: list[Notice]) -> dict[str, Any]:
    rule = rules()["temperature"]["fda_cooling"]
    src, status = rule["source"], rule["status"]
    first = readings[0]
    if first.temp_c < rule["start_c"]:
        notes.append(
            Notice(
                "notice.cooling_start_unknown", "warning", {"start": rule["start_c"]}, src, status
            )
        )
        start = first.time
    else:
        start = _crossing(readings, first.time, rule["start_c"]) or first.time
    end = readings[-1].time
    at21 = _crossing(readings, start, rule["stage1_c"])
    at5 = _crossing(readings, start, rule["stage2_c"])
    m21 = None if at21 is None else _minutes(start, at21)
    m5 = None if at5 is None else _minutes(start, at5)
    logged = _minutes(start, end)
    verdict = "ok"
    p = {"stage1": rule["stage1_c"], "stage2": rule["stage2_c"], "start": rule["start_c"]}
    if m21 is None:
        if logged >= rule["stage1_minutes"]:
            verdict = "fail"
            notes.append(
                Notice(
                    "notice.cooling_stage1_fail_never",
                    "danger",
                    {**p, "hours": rule["stage1_minutes"] / 60},
                    src,
                    status,
                )
            )
        else:
            verdict = "incomplete"
            notes.append(Notice("notice.cooling_incomplete", "warning", p, src, status))
    elif m21 > rule["stage1_minutes"]:
        verdict = "fail"
        notes.append(
            Notice(
                "notice.cooling_stage1_fail",
                "danger",
                {**p, "minutes": round(m21), "limit": rule["stage1_minutes"]},
                src,
                status,
            )
        )
    if verdict != "fail":
        if m5 is None:
            if logged >= rule["total_minutes"]:
                verdict = "fail"
                notes.append(
                    Notice(
                        "notice.cooling_stage2_fail_never",
                        "danger",
                        {**p, "hours": rule["total_minutes"] / 60},
                        src,
                        status,
                    )
                )
            elif verdict == "ok":
                verdict = "incomplete"
                notes.append(Notice("notice.cooling_incomplete", "warning", p, src, status))
        elif m5 > rule["total_minutes"]:
            verdict = "fail"
            notes.append(
                Notice(
                    "notice.cooling_stage2_fail",
                    "danger",
                    {**p, "minutes": round(m5), "limit": rule["total_minutes"]},
                    src,
                    status,
                )
            )
    if verdict == "ok":
        notes.append(
            Notice(
                "notice.cooling_ok",
                "ok",
                {**p, "minutes1": round(m21 or 0), "minutes2": round(m5 or 0)},
                src,
                status,
            )
        )
    return {"start": start, "minutes_to_stage1": m21, "minutes_to_stage2": m5, "verdict": verdict}


def check_temperature_log(
    log: Any,
    food_type: str = "room",
    unit: str | None = None,
    date: dt.date | None = None,
    max_gap_minutes: float | None = None,
) -> TempLogResult:
    """Check a temperature log of cooked food against the WHO rules (and FDA cooling).

    Args:
        log: The readings: a table with a time and a temperature column (a DataFrame, a
            mapping of columns, a list of row mappings from :func:`read_temperature_log`, or
            ``(time, temperature)`` pairs). Times may be datetimes, ``"HH:MM"`` text, ISO
            text or minutes from the start. Rows may be unsorted; duplicate times are
            averaged.
        food_type: ``"room"`` (cooked food kept at room temperature: 2-hour rule),
            ``"hot_holding"`` (must stay above 60 °C), ``"cold_holding"`` (must stay at or
            below 5 °C) or ``"cooling"`` (cooked food being cooled: FDA two-stage rule,
            shown as an international reference).
        unit: ``"C"`` or ``"F"``; ``None`` reads the unit from the header/cells and refuses
            °F unless declared.
        date: The day for times given as ``"HH:MM"`` (default: today). A log that runs past
            midnight needs full dates (``2026-11-24 23:30``), or its times sort wrongly.
        max_gap_minutes: Gaps longer than this are reported (default from ``tools.yaml``).

    Returns:
        A :class:`TempLogResult` with minutes in the danger zone and the findings.

    Raises:
        HygieneError: when the log cannot be read, has fewer than two distinct times, uses
            °F without saying so, or holds an unknown food type.
    """
    if food_type not in FOOD_TYPES:
        raise HygieneError(
            "hygiene.tools.error.food_type", value=food_type, allowed=", ".join(FOOD_TYPES)
        )
    temp_rules = rules()["temperature"]
    lo, hi = temp_rules["danger_low_c"]["value"], temp_rules["danger_high_c"]["value"]
    gap_limit = float(
        max_gap_minutes if max_gap_minutes is not None else temp_rules["max_gap_minutes"]["value"]
    )
    readings, notes = _clean(log, unit, date or dt.date.today())

    danger = worst = breach = 0.0
    gaps: list[tuple[dt.datetime, dt.datetime]] = []
    for r0, r1 in zip(readings, readings[1:], strict=False):
        span = _minutes(r0.time, r1.time)
        inside = _fraction_inside(r0.temp_c, r1.temp_c, lo, hi) * span
        danger += inside
        if span > gap_limit:
            gaps.append((r0.time, r1.time))
            either = lo < r0.temp_c < hi or lo < r1.temp_c < hi
            worst += span if either else inside
        else:
            worst += inside
        if food_type == "hot_holding":
            hot = temp_rules["hot_holding_min_c"]["value"]
            breach += _fraction_inside(r0.temp_c, r1.temp_c, -math.inf, hot, strict=False) * span
        elif food_type == "cold_holding":
            cold = temp_rules["cold_holding_max_c"]["value"]
            breach += (
                1 - _fraction_inside(r0.temp_c, r1.temp_c, -math.inf, cold, strict=False)
            ) * span
    total = _minutes(readings[0].time, readings[-1].time)
    danger_src = temp_rules["danger_low_c"]["source"]
    for g0, g1 in gaps:
        notes.append(
            Notice(
                "notice.gap",
                "warning",
                {
                    "start": g0.strftime("%H:%M"),
                    "end": g1.strftime("%H:%M"),
                    "minutes": round(_minutes(g0, g1)),
                },
            )
        )
    notes.append(
        Notice(
            "notice.danger_time",
            "info",
            {"minutes": round(danger), "low": lo, "high": hi},
            danger_src,
        )
    )

    limit = temp_rules["max_room_minutes"]["value"]
    limit_src = temp_rules["max_room_minutes"]["source"]
    cooling = None
    if food_type == "cooling":
        rule2h = "not_applicable"
        cooling = _cooling(readings, notes)
    elif danger > limit:
        rule2h = "exceeded"
        notes.append(
            Notice(
                "notice.two_hour_exceeded",
                "danger",
                {"minutes": round(danger), "limit": limit},
                limit_src,
            )
        )
    elif worst > limit:
        rule2h = "uncertain"
        notes.append(
            Notice(
                "notice.two_hour_uncertain",
                "warning",
                {"minutes": round(worst), "limit": limit},
                limit_src,
            )
        )
    else:
        rule2h = "ok"
        notes.append(
            Notice(
                "notice.two_hour_ok", "ok", {"minutes": round(danger), "limit": limit}, limit_src
            )
        )
    if food_type == "hot_holding":
        hot = temp_rules["hot_holding_min_c"]
        key, level = ("notice.hot_breach", "danger") if breach > 0 else ("notice.hot_ok", "ok")
        low_readings = sum(1 for r in readings if r.temp_c <= hot["value"])
        notes.append(
            Notice(
                key,
                level,
                {"minutes": round(breach), "limit": hot["value"], "count": low_readings},
                hot["source"],
            )
        )
    elif food_type == "cold_holding":
        cold = temp_rules["cold_holding_max_c"]
        key, level = ("notice.cold_breach", "danger") if breach > 0 else ("notice.cold_ok", "ok")
        warm_readings = sum(1 for r in readings if r.temp_c > cold["value"])
        notes.append(
            Notice(
                key,
                level,
                {"minutes": round(breach), "limit": cold["value"], "count": warm_readings},
                cold["source"],
            )
        )
    return TempLogResult(
        food_type=food_type,
        readings=tuple(readings),
        danger_minutes=danger,
        danger_worst_minutes=worst,
        total_minutes=total,
        two_hour_rule=rule2h,
        breach_minutes=breach,
        cooling=cooling,
        gaps=tuple(gaps),
        notices=tuple(notes),
    )


def parse_typed_log(text: str) -> list[tuple[str, str]]:
    """Readings typed by hand, one per line: ``08:00, 65`` / ``08:00 65`` / ``08:00;65,5``.

    Blank lines and lines starting with ``#`` are skipped; a header line is kept and later
    rejected by :func:`check_temperature_log` as an unreadable time.

    Raises:
        HygieneError: when a line has no temperature.
    """
    rows: list[tuple[str, str]] = []
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        parts = re.split(r"\s*[,;\t]\s*|\s+", line, maxsplit=1)
        if len(parts) != 2 or not parts[1].strip():
            raise HygieneError("hygiene.tools.error.line", line=line[:40])
        rows.append((parts[0], parts[1].strip()))
    return rows


def readings_table(readings: Iterable[Reading], lang: str = "id") -> list[tuple[str, str]]:
    """Readings as display rows ``("08:30", "63,5 °C")``."""
    return [(r.time.strftime("%H:%M"), f"{fmt_number(r.temp_c, lang, 1)} °C") for r in readings]


def dilution_table_text(lang: str = "id", volume_ml: float = 1000) -> str:
    """The dilution table of facts §6.4 as plain text: ml of 5.25 % NaOCl and of 5 % av. Cl."""
    head = t("hygiene.tools.table.head", lang, volume=fmt_number(volume_ml, lang))
    rows = [head]
    for ppm in (50, 100, 200, 500):
        rows.append(
            t(
                "hygiene.tools.table.row",
                lang,
                ppm=ppm,
                naocl=fmt_number(bleach_volume_ml(ppm, volume_ml, 5.25, "naocl"), lang, 2),
                avcl=fmt_number(
                    bleach_volume_ml(ppm, volume_ml, 5.0, "available_chlorine"), lang, 2
                ),
            )
        )
    return "\n".join(rows)
