"""The question-bank schema: what a trainer may write in ``toolkit/quiz/banks/*.yaml``.

Pure data (pydantic), no UI imports. ``banks/README.md`` documents the same format for
trainers; keep the two in step.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from toolkit.errors import ToolkitError

QUIZ_DIR = Path(__file__).resolve().parent
BANKS_DIR = QUIZ_DIR / "banks"
IMAGES_DIR = QUIZ_DIR / "images"

#: PKP pass mark (facts.md §8.2, Perka 2205/2012 summary, SECONDARY).
DEFAULT_PASS_MARK = 60.0

QuestionType = Literal["single", "multiple", "truefalse", "numeric", "ordering"]
Difficulty = Literal["easy", "medium", "hard"]
BankKind = Literal["module", "pretest", "posttest"]

ID_RE = re.compile(r"^[a-z0-9][a-z0-9_.-]{0,62}$")
# Option texts that point at other options ("semua jawaban di atas", "a dan b") only make
# sense in a fixed place, so they must be pinned last.
ORDER_WORDS_RE = re.compile(
    r"((jawaban|pilihan)( yang)? (di atas|tersebut)|semua (jawaban|pilihan)|of the above"
    r"|\b(all|none|both) of (the|these)\b|\b(jawaban|pilihan|option) [a-e]\b"
    r"|^\s*[a-e] (dan|and|&) [a-e]\s*$)",
    re.IGNORECASE,
)


class QuizError(ToolkitError):
    """A bank that cannot be used, or an answer the engine cannot read.

    ``problems`` lists every problem found (a bank file can have several); the message names
    the first one.
    """

    def __init__(self, key: str, problems: list[BankProblem] | None = None, **params: Any) -> None:
        self.problems: list[BankProblem] = list(problems or [])
        super().__init__(key, **params)


class BankProblem(BaseModel):
    """One problem in a bank file: where it is and what is wrong (English, for trainers)."""

    file: str
    question: str = ""
    field: str = ""
    detail: str = ""

    def __str__(self) -> str:
        where = self.file
        if self.question:
            where += f", question {self.question}"
        if self.field:
            where += f", field {self.field}"
        return f"{where}: {self.detail}"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Text(_Strict):
    """A text in both languages: ``id`` (Bahasa Indonesia) and ``en`` (English)."""

    id: str = Field(min_length=1)
    en: str = Field(min_length=1)

    def get(self, lang: str) -> str:
        """The text in ``lang`` (Indonesian for anything but ``"en"``)."""
        return self.en if lang == "en" else self.id

    @field_validator("id", "en")
    @classmethod
    def _not_blank(cls, v: str) -> str:
        if not v.strip():
            raise ValueError("must not be blank")
        return v.strip()


class Option(_Strict):
    """One answer option. ``last: true`` keeps it last when options are shuffled."""

    id: str
    text: Text
    last: bool = False

    @field_validator("id")
    @classmethod
    def _id_ok(cls, v: str) -> str:
        v = str(v)
        if not ID_RE.match(v):
            raise ValueError("option id: lowercase letters, digits, '-', '_' or '.'")
        return v


class Question(_Strict):
    """One question of a bank. See ``banks/README.md`` for each field."""

    id: str
    topic: str
    subtopic: str = ""
    type: QuestionType
    difficulty: Difficulty = "medium"
    text: Text
    options: tuple[Option, ...] = ()
    answer: Any
    tolerance: float = 0.0
    unit: Text | None = None
    image: str | None = None
    image_alt: Text | None = None
    explanation: Text
    source: str = Field(min_length=3)
    status: Literal["confirmed", "secondary", "unconfirmed"] = "confirmed"
    pair: str | None = None

    @field_validator("id", "topic")
    @classmethod
    def _id_ok(cls, v: str) -> str:
        v = str(v)
        if not ID_RE.match(v):
            raise ValueError("use lowercase letters, digits, '-', '_' or '.' (max 63)")
        return v

    @field_validator("tolerance")
    @classmethod
    def _tolerance_ok(cls, v: float) -> float:
        if v < 0:
            raise ValueError("must be 0 or more")
        return v

    @model_validator(mode="after")
    def _check_type(self) -> Question:
        ids = [o.id for o in self.options]
        if len(set(ids)) != len(ids):
            raise ValueError("options: two options have the same id")
        for o in self.options:
            refers = ORDER_WORDS_RE.search(o.text.id) or ORDER_WORDS_RE.search(o.text.en)
            if refers and not o.last and self.type != "ordering":
                raise ValueError(
                    f"options: option '{o.id}' refers to other options; "
                    "add 'last: true' so shuffling keeps it last"
                )
        t = self.type
        if t in ("single", "multiple", "ordering"):
            if len(self.options) < 2:
                raise ValueError(f"options: a {t} question needs at least 2 options")
        elif self.options:
            raise ValueError(f"options: a {t} question has no options")
        if t == "single":
            if not isinstance(self.answer, str) or self.answer not in ids:
                raise ValueError("answer: must be the id of one option")
        elif t == "multiple":
            ans = self.answer
            if not isinstance(ans, list) or not ans or not all(a in ids for a in ans):
                raise ValueError("answer: must be a list of option ids (at least one)")
            if len(set(ans)) != len(ans):
                raise ValueError("answer: an option id is listed twice")
        elif t == "ordering":
            ans = self.answer
            if not isinstance(ans, list) or sorted(map(str, ans)) != sorted(ids):
                raise ValueError("answer: must list every option id once, in the right order")
            if any(o.last for o in self.options):
                raise ValueError("options: 'last' is not allowed in an ordering question")
        elif t == "truefalse":
            if not isinstance(self.answer, bool):
                raise ValueError("answer: must be true or false")
        elif t == "numeric":
            if isinstance(self.answer, bool) or not isinstance(self.answer, int | float):
                raise ValueError("answer: must be a number")
            if self.unit is None:
                raise ValueError("unit: a numeric question needs a unit (id and en)")
        if t != "numeric" and (self.tolerance or self.unit is not None):
            raise ValueError("tolerance/unit: only for numeric questions")
        if self.image is not None:
            if self.image_alt is None:
                raise ValueError("image_alt: a question with an image needs image_alt (id, en)")
            rel = Path(self.image)
            if rel.is_absolute() or ".." in rel.parts:
                raise ValueError("image: give a file name inside toolkit/quiz/images/")
            if not (IMAGES_DIR / rel).is_file():
                raise ValueError(f"image: file toolkit/quiz/images/{self.image} not found")
        return self

    @property
    def image_path(self) -> Path | None:
        """Absolute path of the image file, if the question has one."""
        return IMAGES_DIR / self.image if self.image else None

    def option(self, option_id: str) -> Option | None:
        """The option with ``option_id``, or None."""
        for o in self.options:
            if o.id == option_id:
                return o
        return None


class Bank(_Strict):
    """A question bank: one module's questions, or one pre-/post-test form.

    ``key`` is the file name without ``.yaml`` (the module topic key, or ``pretest`` /
    ``posttest``); it is set by the loader, not written in the file.
    """

    key: str = ""
    kind: BankKind = "module"
    title: Text
    pass_mark: float = Field(default=DEFAULT_PASS_MARK, ge=0, le=100)
    draw: int | None = Field(default=None, ge=1)
    exam: bool = False
    parallel: str | None = None
    subtopics: dict[str, Text] = Field(default_factory=dict)
    questions: tuple[Question, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _check_bank(self) -> Bank:
        ids = [q.id for q in self.questions]
        dup = sorted({i for i in ids if ids.count(i) > 1})
        if dup:
            raise ValueError(f"questions: duplicate id {', '.join(dup)}")
        if self.draw is not None and self.draw > len(self.questions):
            raise ValueError(f"draw: {self.draw} is more than the {len(self.questions)} questions")
        for q in self.questions:
            if q.subtopic and q.subtopic not in self.subtopics:
                raise ValueError(
                    f"subtopics: question {q.id} uses subtopic '{q.subtopic}' "
                    "which is not listed under subtopics"
                )
        return self

    @property
    def n_draw(self) -> int:
        """How many questions one quiz takes from this bank (``draw``, else all)."""
        return self.draw or len(self.questions)

    def question(self, question_id: str) -> Question | None:
        """The question with ``question_id``, or None."""
        for q in self.questions:
            if q.id == question_id:
                return q
        return None

    def subtopic_title(self, question: Question, lang: str) -> str:
        """What to review for ``question``: its subtopic title, else its topic key."""
        if question.subtopic and question.subtopic in self.subtopics:
            return self.subtopics[question.subtopic].get(lang)
        return question.topic
