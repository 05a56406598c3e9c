"""Nutrition information (ING): BPOM rounding, %AKG, the ING panel and recipe estimates.

Public names: ``nutrition_facts`` -> ``NutritionFacts``; ``NutritionError``;
``check_panel`` (the label checker's hook) -> ``PanelFinding``; ``recipe_estimate`` and
``load_composition``; ``panel_svg`` and ``svg_to_png``; ``ggl_comparison``.
"""

from toolkit.nutrition.check import PanelFinding, check_panel, panel_from_facts
from toolkit.nutrition.errors import NutritionError
from toolkit.nutrition.ggl import ggl_comparison
from toolkit.nutrition.model import (
    AKG_BASES,
    DEFAULT_AKG_BASIS,
    NUTRIENTS,
    NutritionFacts,
    exemption,
    nutrition_facts,
)
from toolkit.nutrition.panel import panel_svg, svg_to_png
from toolkit.nutrition.recipe import load_composition, recipe_estimate

__all__ = [
    "AKG_BASES",
    "DEFAULT_AKG_BASIS",
    "NUTRIENTS",
    "NutritionError",
    "NutritionFacts",
    "PanelFinding",
    "check_panel",
    "exemption",
    "ggl_comparison",
    "load_composition",
    "nutrition_facts",
    "panel_from_facts",
    "panel_svg",
    "recipe_estimate",
    "svg_to_png",
]
