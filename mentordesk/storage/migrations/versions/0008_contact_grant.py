"""A contact and an appointment belong to a grant: ``grant_id`` on both, and the existing
journal attributed with the same rule the forms use.

Revision ID: 0008_contact_grant
Revises: 0007_debt_counselling
Create Date: 2026-12-06

Hours, billing and reports are per grant (issue 15). Each existing contact and citizen
appointment gets the grant ``domain.grant_choice.suggest_grant`` points to; what it cannot
place (no grant running that day, or two grants nothing tells apart) stays "Ikke
tilknyttet" and is listed by ``mentordesk attribute DB --list`` for a person to decide.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from mentordesk.storage.queries.attribution import attribute_open_rows

revision = "0008_contact_grant"
down_revision = "0007_debt_counselling"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("contact") as batch:
        batch.add_column(sa.Column("grant_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(op.f("fk_contact_grant_id_grant"), "grant", ["grant_id"],
                                 ["id"], ondelete="SET NULL")
        batch.create_index(op.f("ix_contact_grant_id"), ["grant_id"])
    with op.batch_alter_table("appointment") as batch:
        batch.add_column(sa.Column("grant_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(op.f("fk_appointment_grant_id_grant"), "grant",
                                 ["grant_id"], ["id"], ondelete="SET NULL")
    attribute_open_rows(op.get_bind())


def downgrade() -> None:
    raise NotImplementedError("MentorDesk never downgrades a database; restore a backup instead")
