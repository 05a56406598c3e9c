"""Permit pathway advisor: does a product need P-IRT, BPOM MD/ML, or is it exempt?

The rules, food groups and next steps are data in ``pathway.yaml`` with their sources
(facts §2.2–2.4, §9 item 12). Where the rules pull in different directions, or the input is
not enough, the advice says so and sends the owner to the district health office.
"""

from __future__ import annotations

import dataclasses
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from toolkit import yamlio
from toolkit.errors import ToolkitError
from toolkit.i18n import normalize_lang, t

DATA_FILE = Path(__file__).with_name("pathway.yaml")
PROCESSING: tuple[str, ...] = ("none", "sterilised", "pasteurised", "frozen", "chilled")
CONSUMERS: tuple[str, ...] = ("general", "infant", "special_diet")
FORMS: tuple[str, ...] = ("solid", "powder", "liquid_rtd")
OUTCOMES: tuple[str, ...] = ("p_irt", "bpom_md", "bpom_ml", "exempt", "ambiguous")


class PathwayError(ToolkitError):
    """Product facts the advisor cannot use (unknown group, negative shelf life …)."""


@cache
def data() -> dict[str, Any]:
    """The contents of ``pathway.yaml`` (read once)."""
    return yamlio.safe_load(DATA_FILE.read_text(encoding="utf-8"))


@dataclasses.dataclass(frozen=True)
class FoodGroup:
    """One of the 15 IRT food groups (PerBPOM 22/2018 Lampiran)."""

    code: str
    names: dict[str, str]
    examples: dict[str, str]

    def name(self, lang: str = "id") -> str:
        """The group name in ``lang``."""
        return self.names[normalize_lang(lang)]


def food_groups() -> list[FoodGroup]:
    """The 15 IRT food groups in code order."""
    return [
        FoodGroup(str(g["code"]), {"id": g["id"], "en": g["en"]}, dict(g["examples"]))
        for g in data()["groups"]["list"]
    ]


@dataclasses.dataclass(frozen=True)
class Product:
    """What the owner tells the advisor about a product.

    Attributes:
        group: IRT food-group code ``"01"``–``"15"``, or None when it fits none of them.
        processing: ``"none"``, ``"sterilised"``, ``"pasteurised"``, ``"frozen"`` (kept in a
            freezer) or ``"chilled"`` (kept in a fridge).
        animal_origin: Made mainly from meat, fish, poultry, milk or eggs.
        consumers: ``"general"``, ``"infant"`` (infants/MP-ASI) or ``"special_diet"``
            (diabetics, medical food, "booster ASI" …).
        imported: Made abroad.
        repacked: Repacking of a product the business did not make.
        alcohol: Contains alcohol as a beverage.
        food_additive: A food additive (BTP) sold as such.
        form: ``"solid"``, ``"powder"`` or ``"liquid_rtd"`` (liquid, ready to drink).
        shelf_life_days: Shelf life at room temperature in days, None if not known.
    """

    group: str | None = None
    processing: str = "none"
    animal_origin: bool = False
    consumers: str = "general"
    imported: bool = False
    repacked: bool = False
    alcohol: bool = False
    food_additive: bool = False
    form: str = "solid"
    shelf_life_days: float | None = None

    def __post_init__(self) -> None:
        codes = {g.code for g in food_groups()}
        if self.group is not None and self.group not in codes:
            raise PathwayError("pathway.error.group", value=self.group)
        for name, value, allowed in (
            ("processing", self.processing, PROCESSING),
            ("consumers", self.consumers, CONSUMERS),
            ("form", self.form, FORMS),
        ):
            if value not in allowed:
                raise PathwayError(
                    "pathway.error.choice", field=name, value=value, allowed=", ".join(allowed)
                )
        if self.shelf_life_days is not None and (
            isinstance(self.shelf_life_days, bool)
            or not isinstance(self.shelf_life_days, int | float)
            or not self.shelf_life_days >= 0
        ):
            raise PathwayError("pathway.error.shelf_life", value=self.shelf_life_days)


@dataclasses.dataclass(frozen=True)
class Reason:
    """One rule that applied, with its source and certainty."""

    key: str
    outcome: str
    source: str
    status: str

    def message(self, lang: str = "id") -> str:
        """The reason as a sentence; rules from a secondary/unconfirmed source say so."""
        text = t(f"pathway.reason.{self.key}", lang)
        if self.status in ("secondary", "unconfirmed"):
            text += " " + t(f"pathway.status.{self.status}", lang)
        return text


@dataclasses.dataclass(frozen=True)
class Advice:
    """The advisor's answer: outcome, reasons, the food group and the next steps."""

    outcome: str
    reasons: tuple[Reason, ...]
    group: FoodGroup | None
    steps: tuple[str, ...]
    notes: tuple[str, ...]  # locale keys below pathway.note.

    @property
    def ambiguous(self) -> bool:
        """True when the advisor cannot decide and points to the district health office."""
        return self.outcome == "ambiguous"

    def title(self, lang: str = "id") -> str:
        """The decision in one line."""
        return t(f"pathway.outcome.{self.outcome}", lang)

    def lines(self, lang: str = "id") -> dict[str, list[str]]:
        """Reasons, next steps and notes as sentences, keyed ``reasons``/``steps``/``notes``."""
        return {
            "reasons": [r.message(lang) for r in self.reasons],
            "steps": [t(f"pathway.step.{s}", lang) for s in self.steps],
            "notes": [t(f"pathway.note.{n}", lang) for n in self.notes],
        }

    def sources(self) -> list[str]:
        """The sources of the reasons and of the next steps."""
        step_src = data()["step_sources"]
        return [r.source for r in self.reasons] + [step_src[s]["source"] for s in self.steps]


def _reason(key: str) -> Reason:
    rule = data()["rules"][key]
    return Reason(key, rule["outcome"], rule["source"], rule["status"])


def advise(product: Product) -> Advice:
    """Decide the permit pathway of ``product``.

    Order: every exclusion from P-IRT is collected (imported → BPOM ML; the others → BPOM
    MD). Without exclusions, a shelf life under 7 days at room temperature is exempt; a
    product in one of the 15 IRT groups with a known shelf life of at least 7 days is P-IRT.
    Cases the rules do not settle are ``ambiguous``: conflicting rules (a fresh liquid drink
    with a short shelf life), chilled food not of animal origin, an unknown shelf life, or a
    product in none of the groups.

    Args:
        product: The product facts.

    Returns:
        An :class:`Advice`.
    """
    p = product
    groups = {g.code: g for g in food_groups()}
    group = groups.get(p.group) if p.group else None
    max_days = data()["rules"]["short_shelf_life"]["max_days"]
    short = p.shelf_life_days is not None and p.shelf_life_days < max_days

    hits: list[Reason] = []
    notes: list[str] = []
    if p.imported:
        hits.append(_reason("imported"))
    if p.repacked:
        hits.append(_reason("repacked"))
    if p.consumers == "infant":
        hits.append(_reason("infant"))
    elif p.consumers == "special_diet":
        hits.append(_reason("special_diet"))
    if p.processing in ("sterilised", "pasteurised", "frozen"):
        hits.append(_reason(p.processing))
    if p.processing == "chilled" and p.animal_origin:
        hits.append(_reason("chilled_animal"))
    if p.alcohol:
        hits.append(_reason("alcohol"))
    if p.food_additive:
        hits.append(_reason("food_additive"))
    liquid_fresh = (
        p.form == "liquid_rtd"
        and short
        and p.processing in ("none", "chilled")
        and not (p.imported or p.repacked or p.alcohol or p.food_additive)
        and p.consumers == "general"
        and not (p.processing == "chilled" and p.animal_origin)
    )
    if p.form == "liquid_rtd" and not liquid_fresh:
        hits.append(_reason("liquid_rtd"))

    if hits:
        outcome = "bpom_ml" if p.imported else "bpom_md"
        return Advice(outcome, tuple(hits), group, tuple(data()["steps"][outcome]), tuple(notes))

    if liquid_fresh:
        notes.append("liquid_fresh_conflict")
        reasons = (_reason("short_shelf_life"), _reason("liquid_rtd"))
        return Advice(
            "ambiguous", reasons, group, tuple(data()["steps"]["ambiguous"]), tuple(notes)
        )
    if p.processing == "chilled" and not short:
        notes.append("chilled_not_animal")
        return Advice("ambiguous", (), group, tuple(data()["steps"]["ambiguous"]), tuple(notes))
    if short:
        if p.processing == "chilled":
            notes.append("chilled_not_animal")
        return Advice(
            "exempt",
            (_reason("short_shelf_life"),),
            group,
            tuple(data()["steps"]["exempt"]),
            tuple(notes),
        )
    if p.shelf_life_days is None:
        notes.append("shelf_life_unknown")
        return Advice("ambiguous", (), group, tuple(data()["steps"]["ambiguous"]), tuple(notes))
    if group is None:
        notes.append("no_group")
        return Advice("ambiguous", (), None, tuple(data()["steps"]["ambiguous"]), tuple(notes))
    notes.append("groups_secondary")
    return Advice(
        "p_irt", (_reason("irt_group"),), group, tuple(data()["steps"]["p_irt"]), tuple(notes)
    )


def examples() -> list[tuple[str, dict[str, str], Product]]:
    """The example products of ``pathway.yaml``: key, names (id/en) and the product facts."""
    out = []
    for ex in data()["examples"]:
        facts = {k: v for k, v in ex.items() if k not in ("key", "name")}
        out.append((ex["key"], dict(ex["name"]), Product(**facts)))
    return out


def groups_text(lang: str = "id") -> str:
    """The 15 IRT food groups as plain text, one per line."""
    return "\n".join(f"{g.code} {g.name(lang)}" for g in food_groups())


def examples_text(lang: str = "id") -> str:
    """Every example product with its decided pathway, as plain text."""
    lang = normalize_lang(lang)
    return "\n".join(
        f"{names[lang]}: {advise(product).title(lang)}" for _, names, product in examples()
    )


def validate() -> list[str]:
    """Problems in ``pathway.yaml`` (empty when all is well), for ``pangan content check``."""
    problems: list[str] = []
    try:
        raw = yamlio.safe_load(DATA_FILE.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        return [f"permits/pathway.yaml: cannot read: {exc}"]
    statuses = {"confirmed", "secondary", "unconfirmed"}
    codes = [str(g.get("code")) for g in raw.get("groups", {}).get("list", [])]
    if codes != [f"{n:02d}" for n in range(1, 16)]:
        problems.append("permits/pathway.yaml: groups must be codes 01–15 in order")
    for key, rule in (raw.get("rules") or {}).items():
        if (
            rule.get("outcome") not in OUTCOMES
            or not rule.get("source")
            or rule.get("status") not in statuses
        ):
            problems.append(f"permits/pathway.yaml rules.{key}: needs outcome, source and status")
    steps = raw.get("steps") or {}
    for outcome in OUTCOMES:
        for step in steps.get(outcome, []):
            if step not in (raw.get("step_sources") or {}):
                problems.append(f"permits/pathway.yaml steps.{outcome}: {step} has no source")
    for ex in raw.get("examples") or []:
        facts = {k: v for k, v in ex.items() if k not in ("key", "name")}
        try:
            Product(**facts)
        except (TypeError, PathwayError):
            problems.append(f"permits/pathway.yaml example {ex.get('key')}: not a valid product")
    return problems
