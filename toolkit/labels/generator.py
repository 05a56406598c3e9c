"""Endless label practice: seeded, realistic fictional labels of NTT-style UMKM products with
0–4 known defects drawn from the catalogue of ``generator.yaml``.

The same ``(seed, index, difficulty, today)`` always gives the same label, so a practice round
can be rebuilt from its seed and every trainee can get a different one.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from toolkit import yamlio
from toolkit.labels.cases import KeyItem
from toolkit.labels.model import MAIN_PANEL_FIELDS, Label

DATA_FILE = Path(__file__).with_name("generator.yaml")
MONTHS_ID = ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des")
PACK_DAMAGE = ("torn", "holed", "dented", "bulging", "leaking", "seal_broken")


@cache
def generator_data() -> dict[str, Any]:
    """The products, producers and defect catalogue of ``generator.yaml``."""
    return yamlio.safe_load(DATA_FILE.read_text(encoding="utf-8"))


@dataclasses.dataclass(frozen=True)
class AppliedDefect:
    """A defect injected into a generated label, with the findings it must cause."""

    id: str
    difficulty: int
    expects: tuple[KeyItem, ...]


@dataclasses.dataclass(frozen=True)
class PracticeLabel:
    """One generated practice label.

    Attributes:
        id: Stable id ``G<seed>-<index>``.
        difficulty: 1–3.
        today: The date the label is judged on.
        label: The printed label.
        defects: The injected defects (0–4).
    """

    id: str
    difficulty: int
    today: dt.date
    label: Label
    defects: tuple[AppliedDefect, ...]

    def expected(self) -> list[KeyItem]:
        """Every finding the injected defects must cause."""
        return [k for d in self.defects for k in d.expects]


def _fmt_day(d: dt.date, style: int) -> str:
    if style == 0:
        return f"{d.day:02d} {d.month:02d} {d.year}"
    if style == 1:
        return f"{d.day:02d}/{d.month:02d}/{d.year}"
    return f"{d.day} {MONTHS_ID[d.month - 1]} {d.year}"


def _fmt_month(d: dt.date, style: int) -> str:
    return f"{MONTHS_ID[d.month - 1]} {d.year}" if style == 0 else f"{d.month:02d}/{d.year}"


def _base(rng: random.Random, key: str, spec: dict[str, Any], today: dt.date) -> dict[str, Any]:
    data = generator_data()
    variant = rng.randrange(len(spec["ingredients"]))
    statement = spec.get("allergen_statement")
    if isinstance(statement, list):
        statement = statement[variant]
    place = rng.choice(data["producers"]["places"])
    name = rng.choice(data["producers"]["names"])
    shelf = int(spec["shelf_life_days"])
    produced = today - dt.timedelta(days=rng.randint(5, 40))
    best = produced + dt.timedelta(days=shelf)
    if shelf <= 92 or rng.random() < 0.5:
        best_text = _fmt_day(best, rng.randrange(3))
    else:
        best_text = _fmt_month(best, rng.randrange(2))
    year = today.year + rng.randint(1, 4)
    permit = (
        f"{spec['packaging']}{spec['group']}{place['region']}{rng.randint(1, 9):02d}"
        f"{rng.randint(1, 150):04d}-{year % 100:02d}"
    )
    unit = spec["unit"]
    net = rng.choice(spec["net"])
    main = set(MAIN_PANEL_FIELDS) - (set() if spec.get("halal") else {"halal_logo"})
    initials = "".join(w[0] for w in key.split("_")).upper()
    return {
        "product_name": rng.choice(spec["names"]),
        "ingredients": spec["ingredients"][variant],
        "net_content": f"Berat bersih {net} g" if unit == "g" else f"Isi bersih {net} ml",
        "producer": f"{name}, {place['address']}",
        "permit_number": f"P-IRT No. {permit}",
        "production_code": f"{initials}-{produced:%d%m%y}-{rng.randint(1, 20):02d}",
        "production_date": _fmt_day(produced, rng.randrange(3)),
        "best_before": f"Baik digunakan sebelum {best_text}",
        "halal_logo": bool(spec.get("halal")),
        "allergen_statement": statement or None,
        "warnings": list(spec.get("warnings") or []),
        "claims": [rng.choice(data["claims"])] if rng.random() < 0.6 else [],
        "storage": "Simpan di tempat kering dan sejuk. Tutup rapat setelah dibuka.",
        "category": spec["category"],
        "main_panel": main,
        "shelf_life_days": shelf,
        "package_defects": [],
    }


Mutator = Callable[[dict[str, Any], random.Random, dt.date, str | None], None]


def _set(field: str, values: list[Any]) -> Mutator:
    def apply(lab: dict[str, Any], rng: random.Random, today: dt.date, _: str | None) -> None:
        lab[field] = rng.choice(values)

    return apply


def _expired(lab: dict[str, Any], rng: random.Random, today: dt.date, _: str | None) -> None:
    past = today - dt.timedelta(days=rng.randint(3, 150))
    lab["best_before"] = f"Baik digunakan sebelum {_fmt_day(past, rng.randrange(3))}"


def _lead_in(lab: dict[str, Any], rng: random.Random, today: dt.date, _: str | None) -> None:
    date = lab["best_before"].removeprefix("Baik digunakan sebelum ")
    lab["best_before"] = rng.choice(["Exp. ", "ED: ", "Best before ", "Kedaluwarsa: "]) + date


def _heading(lab: dict[str, Any], rng: random.Random, today: dt.date, _: str | None) -> None:
    rest = lab["ingredients"].split(":", 1)[1].strip()
    lab["ingredients"] = rng.choice(["Bahan: ", "Ingredients: ", "Isi: "]) + rest


def _no_address(lab: dict[str, Any], rng: random.Random, today: dt.date, _: str | None) -> None:
    lab["producer"] = lab["producer"].split(",")[0]


def _pirt_expired(lab: dict[str, Any], rng: random.Random, today: dt.date, _: str | None) -> None:
    year = (today.year - rng.randint(1, 4)) % 100
    lab["permit_number"] = lab["permit_number"][:-2] + f"{year:02d}"


def _malformed(lab: dict[str, Any], rng: random.Random, today: dt.date, _: str | None) -> None:
    number = lab["permit_number"]
    cut = rng.randint(len("P-IRT No. ") + 2, len(number) - 5)
    lab["permit_number"] = number[:cut] + number[cut + 1 :]


def _off_main(lab: dict[str, Any], rng: random.Random, today: dt.date, field: str | None) -> None:
    lab["main_panel"] = set(lab["main_panel"]) - {field}


def _drop_allergen(lab: dict[str, Any], rng: random.Random, today: dt.date, _: str | None) -> None:
    head, names = lab["allergen_statement"].split(":", 1)
    items = [n.strip() for n in names.split(",")]
    items.remove(rng.choice(items))
    lab["allergen_statement"] = (
        f"{head}: {', '.join(items)}" if items else "Mungkin mengandung alergen"
    )
    if not items:  # a statement without the mandated phrase counts as none
        raise _Skip


def _day_missing(lab: dict[str, Any], rng: random.Random, today: dt.date, _: str | None) -> None:
    from toolkit.labels.dates import parse_printed_date

    d = parse_printed_date(lab["best_before"]).last_day()
    lab["best_before"] = f"Baik digunakan sebelum {_fmt_month(d, rng.randrange(2))}"


def _unit_liquid(lab: dict[str, Any], rng: random.Random, today: dt.date, _: str | None) -> None:
    lab["net_content"] = (
        lab["net_content"].replace("Isi bersih", "Berat bersih").replace(" ml", " g")
    )


def _unit_solid(lab: dict[str, Any], rng: random.Random, today: dt.date, _: str | None) -> None:
    lab["net_content"] = (
        lab["net_content"].replace("Berat bersih", "Isi bersih").replace(" g", " ml")
    )


def _pork_halal(lab: dict[str, Any], rng: random.Random, today: dt.date, _: str | None) -> None:
    lab["halal_logo"] = True
    lab["main_panel"] = set(lab["main_panel"]) | {"halal_logo"}


def _lard(lab: dict[str, Any], rng: random.Random, today: dt.date, _: str | None) -> None:
    lab["ingredients"] = lab["ingredients"].replace(", garam", ", lard, garam", 1)


class _Skip(Exception):
    """The defect does not fit this label; draw another."""


MUTATORS: dict[str, Mutator] = {
    "no_permit": _set("permit_number", [None]),
    "expired": _expired,
    "no_expiry": _set("best_before", [None]),
    "no_name": _set("product_name", [None]),
    "pack_damage": lambda lab, rng, today, _: lab.update(package_defects=[rng.choice(PACK_DAMAGE)]),
    "medicinal_claim": _set(
        "claims",
        [
            ["Menyembuhkan asam urat"],
            ["Obat darah tinggi"],
            ["Mencegah kanker"],
            ["Mengobati maag"],
        ],
    ),
    "cosmetic_number": _set("permit_number", ["NA18150900279", "NA18231200457", "NC14181200123"]),
    "no_allergen_statement": _set("allergen_statement", [None]),
    "lead_in": _lead_in,
    "heading": _heading,
    "no_production_code": _set("production_code", [None]),
    "no_production_date": _set("production_date", [None]),
    "no_address": _no_address,
    "non_metric": _set("net_content", ["Netto 2 ons", "Isi 1 bungkus", "Berat bersih 1 toples"]),
    "pirt_expired": _pirt_expired,
    "health_claim": _set(
        "claims", [["Tinggi protein"], ["Menyehatkan keluarga"], ["Kaya vitamin"], ["Rendah gula"]]
    ),
    "jamu_number": _set("permit_number", ["TR 072224589", "TR 182301471", "TI 123456789"]),
    "off_main_panel": _off_main,
    "allergen_undeclared": _drop_allergen,
    "day_missing": _day_missing,
    "wrong_unit_liquid": _unit_liquid,
    "wrong_unit_solid": _unit_solid,
    "malformed_pirt": _malformed,
    "pork_halal": _pork_halal,
    "pork_no_warning": _set("warnings", [[]]),
    "pork_lard": _lard,
    "sweetener_warning": _set("warnings", [[]]),
    "purity_claim": _set(
        "claims", [["Murni tanpa campuran"], ["100% alami"], ["Alami dari kebun"]]
    ),
}


def _count(rng: random.Random, difficulty: int) -> int:
    if difficulty == 1:
        return 0 if rng.random() < 0.15 else 1
    if difficulty == 2:
        return 0 if rng.random() < 0.1 else rng.randint(1, 2)
    return rng.randint(2, 4)


def generate_label(
    seed: int, index: int = 0, difficulty: int = 1, today: dt.date | None = None
) -> PracticeLabel:
    """Draw one practice label.

    Args:
        seed: Seed of the practice set.
        index: Position in the set (each index gives a different label).
        difficulty: 1 (at most one obvious defect), 2 (one or two), 3 (two to four, at least
            one subtle).
        today: The date the label is judged on (default: today).

    Returns:
        The label with its injected defects.

    Raises:
        ValueError: ``difficulty`` is not 1, 2 or 3.
    """
    if difficulty not in (1, 2, 3):
        raise ValueError("difficulty must be 1, 2 or 3")
    today = today or dt.date.today()
    rng = random.Random(f"{seed}:{index}:{difficulty}")
    data = generator_data()
    key = rng.choice(sorted(data["products"]))
    spec = data["products"][key]
    lab = _base(rng, key, spec, today)
    tags = set(spec.get("tags") or [])
    if lab["allergen_statement"]:
        tags.add("allergen")
    else:
        tags.discard("allergen")
    catalogue = data["defects"]
    pool = [
        d
        for d, s in sorted(catalogue.items())
        if s["difficulty"] <= difficulty and set(s.get("requires") or []) <= tags
    ]
    want = _count(rng, difficulty)
    used: set[str] = set()
    applied: list[AppliedDefect] = []
    rng.shuffle(pool)
    if difficulty > 1:  # at least one defect of the level itself first
        pool.sort(key=lambda d: catalogue[d]["difficulty"] != difficulty)
    for did in pool:
        if len(applied) >= want:
            break
        s = catalogue[did]
        slots = set(s["slots"]) - {"*"}
        chosen = None
        if "*" in s["slots"]:
            free = [c for c in s["choices"] if c not in used and lab.get(c)]
            if not free:
                continue
            chosen = rng.choice(free)
            slots.add(chosen)
        if slots & used:
            continue
        trial = {k: (set(v) if isinstance(v, set) else v) for k, v in lab.items()}
        try:
            MUTATORS[did](trial, rng, today, chosen)
        except _Skip:
            continue
        lab = trial
        used |= slots
        expects = tuple(
            KeyItem(
                field=chosen if e["field"] == "*" else e["field"], klik=e["klik"], check=e["check"]
            )
            for e in s["expects"]
        )
        applied.append(AppliedDefect(did, s["difficulty"], expects))
    return PracticeLabel(
        id=f"G{seed}-{index}",
        difficulty=difficulty,
        today=today,
        label=Label.from_dict(lab),
        defects=tuple(applied),
    )


def practice_set(
    seed: int, n: int, difficulty: int | None = None, today: dt.date | None = None
) -> list[PracticeLabel]:
    """``n`` practice labels; ``difficulty=None`` cycles through levels 1, 2, 3."""
    return [generate_label(seed, i, difficulty or (i % 3) + 1, today=today) for i in range(n)]


def practice_from_case(case: Any) -> PracticeLabel:
    """A curated case (``toolkit.labels.cases.Case``) as a practice label: each answer-key
    finding counts as one defect."""
    defects = tuple(AppliedDefect(k.check, case.difficulty, (k,)) for k in case.key)
    return PracticeLabel(
        id=case.id, difficulty=case.difficulty, today=case.today, label=case.label, defects=defects
    )
