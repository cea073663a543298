"""The tables a database holds and how many rows each has, read from the database itself.

Nothing here needs the schema module (building every table and index of the data model costs about a tenth of a
second, and its PostgreSQL index options load SQLAlchemy's PostgreSQL dialect even on SQLite), so `klantstem stats`
starts without it. A database opened with `klantstem.db.engine.open_database` is at the newest migration, so the
tables it holds are the schema's."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Connection, inspect, text

from klantstem.db.migrations import VERSION_TABLE


def table_names(conn: Connection) -> list[str]:
    """The app's tables in the database, sorted by name (Alembic's revision table left out)."""
    return sorted(name for name in inspect(conn).get_table_names() if name != VERSION_TABLE)


def row_counts(conn: Connection, names: Iterable[str]) -> dict[str, int]:
    """The number of rows of each named table."""
    quote = conn.dialect.identifier_preparer.quote
    return {name: int(conn.execute(text(f"SELECT count(*) FROM {quote(name)}")).scalar_one()) for name in names}
