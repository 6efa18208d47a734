"""The lock record (``open_session``): which apps have the file open right now."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Delete, Select, Update, delete, select, update

from mentordesk.storage.models import OpenSession


def remove_stale(seen_before: datetime) -> Delete:
    """Drop the rows whose last heartbeat is older than ``seen_before``."""
    return delete(OpenSession).where(OpenSession.seen_at < seen_before)


def touch(session_id: int, seen_at: datetime) -> Update:
    """Refresh one row's heartbeat."""
    return update(OpenSession).where(OpenSession.id == session_id).values(seen_at=seen_at)


def remove(session_id: int) -> Delete:
    return delete(OpenSession).where(OpenSession.id == session_id)


def remove_all() -> Delete:
    return delete(OpenSession)


def fresh_since(seen_since: datetime) -> Select[tuple[OpenSession]]:
    """The rows with a heartbeat at or after ``seen_since``, oldest opening first."""
    return (select(OpenSession).where(OpenSession.seen_at >= seen_since)
            .order_by(OpenSession.opened_at))
