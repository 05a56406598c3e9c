"""Shared inputs of the nutrition tests: the keripik singkong example of facts.md §4.5."""

from __future__ import annotations

import pytest


@pytest.fixture
def keripik() -> dict[str, float]:
    """Keripik singkong per 100 g (facts.md §4.5); energy left out so 9/4/4 computes it."""
    return {
        "fat_g": 30,
        "saturated_fat_g": 12,
        "protein_g": 6,
        "carbohydrate_g": 58,
        "sugar_g": 4,
        "sodium_mg": 400,
    }
