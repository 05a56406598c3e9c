"""Results store: SQLite by default, PostgreSQL (or any SQLAlchemy URL) by ``--db``.

Public names: ``Store``, ``open_store``, ``StoreError``, ``AnswerRecord``, ``DeletedCounts``,
``upgrade_schema``, ``schema_revision``, ``SCHEMA_HEAD``.
"""

from toolkit.store.db import (
    SCHEMA_HEAD,
    AnswerRecord,
    DeletedCounts,
    Store,
    StoreError,
    open_store,
    schema_revision,
    upgrade_schema,
)

__all__ = [
    "SCHEMA_HEAD",
    "AnswerRecord",
    "DeletedCounts",
    "Store",
    "StoreError",
    "open_store",
    "schema_revision",
    "upgrade_schema",
]
