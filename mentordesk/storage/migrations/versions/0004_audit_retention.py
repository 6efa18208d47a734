"""Let retention pruning remove old audit events, and nothing else.

Revision ID: 0004_audit_retention
Revises: 0003_history_reference
Create Date: 2026-11-23

The delete trigger of 0002 refused every DELETE. Pruning (``audit.prune``) first stores
the chain's anchor in ``app_meta`` (the first kept event's id and prev_hash), then deletes
the events below it. The new trigger allows exactly that: a row below the anchor id AND
older than six months. Anything else, including a forged anchor that reaches recent
events, is still refused; ``verify_chain`` checks the kept part against the anchor.
"""

from __future__ import annotations

from mentordesk.storage.triggers import create_row_trigger, drop_trigger, on_server, refuse

revision = "0004_audit_retention"
down_revision = "0003_history_reference"
branch_labels = None
depends_on = None

# SQLite's own clock: "now" minus six months, in the ISO form occurred_at is stored in
# (a string comparison is a time comparison for this fixed-width prefix).
_SIX_MONTHS_AGO = "strftime('%Y-%m-%dT%H:%M:%f', 'now', '-6 months')"
# The same moment on PostgreSQL, in the same ISO text form.
_SIX_MONTHS_AGO_SERVER = ("to_char((now() AT TIME ZONE 'UTC') - interval '6 months', "
                          "'YYYY-MM-DD\"T\"HH24:MI:SS.US')")
_ANCHOR_ID = ("COALESCE((SELECT CAST(value AS INTEGER) FROM app_meta "
              "WHERE key = 'audit_anchor_id'), 0)")


def upgrade() -> None:
    six_months_ago = _SIX_MONTHS_AGO_SERVER if on_server() else _SIX_MONTHS_AGO
    drop_trigger("audit_event_no_delete", "audit_event")
    # On SQLite the text is exactly what storage/audit_guard.py expects.
    create_row_trigger("audit_event_no_delete", "BEFORE DELETE", "audit_event",
                       refuse("audit_event is append-only"),
                       when=f"OLD.id >= {_ANCHOR_ID} OR OLD.occurred_at >= {six_months_ago}")


def downgrade() -> None:
    raise NotImplementedError("MentorDesk never downgrades a database; restore a backup instead")
