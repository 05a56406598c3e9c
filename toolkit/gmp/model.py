"""CPPB-IRT self-inspection: the 37-item checklist, the IRTP level and the PLOR action plan.

The checklist (``checklist.yaml``) and the level rules (``levels.yaml``) are data with their
sources (facts §3.1, §3.2). Saved assessments are JSON files, one per assessment, in
``<data dir>/gmp/<business>/``; two of them compare into a progress report.
"""

from __future__ import annotations

import base64
import dataclasses
import datetime as dt
import json
import re
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

from toolkit import yamlio
from toolkit.errors import ToolkitError
from toolkit.i18n import normalize_lang, t

HERE = Path(__file__).parent
SEVERITIES: tuple[str, ...] = ("KR", "SE", "MA", "MI")  # most serious first
_TRUE = {"ok", "ya", "yes", "sesuai", "true", "1", "conform"}
_FALSE = {"nc", "tidak", "no", "tidak sesuai", "false", "0", "nonconform", "ketidaksesuaian"}
_NA = {"na", "n/a", "tidak berlaku", "not applicable"}


class GmpError(ToolkitError):
    """Input to the self-inspection that cannot be used."""


@dataclasses.dataclass(frozen=True)
class Item:
    """One checklist item: number, aspect letter, fixed severity and the nonconformity text."""

    no: int
    aspect: str
    severity: str
    text_id: str
    text_en: str
    source: str

    def text(self, lang: str = "id") -> str:
        """The nonconformity in ``lang``."""
        return self.text_en if normalize_lang(lang) == "en" else self.text_id


@cache
def _raw_checklist() -> dict[str, Any]:
    return yamlio.safe_load((HERE / "checklist.yaml").read_text(encoding="utf-8"))


@cache
def level_rules() -> dict[str, Any]:
    """The level table, SPP-IRT consequence and suggested deadlines (``levels.yaml``)."""
    return yamlio.safe_load((HERE / "levels.yaml").read_text(encoding="utf-8"))


@cache
def checklist() -> tuple[Item, ...]:
    """The 37 items in order."""
    raw = _raw_checklist()
    return tuple(
        Item(
            no=int(i["item"]),
            aspect=str(i["aspect"]),
            severity=str(i["severity"]),
            text_id=str(i["text"]["id"]),
            text_en=str(i["text"]["en"]),
            source=str(i.get("source") or raw["source"]),
        )
        for i in raw["items"]
    )


def aspects(lang: str = "id") -> dict[str, str]:
    """Aspect letter → aspect name in ``lang``."""
    lang = normalize_lang(lang)
    return {k: v[lang] for k, v in _raw_checklist()["aspects"].items()}


def item(no: int) -> Item:
    """The checklist item numbered ``no`` (1–37)."""
    for it in checklist():
        if it.no == no:
            return it
    raise GmpError("gmp.error.item", no=no, total=len(checklist()))


def irtp_level(minor: int, major: int, serious: int, critical: int) -> int:
    """Level (1–4) of an IRTP from its counts of nonconformities (facts §3.2).

    IV: critical ≥ 1 or serious ≥ 5; III: serious 1–4, or major ≥ 4 with no serious;
    II: major 2–3; I: major ≤ 1. Minor findings do not change the level.

    Args:
        minor: Count of minor (MI) nonconformities.
        major: Count of major (MA) nonconformities.
        serious: Count of serious (SE) nonconformities.
        critical: Count of critical (KR) nonconformities.

    Returns:
        The level as an int, 1 (best) to 4.

    Raises:
        GmpError: when a count is negative or not a whole number.
    """
    for name, value in (
        ("minor", minor),
        ("major", major),
        ("serious", serious),
        ("critical", critical),
    ):
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise GmpError("gmp.error.count", name=name, value=value)
    if critical >= 1 or serious >= 5:
        return 4
    if serious >= 1 or major >= 4:
        return 3
    if major >= 2:
        return 2
    return 1


def roman(level: int) -> str:
    """``1`` → ``"I"`` … ``4`` → ``"IV"``."""
    return str(level_rules()["levels"][level]["roman"])


@dataclasses.dataclass
class Answer:
    """The owner's answer to one item.

    ``conform`` is True (meets the requirement), False (a nonconformity) or None (not
    applicable, e.g. no food additives used). ``location`` and ``note`` feed the PLOR write-up
    (Location, Objective evidence); ``photo`` is optional JPEG/PNG bytes.
    """

    conform: bool | None
    note: str = ""
    location: str = ""
    photo: bytes | None = None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (the photo as base64)."""
        return {
            "conform": self.conform,
            "note": self.note,
            "location": self.location,
            "photo": base64.b64encode(self.photo).decode() if self.photo else None,
        }

    @classmethod
    def from_value(cls, value: Any) -> Answer:
        """Accept an :class:`Answer`, a bool, ``None``, a word (``"ok"``/``"nc"``/``"na"``) or a dict."""
        if isinstance(value, Answer):
            return value
        if isinstance(value, Mapping):
            photo = value.get("photo")
            if isinstance(photo, str):
                try:
                    photo = base64.b64decode(photo.encode(), validate=True)
                except ValueError:
                    raise GmpError("gmp.error.photo") from None
            return cls(
                conform=cls.from_value(value.get("conform")).conform,
                note=str(value.get("note") or "")[:2000],
                location=str(value.get("location") or "")[:200],
                photo=photo or None,
            )
        if value is None or isinstance(value, bool):
            return cls(conform=value)
        word = str(value).strip().lower()
        if word in _TRUE:
            return cls(conform=True)
        if word in _FALSE:
            return cls(conform=False)
        if word in _NA:
            return cls(conform=None)
        raise GmpError("gmp.error.answer", value=str(value)[:40])


@dataclasses.dataclass(frozen=True)
class Action:
    """One corrective action written as PLOR with a target date."""

    item_no: int
    severity: str
    aspect: str
    problem: str
    location: str
    evidence: str
    reference: str
    target_date: dt.date


@dataclasses.dataclass
class Assessment:
    """A completed (or partial) self-inspection of one business on one date."""

    business: str
    date: dt.date
    answers: dict[int, Answer]
    counts: dict[str, int]
    level: int
    audit_frequency: str
    eligible: bool
    missing: list[int]
    not_applicable: list[int]
    lang: str = "id"

    @property
    def complete(self) -> bool:
        """True when every item has an answer (conform, nonconform or not applicable)."""
        return not self.missing

    @property
    def nonconformities(self) -> list[int]:
        """Item numbers answered as nonconformities."""
        return sorted(no for no, a in self.answers.items() if a.conform is False)

    def actions(self, lang: str | None = None) -> list[Action]:
        """The corrective-action plan in PLOR form, critical items first."""
        return corrective_actions(self, lang or self.lang)

    def notes(self, lang: str | None = None) -> list[str]:
        """Warnings the user must read (incomplete answers, unconfirmed rules)."""
        lang = lang or self.lang
        out = []
        if self.missing:
            out.append(
                t(
                    "gmp.note.incomplete",
                    lang,
                    count=len(self.missing),
                    items=", ".join(map(str, self.missing)),
                )
            )
        out.append(t("gmp.note.level_unconfirmed", lang))
        out.append(t("gmp.note.consequence_unconfirmed", lang))
        out.append(t("gmp.note.deadlines", lang))
        return out

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (answers only; everything else is recomputed on load)."""
        return {
            "format": "pangan-cppb-irt/1",
            "business": self.business,
            "date": self.date.isoformat(),
            "lang": self.lang,
            "answers": {str(no): a.to_dict() for no, a in sorted(self.answers.items())},
        }


def assess(
    answers: Mapping[int | str, Any],
    business: str = "",
    date: dt.date | None = None,
    lang: str = "id",
) -> Assessment:
    """Count nonconformities by severity and give the level, audit frequency and actions.

    Args:
        answers: Item number → answer (see :meth:`Answer.from_value`: True/``"ok"`` meets
            the requirement, False/``"nc"`` is a nonconformity, None/``"na"`` not applicable).
            Items left out are listed in ``missing`` and do not count.
        business: The business name (used to file saved assessments).
        date: Date of the assessment (default today); target dates count from it.
        lang: Language of the texts in the action plan.

    Returns:
        An :class:`Assessment`.

    Raises:
        GmpError: for an unknown item number or an unreadable answer.
    """
    known = {it.no: it for it in checklist()}
    parsed: dict[int, Answer] = {}
    for key, value in answers.items():
        try:
            no = int(key)
        except (TypeError, ValueError):
            raise GmpError("gmp.error.item", no=key, total=len(known)) from None
        if no not in known:
            raise GmpError("gmp.error.item", no=no, total=len(known))
        parsed[no] = Answer.from_value(value)
    counts = dict.fromkeys(SEVERITIES, 0)
    for no, a in parsed.items():
        if a.conform is False:
            counts[known[no].severity] += 1
    level = irtp_level(counts["MI"], counts["MA"], counts["SE"], counts["KR"])
    rules = level_rules()
    return Assessment(
        business=business.strip(),
        date=date or dt.date.today(),
        answers=parsed,
        counts=counts,
        level=level,
        audit_frequency=rules["levels"][level]["audit_frequency"],
        eligible=level in rules["spp_irt_consequence"]["eligible_levels"],
        missing=[no for no in known if no not in parsed],
        not_applicable=sorted(no for no, a in parsed.items() if a.conform is None),
        lang=normalize_lang(lang),
    )


def corrective_actions(assessment: Assessment, lang: str = "id") -> list[Action]:
    """PLOR actions for every nonconformity: critical first, then serious, major, minor.

    Problem = the item's nonconformity; Location = the answer's location (or the aspect);
    Objective evidence = the answer's note (or a request to write it); Reference = item and
    regulation. Target date = assessment date + the suggested days of ``levels.yaml``.
    """
    days = level_rules()["deadlines"]
    names = aspects(lang)
    out: list[Action] = []
    for no in assessment.nonconformities:
        it = item(no)
        ans = assessment.answers[no]
        out.append(
            Action(
                item_no=no,
                severity=it.severity,
                aspect=it.aspect,
                problem=it.text(lang),
                location=ans.location.strip() or names[it.aspect],
                evidence=ans.note.strip() or t("gmp.plor.no_evidence", lang),
                reference=t("gmp.plor.reference", lang, no=no, aspect=it.aspect, source=it.source),
                target_date=assessment.date + dt.timedelta(days=int(days[it.severity])),
            )
        )
    out.sort(key=lambda a: (SEVERITIES.index(a.severity), a.item_no))
    return out


# --------------------------------------------------------------------------- saving, progress


def assessment_from_dict(data: Mapping[str, Any]) -> Assessment:
    """Rebuild an assessment saved with :meth:`Assessment.to_dict`.

    Raises:
        GmpError: when the data is not a saved CPPB-IRT assessment.
    """
    try:
        if data.get("format") != "pangan-cppb-irt/1":
            raise ValueError
        date = dt.date.fromisoformat(str(data["date"]))
        answers = dict(data["answers"])
    except (ValueError, KeyError, TypeError, AttributeError):
        raise GmpError("gmp.error.saved_file") from None
    return assess(
        answers, business=str(data.get("business", "")), date=date, lang=str(data.get("lang", "id"))
    )


def _slug(business: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", business.lower()).strip("-")
    if not slug:
        raise GmpError("gmp.error.business")
    return slug[:60]


def default_folder() -> Path:
    """Where assessments are saved: ``<data dir>/gmp``."""
    from toolkit.paths import data_dir

    return data_dir() / "gmp"


def save_assessment(assessment: Assessment, folder: Path | None = None) -> Path:
    """Write the assessment as a JSON file under ``folder/<business>/`` and return its path.

    Raises:
        GmpError: when the business name is empty.
    """
    target = (folder or default_folder()) / _slug(assessment.business)
    target.mkdir(parents=True, exist_ok=True)
    n = 1
    while (path := target / f"{assessment.date.isoformat()}_{n:02d}.json").exists():
        n += 1
    path.write_text(
        json.dumps(assessment.to_dict(), ensure_ascii=False, indent=1), encoding="utf-8"
    )
    return path


def load_assessment(path: Path) -> Assessment:
    """Read one saved assessment."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise GmpError("gmp.error.saved_file") from None
    return assessment_from_dict(data)


def saved_assessments(business: str, folder: Path | None = None) -> list[Assessment]:
    """All saved assessments of a business, oldest first."""
    target = (folder or default_folder()) / _slug(business)
    return [load_assessment(p) for p in sorted(target.glob("*.json"))]


@dataclasses.dataclass(frozen=True)
class Progress:
    """What changed between two assessments of the same business."""

    level_before: int
    level_after: int
    counts_before: dict[str, int]
    counts_after: dict[str, int]
    resolved: list[int]
    new: list[int]
    still_open: list[int]

    @property
    def improved(self) -> bool:
        """True when the level went down (better) or stayed with fewer findings."""
        return self.level_after < self.level_before or (
            self.level_after == self.level_before
            and sum(self.counts_after.values()) < sum(self.counts_before.values())
        )

    def summary(self, lang: str = "id") -> list[str]:
        """Plain sentences describing the change."""
        out = [
            t(
                "gmp.progress.level",
                lang,
                before=roman(self.level_before),
                after=roman(self.level_after),
            )
        ]
        for key, items in (
            ("resolved", self.resolved),
            ("new", self.new),
            ("still_open", self.still_open),
        ):
            if items:
                out.append(
                    t(
                        f"gmp.progress.{key}",
                        lang,
                        count=len(items),
                        items=", ".join(map(str, items)),
                    )
                )
        return out


def compare(before: Assessment, after: Assessment) -> Progress:
    """Progress from ``before`` to ``after`` (the order of the arguments, not of the dates).

    Raises:
        GmpError: when the two assessments belong to different businesses.
    """
    if _slug(before.business) != _slug(after.business):
        raise GmpError("gmp.error.other_business", first=before.business, second=after.business)
    b, a = set(before.nonconformities), set(after.nonconformities)
    return Progress(
        level_before=before.level,
        level_after=after.level,
        counts_before=dict(before.counts),
        counts_after=dict(after.counts),
        resolved=sorted(b - a),
        new=sorted(a - b),
        still_open=sorted(a & b),
    )


def levels_text(lang: str = "id") -> str:
    """The level rules with audit frequencies, and the unconfirmed notes, as plain text."""
    lines = [
        t(
            f"gmp.levels.rule{n}",
            lang,
            audit=t(f"gmp.audit.{level_rules()['levels'][n]['audit_frequency']}", lang),
        )
        for n in (1, 2, 3, 4)
    ]
    lines += [t("gmp.note.level_unconfirmed", lang), t("gmp.note.consequence_unconfirmed", lang)]
    return "\n".join(lines)


def checklist_counts_text(lang: str = "id") -> str:
    """How many items of each severity the checklist has, as plain text."""
    counts = {s: sum(1 for it in checklist() if it.severity == s) for s in SEVERITIES}
    parts = [f"{t(f'gmp.severity.{s}', lang)}: {counts[s]}" for s in SEVERITIES]
    return (
        t("gmp.levels.items", lang, total=len(checklist()), aspects=len(aspects(lang)))
        + "\n"
        + ", ".join(parts)
    )
