"""A grant's stepped hours plan and practice hours per week; LAB §32 for the guidance course.

Revision ID: 0011_hours_plan
Revises: 0010_delivered_weeks
Create Date: 2026-12-06

Seed 003's practice courses raise the hours over the period, so a grant may hold steps
(``grant_hours_step``: from a day, min–max minutes a week) and the mentor logs the hours the
citizen was in practice per ISO week (``grant_practice_week``); see
``mentordesk.storage.models.hours_plan``.

LivaRehab's guidance course ("Vejlednings- og opkvalificeringsforløb") is LAB §32 but was
seeded under LAB §31b, so its reports said "§31b". The legal basis is added where missing,
the course type moves to it, and so do the grants of that course still under §31b (a grant a
person put under another basis keeps it). Moved rows get a new version, so an editor open on
the old values meets a conflict instead of saving §31b back.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011_hours_plan"
down_revision = "0010_delivered_weeks"
branch_labels = None
depends_on = None

# Frozen here: the catalogue module may change, this migration may not.
GUIDANCE_COURSE = ("Vejlednings- og opkvalificeringsforløb - For borgere som mangler "
                   "beskæftigelses- eller uddannelsesmål.")
OLD_BASIS, NEW_BASIS = "LAB §31b", "LAB §32"
NEW_BASIS_NAME = "Vejledning og opkvalificering"
NEW_BASIS_NOTE = ("Vejlednings- og opkvalificeringsforløb, som jobcenteret bevilger til "
                  "borgere, der mangler et beskæftigelses- eller uddannelsesmål.")


def upgrade() -> None:
    op.create_table(
        "grant_hours_step",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("grant_id", sa.Integer(), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("min_minutes", sa.Integer(), nullable=False),
        sa.Column("max_minutes", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["grant_id"], ["grant.id"],
                                name=op.f("fk_grant_hours_step_grant_id_grant"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_grant_hours_step")),
        sa.UniqueConstraint("grant_id", "starts_on", name=op.f("uq_grant_hours_step_grant_id")),
    )
    op.create_index(op.f("ix_grant_hours_step_grant_id"), "grant_hours_step", ["grant_id"])
    op.create_table(
        "grant_practice_week",
        sa.Column("grant_id", sa.Integer(), nullable=False),
        sa.Column("week_start", sa.Date(), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["grant_id"], ["grant.id"],
                                name=op.f("fk_grant_practice_week_grant_id_grant"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("grant_id", "week_start", name=op.f("pk_grant_practice_week")),
    )
    _move_guidance_course_to_lab_32()


def _move_guidance_course_to_lab_32() -> None:
    connection = op.get_bind()
    course = connection.execute(
        sa.text("SELECT course_type.id FROM course_type JOIN legal_basis "
                "ON legal_basis.id = course_type.legal_basis_id "
                "WHERE course_type.name = :name AND legal_basis.code = :old"),
        {"name": GUIDANCE_COURSE, "old": OLD_BASIS}).scalar()
    new_id = connection.execute(sa.text("SELECT id FROM legal_basis WHERE code = :code"),
                                {"code": NEW_BASIS}).scalar()
    if new_id is None and course is None:
        return  # a team that renamed or removed the course: nothing of ours to move
    if new_id is None:
        connection.execute(
            sa.text("INSERT INTO legal_basis (code, name, note, allows_anonymous, "
                    "requires_assessment, active, version) "
                    "VALUES (:code, :name, :note, :no, :yes, :yes, 1)"),
            # Booleans bound, not written 0/1: PostgreSQL has no integer-to-boolean cast.
            {"code": NEW_BASIS, "name": NEW_BASIS_NAME, "note": NEW_BASIS_NOTE,
             "no": False, "yes": True})
        new_id = connection.execute(sa.text("SELECT id FROM legal_basis WHERE code = :code"),
                                    {"code": NEW_BASIS}).scalar()
    if course is None:
        return
    connection.execute(
        sa.text('UPDATE "grant" SET legal_basis_id = :new, version = version + 1 '
                "WHERE course_type_id = :course AND legal_basis_id = "
                "(SELECT id FROM legal_basis WHERE code = :old)"),
        {"new": new_id, "course": course, "old": OLD_BASIS})
    connection.execute(
        sa.text("UPDATE course_type SET legal_basis_id = :new, version = version + 1 "
                "WHERE id = :course"), {"new": new_id, "course": course})


def downgrade() -> None:
    raise NotImplementedError("MentorDesk never downgrades a database; restore a backup instead")
