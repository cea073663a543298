"""annotations looked up by target and kind from the index alone: whether a contact or story step has been read
yet, and the facets of complaints, without reading the table (issue 21, detection at scale)

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07 06:45:00.000000
"""

from __future__ import annotations

from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_annotations_target", table_name="annotations")
    op.create_index("ix_annotations_target_kind", "annotations", ["target", "target_id", "kind"])


def downgrade() -> None:
    op.drop_index("ix_annotations_target_kind", table_name="annotations")
    op.create_index("ix_annotations_target", "annotations", ["target", "target_id"])
