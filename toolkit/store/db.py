"""Opening the store and writing to it: every write is one short transaction."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event, select
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, IntegrityError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from toolkit.errors import ToolkitError
from toolkit.paths import default_db_url
from toolkit.store.models import Answer, Base, Progress


class StoreError(ToolkitError):
    """The store cannot be opened or written (bad URL, unwritable folder, server down)."""


@dataclasses.dataclass(frozen=True)
class AnswerRecord:
    """A submitted answer, as the quiz and exercise widgets hand it to the store."""

    workshop_code: str
    participant_code: str
    quiz: str
    question_id: str
    answer: Any
    correct: bool | None = None
    score: float | None = None
    seconds: float | None = None
    key: str = ""

    def idempotency_key(self) -> str:
        """The key that makes a repeated submission a no-op."""
        return self.key or "|".join(
            [self.workshop_code, self.participant_code, self.quiz, self.question_id]
        )


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def make_engine(url: str) -> Engine:
    """An engine for ``url``; SQLite files get WAL mode and a busy timeout.

    Raises:
        StoreError: the URL is malformed or names a driver that is not installed.
    """
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise StoreError("store.error.bad_url", url=url) from exc
    if parsed.get_backend_name() == "postgresql" and parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    try:
        if parsed.get_backend_name() == "sqlite":
            db = parsed.database
            if db and db != ":memory:":
                folder = Path(db).expanduser().resolve().parent
                try:
                    folder.mkdir(parents=True, exist_ok=True)
                except OSError as exc:
                    raise StoreError("store.error.unwritable", path=str(folder)) from exc
            engine = create_engine(parsed, connect_args={"timeout": 10})
            event.listen(engine, "connect", _sqlite_pragmas)
        else:
            engine = create_engine(parsed, pool_pre_ping=True, pool_size=2, max_overflow=2)
    except (ImportError, ArgumentError) as exc:
        raise StoreError("store.error.bad_url", url=url) from exc
    return engine


class Store:
    """The results store over one SQLAlchemy engine."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    def create_schema(self) -> None:
        """Create missing tables."""
        try:
            Base.metadata.create_all(self.engine)
        except OperationalError as exc:
            raise StoreError(
                "store.error.cannot_open", detail=" ".join(str(exc.orig).split())[:200]
            ) from exc

    def session(self) -> Session:
        """A new ORM session (use as a context manager)."""
        return self._sessions()

    def record_progress(self, workshop: str, participant: str, module: str, event: str) -> bool:
        """Record a module event once; returns True if it was new."""
        with self.session() as s:
            try:
                s.add(
                    Progress(
                        workshop_code=workshop,
                        participant_code=participant,
                        module=module,
                        event=event,
                    )
                )
                s.commit()
                return True
            except IntegrityError:
                s.rollback()
                return False

    def record_answer(self, rec: AnswerRecord) -> bool:
        """Write one answer in its own transaction; a repeated key writes nothing.

        Returns:
            True when the answer was stored now, False when it was already stored.
        """
        with self.session() as s:
            try:
                s.add(
                    Answer(
                        key=rec.idempotency_key(),
                        workshop_code=rec.workshop_code,
                        participant_code=rec.participant_code,
                        quiz=rec.quiz,
                        question_id=rec.question_id,
                        answer=rec.answer,
                        correct=rec.correct,
                        score=rec.score,
                        seconds=rec.seconds,
                    )
                )
                s.commit()
                return True
            except IntegrityError:
                s.rollback()
                return False

    def answers(
        self, workshop: str | None = None, participant: str | None = None, quiz: str | None = None
    ) -> list[Answer]:
        """Stored answers, oldest first, optionally filtered."""
        q = select(Answer).order_by(Answer.id)
        if workshop is not None:
            q = q.where(Answer.workshop_code == workshop)
        if participant is not None:
            q = q.where(Answer.participant_code == participant)
        if quiz is not None:
            q = q.where(Answer.quiz == quiz)
        with self.session() as s:
            return list(s.scalars(q))

    def progress(self, workshop: str | None = None) -> list[Progress]:
        """Stored progress events, oldest first."""
        q = select(Progress).order_by(Progress.id)
        if workshop is not None:
            q = q.where(Progress.workshop_code == workshop)
        with self.session() as s:
            return list(s.scalars(q))


def open_store(url: str | None = None, create: bool = True) -> Store:
    """Open (and by default create) the store at ``url`` or the default SQLite file.

    Raises:
        StoreError: with a translated message when the store cannot be opened.
    """
    store = Store(make_engine(url or default_db_url()))
    if create:
        store.create_schema()
    else:
        try:
            with store.engine.connect():
                pass
        except SQLAlchemyError as exc:
            raise StoreError(
                "store.error.cannot_open", detail=" ".join(str(exc).split())[:200]
            ) from exc
    return store
