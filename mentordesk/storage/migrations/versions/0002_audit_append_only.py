"""Make the audit log append-only with triggers.

Revision ID: 0002_audit_append_only
Revises: 0001_baseline
Create Date: 2026-11-23
"""

from __future__ import annotations

from alembic import op

revision = "0002_audit_append_only"
down_revision = "0001_baseline"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Triggers live in the database file, so even a tool that bypasses MentorDesk cannot
    # quietly rewrite history; verify_chain() catches anyone who drops them first.
    op.execute(
        "CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event "
        "BEGIN SELECT RAISE(ABORT, 'audit_event is append-only'); END"
    )
    op.execute(
        "CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event "
        "BEGIN SELECT RAISE(ABORT, 'audit_event is append-only'); END"
    )


def downgrade() -> None:
    raise NotImplementedError("MentorDesk never downgrades a database; restore a backup instead")
