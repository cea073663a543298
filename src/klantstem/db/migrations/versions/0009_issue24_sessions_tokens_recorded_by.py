"""server-side web sessions, API token lifetimes, who recorded and who confirmed a story (issue 24)

Sessions live in `web_sessions` so that signing out, a password, role or status change ends them on the
server; API tokens may carry an expiry; stories and their steps remember the staff user who entered them, and a
confirmed story who confirmed it and how.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07 03:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "web_sessions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["staff_id"], ["staff.id"], name=op.f("fk_web_sessions_staff_id_staff"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_web_sessions")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_web_sessions_token_hash")),
    )
    with op.batch_alter_table("web_sessions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_web_sessions_staff_id"), ["staff_id"], unique=False)

    with op.batch_alter_table("api_tokens", schema=None) as batch_op:
        batch_op.add_column(sa.Column("expires_at", sa.DateTime(timezone=True), nullable=True))

    with op.batch_alter_table("stories", schema=None) as batch_op:
        batch_op.add_column(sa.Column("recorded_by", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("confirmed_by", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("confirmed_via", sa.String(length=20), nullable=True))
        batch_op.create_foreign_key(batch_op.f("fk_stories_recorded_by_staff"), "staff", ["recorded_by"], ["id"])
        batch_op.create_foreign_key(batch_op.f("fk_stories_confirmed_by_staff"), "staff", ["confirmed_by"], ["id"])

    with op.batch_alter_table("story_steps", schema=None) as batch_op:
        batch_op.add_column(sa.Column("recorded_by", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_story_steps_recorded_by_staff"), "staff", ["recorded_by"], ["id"]
        )


def downgrade() -> None:
    with op.batch_alter_table("story_steps", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_story_steps_recorded_by_staff"), type_="foreignkey")
        batch_op.drop_column("recorded_by")
    with op.batch_alter_table("stories", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_stories_confirmed_by_staff"), type_="foreignkey")
        batch_op.drop_constraint(batch_op.f("fk_stories_recorded_by_staff"), type_="foreignkey")
        batch_op.drop_column("confirmed_via")
        batch_op.drop_column("confirmed_by")
        batch_op.drop_column("recorded_by")
    with op.batch_alter_table("api_tokens", schema=None) as batch_op:
        batch_op.drop_column("expires_at")
    with op.batch_alter_table("web_sessions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_web_sessions_staff_id"))
    op.drop_table("web_sessions")
