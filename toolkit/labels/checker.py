"""``check_label``: the BPOM label rules and Cek KLIK checks applied to a ``Label``.

Which words trigger which rule is data (``vocab.yaml``); each check's field, Cek KLIK
letter, severity and source are data (``rules.yaml``); this module only applies them.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from toolkit.errors import ToolkitError
from toolkit.labels.allergens import declared_groups, detect_allergens
from toolkit.labels.dates import parse_printed_date, strip_lead_in
from toolkit.labels.model import MAIN_PANEL_FIELDS, Finding, Label
from toolkit.labels.text import find_terms, has_term, norm, split_items, strip_heading
from toolkit.labels.vocab import categories, rules, vocab
from toolkit.permits import Permit, PermitError, parse_permit


def make_finding(
    check: str, field: str | None = None, detail: Any = None, **params: Any
) -> Finding:
    """A ``Finding`` for the check ``check`` of ``rules.yaml``.

    Args:
        check: Check id (``best_before.expired`` …).
        field: The field, for checks whose field is ``"*"`` in ``rules.yaml``.
        detail: A ``ToolkitError`` whose translated message goes into the text.
        **params: Message parameters.

    Raises:
        KeyError: ``check`` is not in ``rules.yaml``.
    """
    spec = rules()["checks"][check]
    fld = spec["field"] if spec["field"] != "*" else field
    severity = spec["severity"] if spec.get("status") != "unconfirmed" else "warning"
    return Finding(
        check=check,
        field=str(fld),
        rule=spec["rule"],
        severity=severity,
        klik=spec["klik"],
        status=spec.get("status", "confirmed"),
        source=spec["source"],
        params=tuple(sorted(params.items())),
        detail=detail,
    )


def _limit(name: str) -> int:
    return int(rules()["limits"][name]["value"])


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def check_label(label: Label, today: dt.date | None = None) -> list[Finding]:
    """Check a label against the label rules and Cek KLIK.

    Never raises for anything printed on the label: unreadable dates or permit numbers
    become findings.

    Args:
        label: What is printed on the pack.
        today: The date to judge expiry against (default: today).

    Returns:
        The findings, in label-reading order (Kemasan, Label, Izin edar, Kedaluwarsa).
    """
    today = today or dt.date.today()
    out: list[Finding] = []
    cat = _category(label, out)
    out += _package(label)
    out += _mandatory(label, cat)
    ingredients = label.ingredients or ""
    pork = _is_pork(ingredients)
    out += _ingredients(label, pork)
    out += _allergens(label)
    out += _warnings(label, cat, pork)
    permit = _permit_of(label)
    out += _claims(label, permit)
    out += _main_panel(label)
    out += _permit(label, permit, cat, today)
    out += _expiry(label, today)
    order = {k: i for i, k in enumerate(("kemasan", "label", "izin_edar", "kedaluwarsa"))}
    return sorted(out, key=lambda f: order[f.klik])


def _category(label: Label, out: list[Finding]) -> dict[str, Any] | None:
    if _blank(label.category):
        return None
    cat = categories()["categories"].get(label.category)
    if cat is None:
        out.append(make_finding("category.unknown", category=label.category))
    return cat


def _package(label: Label) -> list[Finding]:
    known = vocab()["package_defects"]["keys"]
    out = []
    for key in label.package_defects or []:
        if key in known:
            out.append(make_finding("package_defects.defect", defect_key=f"labels.defect.{key}"))
        else:
            out.append(make_finding("package_defects.unknown", defect=str(key)))
    return out


def _mandatory(label: Label, cat: dict[str, Any] | None) -> list[Finding]:
    out: list[Finding] = []
    if _blank(label.product_name):
        out.append(make_finding("product_name.missing"))
    if _blank(label.ingredients):
        out.append(make_finding("ingredients.missing"))
    else:
        heading, _ = strip_heading(label.ingredients or "", vocab()["ingredient_headings"]["terms"])
        if norm(heading) not in vocab()["ingredient_headings"]["terms"]:
            out.append(make_finding("ingredients.heading", heading=heading or "—"))
    out += _net_content(label, cat)
    if _blank(label.producer):
        out.append(make_finding("producer.missing"))
    elif "," not in (label.producer or "") and not find_terms(
        norm(label.producer), vocab()["producer_address_hints"]["terms"]
    ):
        out.append(make_finding("producer.address"))
    if _blank(label.production_code):
        out.append(make_finding("production_code.missing"))
    if _blank(label.production_date):
        out.append(make_finding("production_date.missing"))
    else:
        try:
            parse_printed_date(label.production_date or "")
        except ToolkitError as err:
            out.append(make_finding("production_date.unreadable", detail=err))
    return out


_QTY = re.compile(r"(\d+(?:[.,]\d+)?)\s*([a-z]+)")


def _net_content(label: Label, cat: dict[str, Any] | None) -> list[Finding]:
    if _blank(label.net_content):
        return [make_finding("net_content.missing")]
    units = vocab()["net_content_units"]
    text = norm(label.net_content)
    found = [m.group(2) for m in _QTY.finditer(text)]
    solid = [u for u in found if u in units["solid"]]
    liquid = [u for u in found if u in units["liquid"]]
    if not solid and not liquid:
        return [make_finding("net_content.unit", text=label.net_content)]
    state = (cat or {}).get("state")
    if state == "solid" and liquid and not solid:
        return [
            make_finding("net_content.unit_state", unit=liquid[0], state_key="labels.state.solid")
        ]
    if state == "liquid" and solid and not liquid:
        return [
            make_finding("net_content.unit_state", unit=solid[0], state_key="labels.state.liquid")
        ]
    return []


def _is_pork(ingredients: str) -> bool:
    pv = vocab()["pork"]
    text = norm(ingredients)
    return has_term(text, pv["marker"]) or bool(find_terms(text, pv["names"]))


def _ingredients(label: Label, pork: bool) -> list[Finding]:
    out: list[Finding] = []
    if pork:
        pv = vocab()["pork"]
        for item in split_items(label.ingredients or ""):
            t = norm(item)
            names = find_terms(t, pv["names"])
            if names and not has_term(t, pv["marker"]):
                out.append(make_finding("ingredients.pork_name", item=item.strip()))
    if pork and label.halal_logo:
        out.append(make_finding("halal_logo.pork"))
    return out


def _allergens(label: Label) -> list[Finding]:
    groups = detect_allergens(label.ingredients)
    if not groups:
        return []
    has_statement, covered = declared_groups(label.allergen_statement, label.ingredients)
    missing = [g for g in groups if g not in covered]
    if not missing:
        return []
    strict = [g for g in missing if g != "sulphite"]
    out: list[Finding] = []
    if not has_statement:
        if strict:
            keys = ",".join(f"labels.allergen.{g}" for g in strict)
            out.append(make_finding("allergen_statement.missing", groups_keys=keys))
        if "sulphite" in missing:
            out.append(make_finding("allergen_statement.sulphite"))
        return out
    for g in strict:
        out.append(make_finding("allergen_statement.undeclared", group_key=f"labels.allergen.{g}"))
    if "sulphite" in missing:
        out.append(make_finding("allergen_statement.sulphite"))
    return out


def _has_warning(label: Label, name: str) -> bool:
    text = norm(" | ".join(label.warnings or []))
    need = vocab()["required_warnings"][name]["all_of"]
    return all(find_terms(text, alternatives) for alternatives in need)


def _warnings(label: Label, cat: dict[str, Any] | None, pork: bool) -> list[Finding]:
    sv = vocab()["sweeteners"]
    text = norm(label.ingredients)
    out: list[Finding] = []
    artificial = find_terms(text, sv["artificial"])
    if artificial:
        if not _has_warning(label, "sweetener"):
            out.append(make_finding("warnings.sweetener", term=artificial[0]))
        sugars = find_terms(text, sv["sugar"])
        if sugars and not _has_warning(label, "sugar_sweetener"):
            out.append(make_finding("warnings.sugar_sweetener", term=sugars[0]))
    aspartame = find_terms(text, sv["aspartame"])
    if aspartame and not _has_warning(label, "aspartame"):
        out.append(make_finding("warnings.aspartame", term=aspartame[0]))
    polyols = find_terms(text, sv["polyol"])
    if polyols and not _has_warning(label, "polyol"):
        out.append(make_finding("warnings.polyol", term=polyols[0]))
    if pork and not _has_warning(label, "pork"):
        out.append(make_finding("warnings.pork"))
    milk = (cat or {}).get("milk_warning")
    if milk and not _has_warning(label, "milk"):
        out.append(make_finding("warnings.milk"))
    if milk == "kental_manis" and not _has_warning(label, "kental_manis"):
        out.append(make_finding("warnings.kental_manis"))
    return out


def _permit_of(label: Label) -> Permit | PermitError | None:
    if _blank(label.permit_number):
        return None
    try:
        return parse_permit(label.permit_number or "")
    except PermitError as err:
        return err


def _claims(label: Label, permit: Permit | PermitError | None) -> list[Finding]:
    cv = vocab()["claims"]
    kind = permit.kind if isinstance(permit, Permit) else None
    out: list[Finding] = []
    for claim in label.claims or []:
        text = norm(claim)
        if not text:
            continue
        medicinal = find_terms(text, cv["medicinal"]["terms"])
        health = find_terms(text, cv["health_nutrition"]["terms"])
        check = find_terms(text, cv["check_words"]["terms"])
        if medicinal:
            out.append(make_finding("claims.medicinal", claim=claim, term=medicinal[0]))
        elif health and kind == "pirt":
            out.append(make_finding("claims.pirt", claim=claim, term=health[0]))
        elif health and kind in ("md", "ml"):
            out.append(make_finding("claims.md_approval", claim=claim, term=health[0]))
        elif check:
            out.append(make_finding("claims.check_word", claim=claim, term=check[0]))
    return out


def _main_panel(label: Label) -> list[Finding]:
    if label.main_panel is None:
        return []
    out = []
    for name in MAIN_PANEL_FIELDS:
        value = getattr(label, name)
        present = bool(value) if name == "halal_logo" else not _blank(value)
        if present and name not in label.main_panel:
            out.append(make_finding("main_panel.missing", field=name))
    return out


def _permit(
    label: Label, permit: Permit | PermitError | None, cat: dict[str, Any] | None, today: dt.date
) -> list[Finding]:
    if permit is None:
        days = label.shelf_life_days
        if days is not None and days < _limit("permit_exempt_below_days"):
            return []
        return [make_finding("permit_number.missing")]
    if isinstance(permit, PermitError):
        return [make_finding("permit_number.malformed", detail=permit)]
    if not permit.is_food:
        return [make_finding("permit_number.not_food", kind_key=f"permits.kind.{permit.kind}")]
    if permit.kind != "pirt":
        return []
    out: list[Finding] = []
    year = permit.expires_year or 0
    if year < today.year:
        out.append(make_finding("permit_number.pirt_expired", year=year))
    elif year == today.year:
        out.append(make_finding("permit_number.pirt_final_year", year=year))
    if cat is not None and cat.get("irt_excluded"):
        out.append(
            make_finding(
                "permit_number.pirt_not_allowed",
                reason_key=f"labels.irt_excluded.{cat['irt_excluded']}",
            )
        )
    elif cat is not None and cat.get("irt_groups"):
        code = permit.field("food_group").digits
        if code not in cat["irt_groups"]:
            out.append(
                make_finding(
                    "permit_number.pirt_group",
                    code=code,
                    expected=", ".join(cat["irt_groups"]),
                )
            )
    return out


def _expiry(label: Label, today: dt.date) -> list[Finding]:
    if _blank(label.best_before):
        return [make_finding("best_before.missing")]
    out: list[Finding] = []
    lead, rest = strip_lead_in(label.best_before or "")
    if norm(lead) != vocab()["expiry_lead_in"]["phrase"]:
        out.append(make_finding("best_before.lead_in", printed=label.best_before))
    try:
        date = parse_printed_date(rest if rest else label.best_before or "")
    except ToolkitError as err:
        out.append(make_finding("best_before.unreadable", detail=err))
        return out
    days = label.shelf_life_days
    if not date.has_day and days is not None and days <= _limit("day_required_max_days"):
        out.append(make_finding("best_before.day_required", days=days))
    if date.last_day() < today:
        out.append(make_finding("best_before.expired", date_iso=date.last_day().isoformat()))
    return out
