"""Hygiene and sanitation: Five Keys lessons, chlorine-bleach dilution, temperature-log checks.

Public names: ``bleach_volume_ml``, ``ppm_from_dilution``, ``plan_dilution``,
``check_temperature_log``, ``read_temperature_log``, ``HygieneError`` (from ``model``).
"""

from toolkit.hygiene.model import (
    HygieneError,
    bleach_volume_ml,
    check_temperature_log,
    plan_dilution,
    ppm_from_dilution,
    read_temperature_log,
)

__all__ = [
    "HygieneError",
    "bleach_volume_ml",
    "check_temperature_log",
    "plan_dilution",
    "ppm_from_dilution",
    "read_temperature_log",
]
