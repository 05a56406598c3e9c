"""Widgets of the hygiene tools, driven in plain pytest."""

from __future__ import annotations

import datetime as dt

import pytest

from toolkit.app.session import Session
from toolkit.hygiene.widgets import DilutionCalculator, TemperatureLogChecker
from toolkit.store import open_store


def test_dilution_widget_converts_naocl_label_and_warns() -> None:
    calc = DilutionCalculator(Session(lang="id"))
    calc.set_inputs(200, 1000, 5.25, "naocl")
    calc.click()
    # 5.25 % NaOCl ≈ 5.0 % available chlorine → 200 ppm needs ≈ 4.0 ml
    assert calc.plan.bleach_ml == pytest.approx(4.0, abs=0.01)
    assert "4,0 ml" in calc.output_html and "sendok teh" in calc.output_html
    calc.set_inputs(300, 1000, 5.0, "available_chlorine", cap_ml=6)
    calc.click()
    assert calc.plan.bleach_ml == pytest.approx(6.0)
    assert "200 ppm" in calc.output_html  # the no-rinse warning names the limit
    assert "tutup botol (6,0 ml)" in calc.output_html


def test_dilution_widget_shows_translated_error_not_traceback() -> None:
    calc = DilutionCalculator(Session(lang="en"))
    calc.set_inputs(100, 1000, 0, "naocl")
    calc.click()
    assert "impossible" in calc.output_html and "Traceback" not in calc.output_html
    assert calc.plan is None
    calc._stock.value = "lima"
    calc.click()
    assert "not a number" in calc.output_html
    calc.set_inputs(100, 1000, 5.0, "available_chlorine")
    calc._stock.value = "5,0"  # a decimal comma works
    calc.click()
    assert calc.plan.bleach_ml == pytest.approx(2.0)


def test_temperature_widget_typed_log_and_saved_calculation(sqlite_url) -> None:
    session = Session(workshop="KPG25", participant="017", lang="id")
    session.use_store(open_store(sqlite_url))
    box = TemperatureLogChecker(session)
    box.set_inputs("08:00, 65\n09:00, 35\n10:00; 35,0\n11:00 35", "room")
    box.click()
    assert box.result.two_hour_rule == "exceeded"
    assert "data:image/png;base64," in box.output_html
    assert "dibuang" in box.output_html
    box.click()  # a double tap stores once
    rows = session.store.answers("KPG25", "017", "hygiene.tools")
    assert [r.question_id for r in rows] == ["temperature_log"]
    assert rows[0].answer["two_hour_rule"] == "exceeded"


def test_temperature_widget_errors_are_messages() -> None:
    box = TemperatureLogChecker(Session(lang="en"))
    box.set_inputs("08:00, 150 °F\n09:00, 95 °F")
    box.click()
    assert "°F" in box.output_html and box.result is None
    box.set_inputs("08:00, 150\n09:00, 95", unit="F")
    box.click()
    assert box.result is not None and "converted" in box.output_html
    box.set_inputs("08:00")
    box.click()
    assert "incomplete" in box.output_html


def test_upload_of_a_csv_file() -> None:
    box = TemperatureLogChecker(Session(lang="id"))
    box._upload.value = (
        {
            "name": "logger.csv",
            "type": "text/csv",
            "size": 40,
            "content": memoryview(b"time,temp\n08:00,4\n09:00,9\n10:00,4\n"),
            "last_modified": dt.datetime(2026, 11, 24),
        },
    )
    box.set_inputs("", "cold_holding")
    box.click()
    assert box.result.breach_minutes > 0
    assert "Penyimpanan dingin gagal" in box.output_html
