"""Putting a checked copy into the live file without losing an acknowledged write.

A restore cannot rename a new file over the live one: another process still holding the
old file would go on committing into a file nobody opens again. Instead the copy's pages
are written into the live file through SQLite's backup API, under the live file's own key
(so the file never moves back to a backup's old key), and every connection, in this
process or another, reads the restored content at its next transaction.

Between saving the "before" copy and writing the restored pages, the restore mark in
``app_meta`` makes every writer refuse inside its own transaction (``Database.session``).
The mark is set in the same write transaction that checked who has the file open, and the
"before" copy is read while that transaction still holds the write lock: the copy holds
exactly the commits before the mark. So a writer either committed before it (and its
change is in the copy the user is told about) or waits for the restored content or is
refused with a message; none is silently lost.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from mentordesk.storage.backup import write_backup
from mentordesk.storage.database import RESTORE_MARK_KEY, Database
from mentordesk.storage.engine import driver_connection
from mentordesk.storage.maintenance import compact_file, overwrite_freed_pages
from mentordesk.storage.models import AppMeta, DeletedCitizen
from mentordesk.storage.models.base import utc_now
from mentordesk.storage.queries import citizen_data, open_sessions, settings


@dataclass(frozen=True)
class Deletion:
    """One entry of the deletion register (no personal data)."""

    citizen_id: int
    deleted_at: datetime
    deleted_by: str


@contextmanager
def marked_for_restore(live: Database, guard: Callable[[], None],
                       before_copy: Path) -> Iterator[None]:
    """Run ``guard`` (e.g. "nobody else has the file open") and set the restore mark in one
    write transaction, writing ``before_copy`` while that transaction holds the write lock.

    The body replaces the content (the copy it writes carries no mark); when the body
    fails, the mark is removed again so writers go on with the untouched file.
    """
    with live.session() as session:
        guard()
        session.merge(AppMeta(key=RESTORE_MARK_KEY, value=utc_now().isoformat()))
        session.flush()
        # Another connection reads the last committed state: without the mark, and with
        # no commit after it, because this transaction holds the write lock.
        write_backup(live.engine, live.raw_key, before_copy)
    try:
        yield
    except BaseException:
        _clear_restore_mark(live)
        raise


def _clear_restore_mark(database: Database) -> None:
    # Not through ``database.session()``: that would refuse because of the mark itself.
    with database.engine.begin() as connection:
        connection.execute(settings.remove_setting(RESTORE_MARK_KEY))


def forget_other_times(copy: Database) -> None:
    """A backup's lock rows (and any restore mark) describe who had the file open when it
    was taken; the restored file starts without them."""
    with copy.engine.begin() as connection:
        connection.execute(open_sessions.remove_all())
        connection.execute(settings.remove_setting(RESTORE_MARK_KEY))


def deletion_register(database: Database) -> list[Deletion]:
    with database.read_session() as session:
        return [Deletion(entry.citizen_id, entry.deleted_at, entry.deleted_by)
                for entry in session.scalars(citizen_data.deletion_register())]


def reapply_deletions(copy: Database, register: list[Deletion]) -> int:
    """Delete from ``copy`` every citizen in ``register`` that its own register lacks (the
    deletion happened after the backup) and record it; returns how many were applied.

    The freed pages are overwritten and the copy rebuilt, so the deleted case does not
    linger in the pages the restore writes into the live file.
    """
    known = {entry.citizen_id for entry in deletion_register(copy)}
    missing = [entry for entry in register if entry.citizen_id not in known]
    if not missing:
        return 0
    with copy.session() as session:
        overwrite_freed_pages(session)
        for entry in missing:
            session.execute(citizen_data.delete_citizen(entry.citizen_id))
            session.add(DeletedCitizen(citizen_id=entry.citizen_id,
                                       deleted_at=entry.deleted_at,
                                       deleted_by=entry.deleted_by))
    compact_file(copy)
    return len(missing)


def copy_into(source: Database, live: Database) -> None:
    """Write every page of ``source`` into ``live`` (one step of SQLite's backup API: the
    live file's write lock is held for the whole copy, and the live key is kept)."""
    with source.engine.connect() as reading, live.engine.connect() as writing:
        driver_connection(reading).backup(driver_connection(writing))
