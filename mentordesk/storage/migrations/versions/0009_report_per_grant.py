"""A progression report is about one grant; a grant states its purpose and the authority's
goals and, for outreach, after how many days without contact a deadline falls due; a
report gives reasons for deviations and recommends hours and a period.

Revision ID: 0009_report_per_grant
Revises: 0008_contact_grant
Create Date: 2026-12-06

A report to one authority must never show another authority's grant, caseworker, goals,
contacts or hours (issue 15). ``report_draft.grant_id`` says which grant a report is
about; reports written before stay NULL and are scoped when printed (see
``reports.progress.scope``). ``include_unlinked_goals`` is the author's explicit choice
to include goals linked to no grant.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009_report_per_grant"
down_revision = "0008_contact_grant"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("report_draft") as batch:
        batch.add_column(sa.Column("grant_id", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("include_unlinked_goals", sa.Boolean(), nullable=False,
                                   server_default=sa.false()))
        batch.add_column(sa.Column("deviation_reasons", sa.Text(), nullable=False,
                                   server_default=""))
        batch.add_column(sa.Column("recommended_min_minutes", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("recommended_max_minutes", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("recommended_until", sa.Date(), nullable=True))
        batch.create_foreign_key(op.f("fk_report_draft_grant_id_grant"), "grant",
                                 ["grant_id"], ["id"], ondelete="SET NULL")
    with op.batch_alter_table("grant") as batch:
        batch.add_column(sa.Column("purpose", sa.Text(), nullable=False, server_default=""))
        batch.add_column(sa.Column("authority_goals", sa.Text(), nullable=False,
                                   server_default=""))
        batch.add_column(sa.Column("outreach_days", sa.Integer(), nullable=True))


def downgrade() -> None:
    raise NotImplementedError("MentorDesk never downgrades a database; restore a backup instead")
