"""Auto-checked practice tasks for the hygiene, CPPB-IRT and permit-pathway exercises.

A task file (``exercises/<set>/tugas.yaml``) gives each task's prompt and *inputs*; the right
answer is computed here by the toolkit's own calculators (``solver``), never stored in the
file or in a widget. Pure code: no widget imports.
"""

from __future__ import annotations

import dataclasses
import math
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from toolkit import yamlio
from toolkit.errors import ToolkitError
from toolkit.i18n import normalize_lang, t


class ExerciseError(ToolkitError):
    """A task file that does not follow the schema."""


def exercises_dir() -> Path:
    """The exercises folder: ``$PANGAN_EXERCISES`` or the repository's ``exercises/``."""
    env = os.environ.get("PANGAN_EXERCISES")
    return Path(env) if env else Path(__file__).resolve().parents[2] / "exercises"


# solvers: inputs → the right answer (a number, or a choice value) --------------------------


def _bleach_ml(i: dict[str, Any]) -> float:
    from toolkit.hygiene.model import bleach_volume_ml

    return bleach_volume_ml(
        i["target_ppm"], i["volume_ml"], i["stock_percent"], i.get("basis", "available_chlorine")
    )


def _ppm(i: dict[str, Any]) -> float:
    from toolkit.hygiene.model import ppm_from_dilution

    return ppm_from_dilution(
        i["bleach_ml"], i["volume_ml"], i["stock_percent"], i.get("basis", "available_chlorine")
    )


def _rinse(i: dict[str, Any]) -> str:
    from toolkit.hygiene.model import sanitizer_notices

    keys = {n.key for n in sanitizer_notices(i["target_ppm"], i.get("basis", "available_chlorine"))}
    return "yes" if "notice.above_no_rinse" in keys else "no"


def _log(i: dict[str, Any]) -> Any:
    from toolkit.hygiene.model import check_temperature_log

    return check_temperature_log(
        [tuple(r) for r in i["log"]], i.get("food_type", "room"), unit=i.get("unit")
    )


def _danger(i: dict[str, Any]) -> float:
    return _log(i).danger_minutes


def _two_hour(i: dict[str, Any]) -> str:
    return _log(i).two_hour_rule


def _cooling(i: dict[str, Any]) -> str:
    return _log(i).cooling["verdict"]


def _assessment(i: dict[str, Any]) -> Any:
    from toolkit.gmp.model import assess, checklist

    answers: dict[int, Any] = {it.no: True for it in checklist()}
    answers.update({int(no): False for no in i["findings"]})
    return assess(answers)


def _level(i: dict[str, Any]) -> str:
    from toolkit.gmp.model import roman

    return roman(_assessment(i).level)


def _audit(i: dict[str, Any]) -> str:
    return _assessment(i).audit_frequency


def _critical(i: dict[str, Any]) -> float:
    return float(_assessment(i).counts["KR"])


def _pathway(i: dict[str, Any]) -> str:
    from toolkit.permits.pathway import Product, advise

    return advise(Product(**i["product"])).outcome


SOLVERS: dict[str, Callable[[dict[str, Any]], Any]] = {
    "bleach_ml": _bleach_ml,
    "ppm": _ppm,
    "rinse_needed": _rinse,
    "danger_minutes": _danger,
    "two_hour_rule": _two_hour,
    "cooling_verdict": _cooling,
    "irtp_level": _level,
    "audit_frequency": _audit,
    "critical_count": _critical,
    "pathway": _pathway,
}

#: Choice lists: value → locale key of its label.
CHOICES: dict[str, list[tuple[str, str]]] = {
    "yes_no": [("yes", "hygiene.tools.exercise.yes"), ("no", "hygiene.tools.exercise.no")],
    "two_hour": [
        (v, f"hygiene.tools.exercise.two_hour.{v}") for v in ("ok", "exceeded", "uncertain")
    ],
    "cooling": [(v, f"hygiene.tools.exercise.cooling.{v}") for v in ("ok", "fail", "incomplete")],
    "level": [(v, f"hygiene.tools.exercise.level.{v}") for v in ("I", "II", "III", "IV")],
    "audit": [
        (v, f"gmp.audit.{v}")
        for v in ("every_two_months", "every_month", "every_two_weeks", "every_day")
    ],
    "pathway": [
        (v, f"pathway.outcome.{v}") for v in ("p_irt", "bpom_md", "bpom_ml", "exempt", "ambiguous")
    ],
}


@dataclasses.dataclass(frozen=True)
class Task:
    """One practice task: prompt, answer kind and the inputs its solver needs."""

    id: str
    prompt: dict[str, str]
    kind: str  # "number" | "choice"
    solver: str
    inputs: dict[str, Any]
    choices: str = ""
    tolerance: float = 0.0
    unit: str = ""

    def text(self, lang: str = "id") -> str:
        """The prompt in ``lang``."""
        return self.prompt[normalize_lang(lang)]

    def options(self, lang: str = "id") -> list[tuple[str, str]]:
        """``(label, value)`` pairs of a choice task."""
        return [(t(key, lang), value) for value, key in CHOICES.get(self.choices, [])]

    def expected(self) -> Any:
        """The right answer, computed by the toolkit."""
        return SOLVERS[self.solver](self.inputs)

    def check(self, answer: Any) -> bool:
        """True when ``answer`` is right (numbers within the tolerance; text with , or .)."""
        right = self.expected()
        if self.kind == "number":
            value = parse_number(answer)
            return value is not None and abs(value - float(right)) <= self.tolerance + 1e-9
        return answer == right


def parse_number(value: Any) -> float | None:
    """A number typed by a trainee (``"4,0"``, ``"4.0"``, ``" 4 ml"``) or None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value) if math.isfinite(value) else None
    text = str(value or "").strip().lower()
    for suffix in ("ml", "ppm", "menit", "minutes", "min"):
        text = text.removesuffix(suffix).strip()
    text = text.replace(" ", "")
    if text.count(",") == 1 and "." not in text:
        text = text.replace(",", ".")
    try:
        number = float(text)
    except ValueError:
        return None
    return number if math.isfinite(number) else None


def parse_tasks(data: Any, name: str = "tugas.yaml") -> list[Task]:
    """Build tasks from a parsed task file; every task's answer must be computable.

    Raises:
        ExerciseError: naming the file and the task that is wrong.
    """
    if not isinstance(data, dict) or not isinstance(data.get("tasks"), list) or not data["tasks"]:
        raise ExerciseError("hygiene.tools.error.tasks", file=name, where="tasks")
    out: list[Task] = []
    seen: set[str] = set()
    for n, raw in enumerate(data["tasks"]):
        where = f"tasks[{n}]"
        try:
            task = Task(
                id=str(raw["id"]),
                prompt={"id": str(raw["prompt"]["id"]), "en": str(raw["prompt"]["en"])},
                kind=str(raw["kind"]),
                solver=str(raw["solver"]),
                inputs=dict(raw.get("inputs") or {}),
                choices=str(raw.get("choices", "")),
                tolerance=float(raw.get("tolerance", 0)),
                unit=str(raw.get("unit", "")),
            )
        except (KeyError, TypeError, ValueError):
            raise ExerciseError("hygiene.tools.error.tasks", file=name, where=where) from None
        if (
            task.id in seen
            or task.kind not in ("number", "choice")
            or task.solver not in SOLVERS
            or (task.kind == "choice" and task.choices not in CHOICES)
        ):
            raise ExerciseError("hygiene.tools.error.tasks", file=name, where=where)
        try:
            right = task.expected()
        except (ToolkitError, KeyError, TypeError):
            raise ExerciseError(
                "hygiene.tools.error.tasks", file=name, where=f"{where}.inputs"
            ) from None
        if task.kind == "choice" and right not in {v for v, _ in CHOICES[task.choices]}:
            raise ExerciseError("hygiene.tools.error.tasks", file=name, where=f"{where}.choices")
        seen.add(task.id)
        out.append(task)
    return out


def load_tasks(set_name: str, folder: Path | None = None) -> list[Task]:
    """The tasks of ``exercises/<set_name>/tugas.yaml``."""
    path = (folder or exercises_dir()) / set_name / "tugas.yaml"
    try:
        data = yamlio.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError):
        raise ExerciseError(
            "hygiene.tools.error.tasks", file=str(path.name), where="file"
        ) from None
    return parse_tasks(data, f"{set_name}/tugas.yaml")
