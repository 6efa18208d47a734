"""The enrolled public keys (``person_key``) and the access log's trigger inventory."""

from __future__ import annotations

from sqlalchemy import Select, TextClause, Update, select, text, update

from mentordesk.storage.models import PersonKey


def keys_in_order() -> Select[tuple[PersonKey]]:
    """Every enrolled key, oldest first: the order in which attestations are checked."""
    return select(PersonKey).order_by(PersonKey.id)


def active_keys_of(login: str) -> Select[tuple[PersonKey]]:
    return (select(PersonKey)
            .where(PersonKey.login == login, PersonKey.retired_at == "")
            .order_by(PersonKey.id))


def retire_keys_of(login: str, at: str) -> Update:
    return (update(PersonKey)
            .where(PersonKey.login == login, PersonKey.retired_at == "")
            .values(retired_at=at))


def trigger_sql(names: tuple[str, ...]) -> TextClause:
    """(name, sql) of the named triggers, as SQLite stores them."""
    listed = ", ".join(f"'{name}'" for name in names)
    return text("SELECT name, sql FROM sqlite_master "
                f"WHERE type = 'trigger' AND name IN ({listed})")


def server_trigger_sql(table: str) -> TextClause:
    """PostgreSQL: (name, definition, function source) of the enabled, user-made triggers
    on ``table``."""
    return text("SELECT t.tgname, pg_get_triggerdef(t.oid), p.prosrc "
                "FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid "
                "WHERE t.tgrelid = CAST(:table AS regclass) AND NOT t.tgisinternal "
                "AND t.tgenabled <> 'D'").bindparams(table=table)
