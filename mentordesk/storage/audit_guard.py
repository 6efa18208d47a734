"""The triggers that keep the access log append-only, as the migrations created them.

Someone holding the database key can drop or weaken a trigger with any SQLCipher tool;
``mentordesk check`` compares what the file holds with this text (the migrations are
history and never change, so the text here cannot drift from them). On a team server
the same triggers are PL/pgSQL functions (``storage/triggers.py``): each must exist, be
enabled, fire at the same moment and run exactly the function the migrations wrote.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from mentordesk.storage.engine import SERVER_DIALECT
from mentordesk.storage.queries.person_keys import server_trigger_sql, trigger_sql
from mentordesk.storage.triggers import refuse_sql, trigger_function_source

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


_SIX_MONTHS_AGO_SERVER = ("to_char((now() AT TIME ZONE 'UTC') - interval '6 months', "
                          "'YYYY-MM-DD\"T\"HH24:MI:SS.US')")
_REFUSE_SERVER = refuse_sql("audit_event is append-only", server=True)
# On a team server: name → (when it fires, its function's source).
EXPECTED_SERVER_TRIGGERS = {
    # 0002_audit_append_only
    "audit_event_no_update": ("BEFORE UPDATE", trigger_function_source(
        "BEFORE UPDATE", _REFUSE_SERVER, None)),
    # 0004_audit_retention
    "audit_event_no_delete": ("BEFORE DELETE", trigger_function_source(
        "BEFORE DELETE", _REFUSE_SERVER,
        f"OLD.id >= {_ANCHOR_ID} OR OLD.occurred_at >= {_SIX_MONTHS_AGO_SERVER}")),
}


def trigger_problems(session: Session) -> list[str]:
    """Danish descriptions of every missing or altered log trigger (none: empty)."""
    if session.get_bind().dialect.name == SERVER_DIALECT:
        return _server_trigger_problems(session)
    found = dict(session.execute(trigger_sql(tuple(EXPECTED_TRIGGERS))).tuples().all())
    problems = []
    for name, expected in EXPECTED_TRIGGERS.items():
        if name not in found:
            problems.append(f"udløseren {name} mangler")
        elif _normalised(found[name]) != _normalised(expected):
            problems.append(f"udløseren {name} er ændret")
    return problems


def _server_trigger_problems(session: Session) -> list[str]:
    found = {name: (definition, source) for name, definition, source
             in session.execute(server_trigger_sql("audit_event")).tuples()}
    problems = []
    for name, (timing, source) in EXPECTED_SERVER_TRIGGERS.items():
        if name not in found:
            problems.append(f"udløseren {name} mangler")
            continue
        definition, found_source = found[name]
        if f" {timing} ON " not in definition or "FOR EACH ROW" not in definition \
                or _normalised(found_source) != _normalised(source):
            problems.append(f"udløseren {name} er ændret")
    return problems


def _normalised(sql: str) -> str:
    return " ".join(sql.split())
