"""Encrypted, consistent copies of a database through the SQLite backup API."""

from __future__ import annotations

import os
import re
from datetime import datetime
from pathlib import Path

import sqlcipher3
from sqlalchemy import Engine

from mentordesk.storage.engine import RawKey, driver_connection


def backup_folder_for(database: Path) -> Path:
    return database.parent / f"{database.stem}-backups"


# Backups taken before an import or a restore rotate like the daily ones: a deleted case
# must not live on for ever in copies nobody asked for.
KEEP_EVENT_BACKUPS = 14
_STAMP_FORMAT = "%Y%m%d-%H%M%S-%f"
_STAMP_PATTERN = r"\d{8}-\d{6}-\d{6}"


def timestamped_backup_path(database: Path, reason: str) -> Path:
    stamp = datetime.now().strftime(_STAMP_FORMAT)
    return backup_folder_for(database) / f"{database.stem}-{reason}-{stamp}{database.suffix}"


def rotate_event_backups(database: Path, reason: str,
                         keep: int = KEEP_EVENT_BACKUPS) -> list[Path]:
    """Keep the newest ``keep`` backups named by ``timestamped_backup_path(database,
    reason)``; returns what was removed."""
    folder = backup_folder_for(database)
    if not folder.is_dir():
        return []
    pattern = re.compile(re.escape(f"{database.stem}-{reason}-") + _STAMP_PATTERN
                         + re.escape(database.suffix) + "$")
    # The time stamp sorts as text, so the newest come last.
    found = sorted(entry for entry in folder.iterdir() if pattern.match(entry.name))
    removed = found[:-keep] if len(found) > keep else []
    for old in removed:
        _remove_with_side_files(old)
    return removed


def _remove_with_side_files(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)


def write_backup(engine: Engine, raw_key: RawKey, destination: Path) -> Path:
    """Copy the live database into a new file keyed with the same key, atomically.

    The backup API gives a consistent snapshot even while others write; the copy is
    written beside its destination under a temporary name and renamed only when complete,
    so a crash never leaves a half backup that looks whole.
    """
    destination.parent.mkdir(parents=True, exist_ok=True)
    temporary = destination.with_name(destination.name + ".tmp")
    if temporary.exists():
        temporary.unlink()
    target = sqlcipher3.connect(str(temporary))
    try:
        target.execute(f'PRAGMA key = "{raw_key.pragma_value()}"')
        with engine.connect() as connection:
            source = driver_connection(connection)
            source.backup(target)
    finally:
        target.close()
    _fsync(temporary)
    os.replace(temporary, destination)
    return destination


def _fsync(path: Path) -> None:
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())
