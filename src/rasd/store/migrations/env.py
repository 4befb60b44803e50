"""Alembic environment: run programmatically by `rasd.store.db.upgrade(engine)` with the connection
passed in `config.attributes["connection"]` (there is no alembic.ini; the store migrates itself on open)."""
from __future__ import annotations

from alembic import context

from rasd.store.models import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through rasd.store.db.upgrade(engine)")

context.configure(connection=connection, target_metadata=Base.metadata,
                  render_as_batch=connection.dialect.name == "sqlite")
with context.begin_transaction():
    context.run_migrations()
