"""Alembic environment: the engine comes from klantstem, never from an ini file."""

from __future__ import annotations

from alembic import context

from klantstem.db.schema import metadata

config = context.config
engine = config.attributes["engine"]

with engine.begin() as connection:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    context.run_migrations()
