"""the partial indexes of open promises also hold the promise id (issue 5)

With the id in the index, the promise scan finds the promises a later contact or event keeps by reading the
index alone (an index-only scan on PostgreSQL), without visiting the table of a million promises.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23 17:25:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

OPEN = "status = 'open'"
EXPECTING = "status = 'open' AND expected_activity IS NOT NULL"
BY_CONTACT = ["kind", "customer_id", "made_at", "due_at", "staff_id", "department_id", "third_party_id"]
BY_EVENT = ["case_id", "made_at", "due_at", "expected_activity"]


def _recreate(with_id: bool) -> None:
    extra = ["id"] if with_id else []
    op.drop_index("ix_promises_open_expecting", table_name="promises")
    op.drop_index("ix_promises_open", table_name="promises")
    op.create_index(
        "ix_promises_open",
        "promises",
        BY_CONTACT + extra,
        unique=False,
        sqlite_where=sa.text(OPEN),
        postgresql_where=sa.text(OPEN),
    )
    op.create_index(
        "ix_promises_open_expecting",
        "promises",
        BY_EVENT + extra,
        unique=False,
        sqlite_where=sa.text(EXPECTING),
        postgresql_where=sa.text(EXPECTING),
    )


def upgrade() -> None:
    _recreate(with_id=True)


def downgrade() -> None:
    _recreate(with_id=False)
