"""who undid a customer merge (issue 24): a merge records who confirmed it and, when undone, who undid it

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-07 14:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("customer_merges", schema=None) as batch_op:
        batch_op.add_column(sa.Column("undone_by", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f("fk_customer_merges_undone_by_staff"), "staff", ["undone_by"], ["id"])


def downgrade() -> None:
    with op.batch_alter_table("customer_merges", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_customer_merges_undone_by_staff"), type_="foreignkey")
        batch_op.drop_column("undone_by")
