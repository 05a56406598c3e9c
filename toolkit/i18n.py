"""Every user-visible string, looked up by key from the ``locales/<lang>/*.yaml`` catalogues.

Each file ``locales/<lang>/<name>.yaml`` holds the keys under ``<name>.``; nested mappings
join with dots (``common.yaml: {app: {title: …}}`` is ``common.app.title``). Indonesian
(``id``) is the default and the fallback; English is ``en``.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
from functools import cache
from pathlib import Path
from typing import Any

from toolkit import yamlio

LANGS: tuple[str, ...] = ("id", "en")
DEFAULT_LANG = "id"
LOCALES_DIR = Path(__file__).with_name("locales")


class MissingKeyError(KeyError):
    """A key that no catalogue defines (tests fail on it; pages fall back to the key)."""


def normalize_lang(lang: str | None) -> str:
    """Return ``lang`` if supported, else the default language."""
    lang = (lang or "").strip().lower()[:2]
    return lang if lang in LANGS else DEFAULT_LANG


def _flatten(prefix: str, node: Any, out: dict[str, str]) -> None:
    if isinstance(node, dict):
        for k, v in node.items():
            _flatten(f"{prefix}.{k}" if prefix else str(k), v, out)
    else:
        out[prefix] = node


@cache
def catalogue(lang: str) -> dict[str, Any]:
    """All keys of one language, merged from every file of ``locales/<lang>/``."""
    out: dict[str, Any] = {}
    folder = LOCALES_DIR / lang
    for path in sorted(folder.glob("*.yaml")):
        data = yamlio.safe_load(path.read_text(encoding="utf-8")) or {}
        _flatten(path.stem, data, out)
    return out


def has(key: str, lang: str = DEFAULT_LANG) -> bool:
    """True when ``key`` exists in ``lang``'s catalogue."""
    return key in catalogue(normalize_lang(lang))


def t(key: str, lang: str = DEFAULT_LANG, /, strict: bool = False, **params: Any) -> str:
    """Translate ``key`` into ``lang`` and fill ``{name}`` placeholders from ``params``.

    Falls back to Indonesian, then to the key itself (or raises ``MissingKeyError`` when
    ``strict``).
    """
    lang = normalize_lang(lang)
    text = catalogue(lang).get(key)
    if text is None:
        text = catalogue(DEFAULT_LANG).get(key)
    if text is None:
        if strict:
            raise MissingKeyError(key)
        return key
    text = str(text)
    if params:
        with contextlib.suppress(KeyError, IndexError, ValueError):
            text = text.format(**params)
    return text


def fmt_number(value: float, lang: str = DEFAULT_LANG, digits: int = 0) -> str:
    """Format a number for the locale: ``1.234,5`` in Indonesian, ``1,234.5`` in English."""
    from babel.numbers import format_decimal

    pattern = "#,##0" + ("." + "0" * digits if digits > 0 else "")
    return format_decimal(value, format=pattern, locale=normalize_lang(lang))


def fmt_date(value: _dt.date, lang: str = DEFAULT_LANG) -> str:
    """Format a date as on a label: ``12 Mei 2027`` / ``12 May 2027``."""
    from babel.dates import format_date

    return format_date(value, "d MMMM y", locale=normalize_lang(lang))
