"""Change history, editable VUM and economy reference lists, sheet snapshots, recurrence
exceptions and the open-session lock record.

Revision ID: 0003_history_reference
Revises: 0002_audit_append_only
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_history_reference"
down_revision = "0002_audit_append_only"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "change_history",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("changed_at", sa.DateTime(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("citizen_id", sa.Integer(), nullable=False),
        sa.Column("entity", sa.String(length=40), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("field", sa.String(length=60), nullable=False),
        sa.Column("old_value", sa.Text(), nullable=False),
        sa.Column("new_value", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["citizen_id"], ["citizen.id"], ondelete="CASCADE",
                                name=op.f("fk_change_history_citizen_id_citizen")),
        sa.ForeignKeyConstraint(["user_id"], ["user.id"],
                                name=op.f("fk_change_history_user_id_user")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_change_history")),
    )
    op.create_index("ix_change_history_entity", "change_history", ["entity", "entity_id"])
    op.create_index(op.f("ix_change_history_citizen_id"), "change_history", ["citizen_id"])

    op.create_table(
        "open_session",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("login", sa.String(length=120), nullable=False),
        sa.Column("host", sa.String(length=200), nullable=False),
        sa.Column("process_id", sa.Integer(), nullable=False),
        sa.Column("opened_at", sa.DateTime(), nullable=False),
        sa.Column("seen_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_open_session")),
    )

    op.create_table(
        "vum_term",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=60), nullable=False),
        sa.Column("parent_code", sa.String(length=60), nullable=True),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("tree", sa.String(length=40), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_vum_term")),
        sa.UniqueConstraint("code", name=op.f("uq_vum_term_code")),
    )
    op.create_index(op.f("ix_vum_term_parent_code"), "vum_term", ["parent_code"])

    op.create_table(
        "economy_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("section", sa.String(length=10), nullable=False),
        sa.Column("category", sa.String(length=60), nullable=False),
        sa.Column("label", sa.String(length=200), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_economy_item")),
        sa.UniqueConstraint("section", "label", name=op.f("uq_economy_item_section")),
    )

    op.create_table(
        "economy_snapshot",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("citizen_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("taken_at", sa.DateTime(), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=True),
        sa.Column("reason", sa.String(length=40), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["citizen_id"], ["citizen.id"], ondelete="CASCADE",
                                name=op.f("fk_economy_snapshot_citizen_id_citizen")),
        sa.ForeignKeyConstraint(["author_id"], ["user.id"],
                                name=op.f("fk_economy_snapshot_author_id_user")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_economy_snapshot")),
    )
    op.create_index("ix_economy_snapshot_citizen_year", "economy_snapshot",
                    ["citizen_id", "year"])

    with op.batch_alter_table("appointment") as batch_op:
        batch_op.add_column(sa.Column("exdates", sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("recurrence_id", sa.DateTime(), nullable=True))


def downgrade() -> None:
    raise NotImplementedError("MentorDesk never downgrades a database; restore a backup instead")
