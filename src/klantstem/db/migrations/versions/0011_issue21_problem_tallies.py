"""structural-problem detection at scale: the bases of each step per period kept between runs, how far the rows
were read, and indexes that answer the bases from the index alone (issue 21)

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-07 05:50:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "problem_bases",
        sa.Column("base", sa.String(length=10), nullable=False),
        sa.Column("step", sa.String(length=300), nullable=False),
        sa.Column("granularity", sa.String(length=5), nullable=False),
        sa.Column("period", sa.Date(), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("base", "step", "granularity", "period", name=op.f("pk_problem_bases")),
    )
    op.create_table(
        "problem_marks",
        sa.Column("name", sa.String(length=50), nullable=False),
        sa.Column("value", sa.String(length=100), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_problem_marks")),
    )
    op.drop_index("ix_process_events_activity_time", table_name="process_events")
    op.create_index("ix_process_events_step", "process_events", ["activity", "occurred_at", "log_name", "case_key"])
    op.create_index("ix_contacts_direction_time", "contacts", ["direction", "occurred_at"])


def downgrade() -> None:
    op.drop_index("ix_contacts_direction_time", table_name="contacts")
    op.drop_index("ix_process_events_step", table_name="process_events")
    op.create_index("ix_process_events_activity_time", "process_events", ["activity", "occurred_at"])
    op.drop_table("problem_marks")
    op.drop_table("problem_bases")
