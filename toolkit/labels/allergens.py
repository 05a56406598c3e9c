"""Finding the ten allergen groups of PerBPOM 31/2018 Pasal 49 in a printed ingredient list,
with the refined-derivative exemptions and false-positive guards of ``vocab.yaml``."""

from __future__ import annotations

import dataclasses

from toolkit.labels.text import BOLD, find_terms, norm, remove_terms, split_items
from toolkit.labels.vocab import vocab


@dataclasses.dataclass(frozen=True)
class AllergenHit:
    """One allergen group found in one ingredient item.

    Attributes:
        group: Allergen group key (``gluten``, ``milk`` …).
        item: The ingredient item as printed (bold marks removed).
        terms: The words that matched.
        exempt: True when the item is a refined derivative exempt from declaration.
        bold: True when a matching word is printed in bold (``**…**``).
    """

    group: str
    item: str
    terms: tuple[str, ...]
    exempt: bool = False
    bold: bool = False


def _group_terms(text: str, spec: dict) -> list[str]:
    cleaned = remove_terms(text, spec.get("not_terms", []))
    return find_terms(cleaned, spec["terms"])


def allergen_hits(ingredients: str | None) -> list[AllergenHit]:
    """Every allergen group found, item by item, including exempted ones.

    Args:
        ingredients: The ingredient text as printed (heading allowed; ``**bold**`` marks allowed).

    Returns:
        One ``AllergenHit`` per (item, group) pair, in order of the list.
    """
    if not ingredients:
        return []
    groups = vocab()["allergens"]["groups"]
    hits: list[AllergenHit] = []
    for raw_item in split_items(ingredients):
        item = norm(raw_item)
        bold_text = norm(" ".join(BOLD.findall(raw_item)))
        for group, spec in groups.items():
            terms = _group_terms(item, spec)
            if not terms:
                continue
            exempt = bool(find_terms(item, spec.get("exempt", [])))
            bold = bool(bold_text) and bool(_group_terms(bold_text, spec))
            hits.append(AllergenHit(group, item, tuple(terms), exempt, bold))
    return hits


def detect_allergens(ingredients: str | None) -> list[str]:
    """The allergen groups that must be declared (exempt derivatives left out), in
    ``vocab.yaml`` order.

    Args:
        ingredients: The ingredient text as printed.

    Returns:
        Group keys such as ``["gluten", "egg", "milk"]``.
    """
    found = {h.group for h in allergen_hits(ingredients) if not h.exempt}
    return [g for g in vocab()["allergens"]["groups"] if g in found]


def declared_groups(statement: str | None, ingredients: str | None) -> tuple[bool, set[str]]:
    """Which groups the label declares.

    A declaration is a "Mengandung alergen: …" statement naming the group (by one of its
    words or its name), or a statement that bold words are allergens with the group's word
    printed in bold in the list.

    Returns:
        ``(has_statement, groups)``: whether a declaring statement exists at all, and the
        groups it covers.
    """
    text = norm(statement)
    av = vocab()["allergens"]
    named = bool(find_terms(text, av["statement_phrases"]))
    bold_form = bool(find_terms(text, av["bold_phrases"]))
    if not (named or bold_form):
        return False, set()
    covered: set[str] = set()
    for group, spec in av["groups"].items():
        if named and (_group_terms(text, spec) or find_terms(text, spec.get("names", []))):
            covered.add(group)
    if bold_form:
        covered |= {h.group for h in allergen_hits(ingredients) if h.bold}
    return True, covered
