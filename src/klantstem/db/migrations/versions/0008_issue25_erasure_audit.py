"""an audit trail of erasures and fingerprints of erased identities (issue 25)

`erasures` records who erased which customer when, with the counts per table (never the erased data);
`erased_identities` keeps a one-way fingerprint of each erased identity, so an import of an old file can refuse
the rows of an erased person instead of bringing them back.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07 03:40:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "erasures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("erased_by", sa.String(length=200), nullable=False),
        sa.Column("erased_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("counts", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_erasures")),
    )
    op.create_table(
        "erased_identities",
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("erased_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("fingerprint", name=op.f("pk_erased_identities")),
    )


def downgrade() -> None:
    op.drop_table("erased_identities")
    op.drop_table("erasures")
