"""Row triggers on both backends, for migrations: one call, the dialect's own syntax.

SQLite writes a trigger's statements inline (``CREATE TRIGGER … BEGIN …; END``) with an
optional ``WHEN``; PostgreSQL runs a PL/pgSQL function from the trigger, and a trigger's
``WHEN`` may not hold a subquery, so the condition moves into the function as ``IF``.
A migration names the trigger, its timing and its statements once per dialect where the
SQL itself differs (date arithmetic, refusing); the wrapping is done here.

Migrations call :func:`on_server` (``op.get_context().dialect.name``) to choose the
statements, and :func:`create_row_trigger` to install them. The SQLite text of a trigger
that already shipped never changes (``storage/audit_guard.py`` compares it).
"""

from __future__ import annotations

from mentordesk.storage.engine import SERVER_DIALECT

# Alembic is imported inside the functions a migration calls: ``storage/audit_guard.py``
# uses the builders below at every unlock, where Alembic is never loaded (migrate.py).


def on_server() -> bool:
    """True while a migration runs on a team server (PostgreSQL)."""
    from alembic import op

    return bool(op.get_context().dialect.name == SERVER_DIALECT)


def refuse(message: str) -> str:
    """The statement that aborts the triggering change with ``message``."""
    return refuse_sql(message, server=on_server())


def refuse_sql(message: str, *, server: bool) -> str:
    quoted = message.replace("'", "''")
    if server:
        return f"RAISE EXCEPTION '{quoted}';"
    return f"SELECT RAISE(ABORT, '{quoted}');"


def week_monday(day: str) -> str:
    """SQL for the ISO week's Monday of the date expression ``day`` (a 'YYYY-MM-DD' text on
    SQLite, a date on PostgreSQL), as a date value comparable with a ``Date`` column."""
    if on_server():
        return f"date_trunc('week', {day})::date"
    return (f"date({day}, '-' || "
            f"((CAST(strftime('%w', {day}) AS INTEGER) + 6) % 7) || ' days')")


def create_row_trigger(name: str, timing: str, table: str, body: str, *,
                       when: str | None = None) -> None:
    """Create (or, on PostgreSQL, replace) trigger ``name``: ``timing`` is e.g.
    "BEFORE UPDATE" or "AFTER UPDATE OF a, b"; ``body`` is one or more statements each
    ending in ';'; ``when`` an optional condition on OLD/NEW (subqueries allowed)."""
    from alembic import op

    for statement in row_trigger_sql(name, timing, table, body, when=when, server=on_server()):
        op.execute(statement)


def drop_trigger(name: str, table: str) -> None:
    from alembic import op

    if on_server():
        op.execute(f"DROP TRIGGER IF EXISTS {name} ON {table}")
        op.execute(f"DROP FUNCTION IF EXISTS {name}()")
    else:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")


def row_trigger_sql(name: str, timing: str, table: str, body: str, *,
                    when: str | None, server: bool) -> list[str]:
    if not server:
        condition = f"WHEN {when} " if when else ""
        return [f"CREATE TRIGGER {name} {timing} ON {table} {condition}BEGIN {body} END"]
    return [
        f"CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $trigger$"
        f"{trigger_function_source(timing, body, when)}$trigger$",
        f"DROP TRIGGER IF EXISTS {name} ON {table}",
        f"CREATE TRIGGER {name} {timing} ON {table} FOR EACH ROW EXECUTE FUNCTION {name}()",
    ]


def trigger_function_source(timing: str, body: str, when: str | None) -> str:
    """The PL/pgSQL source of a trigger's function on PostgreSQL, as ``pg_proc.prosrc``
    holds it (``storage/audit_guard.py`` compares it)."""
    guarded = f"IF {when} THEN {body} END IF;" if when else body
    # A BEFORE trigger must hand the row back or the change is silently skipped; an AFTER
    # trigger's return value is ignored.
    row = "OLD" if timing.startswith("BEFORE DELETE") else "NEW"
    returned = row if timing.startswith("BEFORE") else "NULL"
    return f" BEGIN {guarded} RETURN {returned}; END "
