"""customer history, promises and the contact guard (issue 5)

Promises remember the words of their due time, what keeps them and what kept them; outreach remembers why
the contact guard blocked it; cases get a kind (an open complaint blocks outreach); indexes for duplicate
suggestions, merges and the process events of a case.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 16:23:34.871799
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.add_column(sa.Column("kind", sa.String(length=30), nullable=True))

    with op.batch_alter_table("customers", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_customers_merged_into_id"), ["merged_into_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_customers_postcode"), ["postcode"], unique=False)

    with op.batch_alter_table("outreach", schema=None) as batch_op:
        batch_op.add_column(sa.Column("reason", sa.String(length=300), nullable=True))

    with op.batch_alter_table("process_events", schema=None) as batch_op:
        batch_op.create_index("ix_process_events_case_id_time", ["case_id", "occurred_at"], unique=False)

    with op.batch_alter_table("promises", schema=None) as batch_op:
        batch_op.add_column(sa.Column("source", sa.String(length=20), server_default="manual", nullable=False))
        batch_op.add_column(sa.Column("due_phrase", sa.String(length=100), nullable=True))
        batch_op.add_column(sa.Column("expected_activity", sa.String(length=300), nullable=True))
        batch_op.add_column(sa.Column("kept_by_contact_id", sa.Integer(), nullable=True))
        batch_op.add_column(
            sa.Column("kept_by_event_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True)
        )
        batch_op.add_column(sa.Column("resolution_note", sa.String(length=300), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_promises_kept_by_event_id_process_events"), "process_events", ["kept_by_event_id"], ["id"]
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_promises_kept_by_contact_id_contacts"), "contacts", ["kept_by_contact_id"], ["id"]
        )


def downgrade() -> None:
    with op.batch_alter_table("promises", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_promises_kept_by_contact_id_contacts"), type_="foreignkey")
        batch_op.drop_constraint(batch_op.f("fk_promises_kept_by_event_id_process_events"), type_="foreignkey")
        batch_op.drop_column("resolution_note")
        batch_op.drop_column("kept_by_event_id")
        batch_op.drop_column("kept_by_contact_id")
        batch_op.drop_column("expected_activity")
        batch_op.drop_column("due_phrase")
        batch_op.drop_column("source")

    with op.batch_alter_table("process_events", schema=None) as batch_op:
        batch_op.drop_index("ix_process_events_case_id_time")

    with op.batch_alter_table("outreach", schema=None) as batch_op:
        batch_op.drop_column("reason")

    with op.batch_alter_table("customers", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_customers_postcode"))
        batch_op.drop_index(batch_op.f("ix_customers_merged_into_id"))

    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.drop_column("kind")
