"""Checks of the CPPB-IRT data files (used by ``pangan content check``)."""

from __future__ import annotations

from collections import Counter

import yaml

from toolkit import yamlio
from toolkit.gmp.model import HERE, SEVERITIES

STATUSES = {"confirmed", "secondary", "unconfirmed", "reference", "suggestion"}


def validate() -> list[str]:
    """Problems found in ``checklist.yaml`` and ``levels.yaml`` (empty when all is well)."""
    problems: list[str] = []
    try:
        cl = yamlio.safe_load((HERE / "checklist.yaml").read_text(encoding="utf-8"))
        lv = yamlio.safe_load((HERE / "levels.yaml").read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        return [f"gmp: cannot read data: {exc}"]
    aspects = cl.get("aspects") or {}
    if not cl.get("source"):
        problems.append("gmp/checklist.yaml: no source")
    for letter, names in aspects.items():
        if not (isinstance(names, dict) and names.get("id") and names.get("en")):
            problems.append(f"gmp/checklist.yaml: aspect {letter} needs id and en names")
    items = cl.get("items") or []
    numbers = [i.get("item") for i in items]
    if numbers != list(range(1, len(items) + 1)):
        problems.append("gmp/checklist.yaml: items must be numbered 1, 2, 3 … in order")
    for i in items:
        where = f"gmp/checklist.yaml item {i.get('item')}"
        if i.get("aspect") not in aspects:
            problems.append(f"{where}: unknown aspect {i.get('aspect')!r}")
        if i.get("severity") not in SEVERITIES:
            problems.append(f"{where}: severity must be one of {SEVERITIES}")
        text = i.get("text") or {}
        if not (text.get("id") and text.get("en")):
            problems.append(f"{where}: needs text.id and text.en")
    sev = Counter(i.get("severity") for i in items)
    if len(items) != 37 or dict(sev) != {"SE": 16, "MA": 6, "KR": 14, "MI": 1}:
        problems.append(
            f"gmp/checklist.yaml: expected 37 items (MI 1, MA 6, SE 16, KR 14), got {dict(sev)}"
        )
    if sorted(lv.get("levels", {})) != [1, 2, 3, 4]:
        problems.append("gmp/levels.yaml: levels 1–4 needed")
    for part in ("spp_irt_consequence", "deadlines"):
        node = lv.get(part) or {}
        if not node.get("source") or node.get("status") not in STATUSES:
            problems.append(f"gmp/levels.yaml: {part} needs source and a known status")
    if set(SEVERITIES) - set(lv.get("deadlines", {})):
        problems.append("gmp/levels.yaml: a deadline per severity is needed")
    return problems
