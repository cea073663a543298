"""one text form for every stored moment on SQLite: "2026-10-15 14:39:53.000000" (UTC, microseconds, no offset)

The demo's bulk writer let sqlite3's default adapter write "2026-10-15 14:39:53+00:00" while every other insert
wrote SQLAlchemy's form. Ordering held to the second, but equal moments did not compare equal as text, so a row
at exactly a period's first second fell outside it. PostgreSQL keeps timestamptz and needs nothing.

Only columns that hold the old form are rewritten (a database that never ran the demo's writer has none). The
indexes on a rewritten column are dropped first and made again after, and the page cache is large meanwhile:
kept up to date row by row, with SQLite's small default cache, the indexes of 10 million events made the rewrite
write tens of gigabytes and run for longer than anyone waits.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-08 00:30:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

_WHOLE_SECOND = 25  # "2026-10-15 14:39:53+00:00"
_WITH_MICROSECONDS = 32  # "2026-10-15 14:39:53.229950+00:00"
_CACHE_KIB = 1_048_576  # 1 GiB of page cache while rewriting


def _old_form(name: str) -> str:
    return f'"{name}" LIKE \'%+00:00\' AND length("{name}") IN ({_WHOLE_SECOND}, {_WITH_MICROSECONDS})'


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return
    inspector = sa.inspect(bind)
    stale: dict[str, list[str]] = {}
    for table in inspector.get_table_names():
        for column in inspector.get_columns(table):
            name = column["name"]
            if (
                isinstance(column["type"], sa.DateTime)
                and bind.exec_driver_sql(f'SELECT 1 FROM "{table}" WHERE {_old_form(name)} LIMIT 1').first()
            ):
                stale.setdefault(table, []).append(name)
    if not stale:
        return
    cache = bind.exec_driver_sql("PRAGMA cache_size").scalar()
    bind.exec_driver_sql(f"PRAGMA cache_size = -{_CACHE_KIB}")
    try:
        for table, columns in stale.items():
            _rewrite(bind, table, columns)
    finally:
        bind.exec_driver_sql(f"PRAGMA cache_size = {int(cache or -2000)}")


def _rewrite(bind: sa.Connection, table: str, columns: list[str]) -> None:
    """Rewrite the old form in `columns` of `table`, with the indexes that hold any of them made again after."""
    indexes = bind.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL", (table,)
    ).all()
    touched = [
        (name, sql)
        for name, sql in indexes
        if any(row[2] in columns for row in bind.exec_driver_sql(f'PRAGMA index_info("{name}")'))
    ]
    for name, _ in touched:
        bind.exec_driver_sql(f'DROP INDEX "{name}"')
    for name in columns:
        bind.exec_driver_sql(
            f'UPDATE "{table}" SET "{name}" = CASE length("{name}") '
            f"WHEN {_WHOLE_SECOND} THEN substr(\"{name}\", 1, 19) || '.000000' "
            f'ELSE substr("{name}", 1, 26) END WHERE {_old_form(name)}'
        )
    for _, sql in touched:
        bind.exec_driver_sql(sql)


def downgrade() -> None:
    """Nothing to undo: the old readers read this form too."""
