"""The shipped data sets and drills load, compute, and agree with their answer keys."""

from __future__ import annotations

import shutil

import yaml

from toolkit.shelflife import content
from toolkit.shelflife.drills import check_drills, load_drills


def test_shipped_content_has_no_problems() -> None:
    assert len(content.datasets()) >= 3
    assert {d.kind for d in content.datasets()} == {"aslt", "isotherm"}
    assert content.validate() == []


def test_every_dataset_is_marked_synthetic_with_a_source() -> None:
    for item in content.datasets():
        assert item.status == "synthetic" and "facts.md" in item.source, item.id


def test_drill_file_has_at_least_six_drills() -> None:
    drills = load_drills(content.EXERCISES_DIR / "drills.yaml")
    assert len(drills) >= 6
    for drill in drills:
        assert (content.EXERCISES_DIR / drill.params.get("dataset", "drills.yaml")).is_file()


def test_a_stale_answer_key_is_reported(tmp_path) -> None:
    shutil.copytree(content.EXERCISES_DIR / "data", tmp_path / "data")
    raw = yaml.safe_load((content.EXERCISES_DIR / "drills.yaml").read_text(encoding="utf-8"))
    raw["drills"][2]["answer"] = 99.0
    raw["drills"][3]["kind"] = "nonsense"
    path = tmp_path / "drills.yaml"
    path.write_text(yaml.safe_dump(raw), encoding="utf-8")
    problems = check_drills(path)
    assert any("stored answer 99.0" in p for p in problems)
    assert any("unknown kind 'nonsense'" in p for p in problems)


def test_a_broken_dataset_is_reported(tmp_path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("temp_c,day,value\n25,0,3\n25,7,x\n", encoding="utf-8")
    item = content.Dataset(
        id="nope", path=bad, kind="aslt", unit="%", status="synthetic", source="facts.md",
        initial=3, limit=6, storage_temp_c=30,
    )  # fmt: skip
    problems = content.check_dataset(item)
    assert any("Row 3" in p for p in problems)
    assert any("shelflife.dataset.nope.title" in p for p in problems)
