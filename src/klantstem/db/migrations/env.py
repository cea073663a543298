"""Alembic environment: the engine comes from klantstem, never from an ini file.

SQLite changes some tables by rebuilding them (batch mode: copy, drop, rename). Dropping a table that other
tables refer to would fail with foreign keys on, and SQLite only lets them be switched off outside a
transaction: so they are off while the migrations run (in one transaction, as before) and on again after.
"""

from __future__ import annotations

from typing import Any

from alembic import context

from klantstem.db.schema import metadata

config = context.config
engine = config.attributes["engine"]

with engine.connect() as connection:
    sqlite = connection.dialect.name == "sqlite"
    raw: Any = connection.connection.driver_connection
    if sqlite:  # on the driver's connection: a statement through SQLAlchemy would begin the transaction
        raw.execute("PRAGMA foreign_keys=OFF")
    try:
        with connection.begin():
            context.configure(connection=connection, target_metadata=metadata, render_as_batch=sqlite)
            context.run_migrations()
    finally:
        if sqlite:
            raw.execute("PRAGMA foreign_keys=ON")
