"""The append-only, hash-chained access log.

Every service that reads, searches, changes, exports, prints or deletes a citizen's data
calls :func:`record` inside the same transaction as the work itself, so the log and the
data can never disagree. Each row's hash covers the previous row's hash; the newest hash
and the row count are also kept in ``app_meta`` so that removing rows at the end shows.
"""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from functools import cache
from os import PathLike
from pathlib import PurePath

from sqlalchemy.orm import Session

from mentordesk.storage.database import SIGNER_INFO, Signer
from mentordesk.storage.engine import SERVER_DIALECT
from mentordesk.storage.models import AppMeta, AuditEvent
from mentordesk.storage.queries import audit_log

GENESIS_HASH = "0" * 64
HEAD_KEY = "audit_head"
COUNT_KEY = "audit_count"
# Retention pruning (``prune``) removes the oldest events; the chain then starts from an
# anchor: the prev_hash of the first kept event, its id, and how many events were removed.
# The 0004 migration's trigger allows a DELETE only below the anchor id and only for
# events older than RETENTION_MONTHS, so pruning can never reach recent history.
ANCHOR_HASH_KEY = "audit_anchor_hash"
ANCHOR_ID_KEY = "audit_anchor_id"
PRUNED_KEY = "audit_pruned"
RETENTION_MONTHS = 6
# The id of the first event that must carry its actor's signature: set when the database
# got personal keys (created with them, or converted by ``migrate-keys``).
SIGNED_FROM_KEY = "audit_signed_from"
_SIGNATURE_CONTEXT = b"mentordesk audit event v1\n"


# Built once so SQLAlchemy's statement cache makes each append cheap.
_READ_HEAD = audit_log.meta_values((HEAD_KEY, COUNT_KEY))
_INSERT_EVENT = audit_log.insert_event()

# One per backend, built when first used (opening a file never loads PostgreSQL's dialect).
_upsert_meta = cache(audit_log.upsert_meta)


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
    PRUNE = "prune"
    # Personal keys (mentordesk.keys, security.people, security.key_migration).
    ENROL_KEY = "enrol_key"
    PASSPHRASE_CHANGED = "passphrase_changed"
    REMOVE_PERSON = "remove_person"
    ROTATE_KEY = "rotate_key"
    MIGRATE_KEYS = "migrate_keys"
    LOG_WARNING = "log_rollback"
    # The team's file moved to its team server (``server import``), as its last file event.
    MOVE_TO_SERVER = "move_to_server"


@dataclass(frozen=True)
class ChainAnchor:
    """Where a pruned chain starts: the first kept event's prev_hash and id."""

    prev_hash: str
    first_id: int
    pruned: int


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


def file_kind(path: str | PathLike[str]) -> str:
    """How an export's destination is named in the log: its type, never its file name.

    Users name files after the citizen ("Bodil Bæk økonomi.xlsx"), and the log outlives
    a deleted citizen, so the name itself must not be kept.
    """
    suffix = PurePath(path).suffix.lstrip(".").lower()
    return f"en {suffix}-fil" if suffix else "en fil"


def compute_hash(event: AuditEvent) -> str:
    return hashlib.sha256((event.prev_hash + _canonical(event)).encode("utf-8")).hexdigest()


def signed_message(event_hash: str) -> bytes:
    """What an event's signature covers: its hash, which covers the whole chain before it."""
    return _SIGNATURE_CONTEXT + event_hash.encode("ascii")


def _signature(session: Session, user_login: str, event_hash: str) -> str:
    """The acting person's signature, from the key the database was unlocked with.

    Only the person who unlocked the database can sign, and only as themselves: an event
    for anyone else (no signer while a file is being created or converted, or a login
    other than the signer's) is written unsigned, and ``check`` refuses every unsigned
    event after the point where signing began. The front ends take the acting user from
    the unlocked identity, so in the app the two always agree."""
    signer: Signer | None = session.info.get(SIGNER_INFO)
    if signer is None or user_login.casefold() != signer.login.casefold():
        return ""
    return base64.b64encode(signer.sign(signed_message(event_hash))).decode("ascii")


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
    Returns the new event's hash. On a team server the server appends it (see
    :func:`_record_on_server`).
    """
    connection = session.connection()
    if connection.dialect.name == SERVER_DIALECT:
        return _record_on_server(session, user_login, str(action), entity, entity_id,
                                 citizen_id, detail, occurred_at)
    meta = dict(connection.execute(_READ_HEAD).tuples().all())
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
        "signature": _signature(session, user_login, event_hash),
    })
    count = int(meta.get(COUNT_KEY) or "0") + 1
    connection.execute(_upsert_meta(connection.dialect.name), [
        {"key": HEAD_KEY, "value": event_hash}, {"key": COUNT_KEY, "value": str(count)},
    ])
    return event_hash


def _record_on_server(session: Session, user_login: str, action: str, entity: str,
                      entity_id: int | None, citizen_id: int | None, detail: str,
                      occurred_at: str | None) -> str:
    """The team server computes the chain itself (the same :func:`compute_hash`) and names
    the connected login as the actor: a client can neither choose the hash nor speak for
    someone else. ``user_login``/``occurred_at`` are honoured for a superuser only.
    Events are not signed: the server has authenticated the person."""
    return str(session.execute(audit_log.log_event_on_server(), {
        "action": action, "entity": entity, "entity_id": entity_id,
        "citizen_id": citizen_id, "detail": detail, "claimed_login": user_login,
        "occurred_at": occurred_at}).scalar_one())


def read_anchor(session: Session) -> ChainAnchor | None:
    """The anchor stored by the last pruning, or None for a chain that starts at genesis."""
    meta = dict(session.execute(audit_log.meta_values(
        (ANCHOR_HASH_KEY, ANCHOR_ID_KEY, PRUNED_KEY))).tuples().all())
    if not meta.get(ANCHOR_HASH_KEY):
        return None
    return ChainAnchor(meta[ANCHOR_HASH_KEY], int(meta.get(ANCHOR_ID_KEY) or 0),
                       int(meta.get(PRUNED_KEY) or 0))


def verify_chain(session: Session, anchor: ChainAnchor | None = None) -> ChainReport:
    """Walk the whole log: any altered, inserted or removed row breaks the chain.

    After pruning the walk starts from the anchor (``anchor``, else the one stored in
    ``app_meta``): the first kept event must carry the anchor's hash as its prev_hash, so
    removing kept events at the start shows as well as anywhere else.
    """
    anchor = anchor or read_anchor(session)
    expected_prev = anchor.prev_hash if anchor else GENESIS_HASH
    pruned = anchor.pruned if anchor else 0
    checked = 0
    query = audit_log.events_in_order(anchor.first_id if anchor else None)
    for event in session.scalars(query).yield_per(2000):
        if event.prev_hash != expected_prev:
            return ChainReport(False, checked, "Der mangler eller er indsat hændelser i loggen",
                               event.id)
        if compute_hash(event) != event.hash:
            return ChainReport(False, checked, "En hændelse i loggen er ændret", event.id)
        expected_prev = event.hash
        checked += 1
    if anchor and session.scalar(audit_log.any_event_before(anchor.first_id)) is not None:
        return ChainReport(False, checked, "Der er indsat hændelser før loggens anker")
    head = session.get(AppMeta, HEAD_KEY)
    count = session.get(AppMeta, COUNT_KEY)
    if (head.value if head else "") not in ("", expected_prev) or (
        count is not None and count.value and int(count.value) != checked + pruned
    ):
        return ChainReport(False, checked, "De seneste hændelser i loggen er fjernet")
    return ChainReport(True, checked)


def verify_chain_since(session: Session, event_id: int, event_hash: str) -> ChainReport:
    """The events after one already verified (this PC's witness): each links to the one
    before and hashes to what it says, and the counters name the newest. Cheap at every
    unlock, where a walk of the whole log would not be."""
    expected_prev, checked = event_hash, 0
    for event in session.scalars(audit_log.events_in_order(event_id + 1)).yield_per(2000):
        if event.prev_hash != expected_prev:
            return ChainReport(False, checked, "Der mangler eller er indsat hændelser i loggen",
                               event.id)
        if compute_hash(event) != event.hash:
            return ChainReport(False, checked, "En hændelse i loggen er ændret", event.id)
        expected_prev = event.hash
        checked += 1
    head = session.get(AppMeta, HEAD_KEY)
    if (head.value if head else "") not in ("", expected_prev):
        return ChainReport(False, checked, "De seneste hændelser i loggen er fjernet")
    return ChainReport(True, checked)


def prune(session: Session, user_login: str, cutoff: str) -> int:
    """Remove the events before the first one at or after ``cutoff`` (ISO UTC); returns
    how many. Runs in the caller's write transaction.

    The removal itself is logged first, so at least that event is kept; the anchor
    (prev_hash of the first kept event) is stored before the DELETE, which the trigger
    only allows below the anchor id and for events older than ``RETENTION_MONTHS``.
    """
    if session.connection().dialect.name == SERVER_DIALECT:
        removed = int(session.execute(audit_log.prune_on_server(), {"cutoff": cutoff})
                      .scalar_one())
        session.expire_all()
        return removed
    first_recent = session.scalar(audit_log.first_event_since(cutoff))
    removed = session.scalar(audit_log.count_events_before(first_recent)) or 0
    if not removed:
        return 0
    record(session, user_login, Action.PRUNE, entity="audit_event",
           detail=f"Adgangsloggen beskåret: {removed} hændelser før {cutoff[:10]} slettet")
    first_kept = session.scalar(audit_log.first_event_since(cutoff))
    kept = session.get(AuditEvent, first_kept)
    assert kept is not None
    previous = read_anchor(session)
    connection = session.connection()
    connection.execute(_upsert_meta(connection.dialect.name), [
        {"key": ANCHOR_HASH_KEY, "value": kept.prev_hash},
        {"key": ANCHOR_ID_KEY, "value": str(first_kept)},
        {"key": PRUNED_KEY, "value": str((previous.pruned if previous else 0) + removed)},
    ])
    connection.execute(audit_log.delete_events_before(kept.id))
    session.expire_all()
    return removed
