"""Encrypted, consistent copies of a database through the SQLite backup API."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

import sqlcipher3
from sqlalchemy import Engine

from mentordesk.storage.engine import RawKey, driver_connection


def backup_folder_for(database: Path) -> Path:
    return database.parent / f"{database.stem}-backups"


def timestamped_backup_path(database: Path, reason: str) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    return backup_folder_for(database) / f"{database.stem}-{reason}-{stamp}{database.suffix}"


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
