"""Reading registration numbers printed on packs: P-IRT, BPOM MD/ML, cosmetics, traditional
medicine, supplements and drugs.

The formats (prefixes, digit counts, digit groups and their status) live in ``permits.yaml``;
the names and meanings users read live in ``locales/<lang>/permits.yaml``.
"""

from __future__ import annotations

import dataclasses
import re
from functools import cache
from pathlib import Path
from typing import Any

from toolkit import yamlio
from toolkit.errors import ToolkitError
from toolkit.i18n import has, t

DATA_FILE = Path(__file__).with_name("permits.yaml")

KINDS_FOOD = ("pirt", "md", "ml")


class PermitError(ToolkitError):
    """A permit number that cannot be read; the message says what is wrong."""


@cache
def permit_data() -> dict[str, Any]:
    """The parsed ``permits.yaml``."""
    return yamlio.safe_load(DATA_FILE.read_text(encoding="utf-8"))


@dataclasses.dataclass(frozen=True)
class PermitField:
    """One digit group of a permit number.

    Attributes:
        key: Stable name of the group (``packaging``, ``food_group`` …).
        digits: The digits (or letters) as printed.
        status: ``confirmed``, ``secondary`` or ``unconfirmed`` (the meaning's evidence).
        table: Name of the code table that explains the value, if any.
    """

    key: str
    digits: str
    status: str = "confirmed"
    table: str | None = None

    def name(self, lang: str = "id") -> str:
        """The group's name, e.g. "Jenis kemasan" / "Packaging type"."""
        return t(f"permits.field.{self.key}", lang)

    def meaning(self, lang: str = "id") -> str:
        """What these digits say, e.g. "2 = plastik"; notes when the meaning is unconfirmed."""
        if self.key == "expiry_year":
            text = t("permits.meaning.expiry_year", lang, year=2000 + int(self.digits))
        elif self.key == "year":
            text = t("permits.meaning.year", lang, year=_year2(self.digits))
        elif self.key == "region" and len(self.digits) == 4:
            text = t(
                "permits.meaning.region", lang, province=self.digits[:2], district=self.digits[2:]
            )
        elif self.table:
            code_key = f"permits.{self.table}.{self.digits}"
            if has(code_key, lang):
                text = t(code_key, lang)
            else:
                text = t("permits.meaning.unknown_code", lang, code=self.digits)
        else:
            text = t("permits.meaning.code", lang, code=self.digits)
        if self.status == "unconfirmed":
            text += " " + t("permits.meaning.unconfirmed", lang)
        elif self.status == "secondary":
            text += " " + t("permits.meaning.secondary", lang)
        return text


def _year2(digits: str) -> int:
    return 2000 + int(digits) if int(digits) < 70 else 1900 + int(digits)


@dataclasses.dataclass(frozen=True)
class Permit:
    """A registration number read from a pack.

    Attributes:
        kind: ``pirt``, ``md``, ``ml``, ``cosmetic``, ``traditional_medicine``,
            ``fitofarmaka``, ``supplement`` or ``drug``.
        prefix: The letters before the digits (``P-IRT``, ``MD``, ``NA``, ``TR`` …).
        digits: All digits (and a drug's strength letter), without spaces or dashes.
        fields: Every digit group with its meaning.
        expires_year: For P-IRT, the year in which the SPP-IRT expires.
        layout: Number of digits of the layout (MD/ML: 12 old, 15 new).
        suffix: A trailing letter (traditional medicine ``E`` = also exported).
    """

    kind: str
    prefix: str
    digits: str
    fields: tuple[PermitField, ...]
    expires_year: int | None = None
    layout: int = 0
    suffix: str = ""

    @property
    def is_food(self) -> bool:
        """True for numbers that a processed food may carry (P-IRT, MD, ML)."""
        return self.kind in KINDS_FOOD

    @property
    def source(self) -> str:
        """The source of the format (from ``permits.yaml``)."""
        if self.kind == "drug":
            return permit_data()["drug"]["source"]
        return permit_data()["kinds"][self.kind]["source"]

    @property
    def number(self) -> str:
        """The number written in its usual printed form."""
        if self.kind == "pirt":
            return f"P-IRT No. {self.digits[:13]}-{self.digits[13:]}"
        return f"{self.prefix} {self.digits}{self.suffix}"

    def kind_name(self, lang: str = "id") -> str:
        """What kind of product the number belongs to, in ``lang``."""
        return t(f"permits.kind.{self.kind}", lang)

    def field(self, key: str) -> PermitField:
        """The digit group named ``key``.

        Raises:
            KeyError: The number has no such group.
        """
        for f in self.fields:
            if f.key == key:
                return f
        raise KeyError(key)


# Words printed around a number that are not part of it.
_NOISE = re.compile(
    r"\b(BPOM\s*RI|BPOM|BADAN\s*POM\s*RI|POM|DEPKES|DINKES|RI|NO|NOMOR|NOMER|REG|IZIN\s*EDAR)\b\.?"
)
_PIRT = re.compile(r"^(?:SP)?P[\s.\-]*I[\s.\-]*R[\s.\-]*T\b[\s.:\-]*")


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text.upper()).strip()


def parse_permit(text: str) -> Permit:
    """Read a registration number as printed on a pack.

    Tolerates spacing, dots, a colon and lower case (``P-IRT No. 2063306010023-26``,
    ``pirt 2063306010023-26``, ``BPOM RI MD 224510107115``).

    Args:
        text: The number as printed, with or without its prefix words.

    Returns:
        The parsed ``Permit``.

    Raises:
        PermitError: The text is empty, has an unknown prefix, or the wrong number of digits
            (the message says what was expected and what was found).
    """
    if not isinstance(text, str) or not text.strip():
        raise PermitError("permits.error.empty")
    rest = _NOISE.sub(" ", _clean(text))
    rest = re.sub(r"^[\s.:\-]+", "", rest)
    m = _PIRT.match(rest)
    if m:
        return _parse_pirt(rest[m.end() :])
    m = re.match(r"^([A-Z]+)", rest)
    if not m:
        raise PermitError("permits.error.no_prefix", text=text.strip())
    letters = m.group(1)
    body = rest[m.end() :]
    data = permit_data()
    # Drugs: three letters D/G + class + origin.
    drug = data["drug"]
    if (
        len(letters) >= 3
        and letters[0] in "DG"
        and letters[1] in drug["classes"]
        and letters[2] in drug["origins"]
    ):
        return _parse_drug(letters[:3], letters[3:] + body)
    for kind, spec in data["kinds"].items():
        if kind == "pirt":
            continue
        for prefix in spec["prefixes"]:
            if letters == prefix:
                return _parse_plain(kind, spec, prefix, body)
    raise PermitError("permits.error.unknown_prefix", prefix=letters)


def _digits_only(body: str, prefix: str) -> str:
    s = re.sub(r"[\s.]+", "", body).strip(":-")
    bad = re.search(r"[^0-9]", s)
    if bad:
        raise PermitError("permits.error.bad_char", char=bad.group(0), prefix=prefix)
    return s


def _groups(digits: str, groups: list[dict[str, Any]]) -> tuple[PermitField, ...]:
    out: list[PermitField] = []
    pos = 0
    for g in groups:
        out.append(
            PermitField(
                key=g["key"],
                digits=digits[pos : pos + g["width"]],
                status=g.get("status", "confirmed"),
                table=g.get("table"),
            )
        )
        pos += g["width"]
    return tuple(out)


def _parse_pirt(body: str) -> Permit:
    spec = permit_data()["kinds"]["pirt"]
    s = re.sub(r"[\s.]+", "", body).strip(":")
    if not s:
        raise PermitError("permits.error.no_digits", prefix="P-IRT")
    if "-" in s.strip("-"):
        left, _, right = s.strip("-").partition("-")
        for part in (left, right):
            bad = re.search(r"[^0-9]", part)
            if bad:
                raise PermitError("permits.error.bad_char", char=bad.group(0), prefix="P-IRT")
        if len(left) != 13:
            raise PermitError("permits.error.before_dash", expected=13, found=len(left))
        if len(right) != 2:
            raise PermitError("permits.error.after_dash", expected=2, found=len(right))
        digits = left + right
    else:
        digits = _digits_only(s, "P-IRT")
        if len(digits) != 15:
            raise PermitError("permits.error.pirt_total", expected=15, found=len(digits))
    if digits[0] not in permit_data()["pirt_packaging_codes"]:
        raise PermitError("permits.error.pirt_packaging", found=digits[0])
    fields = _groups(digits, spec["layouts"][0]["groups"])
    return Permit(
        kind="pirt",
        prefix="P-IRT",
        digits=digits,
        fields=fields,
        expires_year=2000 + int(digits[13:]),
        layout=15,
    )


def _parse_plain(kind: str, spec: dict[str, Any], prefix: str, body: str) -> Permit:
    suffix = ""
    s = re.sub(r"[\s.\-]+", "", body).strip(":")
    if spec.get("suffix_letter") and s and s[-1].isalpha():
        suffix, s = s[-1], s[:-1]
    if not s:
        raise PermitError("permits.error.no_digits", prefix=prefix)
    digits = _digits_only(s, prefix)
    layouts = {lay["digits"]: lay for lay in spec["layouts"]}
    if len(digits) not in layouts:
        expected = sorted(layouts)
        if len(expected) == 1:
            raise PermitError(
                "permits.error.digit_count", prefix=prefix, expected=expected[0], found=len(digits)
            )
        raise PermitError(
            "permits.error.digit_choice",
            prefix=prefix,
            first=expected[0],
            second=expected[1],
            found=len(digits),
        )
    layout = layouts[len(digits)]
    if kind == "cosmetic":
        fields = (PermitField("continent", prefix[1], "confirmed", "continent"),) + _groups(
            digits, layout["groups"]
        )
    else:
        fields = (PermitField("origin", prefix, "confirmed", "origin"),) + _groups(
            digits, layout["groups"]
        )
    return Permit(
        kind=kind,
        prefix=prefix,
        digits=digits,
        fields=fields,
        layout=len(digits),
        suffix=suffix,
    )


_DRUG_GROUPS = [
    {"key": "year", "width": 2},
    {"key": "factory", "width": 3},
    {"key": "product", "width": 3},
    {"key": "dosage_form", "width": 2},
    {"key": "strength", "width": 1},
    {"key": "pack", "width": 1},
]


def _parse_drug(letters: str, body: str) -> Permit:
    s = re.sub(r"[\s.\-]+", "", body)
    if not re.fullmatch(r"\d{10}[A-Z]\d", s):
        raise PermitError("permits.error.drug_format", prefix=letters, found=len(s))
    fields = (
        PermitField("drug_brand", letters[0], "confirmed", "drug_brand"),
        PermitField("drug_class", letters[1], "confirmed", "drug_class"),
        PermitField("drug_origin", letters[2], "confirmed", "drug_origin"),
    )
    pos = 0
    groups: list[PermitField] = []
    for g in _DRUG_GROUPS:
        groups.append(PermitField(g["key"], s[pos : pos + g["width"]], "confirmed"))
        pos += g["width"]
    return Permit(kind="drug", prefix=letters, digits=s, fields=fields + tuple(groups), layout=12)


def describe_permit(text: str, lang: str = "id") -> str:
    """A plain-text explanation of a permit number, one digit group per line.

    Args:
        text: The number as printed.
        lang: ``id`` or ``en``.

    Returns:
        The kind of number and each group's digits, name and meaning; or the reader's error
        message when the number is malformed.
    """
    try:
        permit = parse_permit(text)
    except PermitError as err:
        return err.message(lang)
    lines = [t("permits.explainer.kind", lang, kind=permit.kind_name(lang)), permit.number]
    lines += [f"{f.digits:>5} | {f.name(lang)}: {f.meaning(lang)}" for f in permit.fields]
    return "\n".join(lines)
