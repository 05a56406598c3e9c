"""Calculation drills for ING: questions whose answers the model computes (no stored keys).

A drill file (YAML) holds ``quiz`` (the id answers are stored under) and ``drills``: a list of
``{id, kind, params, source}``. Kinds: ``per_serving``, ``energy``, ``round``, ``percent_akg``,
``servings``. The answer is computed by the same functions as the calculator, so a drill can
never disagree with the toolkit.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from toolkit import yamlio
from toolkit.i18n import t
from toolkit.nutrition.errors import NutritionError, nutrient_name
from toolkit.nutrition.format import fmt_amount, unit
from toolkit.nutrition.model import KCAL_PER_G, NUTRIENTS, alg_value
from toolkit.nutrition.rounding import declare, declare_percent, declare_servings, to_decimal

MODULE_QUIZ_FILE = Path(__file__).with_name("module_quiz.yaml")
#: The parameters each kind needs.
KINDS: dict[str, tuple[str, ...]] = {
    "per_serving": ("nutrient", "value", "serving_g"),
    "energy": ("fat_g", "protein_g", "carbohydrate_g"),
    "round": ("nutrient", "value"),
    "percent_akg": ("nutrient", "amount"),
    "servings": ("pack_g", "serving_g"),
}
#: The rule behind each kind, shown with the feedback when a drill names no source.
KIND_SOURCES = {
    "per_serving": "Per sajian = per 100 g x takaran saji / 100 (facts.md §4.3)",
    "energy": "Energi = 9 x lemak + 4 x protein + 4 x karbohidrat (facts.md §4.3)",
    "round": "Pedoman ING 2005/2011, tabel pembulatan (facts.md §4.4)",
    "percent_akg": "ALG umum, PerKBPOM 9/2016; %AKG ke 1% terdekat (facts.md §4.2, §4.3)",
    "servings": "Sajian per kemasan ke 0,5 terdekat (facts.md §4.3)",
}
#: How far an answer may be from the computed one (unrounded results allow for 0.05).
TOLERANCE = {"per_serving": Decimal("0.05"), "energy": Decimal("0.05")}


def parse_answer(text: Any) -> Decimal | None:
    """A typed answer as a number (``"2,5"``, ``"2.5"``, ``"3 %"``, ``"130 kkal"``), else None."""
    raw = str(text or "").strip().lower()
    for suffix in ("kkal", "kcal", "mg", "g", "%"):
        raw = raw.removesuffix(suffix).strip()
    raw = raw.replace(",", ".")
    try:
        value = Decimal(raw)
    except ArithmeticError:
        return None
    return value if value.is_finite() else None


@dataclass(frozen=True)
class Drill:
    """One calculation question."""

    id: str
    kind: str
    params: dict[str, Any] = field(default_factory=dict)
    source: str = ""

    def answer(self) -> Decimal:
        """The right answer, computed by the toolkit's own rules."""
        p = self.params
        if self.kind == "per_serving":
            return to_decimal(p["value"]) * to_decimal(p["serving_g"]) / 100
        if self.kind == "energy":
            return sum((KCAL_PER_G[k] * to_decimal(p[k]) for k in KCAL_PER_G), Decimal(0))
        if self.kind == "round":
            return declare(p["nutrient"], p["value"])
        if self.kind == "percent_akg":
            ref = alg_value(p["nutrient"])
            if ref is None:
                raise NutritionError("nutrition.error.drill", drill=self.id)
            return Decimal(declare_percent(to_decimal(p["amount"]) * 100 / ref))
        if self.kind == "servings":
            return declare_servings(to_decimal(p["pack_g"]) / to_decimal(p["serving_g"]))
        raise NutritionError("nutrition.error.drill", drill=self.id)

    def is_correct(self, text: Any) -> bool:
        """True when the typed answer matches (within the kind's tolerance)."""
        value = parse_answer(text)
        if value is None:
            return False
        return abs(value - self.answer()) <= TOLERANCE.get(self.kind, Decimal(0))

    def _params(self, lang: str) -> dict[str, Any]:
        out: dict[str, Any] = {}
        nutrient = self.params.get("nutrient")
        for key, value in self.params.items():
            if key == "nutrient":
                out[key] = nutrient_name(value, lang)
            elif isinstance(value, int | float):
                out[key] = fmt_amount(value, lang, 2)
        if nutrient:
            out["unit"] = unit(nutrient, lang)
        return out

    def question(self, lang: str = "id") -> str:
        """The question in ``lang``."""
        return t(f"nutrition.drill.{self.kind}", lang, **self._params(lang))

    def answer_text(self, lang: str = "id") -> str:
        """The right answer as people write it, with its unit."""
        digits = 2 if self.kind in TOLERANCE else 1
        number = fmt_amount(self.answer(), lang, digits)
        if self.kind == "percent_akg":
            return f"{number}%"
        if self.kind == "energy":
            return f"{number} {unit('energy_kcal', lang)}"
        if "nutrient" in self.params:
            return f"{number} {unit(self.params['nutrient'], lang)}"
        return number

    def explanation(self, lang: str = "id") -> str:
        """How the answer is found, in ``lang``."""
        return t(f"nutrition.drill.explain.{self.kind}", lang, answer=self.answer_text(lang))


def make_drill(spec: Mapping[str, Any], where: str = "drill", inline: bool = False) -> Drill:
    """Build and check one drill from its mapping (its answer must be computable).

    ``inline`` drills (written in a notebook cell) may leave out ``source``: the kind's rule
    is cited instead. Drills in files must cite their own source.

    Raises:
        NutritionError: Naming the drill and what is wrong.
    """
    if not isinstance(spec, Mapping):
        raise NutritionError("nutrition.error.drill_file", where=where, detail="not a mapping")
    drill_id = str(spec.get("id") or "").strip()
    kind = spec.get("kind")
    params = dict(spec.get("params") or {})
    if not drill_id:
        raise NutritionError("nutrition.error.drill_file", where=where, detail="id")
    if kind not in KINDS:
        raise NutritionError("nutrition.error.drill_file", where=drill_id, detail="kind")
    missing = [k for k in KINDS[kind] if k not in params]
    if missing:
        raise NutritionError("nutrition.error.drill_file", where=drill_id, detail=missing[0])
    if "nutrient" in params and params["nutrient"] not in (*NUTRIENTS, "energy_from_fat_kcal"):
        raise NutritionError("nutrition.error.drill_file", where=drill_id, detail="nutrient")
    source = str(spec.get("source") or "").strip()
    drill = Drill(drill_id, kind, params, source or (KIND_SOURCES[kind] if inline else ""))
    try:
        drill.answer()
    except (ArithmeticError, TypeError, KeyError):
        raise NutritionError(
            "nutrition.error.drill_file", where=drill_id, detail="params"
        ) from None
    return drill


def load_drills(path: str | Path | None = None) -> tuple[str, list[Drill]]:
    """Load a drill file: the module quiz (``None``) or a practice set such as
    ``exercises/nutrition/drills.yaml``.

    Returns:
        ``(quiz id, drills)``.

    Raises:
        NutritionError: When the file cannot be read or a drill is not valid.
    """
    file = Path(path) if path is not None else MODULE_QUIZ_FILE
    try:
        data = yamlio.safe_load(file.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError):
        raise NutritionError("nutrition.error.drill_file", where=file.name, detail="YAML") from None
    quiz = str(data.get("quiz") or "").strip() if isinstance(data, dict) else ""
    specs = data.get("drills") if isinstance(data, dict) else None
    if not quiz or not isinstance(specs, list) or not specs:
        raise NutritionError("nutrition.error.drill_file", where=file.name, detail="quiz/drills")
    drills = [make_drill(s, f"{file.name}[{i}]") for i, s in enumerate(specs)]
    ids = [d.id for d in drills]
    if len(set(ids)) != len(ids):
        raise NutritionError("nutrition.error.drill_file", where=file.name, detail="duplicate id")
    for drill in drills:
        if not drill.source.strip():
            raise NutritionError("nutrition.error.drill_file", where=drill.id, detail="source")
    return quiz, drills
