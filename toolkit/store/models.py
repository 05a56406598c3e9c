"""SQLAlchemy 2 table definitions of the results store."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    Float,
    Integer,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    """Declarative base of every table."""


class Workshop(Base):
    __tablename__ = "workshops"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True, index=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    place: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)


class Participant(Base):
    __tablename__ = "participants"
    __table_args__ = (UniqueConstraint("workshop_code", "code"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    workshop_code: Mapped[str] = mapped_column(String(32), index=True)
    code: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(200), default="")
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
