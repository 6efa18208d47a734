"""Delivered minutes per citizen-week and mentor-week, kept by triggers on contact.

Revision ID: 0010_delivered_weeks
Revises: 0009_report_per_grant
Create Date: 2026-12-06

See ``mentordesk.storage.models.delivered_weeks``. The triggers add an attended contact's
minutes to its week, take them away when it is deleted, and on an edit take the old
values away and add the new ones (another day, citizen, mentor, duration, attendance or
group session). A delete only lowers an existing row (UPDATE, never an insert): when a
citizen is erased the cascade may already have removed their weeks. Rows that reach zero
are removed. The existing log is summed once here. An index on contact.contact_on lets
"who had a contact in the period" read only that period.

It runs after every migration that rebuilds ``contact`` (Alembic's batch mode on SQLite
recreates the table, and its triggers with it are gone): a later migration that rebuilds
``contact`` must create these triggers again (tests/storage/test_delivered_weeks.py fails
otherwise).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from mentordesk.storage.triggers import create_row_trigger, on_server, week_monday

revision = "0010_delivered_weeks"
down_revision = "0009_report_per_grant"
branch_labels = None
depends_on = None


def monday(row: str) -> str:
    """SQL for the ISO week's Monday of ``row``.contact_on."""
    return week_monday(f"{row}.contact_on")


def _add(table: str, key: str, row: str, extra: str = "") -> str:
    # PostgreSQL wants the table's own column named in the upsert (SQLite's text stays).
    kept = f"{table}.minutes" if on_server() else "minutes"
    return (f"INSERT INTO {table} ({key}, week_start, minutes) "
            f"SELECT {row}.{key}, {monday(row)}, {row}.duration_minutes "
            f"WHERE {row}.attended{extra} "
            f"ON CONFLICT ({key}, week_start) DO UPDATE SET minutes = {kept} + excluded.minutes;")


def _take_away(table: str, key: str, row: str, extra: str = "") -> str:
    week = f"{key} = {row}.{key} AND week_start = {monday(row)}"
    return (f"UPDATE {table} SET minutes = minutes - {row}.duration_minutes "
            f"WHERE {row}.attended{extra} AND {week}; "
            f"DELETE FROM {table} WHERE {week} AND minutes = 0;")


_ALONE_NEW = " AND NEW.group_session_id IS NULL"
_ALONE_OLD = " AND OLD.group_session_id IS NULL"
_CITIZEN = ("delivered_citizen_week", "citizen_id")
_MENTOR = ("delivered_mentor_week", "mentor_id")

def triggers() -> dict[str, tuple[str, str]]:
    """name → (timing, statements) of the triggers on ``contact`` (built per dialect)."""
    return {
        "contact_delivered_insert": (
            "AFTER INSERT",
            _add(*_CITIZEN, "NEW") + _add(*_MENTOR, "NEW", _ALONE_NEW)),
        "contact_delivered_delete": (
            "AFTER DELETE",
            _take_away(*_CITIZEN, "OLD") + _take_away(*_MENTOR, "OLD", _ALONE_OLD)),
        "contact_delivered_update": (
            "AFTER UPDATE OF citizen_id, mentor_id, contact_on, duration_minutes, attended, "
            "group_session_id",
            _take_away(*_CITIZEN, "OLD") + _take_away(*_MENTOR, "OLD", _ALONE_OLD)
            + _add(*_CITIZEN, "NEW") + _add(*_MENTOR, "NEW", _ALONE_NEW)),
    }


def upgrade() -> None:
    op.create_table(
        "delivered_citizen_week",
        sa.Column("citizen_id", sa.Integer(), nullable=False),
        sa.Column("week_start", sa.Date(), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["citizen_id"], ["citizen.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("citizen_id", "week_start"),
    )
    op.create_table(
        "delivered_mentor_week",
        sa.Column("mentor_id", sa.Integer(), nullable=False),
        sa.Column("week_start", sa.Date(), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["mentor_id"], ["user.id"]),
        sa.PrimaryKeyConstraint("mentor_id", "week_start"),
    )
    op.execute(f"INSERT INTO delivered_citizen_week (citizen_id, week_start, minutes) "
               f"SELECT citizen_id, {monday('contact')}, SUM(duration_minutes) FROM contact "
               f"WHERE attended GROUP BY 1, 2")
    op.execute(f"INSERT INTO delivered_mentor_week (mentor_id, week_start, minutes) "
               f"SELECT mentor_id, {monday('contact')}, SUM(duration_minutes) FROM contact "
               f"WHERE attended AND group_session_id IS NULL GROUP BY 1, 2")
    op.create_index("ix_contact_on", "contact", ["contact_on"])
    for name, (timing, body) in triggers().items():
        create_row_trigger(name, timing, "contact", body)


def downgrade() -> None:
    raise NotImplementedError("MentorDesk never downgrades a database; restore a backup instead")
