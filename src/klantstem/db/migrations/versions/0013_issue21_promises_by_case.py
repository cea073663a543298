"""the promises of a case, found by index: a problem's process figures count the promises made in the cases
that passed its step (issue 21, detection at scale)

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-07 07:00:00.000000
"""

from __future__ import annotations

from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_promises_case", "promises", ["case_id"])


def downgrade() -> None:
    op.drop_index("ix_promises_case", table_name="promises")
