"""The quiz widget: one question per screen, feedback (or exam mode), summary, retake.

Every submitted answer is written to the store at once with an idempotency key (a double tap
writes once); a reload rebuilds the same draw from the participant's codes and resumes from
the stored answers. Answer keys stay in plain Python attributes, never in widget traits.
"""

from __future__ import annotations

import hashlib
import html
import logging
import math
import random
import re
import time
from pathlib import Path
from typing import Any

import ipywidgets as w

from toolkit.app import ui
from toolkit.app.session import Session, current_session
from toolkit.i18n import fmt_number, has, t
from toolkit.quiz.bank import bank_path, load_bank
from toolkit.quiz.engine import QuizResult, draw, parse_number, question_score, score
from toolkit.quiz.model import Bank, Question, QuizError

log = logging.getLogger("pangan")

MAX_ATTEMPTS = 20


def quiz_name(bank: Bank, attempt: int) -> str:
    """The quiz name stored with each answer: the bank key, then ``key#2``, ``key#3`` …"""
    return bank.key if attempt <= 1 else f"{bank.key}#{attempt}"


def topic_title(topic: str, lang: str) -> str:
    """A module's title from its locale catalogue (or the quiz's topic names), else the key."""
    for key in (f"{topic}.module.title", f"quiz.topic.{topic}"):
        if has(key, lang):
            return t(key, lang)
    return topic


def answer_text(q: Question, value: Any, lang: str) -> str:
    """An answer in words (for feedback and the exam summary)."""
    if value is None:
        return "—"
    if q.type == "truefalse":
        return t("quiz.true" if value else "quiz.false", lang)
    if q.type == "numeric":
        number = parse_number(value)
        shown = str(value) if number is None else fmt_number(number, lang, _digits(number))
        return f"{shown} {q.unit.get(lang) if q.unit else ''}".strip()
    ids = [value] if isinstance(value, str) else list(value)
    texts = [o.text.get(lang) for i in ids if (o := q.option(i)) is not None]
    sep = " → " if q.type == "ordering" else "; "
    return sep.join(texts) or "—"


def display_source(source: str) -> str:
    """The source as a trainee sees it: the regulation or guide, without our notes' section.

    ``"facts.md §6.3 (WHO; Kemenkes CTPS guide)"`` → ``"WHO; Kemenkes CTPS guide"``.
    """
    inner: list[str] = []
    depth, start = 0, 0
    for i, ch in enumerate(source):
        if ch == "(":
            if depth == 0:
                start = i + 1
            depth += 1
        elif ch == ")" and depth:
            depth -= 1
            if depth == 0:
                inner.append(source[start:i].strip())
    if inner:
        return "; ".join(inner)
    return re.sub(r"facts\.md\s*", "", source).strip()


def _digits(number: float) -> int:
    text = f"{number:.4f}".rstrip("0").rstrip(".")
    return len(text.split(".")[1]) if "." in text else 0


class QuizWidget(w.VBox):
    """A quiz over one bank for the current participant.

    Args:
        bank: A loaded bank, a bank key (``"hygiene"``, ``"pretest"``) or a bank file path.
        session: The trainee session (default: this kernel's session).
        n: Questions per attempt (default: the bank's ``draw``, else all).
        exam: No feedback until the end (default: the bank's ``exam``).
    """

    def __init__(
        self,
        bank: Bank | str | Path,
        session: Session | None = None,
        n: int | None = None,
        exam: bool | None = None,
    ) -> None:
        self._session = session or current_session()
        self._title = ui.html_block(css_class="pangan-quiz-title")
        self._progress = ui.html_block(css_class="pangan-quiz-progress")
        self._body = w.VBox(layout=ui.FULL)
        self._feedback = ui.html_block()
        self._submit = ui.button(t("quiz.submit", self.lang))
        self._next = ui.button(t("quiz.next", self.lang), "info")
        self._retake = ui.button(t("quiz.retake", self.lang), "warning")
        self._submit.on_click(self._guard(self._on_submit))
        self._next.on_click(self._guard(self._on_next))
        self._retake.on_click(self._guard(self._on_retake))
        # The message area sits just above the action button, where a thumb is on a phone.
        self._body.children = [self._feedback]
        super().__init__(
            [self._title, self._progress, self._body], layout=ui.FULL, _dom_classes=("pangan-quiz",)
        )
        # Python-only state (never traits): the bank, drawn questions and answers.
        self._bank: Bank | None = None
        self._questions: list[Question] = []
        self._answers: dict[str, Any] = {}
        self._index = 0
        self._attempt = 1
        self._shown_at = time.monotonic()
        self._controls: Any = None
        self._order: list[str] = []
        self._screen: list[w.Widget] = []  # what the current screen made (closed after it)
        self._guest_seed = random.SystemRandom().randrange(1 << 30)
        self.result: QuizResult | None = None
        self.error: str | None = None
        try:
            self._bank = self._load(bank)
        except QuizError as exc:
            log.warning("quiz not available: %s", "; ".join(map(str, exc.problems)) or exc)
            self.error = exc.message(self.lang)
            self._feedback.value = ui.message("error", t("quiz.unavailable", self.lang))
            return
        self._n = n if n is not None else self._bank.n_draw
        self._exam = self._bank.exam if exam is None else exam
        self._title.value = f"<h3>{html.escape(self._bank.title.get(self.lang))}</h3>"
        self._guard(self._resume)()

    # -- public surface (tests and the classroom drive the quiz through these) ---------------
    @property
    def lang(self) -> str:
        """The session language."""
        return self._session.lang

    @property
    def quiz(self) -> str:
        """The stored quiz name of the current attempt."""
        return quiz_name(self._bank, self._attempt) if self._bank else ""

    @property
    def attempt(self) -> int:
        """1 for the first attempt, 2 for the first retake, …"""
        return self._attempt

    @property
    def question_ids(self) -> list[str]:
        """Ids of the questions of this attempt, in quiz order."""
        return [q.id for q in self._questions]

    @property
    def current_question_id(self) -> str | None:
        """The id of the question on screen (None on the summary)."""
        return self._questions[self._index].id if not self.finished else None

    @property
    def index(self) -> int:
        """Position of the question on screen (0-based)."""
        return self._index

    @property
    def finished(self) -> bool:
        """True when every question of the attempt is answered."""
        return bool(self._questions) and self._index >= len(self._questions)

    @property
    def feedback(self) -> str:
        """The HTML of the feedback / message area."""
        return self._feedback.value

    @property
    def screen(self) -> str:
        """All HTML text currently shown (for tests)."""
        parts = [self._title.value, self._progress.value]
        parts += [c.value for c in _walk(self._body) if isinstance(c, w.HTML)]
        return "\n".join(parts)

    def set_answer(self, value: Any) -> None:
        """Fill the controls as a trainee would (option ids, bool, number text)."""
        q = self._questions[self._index]
        c = self._controls
        if q.type == "single":
            c.value = next((i for i, o in enumerate(q.options) if o.id == value), None)
        elif q.type == "truefalse":
            c.value = None if value is None else int(bool(value))
        elif q.type == "multiple":
            for box, o in zip(c, q.options, strict=True):
                box.value = o.id in value
        elif q.type == "numeric":
            c.value = "" if value is None else str(value)
        else:
            self._order = [str(v) for v in value]
            self._render_order()

    def submit(self) -> None:
        """Press the submit button."""
        self._submit.click()

    def next(self) -> None:
        """Press the next button (after feedback)."""
        self._next.click()

    def retake(self) -> None:
        """Press the retake button (summary below the pass mark)."""
        self._retake.click()

    def move(self, option_id: str, step: int) -> None:
        """Move an item of an ordering question up (-1) or down (+1), as its buttons do."""
        self._move(option_id, step)

    # -- internals ------------------------------------------------------------------------
    def _guard(self, fn):
        return ui.safe(self._feedback, lambda: self.lang)(fn)

    @staticmethod
    def _load(bank: Bank | str | Path) -> Bank:
        if isinstance(bank, Bank):
            return bank
        path = Path(bank)
        if path.suffix != ".yaml":
            path = bank_path(str(bank))
        return load_bank(path)

    def _seed(self, attempt: int) -> str:
        s = self._session
        who = f"{s.workshop}|{s.participant}" if s.identified else f"guest{self._guest_seed}"
        return f"{who}|{attempt}"

    def _draw(self, attempt: int, used: list[str]) -> list[Question]:
        bank = self._bank
        assert bank is not None
        seed = self._seed(attempt)
        try:
            return draw(bank, self._n, seed, exclude=used)
        except QuizError:
            pass
        # Not enough unseen questions: avoid at least the previous attempt's questions.
        last = used[-self._n :]
        try:
            return draw(bank, self._n, seed, exclude=last)
        except QuizError:
            return draw(bank, self._n, seed)

    def _stored(self, attempt: int) -> dict[str, Any]:
        s = self._session
        if not s.identified:
            return {}
        rows = s.store.answers(s.workshop, s.participant, quiz_name(self._bank, attempt))
        return {r.question_id: r.answer for r in rows}

    def _resume(self) -> None:
        """Rebuild the attempts from the store and show where the participant was."""
        used: list[str] = []
        attempt = 1
        questions = self._draw(1, used)
        stored = self._stored(1)
        while attempt < MAX_ATTEMPTS:
            nxt = self._stored(attempt + 1)
            if not nxt:
                break
            used += [q.id for q in questions]
            attempt += 1
            questions = self._draw(attempt, used)
            stored = nxt
        self._attempt = attempt
        self._questions = questions
        self._answers = {q.id: stored[q.id] for q in questions if q.id in stored}
        self._index = next(
            (i for i, q in enumerate(questions) if q.id not in self._answers), len(questions)
        )
        if self._answers and not self.finished:
            self._feedback.value = ui.message("info", t("quiz.resumed", self.lang))
            self._show_question(keep_feedback=True)
        elif self.finished:
            self._show_summary()
        else:
            self._show_question()

    def _show_question(self, keep_feedback: bool = False) -> None:
        lang = self.lang
        q = self._questions[self._index]
        total = len(self._questions)
        pct = int(100 * self._index / total)
        self._progress.value = (
            f'<div class="pangan-quiz-count">'
            f"{html.escape(t('quiz.progress', lang, n=self._index + 1, total=total))}</div>"
            f'<div class="pangan-bar" style="background:#e0e0e0;border-radius:6px;height:8px">'
            f'<div style="width:{pct}%;background:#2e7d32;height:8px;border-radius:6px"></div></div>'
        )
        if not keep_feedback:
            self._feedback.value = ""
        parts: list[w.Widget] = []
        text = f"<p class='pangan-question'><b>{html.escape(q.text.get(lang))}</b></p>"
        hint = t(f"quiz.hint.{q.type}", lang)
        text += f"<p class='pangan-hint'>{html.escape(hint)}</p>"
        if q.status == "unconfirmed":
            text += ui.message("warn", t("quiz.unconfirmed", lang))
        parts.append(ui.html_block(text))
        if q.image_path is not None:
            fmt = "svg+xml" if q.image_path.suffix == ".svg" else q.image_path.suffix.lstrip(".")
            img = w.Image(
                value=q.image_path.read_bytes(),
                format=fmt,
                layout=ui.layout(width="100%", max_width="420px", height="auto"),
            )
            parts.append(img)
            alt = q.image_alt.get(lang) if q.image_alt else ""
            parts.append(ui.html_block(f"<p class='pangan-alt'>{html.escape(alt)}</p>"))
        parts.append(self._build_controls(q))
        self._submit.disabled = False
        self._submit.description = t("quiz.submit", lang)
        parts += [self._feedback, self._submit]
        self._body.children = parts
        self._new_screen(parts)
        self._shown_at = time.monotonic()

    def _new_screen(self, shown: list[w.Widget]) -> None:
        """Close the widgets of the screen before ``shown`` (a trainee's kernel does not
        grow with every question); the quiz's own buttons and messages stay."""
        old, self._screen = self._screen, list(shown)
        ui.close_tree(
            old, keep=[*self._screen, self._feedback, self._submit, self._next, self._retake]
        )

    def _build_controls(self, q: Question) -> w.Widget:
        lang = self.lang
        if q.type == "single":
            self._controls = ui.radio([(o.text.get(lang), i) for i, o in enumerate(q.options)])
            return self._controls
        if q.type == "truefalse":
            self._controls = ui.radio([(t("quiz.true", lang), 1), (t("quiz.false", lang), 0)])
            return self._controls
        if q.type == "multiple":
            # A big tick button beside wrapping text: checkbox labels do not wrap on phones.
            rows, boxes = [], []
            for o in q.options:
                box = w.ToggleButton(
                    value=False,
                    description="",
                    tooltip=o.text.get(lang),
                    layout=ui.layout(width="48px", min_width="48px", min_height="44px"),
                    style=ui.style(ui.ToggleButtonStyle),
                    _dom_classes=("pangan-tick",),
                )
                box.observe(self._on_tick, names="value")
                label = ui.html_block(f"<span>{html.escape(o.text.get(lang))}</span>")
                label.layout = w.Layout(width="calc(100% - 56px)")
                boxes.append(box)
                rows.append(
                    w.HBox([box, label], layout=ui.layout(width="100%", align_items="center"))
                )
            self._controls = boxes
            return w.VBox(rows, layout=ui.FULL)
        if q.type == "numeric":
            self._controls = w.Text(
                value="",
                placeholder=t("quiz.number_placeholder", lang),
                layout=ui.layout(width="60%", min_height="40px"),
                style=ui.style(ui.TextStyle),
            )
            unit = ui.html_block(f"<b>{html.escape(q.unit.get(lang) if q.unit else '')}</b>")
            unit.layout = ui.layout(width="35%")
            return w.HBox([self._controls, unit], layout=ui.FULL)
        self._order = [o.id for o in q.options]
        self._controls = w.VBox(layout=ui.FULL)
        self._render_order()
        return self._controls

    @staticmethod
    def _on_tick(change: dict) -> None:
        box = change["owner"]
        box.description = "✓" if change["new"] else ""
        box.button_style = "success" if change["new"] else ""

    def _render_order(self) -> None:
        q = self._questions[self._index]
        lang = self.lang
        rows = []
        for pos, oid in enumerate(self._order):
            opt = q.option(oid)
            label = ui.html_block(
                f"<b>{pos + 1}.</b> {html.escape(opt.text.get(lang) if opt else oid)}"
            )
            label.layout = ui.layout(width="60%")
            up = w.Button(
                description="▲",
                tooltip=t("quiz.move_up", lang),
                disabled=pos == 0,
                layout=ui.layout(width="20%", min_height="44px"),
                style=ui.style(ui.ButtonStyle),
            )
            down = w.Button(
                description="▼",
                tooltip=t("quiz.move_down", lang),
                disabled=pos == len(self._order) - 1,
                layout=ui.layout(width="20%", min_height="44px"),
                style=ui.style(ui.ButtonStyle),
            )
            up.on_click(self._guard(lambda _b, o=oid: self._move(o, -1)))
            down.on_click(self._guard(lambda _b, o=oid: self._move(o, 1)))
            rows.append(w.HBox([label, up, down], layout=ui.FULL))
        old = self._controls.children
        self._controls.children = rows
        ui.close_tree(old)

    def _move(self, option_id: str, step: int) -> None:
        if self.finished or self._questions[self._index].type != "ordering":
            return  # a stale button of an earlier screen
        q = self._questions[self._index]
        if option_id not in self._order or q.id in self._answers:
            return
        i = self._order.index(option_id)
        j = i + step
        if 0 <= j < len(self._order):
            self._order[i], self._order[j] = self._order[j], self._order[i]
            self._render_order()

    def _read_answer(self, q: Question) -> Any:
        """The answer in the controls, validated; None when nothing usable is given."""
        c = self._controls
        if q.type == "single":
            v = c.value
            return q.options[v].id if isinstance(v, int) and 0 <= v < len(q.options) else None
        if q.type == "truefalse":
            return None if c.value not in (0, 1) else bool(c.value)
        if q.type == "multiple":
            chosen = [o.id for box, o in zip(c, q.options, strict=True) if box.value is True]
            return chosen or None
        if q.type == "numeric":
            return parse_number(c.value)
        return list(self._order)

    def _on_submit(self, _b: Any = None) -> None:
        if self.finished or self._submit.disabled:
            return
        lang = self.lang
        q = self._questions[self._index]
        if q.id in self._answers:  # already submitted (double tap)
            return
        answer = self._read_answer(q)
        if answer is None:
            key = "quiz.number_needed" if q.type == "numeric" else "common.check.choose_first"
            self._feedback.value = ui.message("warn", t(key, lang))
            return
        points = question_score(q, answer)
        correct = points >= 1.0 - 1e-9
        self._submit.disabled = True
        s = self._session
        saved = s.record_answer(
            self.quiz,
            q.id,
            answer,
            correct=correct,
            score=points,
            seconds=round(time.monotonic() - self._shown_at, 1),
            key=_answer_key(s, self.quiz, q.id),
        )
        if s.identified and not saved:
            self._submit.disabled = False
            self._feedback.value = ui.message("error", t("common.app.not_saved", lang))
            return
        self._answers[q.id] = answer
        if self._exam:
            self._advance()
            return
        self._feedback.value = self._feedback_html(q, answer, points)
        self._lock_controls()
        self._body.children = [*self._body.children[:-1], self._next]
        self._next.description = t(
            "quiz.see_result" if self._index == len(self._questions) - 1 else "quiz.next", lang
        )

    def _feedback_html(self, q: Question, answer: Any, points: float) -> str:
        lang = self.lang
        if points >= 1.0 - 1e-9:
            head = ui.message("ok", t("quiz.correct", lang))
        elif points > 0:
            head = ui.message("warn", t("quiz.partly", lang, percent=int(round(points * 100))))
        else:
            head = ui.message("error", t("quiz.wrong", lang))
        right = ""
        if points < 1.0 - 1e-9:
            right = (
                f"<p>{html.escape(t('quiz.right_answer', lang))} "
                f"<b>{html.escape(answer_text(q, q.answer, lang))}</b></p>"
            )
        return (
            head
            + right
            + f"<p>{html.escape(q.explanation.get(lang))}</p>"
            + f'<p class="pangan-source">{html.escape(t("quiz.source", lang, source=display_source(q.source)))}</p>'
        )

    def _lock_controls(self) -> None:
        """Grey out the answer controls once the answer is submitted."""
        c = self._controls
        widgets = c if isinstance(c, list) else [c]
        for widget in widgets:
            for item in _walk(widget):
                if hasattr(item, "disabled"):
                    item.disabled = True

    def _on_next(self, _b: Any = None) -> None:
        if self.finished:
            return
        current = self._questions[self._index]
        if current.id not in self._answers:
            return
        self._advance()

    def _advance(self) -> None:
        self._index += 1
        if self.finished:
            self._show_summary()
        else:
            self._show_question()

    def _show_summary(self) -> None:
        lang = self.lang
        bank = self._bank
        assert bank is not None
        result = score(self._questions, self._answers, pass_mark=bank.pass_mark)
        self.result = result
        total = len(self._questions)
        self._progress.value = ""
        # One decimal unless whole, so 59.5 never shows as a passing "60".
        shown = math.floor(result.percent * 10 + 1e-9) / 10
        pct = fmt_number(shown, lang, 0 if shown == int(shown) else 1)
        lines = [
            f"<h3>{html.escape(t('quiz.result_heading', lang))}</h3>",
            f"<p class='pangan-score'>{html.escape(t('quiz.score', lang, percent=pct, correct=result.n_correct, total=total))}</p>",
        ]
        kind = "ok" if result.passed else "warn"
        if bank.kind == "module":
            key = "quiz.passed" if result.passed else "quiz.failed"
            lines.append(ui.message(kind, t(key, lang, mark=fmt_number(bank.pass_mark, lang, 0))))
        else:
            lines.append(ui.message("info", t(f"quiz.done_{bank.kind}", lang)))
        review = []
        for topic, sub in result.review_keys():
            title = bank.subtopics[sub].get(lang) if sub in bank.subtopics else ""
            label = topic_title(topic, lang) + (f" — {title}" if title else "")
            if label not in review:
                review.append(label)
        if review:
            items = "".join(f"<li>{html.escape(r)}</li>" for r in review)
            lines.append(f"<p><b>{html.escape(t('quiz.review', lang))}</b></p><ul>{items}</ul>")
        if self._exam:
            rows = []
            for n, (q, r) in enumerate(zip(self._questions, result.results, strict=True), 1):
                mark = "✔" if r.correct else "✘"
                rows.append(
                    f"<li><p>{mark} <b>{n}. {html.escape(q.text.get(lang))}</b><br>"
                    f"{html.escape(t('quiz.your_answer', lang))} "
                    f"{html.escape(answer_text(q, r.answer, lang))}<br>"
                    f"{html.escape(t('quiz.right_answer', lang))} "
                    f"<b>{html.escape(answer_text(q, q.answer, lang))}</b><br>"
                    f"{html.escape(q.explanation.get(lang))}</p></li>"
                )
            lines.append(f"<ol class='pangan-exam-review'>{''.join(rows)}</ol>")
        children: list[w.Widget] = [ui.html_block("".join(lines), "pangan-card")]
        if bank.kind == "module" and not result.passed and self._attempt < MAX_ATTEMPTS:
            children.append(self._retake)
        self._feedback.value = ""
        self._body.children = [children[0], self._feedback, *children[1:]]
        self._new_screen(list(self._body.children))
        self._record_attempt(result)
        if bank.kind == "module" and result.passed:
            self._session.record_progress(bank.key, "completed")

    def _record_attempt(self, result: QuizResult) -> None:
        """Store the finished attempt's total under the bank key (the latest attempt counts)."""
        s = self._session
        if not s.identified or self._bank is None:
            return
        record = getattr(s.store, "record_attempt", None)
        if record is None:  # an older store without attempts
            return
        try:
            record(
                s.workshop,
                s.participant,
                self._bank.key,
                round(result.percent, 4),
                100.0,
                key=_answer_key(s, self.quiz, "attempt"),
            )
        except Exception:  # the answers are saved; the total can be recomputed from them
            log.exception("could not store the attempt of %s", self.quiz)

    def _on_retake(self, _b: Any = None) -> None:
        if not self.finished or self.result is None or self.result.passed:
            return
        used: list[str] = []
        questions = self._draw(1, used)
        for a in range(2, self._attempt + 1):
            used += [q.id for q in questions]
            questions = self._draw(a, used)
        used += [q.id for q in questions]
        self._attempt += 1
        self._questions = self._draw(self._attempt, used)
        self._answers = {}
        self._index = 0
        self.result = None
        self._show_question()


def _answer_key(session: Session, quiz: str, question_id: str) -> str:
    """The idempotency key of one answer: one stored answer per question and attempt."""
    key = f"{session.workshop}|{session.participant}|{quiz}|{question_id}"
    if len(key) > 120:  # the store's key column holds 128 characters
        key = "sha1:" + hashlib.sha1(key.encode("utf-8")).hexdigest()
    return key


def _walk(widget: w.Widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from _walk(child)
