"""A corrected version of a trainee's label for the layout preview: every mandatory element
on the main panel, placeholders for what is missing, mandated texts added, forbidden claims
removed, and the changed fields marked."""

from __future__ import annotations

import dataclasses

from toolkit.i18n import t
from toolkit.labels.allergens import detect_allergens
from toolkit.labels.dates import strip_lead_in
from toolkit.labels.model import MAIN_PANEL_FIELDS, Finding, Label
from toolkit.labels.text import find_terms, has_term, norm, split_items, strip_heading
from toolkit.labels.vocab import vocab

PLACEHOLDER_FIELDS = (
    "product_name",
    "ingredients",
    "net_content",
    "producer",
    "permit_number",
    "production_code",
    "production_date",
    "best_before",
)
_WARNING_CHECKS = {
    "warnings.sweetener": "sweetener",
    "warnings.sugar_sweetener": "sugar_sweetener",
    "warnings.aspartame": "aspartame",
    "warnings.polyol": "polyol",
    "warnings.pork": "pork",
    "warnings.milk": "milk",
    "warnings.kental_manis": "kental_manis",
}


@dataclasses.dataclass(frozen=True)
class Correction:
    """The corrected label and how to draw it."""

    label: Label
    placeholders: dict[str, str]
    highlight: set[str]


def correct_label(label: Label, findings: list[Finding], lang: str = "id") -> Correction:
    """Build the corrected layout of ``label`` from its ``findings``.

    Args:
        label: The trainee's label.
        findings: ``check_label(label)``.
        lang: Language of the placeholders.

    Returns:
        The corrected label, placeholders for empty fields, and the fields that changed or
        still need the trainee's attention.
    """
    fixed = dataclasses.replace(
        label,
        warnings=list(label.warnings or []),
        claims=list(label.claims or []),
        package_defects=[],
        main_panel=set(MAIN_PANEL_FIELDS) | set(label.main_panel or ()),
    )
    checks = {f.check for f in findings}
    highlight = {f.field for f in findings if f.field not in ("package_defects", "category")}
    placeholders = {
        f: t("labels.own.placeholder", lang, field=t(f"labels.field.{f}", lang))
        for f in PLACEHOLDER_FIELDS
        if not getattr(label, f)
    }
    if "ingredients.heading" in checks and label.ingredients:
        _, rest = strip_heading(label.ingredients, vocab()["ingredient_headings"]["terms"])
        fixed.ingredients = f"Komposisi: {rest}"
    if "ingredients.pork_name" in checks and label.ingredients:
        items = []
        for item in split_items(label.ingredients.split(":", 1)[-1]):
            low = norm(item)
            if find_terms(low, vocab()["pork"]["names"]) and not has_term(low, "babi"):
                item = f"{item} babi"
            items.append(item)
        fixed.ingredients = "Komposisi: " + ", ".join(items)
    if checks & {"allergen_statement.missing", "allergen_statement.undeclared"}:
        groups = vocab()["allergens"]["groups"]
        names = [groups[g]["names"][0] for g in detect_allergens(label.ingredients)]
        fixed.allergen_statement = "Mengandung alergen: " + ", ".join(names)
    if "best_before.lead_in" in checks and label.best_before:
        _, rest = strip_lead_in(label.best_before)
        fixed.best_before = f"Baik digunakan sebelum {rest}"
    for check, name in _WARNING_CHECKS.items():
        if check in checks:
            fixed.warnings.append(vocab()["required_warnings"][name]["text"])
    if "halal_logo.pork" in checks:
        fixed.halal_logo = False
    drop = {
        str(f.param("claim"))
        for f in findings
        if f.check in ("claims.medicinal", "claims.pirt", "claims.md_approval")
    }
    fixed.claims = [c for c in fixed.claims if c not in drop]
    if "producer.address" in checks:
        placeholders["producer_address"] = t("labels.own.placeholder_address", lang)
        fixed.producer = f"{label.producer}, [{placeholders['producer_address']}]"
    return Correction(fixed, placeholders, highlight)
