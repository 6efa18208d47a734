"""Statements for ``server import`` onto a database ``server init`` set up: reading what
init left (its first admin, its log events), removing it so the file's rows go in as into
an empty database, and putting the first admin back afterwards.
"""

from __future__ import annotations

from sqlalchemy import Connection, Insert, Select, Update, insert, select, update

from mentordesk.domain.codes import Role
from mentordesk.storage.models import AuditEvent, User


def all_users() -> Select[tuple[object, ...]]:
    """Every user row's columns (read with ``.mappings()`` on a plain connection)."""
    return select(User.__table__).order_by(User.id)  # type: ignore[arg-type]


def all_events() -> Select[tuple[object, ...]]:
    return select(AuditEvent.__table__).order_by(AuditEvent.id)  # type: ignore[arg-type]


def insert_user() -> Insert:
    """A user row with a new id (the row's other columns given)."""
    return insert(User).returning(User.id)


def make_active_admin(login: str) -> Update:
    return (update(User).where(User.login == login)
            .values(role=Role.ADMIN.value, active=True))


def remove_log_events(connection: Connection) -> None:
    """Delete every event past the log's append-only triggers, in the caller's transaction.

    Only for init's own events, which the import tells again after the file's history:
    the triggers are off for this transaction alone (ALTER TABLE holds the table's lock
    until commit, so no other session writes the log meanwhile) and on again at once."""
    connection.exec_driver_sql("ALTER TABLE audit_event DISABLE TRIGGER USER")
    connection.exec_driver_sql("DELETE FROM audit_event")
    connection.exec_driver_sql("ALTER TABLE audit_event ENABLE TRIGGER USER")
