"""content.validate(): the shipped data files are sound, and broken ones are reported."""

from __future__ import annotations

import pytest

from toolkit.nutrition import content, data


def test_shipped_files_validate() -> None:
    assert content.validate() == []


@pytest.fixture
def broken(monkeypatch):
    """Patch one loader to return a changed copy of its table; the cache is restored after."""

    def apply(loader: str, change) -> None:
        import copy

        table = copy.deepcopy(getattr(data, loader)())
        change(table)
        monkeypatch.setattr(content, loader, lambda: table)

    return apply


def test_missing_source_is_reported(broken) -> None:
    broken("alg_table", lambda t: t["values"]["fat_g"].pop("source"))
    assert any("alg.yaml: fat_g: no source" in p for p in content.validate())


def test_confirmed_ggl_figures_are_reported(broken) -> None:
    broken("ggl_table", lambda t: t["sets"]["permenkes"].update(status="confirmed"))
    assert any("UNCONFIRMED" in p for p in content.validate())


def test_unordered_bands_are_reported(broken) -> None:
    def swap(t):
        t["groups"]["sodium"]["bands"] = [{"upto": 140, "step": 5}, {"below": 5, "step": 0},
                                          {"step": 10}]  # fmt: skip

    broken("rounding_table", swap)
    assert any("group sodium" in p and "above" in p for p in content.validate())


def test_uncovered_nutrient_is_reported(broken) -> None:
    broken("rounding_table", lambda t: t["groups"]["macro"]["nutrients"].remove("sugar_g"))
    assert any("sugar_g must be in exactly one group" in p for p in content.validate())


def test_unknown_exempt_kind_is_reported(broken) -> None:
    broken("exempt_table", lambda t: t["categories"]["coffee"].update(kind="maybe"))
    assert any("coffee kind" in p for p in content.validate())


def test_uncited_composition_row_is_reported(monkeypatch, tmp_path) -> None:
    bad = tmp_path / "composition.csv"
    text = data.COMPOSITION_FILE.read_text(encoding="utf-8").splitlines()
    bad.write_text(text[0] + "\nx,X,X,1,0.5,2,3,1,4,\n", encoding="utf-8")
    monkeypatch.setattr(content, "COMPOSITION_FILE", bad)
    assert any("composition.csv" in p and "Row 2" in p for p in content.validate())


def test_broken_module_quiz_is_reported(monkeypatch, tmp_path) -> None:
    from toolkit.nutrition import drills

    bad = tmp_path / "module_quiz.yaml"
    bad.write_text("quiz: q\ndrills:\n  - {id: a, kind: round, params: {nutrient: fat_g}}\n")
    monkeypatch.setattr(drills, "MODULE_QUIZ_FILE", bad)
    assert any(p.startswith("module_quiz.yaml") and "value" in p for p in content.validate())
