"""Opening the store, upgrading its schema, and reading and writing it.

Every write is one short transaction. SQLite files run in WAL mode with a busy timeout, and
writes take the write lock at ``BEGIN`` (``BEGIN IMMEDIATE``) so that concurrent kernels
wait for each other instead of failing. ``open_store`` upgrades an older database to the
current schema with Alembic (under a lock, so many kernels opening it at once are safe).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import secrets
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, delete, event, func, inspect, select, text
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError, IntegrityError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import NullPool

from toolkit.errors import ToolkitError
from toolkit.paths import default_db_url
from toolkit.store.models import (
    Answer,
    Certificate,
    Participant,
    Progress,
    QuizAttempt,
    Workshop,
)

#: The newest Alembic revision; ``tests/store`` checks it against the migration scripts.
SCHEMA_HEAD = "0002"
#: The first revision: the schema the toolkit's first version created without Alembic.
SCHEMA_BASE = "0001"
MIGRATIONS_DIR = Path(__file__).with_name("migrations")
_PG_LOCK_ID = 7_262_826  # pg_advisory_xact_lock key while migrating
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud and typed on phones
PARTICIPANT_CODE_LENGTH = 6


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


@dataclasses.dataclass(frozen=True)
class DeletedCounts:
    """How many rows ``Store.delete_participant`` removed from each table."""

    participants: int
    answers: int
    progress: int
    attempts: int
    certificates: int


def _sqlite_connect(dbapi_conn: Any, _record: Any) -> None:
    # Let SQLAlchemy's "begin" event emit BEGIN itself (pysqlite's own transaction
    # handling skips DDL and cannot take the write lock up front).
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def _sqlite_begin(conn: Connection) -> None:
    if conn.get_execution_options().get("sqlite_immediate"):
        conn.exec_driver_sql("BEGIN IMMEDIATE")
    else:
        conn.exec_driver_sql("BEGIN")


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
            event.listen(engine, "connect", _sqlite_connect)
            event.listen(engine, "begin", _sqlite_begin)
        else:
            # One connection per transaction: 300 trainee kernels each keeping an idle
            # pooled connection would exceed PostgreSQL's default max_connections (100).
            engine = create_engine(parsed, poolclass=NullPool)
    except (ImportError, ArgumentError) as exc:
        raise StoreError("store.error.bad_url", url=url) from exc
    return engine


def _revision(conn: Connection) -> str | None:
    if not inspect(conn).has_table("alembic_version"):
        return None
    return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def schema_revision(engine: Engine) -> str | None:
    """The Alembic revision of the database (None when it has none yet)."""
    with engine.connect() as conn:
        return _revision(conn)


def _alembic_config(conn: Connection) -> Any:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["connection"] = conn
    return cfg


def upgrade_schema(engine: Engine, revision: str = "head") -> None:
    """Bring the database to ``revision`` (default: the newest), creating it when empty.

    A database made by the first toolkit version (tables, no ``alembic_version``) is
    stamped as revision ``0001`` first. Concurrent callers are serialised by a lock.

    Raises:
        StoreError: the database is newer than this toolkit, or cannot be migrated.
    """
    from alembic import command
    from alembic.util import CommandError

    target = SCHEMA_HEAD if revision == "head" else revision
    locked = engine.execution_options(sqlite_immediate=True)
    try:
        with locked.begin() as conn:
            if conn.dialect.name == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_LOCK_ID})
            current = _revision(conn)
            if current == target:
                return
            cfg = _alembic_config(conn)
            if current is None and inspect(conn).has_table("answers"):
                command.stamp(cfg, SCHEMA_BASE)
            command.upgrade(cfg, revision)
    except CommandError as exc:
        raise StoreError("store.error.newer_schema", revision=str(exc)[:120]) from exc
    except OperationalError as exc:
        detail = " ".join(str(exc.orig).split())[:200]
        raise StoreError("store.error.cannot_open", detail=detail) from exc


def new_code(taken: Iterable[str] = (), length: int = PARTICIPANT_CODE_LENGTH) -> str:
    """A random short code (unambiguous letters and digits) not in ``taken``.

    Random rather than sequential, so that changing one character of a personal link does
    not lead to another participant.
    """
    taken = set(taken)
    while True:
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(length))
        if code not in taken:
            return code


PARTICIPANT_FIELDS = ("name", "business_name", "village", "product_type", "phone")


class Store:
    """The results store over one SQLAlchemy engine."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._write_sessions = sessionmaker(
            engine.execution_options(sqlite_immediate=True), expire_on_commit=False
        )

    @property
    def url(self) -> str:
        """The database URL with any password hidden."""
        return self.engine.url.render_as_string(hide_password=True)

    def create_schema(self) -> None:
        """Create or upgrade the tables to the current schema (Alembic ``head``)."""
        upgrade_schema(self.engine)

    def session(self) -> Session:
        """A new ORM session for reading (use as a context manager)."""
        return self._sessions()

    def write_session(self) -> Session:
        """A new ORM session whose transaction takes the write lock at once (SQLite)."""
        return self._write_sessions()

    def close(self) -> None:
        """Release the engine's connections."""
        self.engine.dispose()

    # -- workshops ------------------------------------------------------------------------

    def create_workshop(
        self,
        code: str,
        name: str,
        place: str = "",
        start_date: dt.date | None = None,
        end_date: dt.date | None = None,
        trainer: str = "",
    ) -> Workshop:
        """Create a workshop.

        Raises:
            StoreError: a workshop with this code exists already.
        """
        row = Workshop(
            code=code,
            name=name,
            place=place,
            start_date=start_date,
            end_date=end_date,
            trainer=trainer,
        )
        with self.write_session() as s:
            s.add(row)
            try:
                s.commit()
            except IntegrityError as exc:
                s.rollback()
                raise StoreError("store.error.workshop_exists", code=code) from exc
        return row

    def workshop(self, code: str) -> Workshop | None:
        """The workshop with ``code``, or None."""
        with self.session() as s:
            return s.scalar(select(Workshop).where(Workshop.code == code))

    def workshops(self) -> list[Workshop]:
        """Every workshop, oldest first."""
        with self.session() as s:
            return list(s.scalars(select(Workshop).order_by(Workshop.id)))

    # -- participants ---------------------------------------------------------------------

    def add_participants(
        self, workshop: str, people: Iterable[Mapping[str, Any]]
    ) -> list[Participant]:
        """Add participants in one transaction, each with a new random short code.

        ``people`` are mappings with the keys of ``PARTICIPANT_FIELDS`` (``phone`` optional).
        Returns the stored participants in input order.
        """
        with self.write_session() as s:
            taken = set(
                s.scalars(select(Participant.code).where(Participant.workshop_code == workshop))
            )
            rows = []
            for person in people:
                code = new_code(taken)
                taken.add(code)
                rows.append(
                    Participant(
                        workshop_code=workshop,
                        code=code,
                        name=person.get("name", ""),
                        business_name=person.get("business_name", ""),
                        village=person.get("village", ""),
                        product_type=person.get("product_type", ""),
                        phone=person.get("phone") or None,
                    )
                )
            s.add_all(rows)
            s.commit()
        return rows

    def participants(self, workshop: str) -> list[Participant]:
        """The participants of a workshop, in import order."""
        q = select(Participant).where(Participant.workshop_code == workshop)
        with self.session() as s:
            return list(s.scalars(q.order_by(Participant.id)))

    def participant(self, workshop: str, code: str) -> Participant | None:
        """One participant, or None."""
        q = select(Participant).where(
            Participant.workshop_code == workshop, Participant.code == code
        )
        with self.session() as s:
            return s.scalar(q)

    def delete_participant(self, workshop: str, code: str) -> DeletedCounts:
        """Remove a participant and everything recorded for them, in one transaction."""
        with self.write_session() as s:
            counts = {}
            for name, table, ws_col, p_col in (
                ("answers", Answer, Answer.workshop_code, Answer.participant_code),
                ("progress", Progress, Progress.workshop_code, Progress.participant_code),
                (
                    "attempts",
                    QuizAttempt,
                    QuizAttempt.workshop_code,
                    QuizAttempt.participant_code,
                ),
                (
                    "certificates",
                    Certificate,
                    Certificate.workshop_code,
                    Certificate.participant_code,
                ),
                ("participants", Participant, Participant.workshop_code, Participant.code),
            ):
                res = s.execute(delete(table).where(ws_col == workshop, p_col == code))
                counts[name] = res.rowcount or 0
            s.commit()
        return DeletedCounts(**counts)

    # -- progress, answers, attempts ---------------------------------------------------------

    def record_progress(self, workshop: str, participant: str, module: str, event: str) -> bool:
        """Record a module event once; returns True if it was new."""
        with self.write_session() as s:
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
        with self.write_session() as s:
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

    def record_attempt(
        self,
        workshop: str,
        participant: str,
        quiz: str,
        score: float,
        max_score: float = 100.0,
        key: str = "",
    ) -> bool:
        """Record a finished quiz with its total; idempotent on ``key``.

        Returns:
            True when stored now, False when the key was already stored.
        """
        key = key or "|".join([workshop, participant, quiz, "attempt"])
        with self.write_session() as s:
            try:
                s.add(
                    QuizAttempt(
                        key=key,
                        workshop_code=workshop,
                        participant_code=participant,
                        quiz=quiz,
                        score=float(score),
                        max_score=float(max_score),
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

    def attempts(self, workshop: str | None = None, quiz: str | None = None) -> list[QuizAttempt]:
        """Stored quiz attempts, oldest first."""
        q = select(QuizAttempt).order_by(QuizAttempt.id)
        if workshop is not None:
            q = q.where(QuizAttempt.workshop_code == workshop)
        if quiz is not None:
            q = q.where(QuizAttempt.quiz == quiz)
        with self.session() as s:
            return list(s.scalars(q))

    def count(self, table: type, workshop: str) -> int:
        """How many rows of ``table`` (a model class) belong to ``workshop``."""
        with self.session() as s:
            return int(
                s.scalar(
                    select(func.count()).select_from(table).where(table.workshop_code == workshop)
                )
                or 0
            )

    def change_marker(self, workshop: str) -> tuple[int, ...]:
        """A cheap value that changes whenever a workshop's records change (for live views).

        Row count and highest id of each table: any insert or delete changes one of them.
        """
        out: list[int] = []
        with self.session() as s:
            for table in (Participant, Progress, Answer, QuizAttempt, Certificate):
                count, top = s.execute(
                    select(func.count(), func.max(table.id)).where(table.workshop_code == workshop)
                ).one()
                out += [int(count or 0), int(top or 0)]
        return tuple(out)

    # -- certificates ---------------------------------------------------------------------

    def save_certificate(
        self, workshop: str, participant: str, score: float, payload: str
    ) -> Certificate:
        """Store (or replace) the certificate of a participant."""
        with self.write_session() as s:
            row = s.scalar(
                select(Certificate).where(
                    Certificate.workshop_code == workshop,
                    Certificate.participant_code == participant,
                )
            )
            if row is None:
                row = Certificate(workshop_code=workshop, participant_code=participant)
                s.add(row)
            row.score = float(score)
            row.payload = payload
            s.commit()
        return row

    def certificates(self, workshop: str) -> list[Certificate]:
        """The certificates issued in a workshop."""
        q = select(Certificate).where(Certificate.workshop_code == workshop)
        with self.session() as s:
            return list(s.scalars(q.order_by(Certificate.id)))


def open_store(url: str | None = None, create: bool = True) -> Store:
    """Open the store at ``url`` (or the default SQLite file), creating or upgrading it.

    Args:
        url: Any SQLAlchemy URL; ``postgresql://`` uses psycopg 3. Default: ``$PANGAN_DB_URL``
            or ``pangan.sqlite`` in the data directory.
        create: Create missing tables and upgrade an older schema to the current one.

    Raises:
        StoreError: with a translated message when the store cannot be opened.
    """
    store = Store(make_engine(url or default_db_url()))
    try:
        current = schema_revision(store.engine)
    except SQLAlchemyError as exc:
        detail = " ".join(str(exc).split())[:200]
        raise StoreError("store.error.cannot_open", detail=detail) from exc
    if current != SCHEMA_HEAD and create:
        store.create_schema()
    return store


def warm_store() -> None:
    """Run each kind of store call once on a throw-away in-memory database (the fork server).

    SQLAlchemy imports parts of itself, configures the ORM mappers and builds some of its code
    on first use. Measured in a child forked after this: opening a store and writing one row
    cost 7.8 MB of private memory instead of 10.6; done here, that work is shared. Nothing
    stays open: the fork server must fork with no connection.
    """
    from toolkit.store.models import Base

    store = Store(make_engine("sqlite://"))
    try:
        Base.metadata.create_all(store.engine)
        schema_revision(store.engine)
        store.record_progress("WARM", "WARM", "warm", "opened")
        store.record_answer(AnswerRecord("WARM", "WARM", "warm", "q1", "a", True, 1.0, 1.0))
        store.record_attempt("WARM", "WARM", "warm", 100.0)
    finally:
        store.engine.dispose()
