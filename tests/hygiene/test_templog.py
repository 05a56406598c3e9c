"""Temperature-log check: known answers, messy logs, units and the FDA cooling reference."""

from __future__ import annotations

import datetime as dt
import io

import pytest

from toolkit.hygiene import HygieneError, check_temperature_log, read_temperature_log

DAY = dt.date(2026, 11, 24)
# 65 → 35 °C in an hour crosses 60 °C after 1/6 of it; then two hours at 35 °C.
RICE = [("08:00", 65), ("09:00", 35), ("10:00", 35), ("11:00", 35)]
RICE_DANGER = 60 * (1 - 5 / 30) + 120


def keys(result) -> set[str]:
    return {n.key for n in result.notices}


def test_rice_left_out_exceeds_two_hours() -> None:
    res = check_temperature_log(RICE, "room", date=DAY)
    assert res.danger_minutes == pytest.approx(RICE_DANGER)
    assert res.two_hour_rule == "exceeded"
    assert res.total_minutes == 180
    assert "notice.two_hour_exceeded" in keys(res)
    text = " ".join(res.findings("id"))
    assert "dibuang" in text and str(round(RICE_DANGER)) in text


def test_short_stay_passes_two_hour_rule() -> None:
    res = check_temperature_log([("12:00", 70), ("12:30", 40), ("13:00", 40)], "room", date=DAY)
    # 70 → 40: below 60 after a third of 30 min → 20 min, plus 30 min
    assert res.danger_minutes == pytest.approx(50)
    assert res.two_hour_rule == "ok"


def test_unsorted_timestamps_give_the_same_answer_and_say_so() -> None:
    shuffled = [RICE[2], RICE[0], RICE[3], RICE[1]]
    res = check_temperature_log(shuffled, "room", date=DAY)
    assert res.danger_minutes == pytest.approx(RICE_DANGER)
    assert [r.time.hour for r in res.readings] == [8, 9, 10, 11]
    assert "notice.sorted" in keys(res)
    assert "notice.sorted" not in keys(check_temperature_log(RICE, "room", date=DAY))


def test_duplicate_readings_are_merged_by_averaging() -> None:
    dup = [*RICE, ("09:00", 35)]
    res = check_temperature_log(dup, "room", date=DAY)
    assert len(res.readings) == 4
    assert res.danger_minutes == pytest.approx(RICE_DANGER)
    assert next(n for n in res.notices if n.key == "notice.duplicates").params["count"] == 1
    # two different values at 09:00 → their mean (35) is used
    split = [("08:00", 65), ("09:00", 30), ("09:00", 40), ("10:00", 35), ("11:00", 35)]
    res2 = check_temperature_log(split, "room", date=DAY)
    assert res2.readings[1].temp_c == 35
    assert res2.danger_minutes == pytest.approx(RICE_DANGER)


def test_gap_is_reported_and_makes_the_verdict_uncertain() -> None:
    log = [("08:00", 70), ("08:10", 62), ("10:10", 40), ("10:20", 40)]
    res = check_temperature_log(log, "room", date=DAY)
    interpolated = 120 * (1 - 2 / 22) + 10
    assert res.danger_minutes == pytest.approx(interpolated)  # below 120 …
    assert res.danger_worst_minutes == pytest.approx(130)  # … but the gap may hide more
    assert res.two_hour_rule == "uncertain"
    assert len(res.gaps) == 1 and res.gaps[0][0].hour == 8
    assert "notice.gap" in keys(res)
    # the same log with a wider gap tolerance has no gap
    assert check_temperature_log(log, "room", date=DAY, max_gap_minutes=180).gaps == ()


def test_hot_holding_breach_time() -> None:
    log = [("11:00", 75), ("12:00", 65), ("13:00", 55), ("14:00", 70)]
    res = check_temperature_log(log, "hot_holding", date=DAY)
    assert res.breach_minutes == pytest.approx(30 + 20)
    hot = next(n for n in res.notices if n.key == "notice.hot_breach")
    assert hot.level == "danger" and hot.params["count"] == 1
    ok = check_temperature_log([("11:00", 75), ("12:00", 65)], "hot_holding", date=DAY)
    assert ok.breach_minutes == 0 and "notice.hot_ok" in keys(ok)


def test_cold_holding_breach_with_minutes_as_times() -> None:
    res = check_temperature_log([(0, 3), (60, 4), (120, 9), (180, 4)], "cold_holding", date=DAY)
    assert res.breach_minutes == pytest.approx(48 + 48)
    assert "notice.cold_breach" in keys(res)
    assert check_temperature_log([(0, 3), (60, 5)], "cold_holding").breach_minutes == 0


def test_fda_cooling_passes_at_the_limits_and_is_labelled_as_reference() -> None:
    log = [(0, 70), (30, 57), (120, 30), (150, 21), (300, 8), (360, 5)]
    res = check_temperature_log(log, "cooling", date=DAY)
    assert res.cooling["minutes_to_stage1"] == pytest.approx(120)
    assert res.cooling["minutes_to_stage2"] == pytest.approx(330)
    assert res.cooling["verdict"] == "ok"
    assert res.two_hour_rule == "not_applicable"
    ok = next(n for n in res.notices if n.key == "notice.cooling_ok")
    assert ok.status == "reference" and "FDA" in ok.message("en")


def test_fda_cooling_failures() -> None:
    slow = check_temperature_log([(0, 57), (150, 25), (180, 21)], "cooling", date=DAY)
    assert slow.cooling["verdict"] == "fail"
    assert slow.cooling["minutes_to_stage1"] == pytest.approx(180)
    never = check_temperature_log([(0, 60), (100, 40), (200, 30)], "cooling", date=DAY)
    assert never.cooling["verdict"] == "fail"
    assert never.cooling["start"] == dt.datetime(2026, 11, 24, 0, 15)  # 60→40 crosses 57 at 15 min
    assert "notice.cooling_stage1_fail_never" in keys(never)
    slow2 = check_temperature_log([(0, 60), (60, 20), (420, 6)], "cooling", date=DAY)
    assert slow2.cooling["verdict"] == "fail"
    assert "notice.cooling_stage2_fail_never" in keys(slow2)
    short = check_temperature_log([(0, 57), (60, 40)], "cooling", date=DAY)
    assert short.cooling["verdict"] == "incomplete"


def test_fahrenheit_is_rejected_unless_declared() -> None:
    log = {"time": ["08:00", "09:00"], "temp_F": [150, 95]}
    with pytest.raises(HygieneError) as info:
        check_temperature_log(log, "room", date=DAY)
    assert info.value.key == "hygiene.tools.error.fahrenheit"
    assert "°F" in info.value.message("en")
    with pytest.raises(HygieneError):
        check_temperature_log([("08:00", "150 °F"), ("09:00", "95 °F")], "room", date=DAY)
    res = check_temperature_log(log, "room", unit="F", date=DAY)
    assert res.readings[0].temp_c == pytest.approx((150 - 32) * 5 / 9)
    assert res.readings[1].temp_c == pytest.approx(35)
    assert "notice.converted_f" in keys(res)
    with pytest.raises(HygieneError) as info:
        check_temperature_log({"waktu": ["08:00", "09:00"], "suhu_c": [60, 30]}, unit="F")
    assert info.value.key == "hygiene.tools.error.unit_conflict"


@pytest.mark.parametrize(
    ("log", "kwargs", "key"),
    [
        ([("08:00", 60)], {}, "hygiene.tools.error.too_few"),
        ([("08:00", 60), ("08:00", 61)], {}, "hygiene.tools.error.too_few"),
        ([("pagi", 60), ("09:00", 50)], {}, "hygiene.tools.error.time"),
        ([("25:00", 60), ("09:00", 50)], {}, "hygiene.tools.error.time"),
        ([("08:00", "panas"), ("09:00", 50)], {}, "hygiene.tools.error.temp"),
        ([("08:00", 600), ("09:00", 50)], {}, "hygiene.tools.error.implausible"),
        (RICE, {"food_type": "soup"}, "hygiene.tools.error.food_type"),
        (RICE, {"unit": "K"}, "hygiene.tools.error.unit"),
        ([], {}, "hygiene.tools.error.empty"),
        ({"a": [1], "b": [2], "c": [3]}, {}, "hygiene.tools.error.columns"),
    ],
)
def test_bad_logs_raise_translated_errors(log, kwargs, key) -> None:
    with pytest.raises(HygieneError) as info:
        check_temperature_log(log, **kwargs)
    assert info.value.key == key


def test_csv_with_semicolons_and_decimal_commas() -> None:
    text = "waktu;suhu (°C)\n2026-11-24 09:00;35,0\n2026-11-24 08:00;65,0\n\n2026-11-24 10:00;35\n2026-11-24 11:00;35\n"
    rows = read_temperature_log(text.encode(), "logger.csv")
    res = check_temperature_log(rows, "room")
    assert res.danger_minutes == pytest.approx(RICE_DANGER)
    assert "notice.sorted" in keys(res)


def test_excel_upload() -> None:
    import openpyxl

    wb = openpyxl.Workbook()
    wb.active.append(["Time", "Temperature"])
    for h, v in RICE:
        wb.active.append([dt.datetime.combine(DAY, dt.time(int(h[:2]))), v])
    buf = io.BytesIO()
    wb.save(buf)
    res = check_temperature_log(read_temperature_log(buf.getvalue(), "log.xlsx"), "room")
    assert res.danger_minutes == pytest.approx(RICE_DANGER)
    with pytest.raises(HygieneError):
        read_temperature_log(b"not a workbook", "bad.xlsx")
