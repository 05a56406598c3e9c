"""The ING panel SVG: BPOM vertical layout, 2150 kcal footnote, golden text, PNG export."""

from __future__ import annotations

import os
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from toolkit.nutrition import NutritionError, nutrition_facts, panel_svg, svg_to_png
from toolkit.nutrition.panel import data_uri, svg_size

FILES = Path(__file__).with_name("files")
REGEN = os.environ.get("PANGAN_REGEN_GOLDEN") == "1"
SVG_NS = "{http://www.w3.org/2000/svg}"


def _texts(svg: str) -> list[str]:
    root = ET.fromstring(svg)
    return [el.text or "" for el in root.iter(f"{SVG_NS}text")]


def test_panel_lists_lines_in_bpom_order_with_declared_values(keripik) -> None:
    texts = _texts(panel_svg(nutrition_facts(keripik, 25, 100)))
    assert texts[0] == "INFORMASI NILAI GIZI"
    order = ["Takaran saji", "Jumlah sajian per kemasan", "JUMLAH PER SAJIAN",
             "Energi total 130 kkal", "Energi dari lemak 70 kkal", "Lemak total 8 g",
             "Lemak jenuh 3 g", "Protein 2 g", "Karbohidrat total 15 g", "Gula 1 g",
             "Garam (Natrium) 100 mg"]  # fmt: skip
    positions = [next(i for i, s in enumerate(texts) if " ".join(s.split()) == o or s == o)
                 for o in order]  # fmt: skip
    assert positions == sorted(positions)
    for percent in ("6 %", "11 %", "15 %", "3 %", "4 %", "7 %"):
        assert percent in texts


def test_panel_follows_the_chosen_basis(keripik) -> None:
    texts = _texts(panel_svg(nutrition_facts(keripik, 25, 100, akg_basis="declared")))
    assert "12 %" in texts and "5 %" in texts and "11 %" not in texts


def test_sugar_line_has_no_percent(keripik) -> None:
    texts = _texts(panel_svg(nutrition_facts(keripik, 25, 100)))
    sugar = next(i for i, s in enumerate(texts) if s.startswith("Gula"))
    assert not texts[sugar + 1].endswith("%")


def test_footnote_is_the_mandated_2150_kcal_text(keripik) -> None:
    svg = panel_svg(nutrition_facts(keripik, 25, 100))
    joined = " ".join(_texts(svg))
    assert (
        "*Persen AKG berdasarkan kebutuhan energi 2150 kkal. Kebutuhan energi Anda mungkin "
        "lebih tinggi atau lebih rendah." in joined
    )
    assert "2000" not in joined


def test_about_servings_and_small_servings(keripik) -> None:
    texts = _texts(panel_svg(nutrition_facts(keripik, 7.25, 100)))
    assert "7,3 g" in texts  # serving < 10 g is declared to 0.1 g
    assert "sekitar 14" in texts  # 100 / 7.25 = 13.79 -> 14, not exact


def test_estimate_mark_and_english(keripik) -> None:
    facts = nutrition_facts(keripik, 25, 100)
    assert not any("PERKIRAAN" in s for s in _texts(panel_svg(facts)))
    assert any("PERKIRAAN" in s for s in _texts(panel_svg(facts, estimate=True)))
    english = _texts(panel_svg(facts, "en", estimate=True))
    assert "NUTRITION INFORMATION" in english and any("ESTIMATE" in s for s in english)


def test_text_is_escaped() -> None:
    svg = panel_svg(nutrition_facts({"fat_g": 1, "saturated_fat_g": 0, "protein_g": 1,
                                     "carbohydrate_g": 1, "sugar_g": 0, "sodium_mg": 0}, 10, 10))  # fmt: skip
    ET.fromstring(svg)  # well-formed XML
    assert "<title>INFORMASI NILAI GIZI</title>" in svg


@pytest.mark.parametrize("lang", ["id", "en"])
def test_golden_svg_text(keripik, lang: str) -> None:
    """Set PANGAN_REGEN_GOLDEN=1 to rewrite the golden files after an intended change."""
    svg = panel_svg(nutrition_facts(keripik, 25, 100), lang)
    golden = FILES / f"panel_keripik_{lang}.svg"
    if REGEN:
        golden.write_text(svg, encoding="utf-8")
    assert svg == golden.read_text(encoding="utf-8")


def test_svg_download_uri(keripik) -> None:
    uri = data_uri(panel_svg(nutrition_facts(keripik, 25, 100)))
    assert uri.startswith("data:image/svg+xml;base64,") and len(uri) > 500


@pytest.mark.skipif(not shutil.which("chromium"), reason="needs Debian's chromium")
def test_png_export_has_twice_the_svg_size(keripik) -> None:
    from PIL import Image

    svg = panel_svg(nutrition_facts(keripik, 25, 100))
    png = svg_to_png(svg, scale=2)
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    from io import BytesIO

    width, height = svg_size(svg)
    assert Image.open(BytesIO(png)).size == (2 * width, 2 * height)


def test_png_without_chromium_is_a_clear_error(keripik) -> None:
    svg = panel_svg(nutrition_facts(keripik, 25, 100))
    with pytest.raises(NutritionError) as info:
        svg_to_png(svg, chromium="/no/such/chromium")
    assert "SVG" in str(info.value) and "SVG" in info.value.message("en")
