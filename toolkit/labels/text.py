"""Small text helpers shared by the label checker: normalising printed text, whole-word term
matching, and splitting an ingredient list into items."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

BOLD = re.compile(r"\*\*(.+?)\*\*", re.S)


def norm(text: str | None) -> str:
    """Lower case, bold marks removed, whitespace collapsed."""
    if not text:
        return ""
    return re.sub(r"\s+", " ", BOLD.sub(r"\1", text)).strip().lower()


@cache
def _term_re(term: str) -> re.Pattern[str]:
    return re.compile(r"(?<![a-z0-9])" + re.escape(term.lower()) + r"(?![a-z0-9])")


def has_term(text: str, term: str) -> bool:
    """True when ``term`` occurs in (normalised) ``text`` as whole words."""
    return bool(_term_re(term).search(text))


def find_terms(text: str, terms: Iterable[str]) -> list[str]:
    """The terms of ``terms`` that occur in ``text``, in list order."""
    return [t for t in terms if has_term(text, t)]


def remove_terms(text: str, terms: Iterable[str]) -> str:
    """``text`` with every whole-word occurrence of ``terms`` blanked out (longest first)."""
    for term in sorted(terms, key=len, reverse=True):
        text = _term_re(term).sub(" ", text)
    return text


def strip_heading(text: str, headings: Iterable[str]) -> tuple[str, str]:
    """Split ``"Komposisi: gula, ..."`` into the heading as printed and the list.

    Returns:
        ``(heading, rest)``; ``heading`` is ``""`` when the text starts with none of
        ``headings``.
    """
    s = text.strip()
    low = norm(s)
    for h in sorted(headings, key=len, reverse=True):
        if re.match(re.escape(h) + r"\s*[:.]", low) or low == h:
            idx = s.find(":")
            idx = idx if idx >= 0 else s.find(".")
            return s[:idx].strip(), s[idx + 1 :].strip()
    m = re.match(r"^\s*([^:,()]{1,40}):", s)
    if m:
        return m.group(1).strip(), s[m.end() :].strip()
    return "", s


def split_items(text: str) -> list[str]:
    """Split an ingredient list into items.

    Top-level commas and semicolons separate items. A parenthesis holding a list
    (``cokelat (gula, susu bubuk)``) is split into its own items as well; a parenthesis
    holding one thing (``sirup glukosa (dari gandum)``) stays part of its item.
    """
    items: list[str] = []

    def walk(s: str) -> None:
        depth = 0
        start = 0
        parts: list[str] = []
        for i, ch in enumerate(s):
            if ch in "([":
                depth += 1
            elif ch in ")]":
                depth = max(0, depth - 1)
            elif ch in ",;" and depth == 0:
                parts.append(s[start:i])
                start = i + 1
        parts.append(s[start:])
        for part in parts:
            part = part.strip().rstrip(".")
            if not part:
                continue
            m = re.match(r"^(.*?)[(\[](.*)[)\]]\s*(.*)$", part, re.S)
            if m and re.search(r"[,;]", m.group(2)):
                head = (m.group(1) + " " + m.group(3)).strip()
                if head:
                    items.append(head)
                walk(m.group(2))
            else:
                items.append(part)

    walk(text or "")
    return items
