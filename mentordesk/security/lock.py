"""The lock record: who has the file open right now (``open_session`` rows).

Each running app registers one row when it opens the file and refreshes ``seen_at``
while it stays open (a heartbeat). A row whose heartbeat is older than ``STALE_AFTER``
belongs to an app that crashed or lost its network share: it is ignored and cleaned up
by the next registration. The record is a courtesy display and a guard for operations
that would break other users' connections (rekey, restore); it is not a lock the
database relies on (SQLite's own locks are).
"""

from __future__ import annotations

import logging
import os
import socket
from dataclasses import dataclass
from datetime import datetime, timedelta

from mentordesk.errors import MentorDeskError
from mentordesk.storage.database import Database
from mentordesk.storage.models import OpenSession
from mentordesk.storage.models.base import utc_now
from mentordesk.storage.queries import open_sessions

log = logging.getLogger(__name__)

HEARTBEAT_SECONDS = 60
# Three missed heartbeats: a sleeping laptop or a crash, not a user at work.
STALE_AFTER = timedelta(seconds=3 * HEARTBEAT_SECONDS)


@dataclass(frozen=True)
class OpenBy:
    """One other app that has the file open (no personal data: login and PC name)."""

    login: str
    host: str
    process_id: int
    opened_at: datetime
    seen_at: datetime


def this_host() -> str:
    return socket.gethostname()


def register(database: Database, login: str, *, now: datetime | None = None,
             host: str | None = None, process_id: int | None = None) -> int:
    """Add this app's row (and drop stale rows); returns the row id for heartbeats."""
    now = now or utc_now()
    with database.session() as session:
        session.execute(open_sessions.remove_stale(now - STALE_AFTER))
        row = OpenSession(login=login, host=host or this_host(),
                          process_id=os.getpid() if process_id is None else process_id,
                          opened_at=now, seen_at=now)
        session.add(row)
        session.flush()
        return row.id


def heartbeat(database: Database, session_id: int, *, now: datetime | None = None) -> None:
    """Refresh our row; re-creates nothing (a row removed by a restore stays removed)."""
    with database.session() as session:
        session.execute(open_sessions.touch(session_id, now or utc_now()))


def release(database: Database, session_id: int) -> None:
    with database.session() as session:
        session.execute(open_sessions.remove(session_id))


def release_quietly(database: Database, session_id: int | None) -> None:
    """Remove our row if we have one; a failure is only logged (closing goes on)."""
    if session_id is None:
        return
    try:
        release(database, session_id)
    except Exception:  # noqa: BLE001 - a stale row is ignored by others after 3 min
        log.warning("Could not remove the lock record")


def clear(database: Database) -> None:
    """After a restore: the copy's rows describe who had the file open back then."""
    with database.session() as session:
        session.execute(open_sessions.remove_all())


def others(database: Database, session_id: int | None = None, *,
           now: datetime | None = None) -> list[OpenBy]:
    """Everyone else with a fresh heartbeat, oldest first."""
    now = now or utc_now()
    with database.read_session() as session:
        rows = session.scalars(open_sessions.fresh_since(now - STALE_AFTER)).all()
    return [OpenBy(row.login, row.host, row.process_id, row.opened_at, row.seen_at)
            for row in rows if row.id != session_id]


class OpenElsewhere(MentorDeskError):
    """Someone else has the file open: rekey and restore would break their connections."""


def others_than_this_app(database: Database) -> list[OpenBy]:
    """The lock record without this very process (same PC and process id): the GUI's own
    row is not a reason to refuse, and a command line process has none."""
    host, pid = this_host(), os.getpid()
    return [entry for entry in others(database) if (entry.host, entry.process_id) != (host, pid)]


def refuse_if_open_elsewhere(database: Database) -> None:
    busy = others_than_this_app(database)
    if busy:
        raise OpenElsewhere("Databasen er åben hos " + ", ".join(describe(busy))
                            + ". Bed dem lukke MentorDesk, og prøv igen.")


def describe(entries: list[OpenBy]) -> list[str]:
    """Danish lines for the display: "login på PC (siden kl. 09.12)"."""
    return [f"{entry.login} på {entry.host or 'ukendt pc'}" for entry in entries]
