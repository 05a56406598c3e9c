"""Alembic migrations of the results store (run by ``toolkit.store.db.upgrade``)."""
