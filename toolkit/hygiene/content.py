"""Checks of the hygiene tools' data file (used by ``pangan content check``)."""

from __future__ import annotations

from typing import Any

import yaml

from toolkit import yamlio
from toolkit.hygiene.model import DATA_FILE

STATUSES = {"confirmed", "secondary", "unconfirmed", "reference", "suggestion"}


def _rules(node: Any, path: str, out: list[str]) -> None:
    if isinstance(node, dict):
        if "value" in node or "ml" in node or "ppm" in node or "start_c" in node:
            if not node.get("source"):
                out.append(f"hygiene/tools.yaml {path}: no source")
            if node.get("status") not in STATUSES:
                out.append(f"hygiene/tools.yaml {path}: status must be one of {sorted(STATUSES)}")
        for key, value in node.items():
            _rules(value, f"{path}.{key}" if path else str(key), out)
    elif isinstance(node, list):
        for n, value in enumerate(node):
            _rules(value, f"{path}[{n}]", out)


def validate() -> list[str]:
    """Problems found in ``tools.yaml`` (empty when all is well)."""
    try:
        data = yamlio.safe_load(DATA_FILE.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        return [f"hygiene: cannot read data: {exc}"]
    out: list[str] = []
    _rules(data, "", out)
    temp = data.get("temperature", {})
    if temp.get("danger_low_c", {}).get("value", 0) >= temp.get("danger_high_c", {}).get(
        "value", 0
    ):
        out.append("hygiene/tools.yaml: danger zone low must be below high")
    return out
