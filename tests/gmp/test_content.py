"""The data files of the topic pass their own content check."""

from toolkit.gmp import content as gmp_content
from toolkit.hygiene import content as hygiene_content


def test_gmp_content_is_valid() -> None:
    assert gmp_content.validate() == []


def test_hygiene_content_is_valid() -> None:
    assert hygiene_content.validate() == []


def test_hygiene_content_check_can_fail(monkeypatch, tmp_path) -> None:
    bad = tmp_path / "tools.yaml"
    bad.write_text(
        "temperature:\n  danger_low_c: {value: 70}\n  danger_high_c: {value: 60, source: x, status: confirmed}\n"
    )
    monkeypatch.setattr(hygiene_content, "DATA_FILE", bad)
    problems = hygiene_content.validate()
    assert any("no source" in p for p in problems)
    assert any("below high" in p for p in problems)
