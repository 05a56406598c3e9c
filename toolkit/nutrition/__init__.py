"""Nutrition information (ING): BPOM rounding, %AKG, the ING panel and recipe estimates.

Public names: ``nutrition_facts``, ``NutritionFacts``, ``NutritionError``, ``check_panel``,
``recipe_estimate``, ``load_composition``, ``render_panel_svg``, ``ggl_comparison``.
"""

from toolkit.nutrition.errors import NutritionError
from toolkit.nutrition.model import (
    AKG_BASES,
    DEFAULT_AKG_BASIS,
    NUTRIENTS,
    NutritionFacts,
    exemption,
    nutrition_facts,
)

__all__ = [
    "AKG_BASES",
    "DEFAULT_AKG_BASIS",
    "NUTRIENTS",
    "NutritionError",
    "NutritionFacts",
    "exemption",
    "nutrition_facts",
]
