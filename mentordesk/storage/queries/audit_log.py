"""Access-log queries: the statements behind ``audit`` (append, chain walk, pruning) and
the log's review screens. The hash-chain rules stay in ``audit``; these only fetch."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import (
    ColumnElement,
    Delete,
    Insert,
    Select,
    TextClause,
    delete,
    func,
    insert,
    select,
    text,
)

from mentordesk.storage.models import AppMeta, AuditEvent
from mentordesk.storage.queries.portable import upsert


def meta_values(keys: Iterable[str]) -> Select[tuple[str, str]]:
    """(key, value) of the ``app_meta`` rows named by ``keys``."""
    return select(AppMeta.key, AppMeta.value).where(AppMeta.key.in_(tuple(keys)))


def insert_event() -> Insert:
    """Insert one event; the caller passes the column values."""
    return insert(AuditEvent)


def log_event_on_server() -> TextClause:
    """Append one event through the team server's ``mentordesk_log_event`` (migration
    0014), which chains it on the server under a lock and names ``session_user`` as the
    actor; returns the new hash. Parameters: action, entity, entity_id, citizen_id,
    detail, and the login/time only a superuser may choose (IT's import, tests)."""
    return text("SELECT mentordesk_log_event(:action, :entity, :entity_id, :citizen_id, "
                ":detail, :claimed_login, :occurred_at)")


def prune_on_server() -> TextClause:
    """Remove the events before ``cutoff`` through ``mentordesk_prune_log`` (admins)."""
    return text("SELECT mentordesk_prune_log(:cutoff)")


def prune_expired_on_server() -> TextClause:
    """Remove the events past the team's retention period through
    ``mentordesk_prune_expired`` (any member; at most once a day, NULL when done already)."""
    return text("SELECT mentordesk_prune_expired()")


def set_retention_on_server() -> TextClause:
    """The log's retention period (``months``) through ``mentordesk_set_retention``, which
    only an active coordinator or admin may call."""
    return text("SELECT mentordesk_set_retention(:months)")


def upsert_meta(backend: str) -> Insert:
    """Insert or overwrite ``app_meta`` rows on ``backend`` (``connection.dialect.name``);
    the caller passes ``key`` and ``value``."""
    return upsert(backend, AppMeta, AppMeta.key, "value")


def events_in_order(from_id: int | None = None) -> Select[tuple[AuditEvent]]:
    """Every event (from ``from_id`` on), oldest first: the order the chain is walked."""
    query = select(AuditEvent).order_by(AuditEvent.id)
    if from_id is not None:
        query = query.where(AuditEvent.id >= from_id)
    return query


def any_event_before(event_id: int) -> Select[tuple[int]]:
    """The id of some event below ``event_id`` (none: the statement yields no row)."""
    return select(AuditEvent.id).where(AuditEvent.id < event_id).limit(1)


def any_event_older_than(occurred_before: str) -> Select[tuple[int]]:
    """The id of some event logged before ``occurred_before`` (ISO UTC)."""
    return select(AuditEvent.id).where(AuditEvent.occurred_at < occurred_before).limit(1)


def first_event_since(occurred_from: str) -> Select[tuple[int]]:
    """The lowest id of the events logged at or after ``occurred_from`` (ISO UTC)."""
    return select(func.min(AuditEvent.id)).where(AuditEvent.occurred_at >= occurred_from)


def count_events_before(event_id: int | None) -> Select[tuple[int]]:
    """How many events lie below ``event_id`` (``None``: all of them)."""
    query = select(func.count()).select_from(AuditEvent)
    if event_id is not None:
        query = query.where(AuditEvent.id < event_id)
    return query


def delete_events_before(event_id: int) -> Delete:
    return delete(AuditEvent).where(AuditEvent.id < event_id)


def citizen_events(citizen_id: int) -> Select[tuple[AuditEvent]]:
    """The log's events about one citizen, oldest first."""
    return select(AuditEvent).where(AuditEvent.citizen_id == citizen_id).order_by(AuditEvent.id)


@dataclass(frozen=True)
class EventFilter:
    """Which events a search of the log keeps; empty fields keep everything.
    The bounds are ISO UTC timestamps, inclusive."""

    citizen_id: int | None = None
    user_login: str = ""
    action: str = ""
    occurred_from: str = ""
    occurred_until: str = ""


def _conditions(wanted: EventFilter) -> list[ColumnElement[bool]]:
    conditions = []
    if wanted.citizen_id is not None:
        conditions.append(AuditEvent.citizen_id == wanted.citizen_id)
    if wanted.user_login:
        conditions.append(AuditEvent.user_login == wanted.user_login)
    if wanted.action:
        conditions.append(AuditEvent.action == wanted.action)
    if wanted.occurred_from:
        conditions.append(AuditEvent.occurred_at >= wanted.occurred_from)
    if wanted.occurred_until:
        conditions.append(AuditEvent.occurred_at <= wanted.occurred_until)
    return conditions


def events_matching(wanted: EventFilter) -> Select[tuple[AuditEvent]]:
    """The matching events, oldest first."""
    return select(AuditEvent).where(*_conditions(wanted)).order_by(AuditEvent.id)


def newest_events_matching(wanted: EventFilter, offset: int,
                           limit: int) -> Select[tuple[AuditEvent]]:
    """One page of the matching events, newest first."""
    return (select(AuditEvent).where(*_conditions(wanted)).order_by(AuditEvent.id.desc())
            .offset(offset).limit(limit))


def count_matching(wanted: EventFilter) -> Select[tuple[int]]:
    return select(func.count(AuditEvent.id)).where(*_conditions(wanted))


def logins_in_log() -> Select[tuple[str]]:
    """Every login that appears in the log (former staff too)."""
    return select(AuditEvent.user_login).distinct()


def last_event_id() -> Select[tuple[int]]:
    """The highest event id (none yet: NULL)."""
    return select(func.max(AuditEvent.id))


def event_hash(event_id: int) -> Select[tuple[str]]:
    """The stored hash of one event (the statement yields no row when it is gone)."""
    return select(AuditEvent.hash).where(AuditEvent.id == event_id)
