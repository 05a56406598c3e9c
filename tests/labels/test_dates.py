"""Printed-date reader: every notation of the issue, Indonesian and English month names."""

from __future__ import annotations

import datetime as dt

import pytest

from toolkit.labels.dates import DateError, parse_printed_date, strip_lead_in

TABLE = [
    ("12/05/2027", 2027, 5, 12),
    ("12-05-27", 2027, 5, 12),
    ("12 05 2027", 2027, 5, 12),
    ("12.05.2027", 2027, 5, 12),
    ("1/2/2027", 2027, 2, 1),
    ("12 Mei 2027", 2027, 5, 12),
    ("12 MEI 2027", 2027, 5, 12),
    ("12-Mei-27", 2027, 5, 12),
    ("12 Des 2026", 2026, 12, 12),
    ("5 Agustus 2027", 2027, 8, 5),
    ("5 Agt 2027", 2027, 8, 5),
    ("28 Pebruari 2027", 2027, 2, 28),
    ("12 May 2027", 2027, 5, 12),
    ("May 12, 2027", 2027, 5, 12),
    ("3 October 2027", 2027, 10, 3),
    ("MEI 2027", 2027, 5, None),
    ("Des 2026", 2026, 12, None),
    ("December 2026", 2026, 12, None),
    ("05/2027", 2027, 5, None),
    ("5-2027", 2027, 5, None),
    ("Okt 27", 2027, 10, None),
    ("Baik digunakan sebelum 12 Mei 2027", 2027, 5, 12),
    ("Baik digunakan sebelum: 05/2027", 2027, 5, None),
    ("BAIK DIGUNAKAN SEBELUM 29-02-28", 2028, 2, 29),
    ("Exp: 12/05/2027", 2027, 5, 12),
]


@pytest.mark.parametrize(("text", "year", "month", "day"), TABLE)
def test_printed_dates_parse(text: str, year: int, month: int, day: int | None) -> None:
    d = parse_printed_date(text)
    assert (d.year, d.month, d.day) == (year, month, day)
    assert d.has_day == (day is not None)


def test_last_day_of_a_month_year_date() -> None:
    assert parse_printed_date("Feb 2028").last_day() == dt.date(2028, 2, 29)
    assert parse_printed_date("12/05/2027").last_day() == dt.date(2027, 5, 12)


BAD = [
    ("", "labels.date.empty"),
    ("   ", "labels.date.empty"),
    ("lihat bagian bawah kemasan", "labels.date.unreadable"),
    ("12/2027/05", "labels.date.unreadable"),
    ("Mai 2027", "labels.date.unreadable"),
    ("05/27", "labels.date.unreadable"),
    ("12052027", "labels.date.unreadable"),
    ("12 13 2027", "labels.date.bad_month"),
    ("31/04/2027", "labels.date.bad_day"),
    ("29-02-27", "labels.date.bad_day"),
    ("13/2027", "labels.date.bad_month"),
    # found by the property test in test_robustness.py: a year 0 or a "²" crashed the checker
    ("1/0000", "labels.date.unreadable"),
    ("12/05/0999", "labels.date.unreadable"),
    ("1 ² 2027", "labels.date.unreadable"),
    ("12/05/２０２７", "labels.date.unreadable"),
]


@pytest.mark.parametrize(("text", "key"), BAD)
def test_unreadable_dates_raise_a_translated_error(text: str, key: str) -> None:
    with pytest.raises(DateError) as info:
        parse_printed_date(text)
    assert info.value.key == key
    assert str(info.value) != info.value.message("en")


def test_strip_lead_in_keeps_the_printed_words() -> None:
    assert strip_lead_in("Baik digunakan sebelum 12 Mei 2027") == (
        "Baik digunakan sebelum",
        "12 Mei 2027",
    )
    assert strip_lead_in("12 Mei 2027") == ("", "12 Mei 2027")
    # "Edisi" must not be read as the lead-in "ED"
    assert strip_lead_in("Edisi 2027")[0] == ""
