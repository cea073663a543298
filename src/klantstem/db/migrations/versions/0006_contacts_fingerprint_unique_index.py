"""the contacts' fingerprint is unique through a unique index instead of a table constraint (issue 2)

SQLite cannot drop the index behind a UNIQUE table constraint; a separate unique index it can. A large
contact import drops it inside its transaction and builds it again from sorted keys at the end, which costs
a fraction of inserting a million random keys one by one. Uniqueness and the name stay the same. On SQLite
the table is rebuilt (batch mode); on PostgreSQL the constraint becomes a unique index of the same name.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23 19:35:00.000000
"""

from __future__ import annotations

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

NAME = "uq_contacts_fingerprint"


def upgrade() -> None:
    with op.batch_alter_table("contacts", schema=None) as batch_op:
        batch_op.drop_constraint(NAME, type_="unique")
    with op.batch_alter_table("contacts", schema=None) as batch_op:
        batch_op.create_index(NAME, ["fingerprint"], unique=True)


def downgrade() -> None:
    with op.batch_alter_table("contacts", schema=None) as batch_op:
        batch_op.drop_index(NAME)
    with op.batch_alter_table("contacts", schema=None) as batch_op:
        batch_op.create_unique_constraint(NAME, ["fingerprint"])
