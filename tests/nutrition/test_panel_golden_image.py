"""The ING panel rendered by Debian's Chromium matches a golden image within a small tolerance.

Uses the lead's browser fixture (tests/browser/conftest.py, via tests/nutrition/conftest.py). Set PANGAN_REGEN_GOLDEN=1 to
rewrite the golden PNGs after an intended change of the panel, then look at them.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from toolkit.nutrition import nutrition_facts, panel_svg
from toolkit.nutrition.panel import svg_size

pytestmark = pytest.mark.browser

FILES = Path(__file__).with_name("files")
REGEN = os.environ.get("PANGAN_REGEN_GOLDEN") == "1"
#: A pixel differs when a channel is off by more than this (anti-aliasing noise stays below).
CHANNEL_TOLERANCE = 16
#: At most this share of the pixels may differ (~11 pixels of the 360 x 321 panel): room
#: for anti-aliasing noise, too little for one changed digit (measured 0.03-0.04 %).
MAX_DIFFERENT = 0.0001


def _render(browser, svg: str) -> bytes:
    width, height = svg_size(svg)
    ctx = browser.new_context(viewport={"width": width, "height": height}, device_scale_factor=1)
    try:
        page = ctx.new_page()
        page.set_content(
            "<!doctype html><html><head><meta charset='utf-8'><style>"
            "html,body{margin:0;padding:0;background:#fff}svg{display:block}</style></head>"
            f"<body>{svg}</body></html>"
        )
        return page.locator("svg").screenshot()
    finally:
        ctx.close()


def _different_share(a_png: bytes, b_png: bytes) -> float:
    from PIL import Image, ImageChops

    a = Image.open(io.BytesIO(a_png)).convert("RGB")
    b = Image.open(io.BytesIO(b_png)).convert("RGB")
    if a.size != b.size:
        return 1.0
    diff = (
        ImageChops.difference(a, b)
        .convert("L")
        .point(lambda v: 255 if v > CHANNEL_TOLERANCE else 0)
    )
    histogram = diff.histogram()
    return histogram[255] / (a.size[0] * a.size[1])


@pytest.mark.parametrize(("lang", "basis"), [("id", "raw"), ("en", "declared")])
def test_panel_matches_golden_image(browser, keripik, lang: str, basis: str) -> None:
    svg = panel_svg(nutrition_facts(keripik, 25, 100, akg_basis=basis), lang)
    png = _render(browser, svg)
    golden = FILES / f"panel_keripik_{lang}_{basis}.png"
    if REGEN:
        golden.write_bytes(png)
    share = _different_share(png, golden.read_bytes())
    assert share <= MAX_DIFFERENT, f"{share:.2%} of the pixels differ from {golden.name}"


def test_comparison_notices_a_changed_number(browser, keripik) -> None:
    """The tolerance is small enough to catch one wrong digit on the panel."""
    svg = panel_svg(nutrition_facts(keripik, 25, 100), "id")
    changed = svg.replace(">11 %<", ">12 %<")
    assert changed != svg
    share = _different_share(
        _render(browser, changed), (FILES / "panel_keripik_id_raw.png").read_bytes()
    )
    assert share > MAX_DIFFERENT, f"a changed digit moved only {share:.3%} of the pixels"
    assert _different_share(_render(browser, svg), _render(browser, svg)) == 0
