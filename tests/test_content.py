"""``pangan content check``: the shipped content is clean, and problems are listed."""

from __future__ import annotations

import sys
import types
from pathlib import Path

import pytest
import yaml

from tests.quiz.conftest import write_bank
from toolkit import content
from toolkit.cli import main


def _q(qid: str, topic: str = "hygiene", **kw) -> dict:
    base = {
        "id": qid,
        "topic": topic,
        "type": "truefalse",
        "text": {"id": "Soal", "en": "Question"},
        "answer": True,
        "explanation": {"id": "Alasan.", "en": "Reason."},
        "source": "facts.md §6.2",
    }
    base.update(kw)
    return base


def test_shipped_content_passes() -> None:
    problems = content.check_content()
    assert problems == []


def test_shipped_banks_exist() -> None:
    from toolkit.quiz import bank_files

    assert bank_files(), "no question banks shipped"


def test_cli_ok(capsys) -> None:
    assert main(["content", "check"]) == 0
    assert "lolos" in capsys.readouterr().out


def test_cli_lists_problems_and_exits_non_zero(tmp_path: Path, capsys) -> None:
    write_bank(tmp_path, "hygiene", [_q("h1")])
    (tmp_path / "gmp.yaml").write_text("questions: [\n", encoding="utf-8")
    bad = _q("l1", topic="labels")
    del bad["source"]
    write_bank(tmp_path, "labels", [bad])
    assert main(["content", "check", "--banks", str(tmp_path), "--lang", "en"]) == 1
    err = capsys.readouterr().err
    assert "2 problems" in err
    assert "gmp.yaml" in err
    assert "labels.yaml, question l1, field source" in err


def test_bank_rules(tmp_path: Path) -> None:
    write_bank(tmp_path, "hygeine", [_q("h1")])  # misspelt topic key
    write_bank(tmp_path, "gmp", [_q("g1")])  # question of another topic
    write_bank(tmp_path, "pretest", [_q("p1", pair="a")], kind="pretest", parallel="posttest")
    problems = content.check_banks(tmp_path)
    text = "\n".join(problems)
    assert "hygeine.yaml: the file name must be a module topic key" in text
    assert "gmp.yaml, question g1, field topic" in text
    assert "both forms are needed" in text


def test_non_parallel_forms(tmp_path: Path) -> None:
    write_bank(
        tmp_path,
        "pretest",
        [_q("a1", pair="x", difficulty="easy")],
        kind="pretest",
        parallel="posttest",
        exam=True,
    )
    write_bank(
        tmp_path,
        "posttest",
        [_q("b1", pair="x", difficulty="hard")],
        kind="posttest",
        parallel="pretest",
        exam=True,
    )
    problems = content.check_banks(tmp_path)
    assert any("posttest.yaml, question b1, field difficulty" in p for p in problems)


def test_translation_problems(tmp_path: Path) -> None:
    for lang in ("id", "en"):
        (tmp_path / lang).mkdir()
    (tmp_path / "id" / "x.yaml").write_text(
        yaml.safe_dump({"a": "Halo {name}", "b": "Saja", "c": ""}), encoding="utf-8"
    )
    (tmp_path / "en" / "x.yaml").write_text(
        yaml.safe_dump({"a": "Hello {who}", "c": "C", "d": "Only English"}), encoding="utf-8"
    )
    (tmp_path / "en" / "broken.yaml").write_text("a: [\n", encoding="utf-8")
    problems = "\n".join(content.check_translations(tmp_path))
    assert "x.a: placeholders differ" in problems
    assert "locales/en: x.b: missing" in problems
    assert "locales/id: x.d: missing" in problems
    assert "x.c: must be a non-empty text" in problems
    assert "broken.yaml: not valid YAML" in problems


def test_topic_validators_are_called(monkeypatch) -> None:
    calls = []
    good = types.ModuleType("toolkit.fake_ok.content")
    good.validate = lambda: calls.append("ok") or []
    bad = types.ModuleType("toolkit.fake_bad.content")
    bad.validate = lambda: ["case 3: expiry missing"]
    boom = types.ModuleType("toolkit.fake_boom.content")

    def explode():
        raise RuntimeError("bug")

    boom.validate = explode
    for name, mod in (("fake_ok", good), ("fake_bad", bad), ("fake_boom", boom)):
        monkeypatch.setitem(sys.modules, f"toolkit.{name}.content", mod)
    problems = content.check_topics(["fake_ok", "fake_bad", "fake_boom", "not_there"])
    assert calls == ["ok"]
    assert "fake_bad: case 3: expiry missing" in problems
    assert any("fake_boom.content.validate() failed: bug" in p for p in problems)
    assert len(problems) == 2


@pytest.mark.parametrize("argv", [["content"]])
def test_content_without_subcommand_shows_help(argv, capsys) -> None:
    assert main(argv) == 2
    assert "check" in capsys.readouterr().out
