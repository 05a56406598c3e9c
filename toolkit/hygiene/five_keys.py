"""The Five Keys lesson: its data (``five_keys.yaml``) and server-side answer checking.

Pure model code: no widget imports. The widget lives in ``toolkit.hygiene.five_keys_widgets``.
"""

from __future__ import annotations

import dataclasses
from functools import cache
from pathlib import Path

from toolkit import yamlio
from toolkit.errors import ToolkitError

DATA = Path(__file__).with_name("five_keys.yaml")


class LessonDataError(ToolkitError):
    """The lesson data file does not follow its schema."""


@dataclasses.dataclass(frozen=True)
class Check:
    """One multiple-choice check. ``answer`` stays on the server."""

    question: dict[str, str]
    options: tuple[dict[str, str], ...]
    answer: int
    explain: dict[str, str]
    source: str

    def is_correct(self, choice: int | None) -> bool:
        """True when ``choice`` (an option index) is the right one."""
        return choice == self.answer


@dataclasses.dataclass(frozen=True)
class Key:
    """One of the Five Keys."""

    id: str
    title: dict[str, str]
    points: dict[str, tuple[str, ...]]
    check: Check


def _bilingual(node: object, where: str) -> dict[str, str]:
    if not isinstance(node, dict) or not all(isinstance(node.get(k), str) for k in ("id", "en")):
        raise LessonDataError("hygiene.error.schema", file=DATA.name, where=where)
    return {"id": node["id"], "en": node["en"]}


def parse_keys(data: dict) -> tuple[Key, ...]:
    """Validate and build the keys from the parsed YAML document.

    Raises:
        LessonDataError: naming the file and the place that is wrong.
    """
    keys = data.get("keys") if isinstance(data, dict) else None
    if not isinstance(keys, list) or not keys:
        raise LessonDataError("hygiene.error.schema", file=DATA.name, where="keys")
    out = []
    for i, k in enumerate(keys):
        where = f"keys[{i}]"
        if not isinstance(k, dict) or not isinstance(k.get("id"), str):
            raise LessonDataError("hygiene.error.schema", file=DATA.name, where=f"{where}.id")
        pts = k.get("points") or {}
        if not all(isinstance(pts.get(lang), list) and pts[lang] for lang in ("id", "en")):
            raise LessonDataError("hygiene.error.schema", file=DATA.name, where=f"{where}.points")
        c = k.get("check") or {}
        opts = c.get("options")
        if not isinstance(opts, list) or len(opts) < 2:
            raise LessonDataError(
                "hygiene.error.schema", file=DATA.name, where=f"{where}.check.options"
            )
        answer = c.get("answer")
        if not isinstance(answer, int) or not 0 <= answer < len(opts):
            raise LessonDataError(
                "hygiene.error.schema", file=DATA.name, where=f"{where}.check.answer"
            )
        if not isinstance(c.get("source"), str) or not c["source"].strip():
            raise LessonDataError(
                "hygiene.error.schema", file=DATA.name, where=f"{where}.check.source"
            )
        check = Check(
            question=_bilingual(c.get("question"), f"{where}.check.question"),
            options=tuple(_bilingual(o, f"{where}.check.options[{j}]") for j, o in enumerate(opts)),
            answer=answer,
            explain=_bilingual(c.get("explain"), f"{where}.check.explain"),
            source=c["source"],
        )
        out.append(
            Key(
                id=k["id"],
                title=_bilingual(k.get("title"), f"{where}.title"),
                points={lang: tuple(pts[lang]) for lang in ("id", "en")},
                check=check,
            )
        )
    return tuple(out)


@cache
def load_five_keys(path: Path = DATA) -> tuple[Key, ...]:
    """The Five Keys from the data file."""
    return parse_keys(yamlio.safe_load(path.read_text(encoding="utf-8")))
