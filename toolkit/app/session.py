"""The trainee session of one kernel: workshop and participant codes, language, and the store.

Voila runs one kernel per trainee page, so a kernel has exactly one session. It is read
from the page's URL query (``?ws=KPG25&p=017&lang=id``), which Voila hands to the kernel in
``QUERY_STRING`` (after ``wait_for_request()`` when the kernel came from a preheated pool).
"""

from __future__ import annotations

import dataclasses
import logging
import os
import re
import time
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs

from toolkit.i18n import normalize_lang

if TYPE_CHECKING:
    from toolkit.store import Store

log = logging.getLogger("pangan")

CODE_RE = re.compile(r"^[A-Za-z0-9_-]{1,32}$")


@dataclasses.dataclass
class Session:
    """Who is using this kernel. ``workshop``/``participant`` are ``None`` for a guest."""

    workshop: str | None = None
    participant: str | None = None
    lang: str = "id"
    problems: list[str] = dataclasses.field(default_factory=list)
    _store: Store | None = dataclasses.field(default=None, repr=False)

    @classmethod
    def from_query(cls, query: str | None) -> Session:
        """Parse a URL query string; invalid codes are dropped and named in ``problems``."""
        params = parse_qs(query or "", keep_blank_values=False)

        def first(name: str) -> str | None:
            vals = params.get(name)
            return vals[0].strip() if vals else None

        problems: list[str] = []
        codes: dict[str, str | None] = {}
        for field, name in (("workshop", "ws"), ("participant", "p")):
            value = first(name)
            if value is not None and not CODE_RE.match(value):
                problems.append(name)
                value = None
            codes[field] = value.upper() if value else None
        return cls(
            workshop=codes["workshop"],
            participant=codes["participant"],
            lang=normalize_lang(first("lang")),
            problems=problems,
        )

    @property
    def identified(self) -> bool:
        """True when both workshop and participant codes are known."""
        return bool(self.workshop and self.participant)

    @property
    def store(self) -> Store:
        """The results store (opened on first use)."""
        if self._store is None:
            from toolkit.store import open_store

            self._store = open_store()
        return self._store

    def use_store(self, store: Store) -> None:
        """Use ``store`` instead of the default one (tests, dashboards)."""
        self._store = store

    def record_progress(self, module: str, event: str) -> bool:
        """Record ``opened``/``completed`` for an identified trainee; False if not saved."""
        if not self.identified:
            return False
        try:
            return self.store.record_progress(self.workshop, self.participant, module, event)
        except Exception:  # the page must keep working; the trainer sees the log
            log.exception("could not record progress %s/%s", module, event)
            return False

    def record_answer(
        self,
        quiz: str,
        question_id: str,
        answer: Any,
        correct: bool | None = None,
        score: float | None = None,
        seconds: float | None = None,
        key: str = "",
    ) -> bool:
        """Store one submitted answer at once (idempotent on ``key``).

        Guests (no codes in the link) are not stored. Returns True when the answer is in
        the store (now or already), False when it could not be saved.
        """
        if not self.identified:
            return False
        from toolkit.store import AnswerRecord

        rec = AnswerRecord(
            workshop_code=self.workshop or "",
            participant_code=self.participant or "",
            quiz=quiz,
            question_id=question_id,
            answer=answer,
            correct=correct,
            score=score,
            seconds=seconds,
            key=key,
        )
        for attempt in range(3):
            try:
                self.store.record_answer(rec)
                return True
            except Exception:
                log.exception("could not store answer %s/%s (try %d)", quiz, question_id, attempt)
                time.sleep(0.2 * (attempt + 1))
        return False


_current: Session | None = None


def current_session() -> Session:
    """The session of this kernel, read once from the page's URL query."""
    global _current
    if _current is None:
        if os.environ.get("VOILA_PREHEAT", "False") != "False":
            # A kernel from the preheated pool learns its page's URL only now.
            from toolkit.app.handover import wait_for_request

            wait_for_request()
        _current = Session.from_query(os.environ.get("QUERY_STRING", ""))
    return _current


def set_current_session(session: Session | None) -> None:
    """Replace this kernel's session (tests; the classroom after a code is typed in)."""
    global _current
    _current = session
