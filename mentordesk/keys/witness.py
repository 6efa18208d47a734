"""This PC's witness of each database's access log, and the log check at every unlock.

Someone with the database key can replace the file with an older copy, or cut events off
the end of the log and fix the counters: the chain itself then still verifies. Each PC
therefore remembers, per file id, the newest event it has seen (id and hash) and the
count; a file whose log no longer contains that event, or counts fewer events, has been
rolled back or truncated, and the app says so loudly and logs it.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from mentordesk import audit
from mentordesk.files import write_atomically
from mentordesk.keys.registry import verify_signatures
from mentordesk.paths import state_dir
from mentordesk.storage.audit_guard import trigger_problems
from mentordesk.storage.database import Database
from mentordesk.storage.models import AppMeta
from mentordesk.storage.queries import audit_log

_WITNESS_FILE = "log-witness.json"

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ChainHead:
    event_id: int
    hash: str
    count: int

    def to_json(self) -> dict[str, object]:
        return {"id": self.event_id, "hash": self.hash, "count": self.count}


def chain_head(session: Session) -> ChainHead | None:
    last_id = session.scalar(audit_log.last_event_id())
    if last_id is None:
        return None
    event_hash = session.scalar(audit_log.event_hash(last_id)) or ""
    count = session.get(AppMeta, audit.COUNT_KEY)
    return ChainHead(last_id, event_hash, int(count.value) if count and count.value else 0)


def rollback_problem(session: Session, file_id: str) -> str:
    """Why this file's log does not extend what this PC saw last ("" when it does)."""
    seen = _seen_head(file_id)
    if seen is None:
        return ""
    seen_id, seen_hash, seen_count = seen.event_id, seen.hash, seen.count
    anchor = audit.read_anchor(session)
    if anchor is not None and seen_id < anchor.first_id:
        return ""  # pruned by retention since: nothing left to compare
    head = chain_head(session)
    if head is None or head.count < seen_count:
        return (f"Adgangsloggen har færre hændelser ({head.count if head else 0}) end denne pc "
                f"har set ({seen_count}): filen er afkortet eller erstattet af en ældre kopi.")
    if session.scalar(audit_log.event_hash(seen_id)) != seen_hash:
        return (f"Adgangsloggen indeholder ikke længere hændelse nr. {seen_id}, som denne pc "
                "har set: filen er rullet tilbage eller loggen er ændret.")
    return ""


def inspect_log(database: Database, file_id: str, login: str) -> str:
    """At unlock: what is wrong with the access log as far as this PC can tell ("" when
    nothing) — missing or altered triggers, a rollback or truncation, and any change,
    gap or bad signature among the events since this PC last saw the log (all of them on
    a PC that never saw it). Logged in the file itself, so the next review shows it too.
    The witness is not moved on here: ``check`` must still fail until someone has looked
    (it moves on when the app or the command closes the file)."""
    with database.read_session() as session:
        problems = [f"Loggens beskyttelse: {problem}" for problem in trigger_problems(session)]
        rollback = rollback_problem(session, file_id)
        problems += [rollback] if rollback else _changes_since_seen(session, file_id)
    problem = " ".join(problems)
    if problem:
        log.warning("Access log problem detected at unlock for file %s", file_id)
        with database.session() as session:
            audit.record(session, login, audit.Action.LOG_WARNING, entity="database",
                         detail=f"Advarsel på denne pc: {problem}")
    return problem


def _changes_since_seen(session: Session, file_id: str) -> list[str]:
    seen = _seen_head(file_id)
    anchor = audit.read_anchor(session)
    if seen is None or (anchor is not None and seen.event_id < anchor.first_id):
        chain = audit.verify_chain(session)
        signatures = verify_signatures(session)
    else:
        chain = audit.verify_chain_since(session, seen.event_id, seen.hash)
        signatures = verify_signatures(session, after_id=seen.event_id)
    return [report.problem + "." for report in (chain, signatures) if not report.ok]


def _seen_head(file_id: str) -> ChainHead | None:
    seen = _seen().get(file_id)
    if not isinstance(seen, dict):
        return None
    return ChainHead(int(seen["id"]), str(seen["hash"]), int(seen["count"]))


def remember_head(database: Database, file_id: str) -> None:
    """Note the newest event as seen (after a check, at unlock and when closing)."""
    with database.read_session() as session:
        head = chain_head(session)
    if head is None:
        return
    seen = _seen()
    seen[file_id] = head.to_json()
    try:
        write_atomically(_witness_path(), json.dumps(seen).encode("utf-8"))
    except OSError:
        log.warning("Could not update this PC's witness of the access log")


def forget_file(file_id: str) -> None:
    """A deliberate restore of an older backup: the rollback is intended, not an attack."""
    seen = _seen()
    if seen.pop(file_id, None) is not None:
        write_atomically(_witness_path(), json.dumps(seen).encode("utf-8"))


def _witness_path() -> Path:
    return state_dir() / _WITNESS_FILE


def _seen() -> dict[str, object]:
    try:
        seen = json.loads(_witness_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return seen if isinstance(seen, dict) else {}
