"""Travel and indirect time on a contact, the authority's billing agreement, VAT per
course type, the grant's case number, and the anonymous tally of outreach contacts.

Revision ID: 0012_billing_travel
Revises: 0011_hours_plan
Create Date: 2026-12-06

Issue 15, point 4. Columns are added with plain ``ALTER TABLE … ADD COLUMN`` (never a
batch rebuild): ``contact`` carries the delivered-weeks triggers of 0010, which a
rebuild of the table would drop. Existing rows get the neutral values: no travel, no
indirect time, an agreement that bills face-to-face time only, no EAN, every course
type momsfritaget (as social services mostly are; the admin marks the others), no
case number. See ``mentordesk.storage.models.anonymous`` for why the tally holds no
text about a person.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012_billing_travel"
down_revision = "0011_hours_plan"
branch_labels = None
depends_on = None


def _zero(name: str) -> sa.Column:
    return sa.Column(name, sa.Integer(), nullable=False, server_default="0")


def _no(name: str) -> sa.Column:
    return sa.Column(name, sa.Boolean(), nullable=False, server_default=sa.false())


def upgrade() -> None:
    for name in ("travel_minutes", "travel_km", "indirect_minutes"):
        op.add_column("contact", _zero(name))
    op.add_column("authority", _no("bill_travel"))
    op.add_column("authority", sa.Column("km_rate_oere", sa.Integer(), nullable=True))
    op.add_column("authority", _no("bill_indirect"))
    op.add_column("authority", sa.Column("ean", sa.String(13), nullable=False,
                                         server_default=""))
    op.add_column("course_type", _no("vat_liable"))
    op.add_column("grant", sa.Column("case_number", sa.String(60), nullable=False,
                                     server_default=""))
    op.create_table(
        "anonymous_contact_tally",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("mentor_id", sa.Integer(), nullable=False),
        sa.Column("contact_on", sa.Date(), nullable=False),
        sa.Column("form", sa.String(30), nullable=False),
        sa.Column("legal_basis_id", sa.Integer(), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["mentor_id"], ["user.id"],
                                name=op.f("fk_anonymous_contact_tally_mentor_id_user")),
        sa.ForeignKeyConstraint(
            ["legal_basis_id"], ["legal_basis.id"],
            name=op.f("fk_anonymous_contact_tally_legal_basis_id_legal_basis")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_anonymous_contact_tally")),
        sa.UniqueConstraint("mentor_id", "contact_on", "form", "legal_basis_id",
                            name="uq_anonymous_tally_key"),
    )
    op.create_index(op.f("ix_anonymous_contact_tally_mentor_id"), "anonymous_contact_tally",
                    ["mentor_id"])
    op.create_index(op.f("ix_anonymous_contact_tally_contact_on"),
                    "anonymous_contact_tally", ["contact_on"])


def downgrade() -> None:
    raise NotImplementedError("MentorDesk never downgrades a database; restore a backup instead")
