"""Locale catalogues: both languages define the same keys, and every key used in code exists."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from tests.conftest import ROOT
from toolkit import i18n


def test_catalogues_are_not_empty() -> None:
    for lang in i18n.LANGS:
        assert len(i18n.catalogue(lang)) > 20, lang


def test_same_keys_in_every_language() -> None:
    ids = set(i18n.catalogue("id"))
    ens = set(i18n.catalogue("en"))
    assert ids - ens == set(), "keys missing in en"
    assert ens - ids == set(), "keys missing in id"


def test_placeholders_agree_between_languages() -> None:
    ph = re.compile(r"\{(\w+)\}")
    for key, text in i18n.catalogue("id").items():
        other = i18n.catalogue("en")[key]
        assert set(ph.findall(str(text))) == set(ph.findall(str(other))), key


_KEY_USE = re.compile(r"""\bt\(\s*["']([a-z0-9_]+(?:\.[a-z0-9_]+)+)["']""")
_ERR_USE = re.compile(r"""Error\(\s*["']([a-z0-9_]+(?:\.[a-z0-9_]+)+)["']""")


def test_every_literal_key_used_in_code_exists() -> None:
    used: set[str] = set()
    files = list((ROOT / "toolkit").rglob("*.py"))
    assert files
    for path in files:
        src = path.read_text(encoding="utf-8")
        used |= set(_KEY_USE.findall(src)) | set(_ERR_USE.findall(src))
    assert used, "no i18n keys found in code: the scan is broken"
    missing = sorted(k for k in used if not i18n.has(k, "id") or not i18n.has(k, "en"))
    assert missing == []


def test_missing_key_strict_raises_and_lenient_returns_key() -> None:
    with pytest.raises(i18n.MissingKeyError):
        i18n.t("common.no.such.key", "id", strict=True)
    assert i18n.t("common.no.such.key", "en") == "common.no.such.key"


def test_lang_normalisation_and_fallback() -> None:
    assert i18n.normalize_lang("EN") == "en"
    assert i18n.normalize_lang("fr") == "id"
    assert i18n.normalize_lang(None) == "id"
    assert i18n.t("common.app.back", "xx") == i18n.t("common.app.back", "id")


def test_locale_formats() -> None:
    assert i18n.fmt_number(1234.5, "id", 1) == "1.234,5"
    assert i18n.fmt_number(1234.5, "en", 1) == "1,234.5"
    assert i18n.fmt_date(dt.date(2027, 5, 12), "id") == "12 Mei 2027"
    assert i18n.fmt_date(dt.date(2027, 5, 12), "en") == "12 May 2027"
