"""Shared helpers for the shelf-life tests: tables built from known kinetics."""

from __future__ import annotations

import pytest


def linear_table(rates: dict[float, float], a0: float, days: list[float], sign: float = 1.0):
    """Rows of an exact zero-order experiment: value = a0 + sign·k·day at each temperature."""
    return [
        {"temp_c": temp, "day": d, "value": a0 + sign * k * d}
        for temp, k in rates.items()
        for d in days
    ]


@pytest.fixture
def example_a_rows() -> list[dict[str, float]]:
    """facts.md §5.3 A as measurements: moisture rising at exactly k = 0.020/0.045/0.095."""
    return linear_table({25.0: 0.020, 35.0: 0.045, 45.0: 0.095}, 3.0, [0, 7, 14, 21, 28, 35])
