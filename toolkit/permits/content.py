"""Checks of the permit data files for ``pangan content check``.

``permits.yaml`` (number formats) must give every kind a source and a status, every layout's
digit groups must add up to its digit count; ``pathway.yaml`` is checked by ``toolkit.permits.pathway.validate``.
"""

from __future__ import annotations

import yaml

from toolkit import yamlio
from toolkit.permits.model import DATA_FILE

STATUSES = {"confirmed", "secondary", "unconfirmed"}


def validate_formats(data: object, file: str = DATA_FILE.name) -> list[str]:
    """Problems in the parsed ``permits.yaml`` (empty when all is well)."""
    if not isinstance(data, dict) or not isinstance(data.get("kinds"), dict) or not data["kinds"]:
        return [f"{file}: kinds: a mapping of permit kinds is required"]
    problems: list[str] = []
    for kind, spec in data["kinds"].items():
        where = f"{file}: kinds.{kind}"
        if not isinstance(spec, dict):
            problems.append(f"{where}: must be a mapping")
            continue
        if not str(spec.get("source", "")).strip():
            problems.append(f"{where}.source: missing")
        if spec.get("status") not in STATUSES:
            problems.append(f"{where}.status: one of {sorted(STATUSES)} expected")
        for i, layout in enumerate(spec.get("layouts") or []):
            groups = layout.get("groups") or []
            widths = sum(int(g.get("width", 0)) for g in groups)
            digits = layout.get("digits")
            if digits is not None and groups and widths != digits:
                problems.append(
                    f"{where}.layouts[{i}]: digit groups add up to {widths}, not {digits}"
                )
    return problems


def validate() -> list[str]:
    """Problems in ``permits.yaml`` and ``pathway.yaml`` (empty when all is well)."""
    from toolkit.permits.pathway import validate as validate_pathway

    try:
        data = yamlio.safe_load(DATA_FILE.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        return [f"{DATA_FILE.name}: cannot be read ({exc})"]
    return validate_formats(data) + validate_pathway()
