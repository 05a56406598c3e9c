"""Small question banks written to a temporary folder."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml


def _q(qid: str, topic: str = "hygiene", difficulty: str = "easy", **kw: Any) -> dict:
    base = {
        "id": qid,
        "topic": topic,
        "type": "truefalse",
        "difficulty": difficulty,
        "text": {"id": f"Soal {qid}", "en": f"Question {qid}"},
        "answer": True,
        "explanation": {"id": "Karena begitu.", "en": "Because so."},
        "source": "facts.md §6.2",
    }
    base.update(kw)
    return base


def write_bank(folder: Path, name: str, questions: list[dict], **bank: Any) -> Path:
    data = {"title": {"id": "Kuis", "en": "Quiz"}, **bank, "questions": questions}
    path = folder / f"{name}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


@pytest.fixture
def make_q():
    return _q


@pytest.fixture
def pooled_bank(tmp_path: Path) -> Path:
    """24 questions: 3 topics × 2 difficulties × 4."""
    qs = [
        _q(f"{topic[:3]}-{diff}-{i}", topic=topic, difficulty=diff)
        for topic in ("hygiene", "labels", "permits")
        for diff in ("easy", "hard")
        for i in range(4)
    ]
    return write_bank(tmp_path, "mixed", qs)
