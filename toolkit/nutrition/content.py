"""Validation of the nutrition topic's data files, for ``pangan content check``.

``validate()`` returns one line per problem (empty when all files are sound): every rule has
a source and a status, the rounding bands are ordered and cover every nutrient, the GGL
figures stay marked unconfirmed, and the composition table cites every row.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from toolkit.i18n import has
from toolkit.nutrition.data import (
    COMPOSITION_FILE,
    alg_table,
    exempt_table,
    ggl_table,
    rounding_table,
)
from toolkit.nutrition.errors import NutritionError
from toolkit.nutrition.model import NUTRIENTS

STATUSES = {"confirmed", "secondary", "unconfirmed"}


def _sourced(where: str, entry: Any, problems: list[str]) -> None:
    if not isinstance(entry, dict):
        problems.append(f"{where}: expected a mapping")
        return
    if not str(entry.get("source") or "").strip():
        problems.append(f"{where}: no source")
    if entry.get("status") not in STATUSES:
        problems.append(f"{where}: status must be one of {sorted(STATUSES)}")


def _check_alg(problems: list[str]) -> None:
    table = alg_table()
    values = table.get("values") or {}
    for key in NUTRIENTS:
        entry = values.get(key)
        if entry is None:
            problems.append(f"alg.yaml: {key} missing")
            continue
        _sourced(f"alg.yaml: {key}", entry, problems)
        value = entry.get("value")
        if value is not None and (not isinstance(value, int | float) or value <= 0):
            problems.append(f"alg.yaml: {key} value must be a positive number or null")
    energy = (values.get("energy_kcal") or {}).get("value")
    if table.get("footnote_energy_kcal") != energy:
        problems.append("alg.yaml: footnote_energy_kcal differs from the energy ALG")


def _check_bands(where: str, bands: Any, problems: list[str]) -> None:
    if not isinstance(bands, list) or not bands:
        problems.append(f"{where}: no bands")
        return
    last = -1.0
    for i, band in enumerate(bands):
        limit = band.get("below", band.get("upto"))
        step = band.get("step")
        if not isinstance(step, int | float) or step < 0:
            problems.append(f"{where}: band {i + 1} step must be 0 or more")
        if limit is None:
            if i != len(bands) - 1:
                problems.append(f"{where}: only the last band may be open")
        elif limit <= last:
            problems.append(f"{where}: band {i + 1} limit must be above the one before")
        else:
            last = limit
    if "below" in bands[-1] or "upto" in bands[-1]:
        problems.append(f"{where}: the last band must be open (no limit)")


def _check_rounding(problems: list[str]) -> None:
    table = rounding_table()
    if not str(table.get("source") or "").strip():
        problems.append("rounding.yaml: no source")
    if table.get("status") != "unconfirmed":
        problems.append("rounding.yaml: facts.md §4.4 says the bands are UNCONFIRMED")
    if table.get("mode") != "half_up":
        problems.append("rounding.yaml: mode must be half_up")
    seen: list[str] = []
    for name, group in (table.get("groups") or {}).items():
        if not str(group.get("source") or "").strip():
            problems.append(f"rounding.yaml: group {name} has no source")
        _check_bands(f"rounding.yaml: group {name}", group.get("bands"), problems)
        seen += list(group.get("nutrients") or [])
    for key in [*NUTRIENTS, "energy_from_fat_kcal"]:
        if seen.count(key) != 1:
            problems.append(f"rounding.yaml: {key} must be in exactly one group")
    _check_bands(
        "rounding.yaml: serving_size", table.get("serving_size", {}).get("bands"), problems
    )


def _check_exempt(problems: list[str]) -> None:
    categories = exempt_table().get("categories") or {}
    if not categories:
        problems.append("exempt.yaml: no categories")
    for key, entry in categories.items():
        _sourced(f"exempt.yaml: {key}", entry, problems)
        if entry.get("kind") not in {"exempt", "prohibited"}:
            problems.append(f"exempt.yaml: {key} kind must be exempt or prohibited")
        for lang in ("id", "en"):
            if not has(f"nutrition.category.{key}", lang):
                problems.append(f"exempt.yaml: {key} has no name in locales/{lang}")


def _check_ggl(problems: list[str]) -> None:
    table = ggl_table()
    sets = table.get("sets") or {}
    if table.get("default") not in sets:
        problems.append("ggl.yaml: default names no set")
    for key, entry in sets.items():
        _sourced(f"ggl.yaml: {key}", entry, problems)
        if entry.get("status") != "unconfirmed":
            problems.append(f"ggl.yaml: {key} — facts.md §4.6 says the figures are UNCONFIRMED")
        for nutrient in ("sugar_g", "sodium_mg", "fat_g"):
            value = entry.get(nutrient)
            if not isinstance(value, int | float) or value <= 0:
                problems.append(f"ggl.yaml: {key} {nutrient} must be a positive number")
        for lang in ("id", "en"):
            if not has(f"nutrition.ggl.set.{key}", lang):
                problems.append(f"ggl.yaml: {key} has no label in locales/{lang}")


def _check_composition(problems: list[str]) -> None:
    from toolkit.nutrition.recipe import parse_composition

    try:
        parse_composition(COMPOSITION_FILE.read_text(encoding="utf-8"), require_source=True)
    except NutritionError as exc:
        problems.append(f"composition.csv: {exc.message('en')}")


def _check_drills(problems: list[str]) -> None:
    from toolkit.nutrition.drills import MODULE_QUIZ_FILE, load_drills

    exercises = Path(__file__).resolve().parents[2] / "exercises" / "nutrition" / "drills.yaml"
    files = [MODULE_QUIZ_FILE] + ([exercises] if exercises.exists() else [])
    for path in files:
        try:
            load_drills(path)
        except NutritionError as exc:
            problems.append(f"{path.name}: {exc.message('en')}")


def validate() -> list[str]:
    """Check every nutrition data file; returns the problems found (empty when sound)."""
    problems: list[str] = []
    checks = (_check_alg, _check_rounding, _check_exempt, _check_ggl, _check_composition,
              _check_drills)  # fmt: skip
    for check in checks:
        try:
            check(problems)
        except Exception as exc:  # a malformed file must be reported, not crash the command
            problems.append(f"{check.__name__[7:]}: cannot be read ({type(exc).__name__}: {exc})")
    return problems
