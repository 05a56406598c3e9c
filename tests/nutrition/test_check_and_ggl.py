"""check_panel (the label checker's hook) and the GGL comparison with unconfirmed figures."""

from __future__ import annotations

import pytest

from toolkit.nutrition import (
    NutritionError,
    check_panel,
    ggl_comparison,
    nutrition_facts,
    panel_from_facts,
)
from toolkit.nutrition.ggl import ggl_sets


@pytest.fixture
def panel(keripik) -> dict:
    panel = panel_from_facts(nutrition_facts(keripik, 25, 100))
    panel["footnote"] = "*Persen AKG berdasarkan kebutuhan energi 2150 kkal."
    return panel


def _by_field(findings) -> dict:
    return {f.field: f for f in findings}


def test_a_right_panel_has_no_findings(keripik, panel) -> None:
    assert check_panel(panel, keripik, 25, 100) == []


def test_percent_on_either_basis_is_accepted(keripik, panel) -> None:
    panel["percent_akg"].update(fat_g=12, carbohydrate_g=5)  # the declared basis
    assert check_panel(panel, keripik, 25, 100) == []


def test_wrong_arithmetic_is_an_error(keripik, panel) -> None:
    panel["protein_g"] = 6  # per 100 g copied instead of per serving
    finding = _by_field(check_panel(panel, keripik, 25, 100))["nutrition.protein_g"]
    assert finding.severity == "error" and finding.rule == "ing.value"
    assert "6 g" in finding.message("id") and "2 g" in finding.message("en")


def test_unrounded_value_is_a_warning_that_needs_confirmation(keripik, panel) -> None:
    panel["fat_g"] = 7.5
    finding = _by_field(check_panel(panel, keripik, 25, 100))["nutrition.fat_g"]
    assert finding.severity == "warning" and finding.status == "unconfirmed"
    assert "7,5 g" in finding.message("id") and "BELUM DIKONFIRMASI" in finding.message("id")
    assert "7.5 g" in finding.message("en") and "UNCONFIRMED" in finding.message("en")


def test_percent_findings(keripik, panel) -> None:
    panel["percent_akg"].update(sodium_mg=8, protein_g=30, sugar_g=2)
    del panel["percent_akg"]["energy_kcal"]
    found = _by_field(check_panel(panel, keripik, 25, 100))
    assert found["nutrition.percent_akg.sodium_mg"].severity == "warning"  # off by one
    assert found["nutrition.percent_akg.protein_g"].severity == "error"
    assert found["nutrition.percent_akg.sugar_g"].severity == "error"
    assert "gula" in found["nutrition.percent_akg.sugar_g"].message("id").lower()
    assert found["nutrition.percent_akg.energy_kcal"].severity == "error"


def test_missing_servings_serving_size_and_footnote(keripik, panel) -> None:
    del panel["saturated_fat_g"]
    panel.update(servings_per_pack=5, serving_size_g=30, footnote="berdasarkan 2000 kkal")
    findings = check_panel(panel, keripik, 25, 100)
    found = _by_field(findings)
    assert found["nutrition.saturated_fat_g"].rule == "ing.mandatory"
    assert "Lemak jenuh" in found["nutrition.saturated_fat_g"].message("id")
    assert found["nutrition.servings_per_pack"].severity == "error"
    assert found["nutrition.serving_size"].severity == "error"
    assert "2150" in found["nutrition.footnote"].message("en")
    assert [f.severity for f in findings] == sorted(f.severity for f in findings)  # errors first
    assert all(f.source for f in findings)


def test_invalid_printed_number_raises(keripik, panel) -> None:
    panel["fat_g"] = "delapan"
    with pytest.raises(NutritionError):
        check_panel(panel, keripik, 25, 100)


def test_ggl_comparison_default_and_other_figures(keripik) -> None:
    facts = nutrition_facts(keripik, 25, 100)
    default = ggl_comparison(facts)
    assert default.figures == ggl_sets()[0] == "permenkes" and default.status == "unconfirmed"
    rows = {r.nutrient: r for r in default.rows}
    assert rows["sodium_mg"].percent == 5  # 100 mg of 2000 mg
    assert rows["fat_g"].percent == 11  # 7.5 g of 67 g
    assert rows["sugar_g"].percent == 2  # 1 g of 50 g
    other = {r.nutrient: r for r in ggl_comparison(facts, "p2ptm").rows}
    assert other["fat_g"].limit == 72 and other["fat_g"].percent == 10
    assert "BELUM DIKONFIRMASI" in default.notice("id") and "UNCONFIRMED" in default.notice("en")
    assert "Garam (Natrium): 100 mg per sajian = 5% dari 2.000 mg per hari" in [
        r.text("id") for r in default.rows
    ]
    with pytest.raises(NutritionError):
        ggl_comparison(facts, "who")
