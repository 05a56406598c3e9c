"""The label record (``Label``) and what the checker says about it (``Finding``).

Pure data: no rules here (they are in ``checker.py`` and ``rules.yaml``) and no UI.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from toolkit.i18n import fmt_date, t

KLIK: tuple[str, ...] = ("kemasan", "label", "izin_edar", "kedaluwarsa")
SEVERITIES: tuple[str, ...] = ("error", "warning")

# Fields of a Label that a finding can point at, in the order a label is read.
FIELDS: tuple[str, ...] = (
    "product_name",
    "net_content",
    "producer",
    "halal_logo",
    "best_before",
    "permit_number",
    "ingredients",
    "allergen_statement",
    "warnings",
    "claims",
    "production_code",
    "production_date",
    "storage",
    "category",
    "package_defects",
)
# Elements that must sit on the main display panel (PerBPOM 31/2018 Pasal 5(2)).
MAIN_PANEL_FIELDS: tuple[str, ...] = (
    "product_name",
    "net_content",
    "producer",
    "halal_logo",
    "best_before",
    "permit_number",
)


@dataclasses.dataclass
class Label:
    """What is printed on a package. Every field is optional; texts are as printed.

    Attributes:
        product_name: Product name (type name, trade name may be added).
        ingredients: The ingredient text including its heading; ``**word**`` marks bold.
        net_content: e.g. ``"Berat bersih 250 g"``.
        producer: Producer name and address.
        permit_number: e.g. ``"P-IRT No. 2065371010023-29"``.
        production_code: Batch/lot code.
        production_date: Production date as printed.
        best_before: The expiry text as printed (``"Baik digunakan sebelum 12 Mei 2027"``).
        halal_logo: True when the halal label is printed.
        allergen_statement: e.g. ``"Mengandung alergen: gandum, telur"``.
        warnings: Warning texts printed on the pack.
        claims: Claims printed on the pack.
        storage: Storage instructions.
        category: Product-category key of ``categories.yaml``.
        main_panel: Field names printed on the main display panel; ``None`` = not known
            (placement is then not checked).
        shelf_life_days: Shelf life in days, if known.
        package_defects: Pack defects seen (``torn``, ``dented``, ``bulging`` …).
    """

    product_name: str | None = None
    ingredients: str | None = None
    net_content: str | None = None
    producer: str | None = None
    permit_number: str | None = None
    production_code: str | None = None
    production_date: str | None = None
    best_before: str | None = None
    halal_logo: bool = False
    allergen_statement: str | None = None
    warnings: list[str] = dataclasses.field(default_factory=list)
    claims: list[str] = dataclasses.field(default_factory=list)
    storage: str | None = None
    category: str | None = None
    main_panel: set[str] | None = None
    shelf_life_days: int | None = None
    package_defects: list[str] = dataclasses.field(default_factory=list)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Label:
        """Build a label from a mapping (YAML case files); unknown keys raise ``TypeError``."""
        data = dict(data)
        if data.get("main_panel") is not None:
            data["main_panel"] = set(data["main_panel"])
        for key in ("warnings", "claims", "package_defects"):
            if data.get(key) is None:
                data.pop(key, None)
        return cls(**data)

    def to_dict(self) -> dict[str, Any]:
        """A plain mapping (``main_panel`` as a sorted list), the inverse of ``from_dict``."""
        out = dataclasses.asdict(self)
        if out["main_panel"] is not None:
            out["main_panel"] = sorted(out["main_panel"])
        return out


@dataclasses.dataclass(frozen=True)
class Finding:
    """One problem the checker found on a label.

    Attributes:
        check: Stable id of the check in ``rules.yaml`` (``best_before.expired`` …).
        field: The Label field that is wrong.
        rule: Regulation and article id, e.g. ``PerBPOM-31-2018/5.1.h``.
        severity: ``error`` or ``warning``.
        klik: Cek KLIK letter: ``kemasan``, ``label``, ``izin_edar`` or ``kedaluwarsa``.
        status: Evidence of the rule: ``confirmed``, ``secondary`` or ``unconfirmed``.
        source: Regulation and article in words.
        params: Values for the message; a key ending in ``_key`` is a locale key that is
            translated and passed without the suffix, ``_keys`` a comma-separated list of
            locale keys, ``_iso`` an ISO date formatted for the language.
        detail: A translated error (e.g. from the permit reader) shown in the message.
    """

    check: str
    field: str
    rule: str
    severity: str
    klik: str
    status: str = "confirmed"
    source: str = ""
    params: tuple[tuple[str, Any], ...] = ()
    detail: Any = dataclasses.field(default=None, compare=False)

    def _params(self, lang: str) -> dict[str, Any]:
        out: dict[str, Any] = {"field": t(f"labels.field.{self.field}", lang)}
        for key, value in self.params:
            if key.endswith("_key"):
                out[key[:-4]] = t(str(value), lang)
            elif key.endswith("_keys"):
                out[key[:-5]] = ", ".join(t(k, lang) for k in str(value).split(","))
            elif key.endswith("_iso"):
                out[key[:-4]] = fmt_date(dt.date.fromisoformat(str(value)), lang)
            else:
                out[key] = value
        if self.detail is not None:
            out["detail"] = self.detail.message(lang)
        return out

    def message(self, lang: str = "id") -> str:
        """Plain-language explanation in ``lang`` (``id`` or ``en``); an unconfirmed rule
        says that it needs confirmation."""
        text = t(f"labels.check.{self.check}", lang, **self._params(lang))
        if self.status == "unconfirmed":
            text += " " + t("labels.needs_confirmation", lang)
        return text

    def fix(self, lang: str = "id") -> str:
        """How to put it right, in ``lang``."""
        return t(f"labels.fix.{self.check}", lang, **self._params(lang))

    def klik_name(self, lang: str = "id") -> str:
        """The Cek KLIK letter's name in ``lang``."""
        return t(f"labels.klik.{self.klik}", lang)

    def param(self, name: str, default: Any = None) -> Any:
        """One message parameter by name."""
        return dict(self.params).get(name, default)
