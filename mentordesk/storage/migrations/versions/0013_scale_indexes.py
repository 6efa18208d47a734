"""Partial indexes for the calendar and the hours overview at ten times the data.

Revision ID: 0013_scale_indexes
Revises: 0012_billing_travel
Create Date: 2026-12-06

See ``mentordesk.storage.models.read_indexes``. Without them the team calendar's week
read every contact in the log to find the few logged from its bookings (1.5 s at 1M
contacts), and the mentors' group time read every contact of the period.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013_scale_indexes"
down_revision = "0012_billing_travel"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Each predicate is given per dialect: each reads only its own keyword, and without
    # ``postgresql_where`` the team server would index the whole contact log.
    from_appointment = sa.text("appointment_id IS NOT NULL")
    op.create_index("ix_contact_appointment_day", "contact", ["appointment_id", "contact_on"],
                    sqlite_where=from_appointment, postgresql_where=from_appointment)
    from_group_session = sa.text("group_session_id IS NOT NULL")
    op.create_index("ix_contact_group_mentor_day", "contact",
                    ["mentor_id", "contact_on", "group_session_id", "duration_minutes",
                     "attended"],
                    sqlite_where=from_group_session, postgresql_where=from_group_session)


def downgrade() -> None:
    raise NotImplementedError("MentorDesk never downgrades a database; restore a backup instead")
