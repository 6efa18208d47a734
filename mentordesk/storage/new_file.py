"""A new database is built under a temporary name beside its place and renamed at the end.

``init`` and ``demo`` fill a new file in many transactions. Killed half-way, a file at the
real name would pass ``check`` (it is a sound, if half-filled, database) and block a
retry ("findes allerede"). So the file is built as ``.<name>.<pid>.ny`` in the same
folder (a rename never crosses file systems) and moved into place only when complete.
A build left by a killed run is ignored, and removed at the next attempt once it is
clearly dead (its process is gone, or it has not been written for ten minutes). Files
written beside the database under its name (``<name><suffix>``, e.g. a key file) move
with it.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Callable
from pathlib import Path

from mentordesk.errors import CannotOpenDatabase
from mentordesk.storage.database import Database
from mentordesk.storage.engine import driver_connection

_SIDE_SUFFIXES = ("-wal", "-shm", "-journal")
# A build commits at least every few seconds; one silent for this long was killed.
STALE_AFTER_S = 600


def build_then_move(path: Path, build: Callable[[Path], Database]) -> Database:
    """``build(temporary)`` creates and fills the database at a temporary name; then it is
    moved to ``path`` (never over an existing file) and returned open there. On any
    failure nothing is left at either name."""
    path = Path(path)
    if path.exists():
        raise CannotOpenDatabase(f"Filen {path.name} findes allerede og bliver ikke overskrevet.")
    path.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_builds(path)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.ny")
    try:
        database = build(temporary)
    except BaseException:
        _remove_with_side_files(temporary)
        raise
    try:
        _move_into_place(database, path)
    except BaseException:
        database.close()
        _remove_with_side_files(temporary)
        raise
    return database


def remove_stale_builds(path: Path) -> list[Path]:
    """Remove the temporary files of builds of ``path`` that a killed run left behind."""
    pattern = re.compile(r"\.+" + re.escape(path.name) + r"\.(\d+)\.ny")
    removed = []
    for entry in path.parent.iterdir():
        match = pattern.match(entry.name)
        if match and entry.name.endswith(".ny") and _is_stale(entry, int(match.group(1))):
            _remove_with_side_files(entry)
            removed.append(entry)
    return removed


def _is_stale(build: Path, process_id: int) -> bool:
    if process_id != os.getpid() and not _process_alive(process_id):
        return True
    written = [side.stat().st_mtime for side in _with_side_files(build) if side.exists()]
    return not written or time.time() - max(written) > STALE_AFTER_S


def _process_alive(process_id: int) -> bool:
    if os.name != "posix":
        return True  # no cheap check on Windows: the age decides
    try:
        os.kill(process_id, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    return True


def _move_into_place(database: Database, path: Path) -> None:
    """Fold the write-ahead log into the file, close it, rename it, open it at ``path``."""
    with database.engine.connect() as connection:
        driver_connection(connection).execute("PRAGMA wal_checkpoint(TRUNCATE)")
    database.engine.dispose()
    temporary = database.path
    companions = _companions(temporary)
    _rename_without_replacing(temporary, path)
    for side in _with_side_files(temporary)[1:]:
        side.unlink(missing_ok=True)
    for companion in companions:
        _rename_without_replacing(
            companion, path.with_name(path.name + companion.name[len(temporary.name):]))
    _fsync_folder(path.parent)
    database.path = path
    database.rebind(database.raw_key)


def _rename_without_replacing(source: Path, target: Path) -> None:
    """Windows' rename never replaces; on POSIX a hard link does the same atomically."""
    if os.name != "posix":
        os.rename(source, target)
        return
    try:
        os.link(source, target)
    except FileExistsError:
        raise CannotOpenDatabase(
            f"Filen {target.name} findes allerede og bliver ikke overskrevet.") from None
    except OSError:
        # A file system without hard links (some network shares): check, then rename.
        if target.exists():
            raise CannotOpenDatabase(
                f"Filen {target.name} findes allerede og bliver ikke overskrevet.") from None
        os.replace(source, target)
        return
    source.unlink()


def _companions(path: Path) -> list[Path]:
    """Files the build wrote beside the database under its name, SQLite's own excepted."""
    own = {side.name for side in _with_side_files(path)}
    return [entry for entry in path.parent.iterdir()
            if entry.name.startswith(path.name) and entry.name not in own]


def _with_side_files(path: Path) -> list[Path]:
    return [path, *(path.with_name(path.name + suffix) for suffix in _SIDE_SUFFIXES)]


def _remove_with_side_files(path: Path) -> None:
    for side in _with_side_files(path) + _companions(path):
        side.unlink(missing_ok=True)


def _fsync_folder(folder: Path) -> None:
    if os.name != "posix":
        return  # Windows cannot open a folder for fsync; NTFS journals the rename
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
