"""partial indexes of open promises for the promise scan (issue 5)

The scan keeps open promises whose matching contact or event happened in time and breaks the overdue ones.
Two partial indexes hold only open promises with the columns the scan matches on, so it reads small indexes
instead of a table of a million promises: one for keeping by contacts (per kind and customer), one for
promises that a process activity keeps.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23 16:55:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

OPEN = "status = 'open'"
EXPECTING = "status = 'open' AND expected_activity IS NOT NULL"


def upgrade() -> None:
    op.create_index(
        "ix_promises_open",
        "promises",
        ["kind", "customer_id", "made_at", "due_at", "staff_id", "department_id", "third_party_id"],
        unique=False,
        sqlite_where=sa.text(OPEN),
        postgresql_where=sa.text(OPEN),
    )
    op.create_index(
        "ix_promises_open_expecting",
        "promises",
        ["case_id", "made_at", "due_at", "expected_activity"],
        unique=False,
        sqlite_where=sa.text(EXPECTING),
        postgresql_where=sa.text(EXPECTING),
    )


def downgrade() -> None:
    op.drop_index("ix_promises_open_expecting", table_name="promises")
    op.drop_index("ix_promises_open", table_name="promises")
