"""SQLAlchemy 2 table definitions of the results store.

Rows refer to each other by workshop and participant *codes* (short strings printed on cards
and carried in personal links), not by foreign keys, so a trainee page can write an answer
with nothing but its URL. Deleting a participant removes their rows from every table
(``Store.delete_participant``). Schema changes go through Alembic (``store/migrations``).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    """Declarative base of every table."""


class Workshop(Base):
    """A training event: its code is the ``ws`` of every personal link."""

    __tablename__ = "workshops"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True, index=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    place: Mapped[str] = mapped_column(String(200), default="")
    start_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    end_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    trainer: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)


class Participant(Base):
    """One trainee of one workshop. Minimal personal data: no national ID numbers."""

    __tablename__ = "participants"
    __table_args__ = (UniqueConstraint("workshop_code", "code"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    workshop_code: Mapped[str] = mapped_column(String(32), index=True)
    code: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(200), default="")
    business_name: Mapped[str] = mapped_column(String(200), default="")
    village: Mapped[str] = mapped_column(String(200), default="")
    product_type: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str | None] = mapped_column(String(32), nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)


class Progress(Base):
    """A module event of one participant: ``opened`` or ``completed``."""

    __tablename__ = "progress"
    __table_args__ = (UniqueConstraint("workshop_code", "participant_code", "module", "event"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    workshop_code: Mapped[str] = mapped_column(String(32), index=True)
    participant_code: Mapped[str] = mapped_column(String(32), index=True)
    module: Mapped[str] = mapped_column(String(64))
    event: Mapped[str] = mapped_column(String(16))
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)


class QuizAttempt(Base):
    """A finished quiz of one participant with its total (``quiz`` is e.g. ``posttest``)."""

    __tablename__ = "quiz_attempts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(128), unique=True)
    workshop_code: Mapped[str] = mapped_column(String(32), index=True)
    participant_code: Mapped[str] = mapped_column(String(32), index=True)
    quiz: Mapped[str] = mapped_column(String(64), index=True)
    score: Mapped[float] = mapped_column(Float)
    max_score: Mapped[float] = mapped_column(Float, default=100.0)
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)


class Answer(Base):
    """One submitted answer. ``key`` is the idempotency key: a double tap writes once."""

    __tablename__ = "answers"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(128), unique=True)
    workshop_code: Mapped[str] = mapped_column(String(32), index=True)
    participant_code: Mapped[str] = mapped_column(String(32), index=True)
    quiz: Mapped[str] = mapped_column(String(64), index=True)
    question_id: Mapped[str] = mapped_column(String(64))
    answer: Mapped[object] = mapped_column(JSON)
    correct: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    score: Mapped[float | None] = mapped_column(Float, nullable=True)
    seconds: Mapped[float | None] = mapped_column(Float, nullable=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)


class Certificate(Base):
    """A certificate issued to a participant: the signed payload and its signature."""

    __tablename__ = "certificates"
    __table_args__ = (UniqueConstraint("workshop_code", "participant_code"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    workshop_code: Mapped[str] = mapped_column(String(32), index=True)
    participant_code: Mapped[str] = mapped_column(String(32), index=True)
    score: Mapped[float] = mapped_column(Float)
    payload: Mapped[str] = mapped_column(Text)
    issued_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)
