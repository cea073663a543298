"""one text form for every stored moment on SQLite: "2026-10-15 14:39:53.000000" (UTC, microseconds, no offset)

The demo's bulk writer let sqlite3's default adapter write "2026-10-15 14:39:53+00:00" while every other insert
wrote SQLAlchemy's form. Ordering held to the second, but equal moments did not compare equal as text, so a row
at exactly a period's first second fell outside it. PostgreSQL keeps timestamptz and needs nothing.

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


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return
    inspector = sa.inspect(bind)
    for table in inspector.get_table_names():
        for column in inspector.get_columns(table):
            if not isinstance(column["type"], sa.DateTime):
                continue
            name = column["name"]
            op.execute(
                f'UPDATE "{table}" SET "{name}" = CASE length("{name}") '
                f"WHEN {_WHOLE_SECOND} THEN substr(\"{name}\", 1, 19) || '.000000' "
                f'ELSE substr("{name}", 1, 26) END '
                f'WHERE "{name}" LIKE \'%+00:00\' AND length("{name}") IN ({_WHOLE_SECOND}, {_WITH_MICROSECONDS})'
            )


def downgrade() -> None:
    """Nothing to undo: the old readers read this form too."""
