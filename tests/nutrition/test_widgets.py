"""The nutrition widgets, driven in plain pytest: values in, .click(), assert on what shows."""

from __future__ import annotations

import re
import shutil

import pytest

from tests.conftest import ROOT
from toolkit.app.session import Session
from toolkit.nutrition.drills import load_drills
from toolkit.nutrition.widgets import (
    DrillSet,
    NutritionCalculator,
    NutritionDrill,
    RecipeEstimator,
    show_facts,
    show_rounding_table,
)
from toolkit.store import open_store

EXERCISES = ROOT / "exercises" / "nutrition" / "drills.yaml"


@pytest.fixture
def guest() -> Session:
    return Session(lang="id")


@pytest.fixture
def trainee(sqlite_url) -> Session:
    s = Session("KPG25", "017", "id")
    s.use_store(open_store(sqlite_url))
    return s


def _all_states(widget) -> str:
    """Every trait value of a widget and its descendants, as the browser could read them."""
    out, stack = [], [widget]
    while stack:
        wd = stack.pop()
        out.append(repr(wd.get_state()))
        stack.extend(getattr(wd, "children", ()))
    return "\n".join(out)


def test_calculator_shows_table_panel_notices_and_ggl(guest, keripik) -> None:
    calc = NutritionCalculator(session=guest)
    calc.set_values(keripik, "25", "100")
    calc.click()
    page = calc.result_html
    assert "<svg" in page and "2150 kkal" in page
    assert "130 kkal" in page and "11%" in page
    assert "BELUM DIKONFIRMASI" in page  # basis and rounding notices
    assert 'download="informasi-nilai-gizi.svg"' in page
    assert calc.facts is not None and calc.facts.declared["fat_g"] == 8
    assert "67 g" in calc.ggl_html and "BELUM DIKONFIRMASI" in calc.ggl_html
    calc._ggl_set.value = "p2ptm"
    assert "72 g" in calc.ggl_html


def test_calculator_basis_switch_and_decimal_comma(guest, keripik) -> None:
    calc = NutritionCalculator(keripik, 25, 100, session=guest)
    calc.set_values({"fat_g": "30,0"}, akg_basis="declared")
    calc.click()
    assert calc.facts.akg_basis == "declared" and calc.facts.percent_akg["fat_g"] == 12
    assert "sesudah dibulatkan" in calc.result_html


@pytest.mark.parametrize(
    ("change", "serving", "pack", "text"),
    [
        ({"protein_g": ""}, "25", "100", "belum diisi: Protein"),
        ({"fat_g": "-3"}, "25", "100", "tidak boleh negatif"),
        ({"sugar_g": "70"}, "25", "100", "Gula (70 g)"),
        ({}, "250", "100", "tidak boleh lebih besar dari isi kemasan"),
        ({}, "dua puluh", "100", "Takaran saji harus berupa angka"),
    ],
)
def test_calculator_errors_are_translated_text(guest, keripik, change, serving, pack, text) -> None:
    calc = NutritionCalculator(keripik, 25, 100, session=guest)
    calc.click()
    assert calc.facts is not None
    calc.set_values(change, serving, pack)
    calc.click()
    assert text in calc.result_html and "Traceback" not in calc.result_html
    assert calc.facts is None and calc.ggl_html == ""  # the old result is gone


def test_calculator_in_english(keripik) -> None:
    calc = NutritionCalculator(keripik, 25, 100, session=Session(lang="en"))
    calc.set_values({"fat_g": "-1"})
    calc.click()
    assert "Total fat cannot be negative" in calc.result_html


def test_exempt_category_is_reported(guest, keripik) -> None:
    calc = NutritionCalculator(keripik, 25, 100, session=guest)
    calc.set_values(category="coffee")
    calc.click()
    assert "Kopi dikecualikan" in calc.result_html


def test_calculation_is_stored_once(trainee, keripik) -> None:
    calc = NutritionCalculator(keripik, 25, 100, session=trainee)
    calc.click()
    calc.click()  # double tap: stored once
    answers = trainee.store.answers("KPG25", "017", "nutrition.calculator")
    assert len(answers) == 1
    assert answers[0].answer["declared"]["fat_g"] == 8


@pytest.mark.skipif(not shutil.which("chromium"), reason="needs Debian's chromium")
def test_png_button_gives_a_png_link(guest, keripik) -> None:
    calc = NutritionCalculator(keripik, 25, 100, session=guest)
    calc.click()
    calc.click_png()
    assert 'href="data:image/png;base64,' in calc._png_link.value


def test_recipe_estimator_end_to_end(guest) -> None:
    rec = RecipeEstimator(session=guest)
    assert "USDA" in rec.table_note_html
    rec.add("singkong", "1000")
    rec.add("minyak_sawit", "150")
    rec.add("garam", 10)
    rec.set_weights("600", "25", "100")
    rec.click()
    assert rec.message_html == ""
    assert rec.estimate is not None and rec.facts is not None
    assert "PERKIRAAN" in rec.result_html and "<svg" in rec.result_html
    assert "bukan hasil analisis laboratorium" in rec.result_html  # the panel's mark
    assert rec.facts.per_100g == pytest.approx(
        {**rec.estimate.per_100g, "energy_kcal": rec.facts.per_100g["energy_kcal"]}
    )


@pytest.mark.parametrize(
    ("lines", "weights", "text"),
    [
        ([], ("600", "25", "100"), "Resep masih kosong"),
        ([("singkong", "100")], ("0", "25", "100"), "Berat hasil akhir harus"),
        ([("minyak_sawit", "100")], ("50", "25", "100"), "terlalu kecil"),
        ([("singkong", "100")], ("100", "25", "10"), "tidak boleh lebih besar"),
    ],
)
def test_recipe_errors_are_messages(guest, lines, weights, text) -> None:
    rec = RecipeEstimator(session=guest)
    for code, grams in lines:
        rec.add(code, grams)
    rec.set_weights(*weights)
    rec.click()
    assert text in rec.message_html and rec.facts is None


def test_recipe_bad_weight_and_clear(guest) -> None:
    rec = RecipeEstimator(session=guest)
    rec.add("singkong", "banyak")
    assert "banyak" in rec.message_html and rec.lines == []
    rec.add("singkong", "100")
    assert len(rec.lines) == 1
    rec.click_clear()
    assert rec.lines == []


def test_recipe_user_table_upload(guest) -> None:
    rec = RecipeEstimator(session=guest)
    header = "code,name_id,fat_g,saturated_fat_g,protein_g,carbohydrate_g,sugar_g,sodium_mg\n"
    rec.load_table((header + "tempe,Tempe,10.8,2.2,20.3,7.6,0,9\n").encode())
    assert "1 bahan" in rec.table_note_html
    assert list(rec._ingredient.options) == ["Tempe"]
    rec.load_table((header + "tahu,Tahu,5,9,8,2,0,7\n").encode())
    note = re.sub("<[^>]+>", "", rec.table_note_html)
    assert "Baris 2" in note and "saturated_fat_g" in note
    assert list(rec._ingredient.options) == ["Tempe"]  # the good table stays
    rec.add("tempe", "100")
    rec._ingredient.value = "  TEMPE "
    rec._grams.value = "50"
    rec._add.click()
    assert rec.lines == [("tempe", 100.0), ("tempe", 50.0)]
    rec._ingredient.value = "<b>keju</b>"
    rec._add.click()
    assert "&lt;b&gt;keju" in rec.message_html and len(rec.lines) == 2


def test_drill_right_wrong_and_not_a_number(trainee) -> None:
    drill = NutritionDrill("round", "t_round", session=trainee, nutrient="fat_g", value=7.5)
    drill.answer = "tujuh"
    drill.click()
    assert "harus berupa angka" in drill.feedback_html
    drill.answer = "7,5"
    drill.click()
    drill.click()  # double tap: stored once
    assert "Belum tepat" in drill.feedback_html and "8 g" in drill.feedback_html
    drill.answer = "8 g"
    drill.click()
    assert "Benar" in drill.feedback_html and drill.solved
    answers = trainee.store.answers("KPG25", "017", "nutrition.steps")
    assert [a.correct for a in answers] == [False, True]


@pytest.mark.parametrize("path", [None, EXERCISES])
def test_drill_answers_are_not_in_widget_state(guest, path) -> None:
    _, drills = load_drills(path)
    widget = DrillSet(path, session=guest)
    assert len(widget.drills) == len(drills) >= 3
    for drill_widget, d in zip(widget.drills, drills, strict=True):
        answer = re.compile(r"(?<![\d,.])" + re.escape(d.answer_text("id")))
        assert not answer.search(_all_states(drill_widget)), d.id


def test_exercise_set_has_at_least_five_drills_and_completion(trainee) -> None:
    _, drills = load_drills(EXERCISES)
    assert len(drills) >= 5
    widget = DrillSet(EXERCISES, module="nutrition", session=trainee)
    assert "0 dari" in widget.progress_html
    for drill_widget, drill in zip(widget.drills, drills, strict=True):
        drill_widget.answer = str(drill.answer()).replace(".", ",")
        drill_widget.click()
        assert drill_widget.solved, drill.id
    assert "Semua soal benar" in widget.progress_html
    assert [(p.module, p.event) for p in trainee.store.progress("KPG25")] == [
        ("nutrition", "completed")
    ]


def test_broken_drill_file_is_a_message(guest, tmp_path) -> None:
    bad = tmp_path / "drills.yaml"
    bad.write_text("quiz: x\ndrills:\n  - {id: a, kind: guess, params: {}}\n", encoding="utf-8")
    widget = DrillSet(bad, session=guest)
    assert widget.drills == [] and "salah di a" in widget.progress_html


def test_teaching_prints(capsys, keripik) -> None:
    show_facts(keripik, 25, 100, session=Session(lang="en"))
    show_rounding_table(session=Session(lang="id"))
    show_facts({**keripik, "fat_g": -1}, 25, 100, session=Session(lang="id"))
    out = capsys.readouterr().out
    assert "131.5 kcal" in out and "> 140 mg → kelipatan 10" in out
    assert "tidak boleh negatif" in out


def test_large_upload_and_long_typed_text_are_refused_briefly(guest, keripik) -> None:
    rec = RecipeEstimator(session=guest)
    rec.load_table(b"x" * (600 * 1024))
    assert "terlalu besar" in rec.table_note_html
    calc = NutritionCalculator(keripik, 25, 100, session=guest)
    calc.set_values({"fat_g": "9" * 30 + "x" * 5000})
    calc.click()
    assert "bukan angka" in calc.result_html and len(calc.result_html) < 400
