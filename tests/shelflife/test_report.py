"""The text reports used by the notebooks show the computed numbers."""

from __future__ import annotations

from toolkit.i18n import fmt_number
from toolkit.shelflife import best_before, fit_arrhenius, shelf_life_days
from toolkit.shelflife.content import EXERCISES_DIR, dataset
from toolkit.shelflife.report import dataset_report, describe_table


def test_dataset_report_numbers() -> None:
    item = dataset("keripik_kadar_air")
    fit = fit_arrhenius(item.frame())
    life = shelf_life_days(fit, item.storage_temp_c, item.initial, item.limit)
    text = dataset_report(item.id, "2026-12-01", "id")
    assert f"{fmt_number(life.days, 'id', 1)} hari" in text
    assert f"{fmt_number(life.low, 'id', 0)} sampai {fmt_number(life.high, 'id', 0)} hari" in text
    assert f"Ea = {fmt_number(fit.ea_kj_per_mol, 'id', 1)} kJ/mol" in text
    assert best_before("2026-12-01", life.days).text in text
    assert "{" not in dataset_report("kue_skor_sensori", lang="en")


def test_describe_table() -> None:
    text = describe_table(EXERCISES_DIR / "data" / "kacang_bilangan_peroksida.csv", "en")
    assert text == (
        "kacang_bilangan_peroksida.csv: temperatures 30, 35, 40 °C; 6 points per temperature; "
        "days 0 to 35."
    )
