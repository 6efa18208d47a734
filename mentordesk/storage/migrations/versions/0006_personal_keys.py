"""Personal keys: enrolled public keys, and a signature on every access-log event.

Revision ID: 0006_personal_keys
Revises: 0005_deletion_register
Create Date: 2026-12-06

Events logged before this revision carry no signature; ``audit.SIGNED_FROM_KEY`` in
``app_meta`` marks the first event that must be signed (set when the database gets its
key slots: at creation, or by ``mentordesk migrate-keys``).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_personal_keys"
down_revision = "0005_deletion_register"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # The update trigger refuses any change to audit_event rows, not to its schema;
    # adding a column with a default rewrites no row.
    with op.batch_alter_table("audit_event", recreate="never") as batch:
        batch.add_column(sa.Column("signature", sa.String(100), nullable=False,
                                   server_default=""))
    op.create_table(
        "person_key",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("login", sa.String(120), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("box_public", sa.String(60), nullable=False),
        sa.Column("sign_public", sa.String(60), nullable=False),
        sa.Column("enrolled_at", sa.String(32), nullable=False),
        sa.Column("enrolled_by", sa.String(120), nullable=False),
        sa.Column("attestation", sa.String(100), nullable=False),
        sa.Column("retired_at", sa.String(32), nullable=False, server_default=""),
    )
    op.create_index("ix_person_key_login", "person_key", ["login"])


def downgrade() -> None:
    raise NotImplementedError("MentorDesk never downgrades a database; restore a backup instead")
