"""The append-only, hash-chained access log.

Every service that reads, searches, changes, exports, prints or deletes a citizen's data
calls :func:`record` inside the same transaction as the work itself, so the log and the
data can never disagree. Each row's hash covers the previous row's hash; the newest hash
and the row count are also kept in ``app_meta`` so that removing rows at the end shows.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum

from sqlalchemy import insert, select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from mentordesk.storage.models import AppMeta, AuditEvent

GENESIS_HASH = "0" * 64
HEAD_KEY = "audit_head"
COUNT_KEY = "audit_count"


# Built once so SQLAlchemy's statement cache makes each append cheap.
_READ_HEAD = select(AppMeta.key, AppMeta.value).where(AppMeta.key.in_((HEAD_KEY, COUNT_KEY)))
_INSERT_EVENT = insert(AuditEvent)
_UPSERT_META_BASE = sqlite_insert(AppMeta)
_UPSERT_META = _UPSERT_META_BASE.on_conflict_do_update(
    index_elements=[AppMeta.key], set_={"value": _UPSERT_META_BASE.excluded.value}
)


class Action(StrEnum):
    READ = "read"
    LIST = "list"
    SEARCH = "search"
    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"
    EXPORT = "export"
    PRINT = "print"
    REVEAL_CPR = "reveal_cpr"
    UNLOCK = "unlock"
    UNLOCK_FAILED = "unlock_failed"


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    checked: int
    problem: str = ""
    first_bad_id: int | None = None


def _canonical(event: AuditEvent) -> str:
    fields = [
        event.occurred_at, event.user_login, event.action, event.entity,
        event.entity_id, event.citizen_id, event.detail, event.prev_hash,
    ]
    return json.dumps(fields, ensure_ascii=False, separators=(",", ":"))


def compute_hash(event: AuditEvent) -> str:
    return hashlib.sha256((event.prev_hash + _canonical(event)).encode("utf-8")).hexdigest()


def utc_timestamp(moment: datetime | None = None) -> str:
    moment = moment or datetime.now(UTC)
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def record(
    session: Session,
    user_login: str,
    action: Action | str,
    *,
    entity: str = "",
    entity_id: int | None = None,
    citizen_id: int | None = None,
    detail: str = "",
    occurred_at: str | None = None,
) -> str:
    """Append one event in the caller's transaction (which holds the write lock).

    Core statements rather than ORM objects: this runs on every keystroke of a search.
    Returns the new event's hash.
    """
    connection = session.connection()
    meta = dict(connection.execute(_READ_HEAD).all())
    event = AuditEvent(
        occurred_at=occurred_at or utc_timestamp(),
        user_login=user_login,
        action=str(action),
        entity=entity,
        entity_id=entity_id,
        citizen_id=citizen_id,
        detail=detail,
        prev_hash=meta.get(HEAD_KEY) or GENESIS_HASH,
    )
    event_hash = compute_hash(event)
    connection.execute(_INSERT_EVENT, {
        "occurred_at": event.occurred_at, "user_login": event.user_login,
        "action": event.action, "entity": event.entity, "entity_id": event.entity_id,
        "citizen_id": event.citizen_id, "detail": event.detail,
        "prev_hash": event.prev_hash, "hash": event_hash,
    })
    count = int(meta.get(COUNT_KEY) or "0") + 1
    connection.execute(_UPSERT_META, [
        {"key": HEAD_KEY, "value": event_hash}, {"key": COUNT_KEY, "value": str(count)},
    ])
    return event_hash


def verify_chain(session: Session) -> ChainReport:
    """Walk the whole log: any altered, inserted or removed row breaks the chain."""
    expected_prev = GENESIS_HASH
    checked = 0
    for event in session.scalars(select(AuditEvent).order_by(AuditEvent.id)).yield_per(2000):
        if event.prev_hash != expected_prev:
            return ChainReport(False, checked, "Der mangler eller er indsat hændelser i loggen",
                               event.id)
        if compute_hash(event) != event.hash:
            return ChainReport(False, checked, "En hændelse i loggen er ændret", event.id)
        expected_prev = event.hash
        checked += 1
    head = session.get(AppMeta, HEAD_KEY)
    count = session.get(AppMeta, COUNT_KEY)
    if (head.value if head else "") not in ("", expected_prev) or (
        count is not None and count.value and int(count.value) != checked
    ):
        return ChainReport(False, checked, "De seneste hændelser i loggen er fjernet")
    return ChainReport(True, checked)
