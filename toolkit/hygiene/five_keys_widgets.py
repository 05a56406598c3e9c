"""The Five Keys lesson widget: each key's points, then a check answered on the server."""

from __future__ import annotations

import html

import ipywidgets as w

from toolkit.app import ui
from toolkit.app.session import Session, current_session
from toolkit.hygiene.five_keys import Key, load_five_keys
from toolkit.i18n import t

QUIZ_ID = "hygiene.five_keys"


class KeyCheck(w.VBox):
    """One key: its teaching points and one multiple-choice check with feedback."""

    def __init__(self, key: Key, session: Session, on_correct=None) -> None:
        self._key = key
        self._session = session
        self._on_correct = on_correct
        lang = session.lang
        points = "".join(f"<li>{html.escape(p)}</li>" for p in key.points[lang])
        self._intro = ui.html_block(
            f"<h3>{html.escape(key.title[lang])}</h3><ul>{points}</ul>"
            f"<p><b>{html.escape(t('hygiene.five_keys.check_heading', lang))}</b>: "
            f"{html.escape(key.check.question[lang])}</p>",
            "pangan-card",
        )
        self._choice = ui.radio([(o[lang], i) for i, o in enumerate(key.check.options)])
        self._submit = ui.button(t("common.check.submit", lang))
        self._feedback = ui.html_block()
        self.solved = False
        self._submit.on_click(ui.safe(self._feedback, lambda: self._session.lang)(self._check))
        super().__init__(
            [self._intro, self._choice, self._submit, self._feedback],
            layout=ui.FULL,
            _dom_classes=("pangan-keycheck",),
        )

    @property
    def choice(self) -> int | None:
        """The selected option index (``None`` before a choice)."""
        return self._choice.value

    @choice.setter
    def choice(self, value: int | None) -> None:
        self._choice.value = value

    def click(self) -> None:
        """Press the submit button (programmatic trigger for tests)."""
        self._submit.click()

    def _check(self, _button=None) -> None:
        lang = self._session.lang
        choice = self._choice.value
        if not isinstance(choice, int) or not 0 <= choice < len(self._key.check.options):
            self._feedback.value = ui.message("warn", t("common.check.choose_first", lang))
            return
        correct = self._key.check.is_correct(choice)
        saved = self._session.record_answer(
            QUIZ_ID,
            self._key.id,
            {"choice": choice},
            correct=correct,
            score=1.0 if correct else 0.0,
            key=f"{self._session.workshop}|{self._session.participant}|{QUIZ_ID}|{self._key.id}|{choice}",
        )
        verdict = t("common.check.correct" if correct else "common.check.wrong", lang)
        explain = self._key.check.explain[lang] if correct else ""
        source = t("hygiene.five_keys.source", lang, source=self._key.check.source)
        body = f"{verdict} {explain}".strip()
        self._feedback.value = ui.message("ok" if correct else "error", body) + (
            f'<div class="pangan-source">{html.escape(source)}</div>' if correct else ""
        )
        if self._session.identified and not saved:
            self._feedback.value += ui.message("warn", t("common.app.not_saved", lang))
            return
        if correct and not self.solved:
            self.solved = True
            if self._on_correct:
                self._on_correct()


class FiveKeysLesson(w.VBox):
    """All five keys with their checks and a progress line; records completion."""

    def __init__(self, session: Session | None = None) -> None:
        self._session = session or current_session()
        self._keys = load_five_keys()
        self._progress = ui.html_block()
        self.checks = [KeyCheck(k, self._session, self._update) for k in self._keys]
        super().__init__([*self.checks, self._progress], layout=ui.FULL)
        self._update(initial=True)

    @property
    def solved(self) -> int:
        """How many keys are answered correctly."""
        return sum(c.solved for c in self.checks)

    def _update(self, initial: bool = False) -> None:
        lang = self._session.lang
        total = len(self.checks)
        text = t("hygiene.five_keys.progress", lang, done=self.solved, total=total)
        if self.solved == total:
            text = t("hygiene.five_keys.done", lang)
            if not initial:
                self._session.record_progress("hygiene", "completed")
        self._progress.value = ui.message("info" if self.solved < total else "ok", text)
