"""The deletion register: which citizens were deleted, when and by whom.

Revision ID: 0005_deletion_register
Revises: 0004_audit_retention
Create Date: 2026-12-06

A restore re-applies every deletion in the live file's register that the backup does
not reflect, so a case deleted after retention (or on request) never comes back from an
older copy. The register holds the citizen's number only, no personal data.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_deletion_register"
down_revision = "0004_audit_retention"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "deletion_register",
        sa.Column("citizen_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_by", sa.String(length=120), nullable=False),
        sa.PrimaryKeyConstraint("citizen_id", name=op.f("pk_deletion_register")),
    )


def downgrade() -> None:
    raise NotImplementedError("MentorDesk never downgrades a database; restore a backup instead")
