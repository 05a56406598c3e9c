"""The results store on SQLite and on PostgreSQL: writes, idempotency, deletes, migrations."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from sqlalchemy import create_engine, inspect, text

from toolkit.store import (
    SCHEMA_HEAD,
    AnswerRecord,
    StoreError,
    open_store,
    schema_revision,
    upgrade_schema,
)
from toolkit.store.db import CODE_ALPHABET, MIGRATIONS_DIR, make_engine
from toolkit.store.models import Base


def _answer(p: str, q: str, correct: bool = True, **kw) -> AnswerRecord:
    return AnswerRecord("WS1", p, "posttest", q, answer="a", correct=correct, **kw)


def test_new_store_is_at_head_with_every_table(store_url: str) -> None:
    store = open_store(store_url)
    assert schema_revision(store.engine) == SCHEMA_HEAD
    tables = set(inspect(store.engine).get_table_names())
    assert set(Base.metadata.tables) <= tables
    store.close()


def test_head_constant_matches_migration_scripts() -> None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    assert ScriptDirectory.from_config(cfg).get_current_head() == SCHEMA_HEAD


def test_migrated_schema_matches_models(store_url: str) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    store = open_store(store_url)
    with store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    store.close()
    assert diff == []


def test_record_answer_is_idempotent_and_filtered(store_url: str) -> None:
    store = open_store(store_url)
    assert store.record_answer(_answer("P1", "q1")) is True
    assert store.record_answer(_answer("P1", "q1", correct=False)) is False
    assert store.record_answer(_answer("P2", "q1", correct=False)) is True
    assert store.record_answer(_answer("P1", "q2", key="custom-key")) is True
    assert store.record_answer(_answer("P1", "q9", key="custom-key")) is False
    rows = store.answers("WS1", participant="P1")
    assert [(r.question_id, r.correct) for r in rows] == [("q1", True), ("q2", True)]
    assert len(store.answers("WS1")) == 3
    assert store.answers("OTHER") == []
    store.close()


def test_json_answers_round_trip(store_url: str) -> None:
    store = open_store(store_url)
    value = {"choices": ["b", "c"], "text": "Suhu 5 °C"}
    store.record_answer(AnswerRecord("WS1", "P1", "labels", "q1", answer=value))
    assert store.answers()[0].answer == value
    store.close()


def test_progress_once_per_event(store_url: str) -> None:
    store = open_store(store_url)
    assert store.record_progress("WS1", "P1", "labels", "opened") is True
    assert store.record_progress("WS1", "P1", "labels", "opened") is False
    assert store.record_progress("WS1", "P1", "labels", "completed") is True
    assert [(p.module, p.event) for p in store.progress("WS1")] == [
        ("labels", "opened"),
        ("labels", "completed"),
    ]
    store.close()


def test_workshop_and_participants(store_url: str) -> None:
    store = open_store(store_url)
    store.create_workshop(
        "KPG25", "Pelatihan PKP", "Kupang", dt.date(2027, 5, 12), dt.date(2027, 5, 13)
    )
    with pytest.raises(StoreError) as err:
        store.create_workshop("KPG25", "again")
    assert "KPG25" in err.value.message("en")
    people = [
        {"name": f"Ibu {i}", "business_name": "Kue", "village": "Oebobo", "product_type": "kue"}
        for i in range(50)
    ]
    rows = store.add_participants("KPG25", people)
    codes = [r.code for r in rows]
    assert len(set(codes)) == 50
    assert all(len(c) == 6 and set(c) <= set(CODE_ALPHABET) for c in codes)
    stored = store.participants("KPG25")
    assert [p.name for p in stored] == [p["name"] for p in people]
    assert stored[0].phone is None
    ws = store.workshop("KPG25")
    assert ws is not None and ws.start_date == dt.date(2027, 5, 12)
    assert store.workshop("NOPE") is None
    store.close()


def test_delete_participant_removes_all_their_rows(store_url: str) -> None:
    store = open_store(store_url)
    a, b = store.add_participants("WS1", [{"name": "A"}, {"name": "B"}])
    for p in (a.code, b.code):
        store.record_answer(_answer(p, "q1"))
        store.record_progress("WS1", p, "labels", "opened")
        store.record_attempt("WS1", p, "posttest", 80)
        store.save_certificate("WS1", p, 80, "payload")
    counts = store.delete_participant("WS1", a.code)
    assert (counts.participants, counts.answers, counts.progress) == (1, 1, 1)
    assert (counts.attempts, counts.certificates) == (1, 1)
    assert [p.code for p in store.participants("WS1")] == [b.code]
    assert {r.participant_code for r in store.answers("WS1")} == {b.code}
    assert {r.participant_code for r in store.progress("WS1")} == {b.code}
    assert {r.participant_code for r in store.attempts("WS1")} == {b.code}
    assert {r.participant_code for r in store.certificates("WS1")} == {b.code}
    store.close()


def test_attempt_is_idempotent(store_url: str) -> None:
    store = open_store(store_url)
    assert store.record_attempt("WS1", "P1", "pretest", 40, key="k1") is True
    assert store.record_attempt("WS1", "P1", "pretest", 90, key="k1") is False
    assert [a.score for a in store.attempts("WS1", quiz="pretest")] == [40]
    store.close()


def test_concurrent_writers_lose_nothing(store_url: str) -> None:
    store = open_store(store_url)
    errors: list[BaseException] = []

    def write(p: str) -> None:
        try:
            for i in range(25):
                store.record_answer(_answer(p, f"q{i}"))
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(f"P{n}",)) for n in range(4)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert errors == []
    assert len(store.answers("WS1")) == 100
    store.close()


def test_old_database_is_upgraded_on_open(store_url: str) -> None:
    """A database at the first revision, with data, opens with the current code."""
    engine = make_engine(store_url)
    upgrade_schema(engine, "0001")
    assert schema_revision(engine) == "0001"
    cols = {c["name"] for c in inspect(engine).get_columns("participants")}
    assert "business_name" not in cols
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO participants (workshop_code, code, name, created_at) "
                "VALUES ('OLD', 'ABC234', 'Ibu Lama', '2026-01-01 00:00:00')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO answers (key, workshop_code, participant_code, quiz, question_id,"
                " answer, correct, at) VALUES ('k', 'OLD', 'ABC234', 'pretest', 'q1', '\"b\"',"
                " true, '2026-01-01 00:00:00')"
            )
        )
    engine.dispose()

    store = open_store(store_url)
    assert schema_revision(store.engine) == SCHEMA_HEAD
    (person,) = store.participants("OLD")
    assert (person.name, person.business_name, person.phone) == ("Ibu Lama", "", None)
    assert [a.answer for a in store.answers("OLD")] == ["b"]
    store.record_attempt("OLD", "ABC234", "pretest", 50)
    store.close()


def test_database_without_alembic_table_is_stamped_and_upgraded(tmp_path) -> None:
    """The toolkit's first version created tables with ``create_all`` and no version table."""
    url = f"sqlite:///{tmp_path / 'legacy.sqlite'}"
    engine = make_engine(url)
    upgrade_schema(engine, "0001")
    with engine.begin() as conn:
        conn.execute(text("DROP TABLE alembic_version"))
    engine.dispose()
    store = open_store(url)
    assert schema_revision(store.engine) == SCHEMA_HEAD
    store.close()


def test_newer_database_is_refused_with_a_clear_error(tmp_path) -> None:
    url = f"sqlite:///{tmp_path / 'newer.sqlite'}"
    open_store(url).close()
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()
    with pytest.raises(StoreError) as err:
        open_store(url)
    assert err.value.key == "store.error.newer_schema"


def test_sqlite_uses_wal_and_busy_timeout(tmp_path) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'w.sqlite'}")
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000
    store.close()


def test_bad_url_is_a_store_error() -> None:
    with pytest.raises(StoreError) as err:
        open_store("not a url")
    assert err.value.key == "store.error.bad_url"
