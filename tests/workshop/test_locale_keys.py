"""Keys built at run time (f-strings) exist in both languages."""

from __future__ import annotations

import itertools

import pytest

from toolkit.i18n import has
from toolkit.workshop.export import SHEETS
from toolkit.workshop.participants import PARTICIPANT_FIELDS_SHOWN, REQUIRED

DYNAMIC = [
    *(f"workshop.export.sheet.{k}" for k in SHEETS),
    *(f"workshop.gain.{c}" for c in ("tinggi", "sedang", "rendah")),
    *(f"workshop.review.{f}" for f in ("too_easy", "too_hard", "negative")),
    *(f"workshop.field.{f}" for f in (*REQUIRED, *PARTICIPANT_FIELDS_SHOWN)),
    *(
        f"workshop.import.reason.{r}"
        for r in ("empty", "too_long", "phone", "duplicate", "registered")
    ),  # fmt: skip
    *(f"dashboard.tab.{k}" for k in ("progress", "scores", "items", "verify")),
    *(f"dashboard.col.{k}" for k in ("code", "name", "pre", "post", "gain")),
    *(f"dashboard.scores.{k}" for k in ("pre", "post")),
    *(f"workshop.msg.{k}" for k in ("verify_trusted", "verify_untrusted")),
]


@pytest.mark.parametrize(("key", "lang"), list(itertools.product(DYNAMIC, ("id", "en"))))
def test_dynamic_key_exists(key: str, lang: str) -> None:
    assert has(key, lang)
