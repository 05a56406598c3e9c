"""Results store: SQLite by default, PostgreSQL (or any SQLAlchemy URL) by ``--db``.

Public names: ``Store``, ``open_store``, ``StoreError``, ``AnswerRecord``.
"""

from toolkit.store.db import AnswerRecord, Store, StoreError, open_store

__all__ = ["AnswerRecord", "Store", "StoreError", "open_store"]
