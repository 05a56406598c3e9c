"""Alembic environment: runs on the connection that ``toolkit.store.db.upgrade`` hands over."""

from __future__ import annotations

from alembic import context

from toolkit.store.models import Base

target_metadata = Base.metadata
config = context.config
connection = config.attributes.get("connection")

if connection is None:  # pragma: no cover - the toolkit always passes a connection
    raise RuntimeError("run migrations through toolkit.store.db.upgrade()")

context.configure(
    connection=connection,
    target_metadata=target_metadata,
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
