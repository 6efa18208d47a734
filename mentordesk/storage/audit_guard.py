"""The triggers that keep the access log append-only, as the migrations created them.

Someone holding the database key can drop or weaken a trigger with any SQLCipher tool;
``mentordesk check`` compares what the file holds with this text (the migrations are
history and never change, so the text here cannot drift from them).
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from mentordesk.storage.queries.person_keys import trigger_sql

_SIX_MONTHS_AGO = "strftime('%Y-%m-%dT%H:%M:%f', 'now', '-6 months')"
_ANCHOR_ID = ("COALESCE((SELECT CAST(value AS INTEGER) FROM app_meta "
              "WHERE key = 'audit_anchor_id'), 0)")
EXPECTED_TRIGGERS = {
    # 0002_audit_append_only
    "audit_event_no_update": (
        "CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event "
        "BEGIN SELECT RAISE(ABORT, 'audit_event is append-only'); END"),
    # 0004_audit_retention
    "audit_event_no_delete": (
        "CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event "
        f"WHEN OLD.id >= {_ANCHOR_ID} OR OLD.occurred_at >= {_SIX_MONTHS_AGO} "
        "BEGIN SELECT RAISE(ABORT, 'audit_event is append-only'); END"),
}


def trigger_problems(session: Session) -> list[str]:
    """Danish descriptions of every missing or altered log trigger (none: empty)."""
    found = dict(session.execute(trigger_sql(tuple(EXPECTED_TRIGGERS))).tuples().all())
    problems = []
    for name, expected in EXPECTED_TRIGGERS.items():
        if name not in found:
            problems.append(f"udløseren {name} mangler")
        elif _normalised(found[name]) != _normalised(expected):
            problems.append(f"udløseren {name} er ændret")
    return problems


def _normalised(sql: str) -> str:
    return " ".join(sql.split())
