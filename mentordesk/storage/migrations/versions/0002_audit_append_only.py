"""Make the audit log append-only with triggers.

Revision ID: 0002_audit_append_only
Revises: 0001_baseline
Create Date: 2026-11-23
"""

from __future__ import annotations

from mentordesk.storage.triggers import create_row_trigger, refuse

revision = "0002_audit_append_only"
down_revision = "0001_baseline"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Triggers live in the database file, so even a tool that bypasses MentorDesk cannot
    # quietly rewrite history; verify_chain() catches anyone who drops them first.
    # On SQLite the text is exactly what storage/audit_guard.py expects.
    create_row_trigger("audit_event_no_update", "BEFORE UPDATE", "audit_event",
                       refuse("audit_event is append-only"))
    create_row_trigger("audit_event_no_delete", "BEFORE DELETE", "audit_event",
                       refuse("audit_event is append-only"))


def downgrade() -> None:
    raise NotImplementedError("MentorDesk never downgrades a database; restore a backup instead")
