"""Hygiene practice logic and widgets: danger-zone explorer, handwashing, sorting, exercises."""

from __future__ import annotations

import base64
import copy

import pytest
import yaml

from toolkit.app.session import Session
from toolkit.hygiene.exercises import (
    ExerciseError,
    exercises_dir,
    load_tasks,
    parse_number,
    parse_tasks,
)
from toolkit.hygiene.model import HygieneError
from toolkit.hygiene.practice import (
    check_handwash_order,
    check_sorting,
    explore_scenario,
    handwash_steps,
    handwash_verdict,
    is_safe,
    practice_data,
    scenario_log,
    sorting_items,
)
from toolkit.hygiene.widgets import (
    DangerZoneExplorer,
    ExerciseSet,
    HandwashOrder,
    HandwashTimer,
    SortingExercise,
)
from toolkit.store import open_store


def test_scenario_log_is_cut_at_the_chosen_time() -> None:
    log = scenario_log("rice_table", 2)
    minutes = [(tm - log[0][0]).total_seconds() / 60 for tm, _ in log]
    assert minutes[0] == 0 and minutes[-1] == 120
    short = scenario_log("rice_table", 0.75)  # 45 min: between 60 °C (30) and 38 °C (60)
    assert short[-1][1] == pytest.approx(49)
    with pytest.raises(HygieneError):
        scenario_log("soup", 2)
    with pytest.raises(HygieneError):
        scenario_log("rice_table", 0)


def test_rice_on_the_table_turns_unsafe_after_two_hours_of_danger() -> None:
    # 60 → 38 °C (30 min), 38 → 31 (30 min), then ~30 °C: 90 min in the zone after 2 h
    assert explore_scenario("rice_table", 2).danger_minutes == pytest.approx(90)
    assert is_safe(explore_scenario("rice_table", 2))
    assert not is_safe(explore_scenario("rice_table", 3))
    assert is_safe(explore_scenario("rice_warmer", 6))
    assert not is_safe(explore_scenario("rice_warmer_off", 4))


def test_handwash_order_and_verdicts() -> None:
    keys = [k for k, _ in handwash_steps()]
    assert len(keys) == 11 and keys[0] == "wet" and keys[-1] == "tap"
    assert all(check_handwash_order(keys))
    swapped = keys[:]
    swapped[2], swapped[3] = swapped[3], swapped[2]
    assert check_handwash_order(swapped).count(False) == 2
    assert check_handwash_order(keys[:5]) == [False] * 11
    assert [handwash_verdict(s) for s in (20, 39, 40, 60, 61)] == [
        "too_short",
        "too_short",
        "ok",
        "ok",
        "long",
    ]


def test_sorting_answers_stay_on_the_server() -> None:
    items = sorting_items()
    assert len(items) >= 8 and not any(hasattr(i, "bin") for i in items)
    right = {i["key"]: i["bin"] for i in practice_data()["sorting"]["items"]}
    assert all(check_sorting(right).values())
    assert not check_sorting({})["chicken_raw"]


def test_explorer_widget_checks_the_judgement(sqlite_url) -> None:
    s = Session("KPG25", "017", "id")
    s.use_store(open_store(sqlite_url))
    box = DangerZoneExplorer(s)
    box.choose("rice_table", 4, "safe")
    box.click()
    assert "Belum tepat" in box.output_html
    box.choose("rice_table", 4, "unsafe")
    box.click()
    assert "data:image/png" in box.output_html
    stored = s.store.answers("KPG25", "017", "hygiene.tools")
    assert [a.correct for a in stored] == [False, True]
    box.choose("rice_table", 4, None)
    box.click()
    assert "Pilih jawaban dulu" in box.output_html


def test_handwash_widgets() -> None:
    order = HandwashOrder(Session(lang="en"))
    labels = [b.description for b in order._step_buttons.values()]
    assert labels == sorted(labels, key=str.lower)  # button order gives nothing away
    order.set_order([k for k, _ in handwash_steps()])
    assert all(b.disabled for b in order._step_buttons.values())
    order.click()
    assert order.correct and "11 of 11" in order.output_html
    order._reset_btn.click()
    assert not any(b.disabled for b in order._step_buttons.values()) and order.output_html == ""
    order._step_buttons["soap"].click()
    order._step_buttons["wet"].click()
    order._step_buttons["wet"].click()  # a second tap on a used step does nothing
    assert "Apply enough soap" in order._chosen.value
    order.click()
    assert not order.correct and "0 of 11" in order.output_html and "1, 2, 3" in order.output_html
    timer = HandwashTimer(Session(lang="id"))
    timer.seconds = 20
    assert "belum sampai 40" in timer.output_html
    timer.seconds = 45
    assert "cukup" in timer.output_html


def test_sorting_widget() -> None:
    box = SortingExercise(Session(lang="en"))
    box.choose({i["key"]: i["bin"] for i in practice_data()["sorting"]["items"]})
    box.click()
    assert box.correct
    box.choose({"chicken_raw": "ready"})
    box.click()
    assert not box.correct and "Raw chicken" in box.output_html


@pytest.mark.parametrize("set_name", ["hygiene", "gmp", "pathway"])
def test_exercise_sets_have_five_or_more_computable_tasks(set_name: str) -> None:
    tasks = load_tasks(set_name)
    assert len(tasks) >= 5
    for task in tasks:
        right = task.expected()
        assert task.check(right)
        if task.kind == "number":
            assert not task.check(float(right) + task.tolerance + 1)
        else:
            others = [v for _, v in task.options() if v != right]
            assert others and not any(task.check(v) for v in others)


def test_exercise_widget_scores_and_stores(sqlite_url) -> None:
    s = Session("KPG25", "017", "id")
    s.use_store(open_store(sqlite_url))
    ex = ExerciseSet("hygiene", s)
    first = ex.tasks[0]
    first.answer = "3,5"
    first.click()
    assert "Coba hitung lagi" in first.output_html and ex.solved == 0
    first.answer = "4,0 ml"
    first.click()
    assert ex.solved == 1 and "4,0 ml" in first.output_html
    first.answer = "abc"
    first.click()
    assert "angka" in first.output_html
    stored = s.store.answers("KPG25", "017", "exercise.hygiene")
    assert [a.correct for a in stored] == [False, True]
    for box in ex.tasks:  # no widget state carries the right answer
        assert str(box.task.expected()) not in str(box._answer.get_state().get("value"))


def test_parse_number() -> None:
    assert parse_number("4,5 ml") == 4.5
    assert parse_number("150ppm") == 150
    assert parse_number("") is None and parse_number("nan") is None and parse_number(True) is None


def test_bad_task_file_names_the_place() -> None:
    data = yaml.safe_load((exercises_dir() / "gmp" / "tugas.yaml").read_text(encoding="utf-8"))
    bad = copy.deepcopy(data)
    bad["tasks"][1]["solver"] = "guess"
    with pytest.raises(ExerciseError) as info:
        parse_tasks(bad, "gmp/tugas.yaml")
    assert "tasks[1]" in str(info.value)
    bad = copy.deepcopy(data)
    bad["tasks"][0]["inputs"] = {"findings": [99]}
    with pytest.raises(ExerciseError) as info:
        parse_tasks(bad)
    assert "tasks[0].inputs" in str(info.value)


def test_every_explorer_chart_is_drawn_once_and_shown() -> None:
    from toolkit.hygiene.plot import temperature_chart_png
    from toolkit.hygiene.practice import explore_scenario, scenarios
    from toolkit.hygiene.widgets import scenario_chart, warm_charts
    from toolkit.i18n import LANGS

    n = warm_charts()
    assert n == len(scenarios()) * len(practice_data()["hours"]) * len(LANGS)
    assert scenario_chart.cache_info().currsize >= n
    drawn = temperature_chart_png(explore_scenario("rice_table", 4.0), "en")
    assert base64.b64decode(scenario_chart("rice_table", 4.0, "en")) == drawn
    box = DangerZoneExplorer(Session(lang="en"))
    box.choose("rice_table", 4, "unsafe")
    box.click()
    assert scenario_chart("rice_table", 4.0, "en") in box.output_html
