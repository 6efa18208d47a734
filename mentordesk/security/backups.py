"""Backups: on demand, automatic on close (daily and monthly, rotated), and restore.

A backup is a consistent copy through the SQLite backup API, keyed with the database's
own raw key (``mentordesk.storage.backup.write_backup``), so the team passphrase (or this
PC's remembered key) opens it. A restore verifies a *copy* of the backup beside the
target (cipher HMACs, SQLite structure, references, audit chain) before anything is
replaced, and keeps the replaced file as a backup too.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from mentordesk.errors import CannotOpenDatabase, MentorDeskError
from mentordesk.security.integrity import IntegrityReport, check_database
from mentordesk.storage.backup import (
    backup_folder_for,
    timestamped_backup_path,
    write_backup,
)
from mentordesk.storage.database import Database, refuse_foreign_database
from mentordesk.storage.engine import RawKey, check_looks_encrypted, open_engine

KEEP_DAILY = 14
KEEP_MONTHLY = 12
DAILY, MONTHLY = "dagligt", "maanedligt"
_SIDE_SUFFIXES = ("-wal", "-shm", "-journal")


class RestoreRefused(MentorDeskError):
    """The backup failed its checks, or the file is in use: nothing was replaced."""


@dataclass(frozen=True)
class RestoreResult:
    restored: Path
    replaced_copy: Path | None
    report: IntegrityReport


def backup_now(database: Database, destination: Path) -> Path:
    """``mentordesk backup``: one consistent, encrypted copy at ``destination``."""
    destination = Path(destination)
    if destination.resolve() == database.path.resolve():
        raise MentorDeskError("En sikkerhedskopi kan ikke skrives oven i selve databasen.")
    return write_backup(database.engine, database.raw_key, destination)


# -- automatic backups on close -------------------------------------------------------


def automatic_folder(database_path: Path) -> Path:
    return backup_folder_for(database_path) / "automatisk"


def _daily_name(database_path: Path, day: date) -> str:
    return f"{database_path.stem}-{DAILY}-{day.isoformat()}{database_path.suffix}"


def _monthly_name(database_path: Path, day: date) -> str:
    return f"{database_path.stem}-{MONTHLY}-{day:%Y-%m}{database_path.suffix}"


def automatic_backup(database: Database, today: date | None = None) -> Path | None:
    """Take today's backup unless there is one, keep a monthly copy, rotate the rest.

    Returns the new daily backup, or None when today's already existed. Called when the
    app closes, so it costs one backup per day at most.
    """
    today = today or date.today()
    folder = automatic_folder(database.path)
    daily = folder / _daily_name(database.path, today)
    made = None
    if not daily.exists():
        made = write_backup(database.engine, database.raw_key, daily)
    monthly = folder / _monthly_name(database.path, today)
    if not monthly.exists():
        _copy_atomically(daily, monthly)
    rotate(folder, database.path)
    return made


@dataclass(frozen=True)
class ClosingResult:
    backup: Path | None  # today's new daily backup; None when it existed already
    pruned: int | None  # access-log events removed; None when pruning did not run


def closing_backup(database: Database, login: str | None = None,
                   today: date | None = None) -> ClosingResult:
    """What the app does when it closes or locks: the day's backup, then retention pruning
    of the access log (at most once a day, never on a broken chain).

    The pruning runs only once the backup has been written (an exception from the backup
    stops here), so the pruned events are still in the newest backups. ``mentordesk
    backup`` does not prune: on the command line pruning stays an explicit command.
    """
    from mentordesk.audit_admin.retention import prune_expired
    from mentordesk.vault import current_login

    made = automatic_backup(database, today)
    pruned = prune_expired(database, login or current_login(), today)
    return ClosingResult(made, pruned)


def rotate(folder: Path, database_path: Path) -> list[Path]:
    """Keep the newest 14 daily and 12 monthly backups; returns what was removed."""
    removed: list[Path] = []
    for kind, keep in ((DAILY, KEEP_DAILY), (MONTHLY, KEEP_MONTHLY)):
        pattern = re.compile(
            re.escape(f"{database_path.stem}-{kind}-") + r"(\d{4}-\d{2}(?:-\d{2})?)"
            + re.escape(database_path.suffix) + "$"
        )
        # ISO dates sort as text, so the newest come last.
        found = sorted((match.group(1), entry) for entry in folder.iterdir()
                       if (match := pattern.match(entry.name)))
        for _stamp, old in found[:-keep] if len(found) > keep else []:
            old.unlink()
            removed.append(old)
    return removed


def _copy_atomically(source: Path, destination: Path) -> None:
    temporary = destination.with_name(destination.name + ".tmp")
    shutil.copyfile(source, temporary)
    _fsync(temporary)
    os.replace(temporary, destination)


def _fsync(path: Path) -> None:
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


# -- verification and restore -----------------------------------------------------------


def verify_backup(backup: Path, raw_key: RawKey) -> IntegrityReport:
    """Check a backup without changing it: a copy is opened, never the file itself."""
    # The copy is encrypted like the backup; a temporary folder keeps a read-only backup
    # folder usable.
    with tempfile.TemporaryDirectory(prefix="mentordesk-kontrol-") as folder:
        staging = Path(folder) / Path(backup).name
        _copy_atomically(Path(backup), staging)
        try:
            return _verify_file(staging, raw_key)
        finally:
            _remove_with_side_files(staging)


def _verify_file(path: Path, raw_key: RawKey) -> IntegrityReport:
    check_looks_encrypted(path)
    engine = open_engine(path, raw_key, pooled=False)
    try:
        refuse_foreign_database(engine, path)
        return check_database(Database(path, raw_key, engine), witnessed=False)
    finally:
        engine.dispose()


def restore_backup(backup: Path, target: Path, raw_key: RawKey, *,
                   current: Database | None = None) -> RestoreResult:
    """Replace ``target`` with ``backup`` once a copy of the backup has passed every check.

    ``raw_key`` opens the backup (it may predate a passphrase change). ``current``, if
    given, is the target opened with its own key: its consistent snapshot is kept as the
    "before restore" backup, and it is closed here. Without it the target's bytes (and
    any write-ahead log) are copied as they are.
    """
    backup, target = Path(backup), Path(target)
    check_looks_encrypted(backup)
    if target.exists() and target.resolve() == backup.resolve():
        raise RestoreRefused("Sikkerhedskopien og databasen er den samme fil.")
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = _staging_path(target)
    try:
        _copy_atomically(backup, staging)
        report = _verify_file(staging, raw_key)
        if not report.ok:
            raise RestoreRefused(
                "Sikkerhedskopien bestod ikke kontrollen, og intet er erstattet: "
                + "; ".join(line for line in report.lines() if line.startswith("FEJL")) + "."
            )
        replaced = _keep_replaced_file(target, current)
        for suffix in _SIDE_SUFFIXES:
            # A log left by the old file would be replayed into the restored one.
            target.with_name(target.name + suffix).unlink(missing_ok=True)
        os.replace(staging, target)
        _fsync_folder(target.parent)
    except CannotOpenDatabase as error:
        raise RestoreRefused(f"Sikkerhedskopien kan ikke bruges, og intet er erstattet: "
                             f"{error}") from error
    finally:
        _remove_with_side_files(staging)
    return RestoreResult(restored=target, replaced_copy=replaced, report=report)


def _keep_replaced_file(target: Path, current: Database | None) -> Path | None:
    if not target.exists():
        if current is not None:
            current.close()
        return None
    destination = timestamped_backup_path(target, "foer-gendannelse")
    if current is not None:
        try:
            write_backup(current.engine, current.raw_key, destination)
        finally:
            current.close()
        return destination
    destination.parent.mkdir(parents=True, exist_ok=True)
    _copy_atomically(target, destination)
    wal = target.with_name(target.name + "-wal")
    if wal.exists() and wal.stat().st_size:
        _copy_atomically(wal, destination.with_name(destination.name + "-wal"))
    return destination


def _staging_path(near: Path) -> Path:
    return near.with_name(f".{near.name}.{os.getpid()}.gendan")


def _remove_with_side_files(path: Path) -> None:
    for suffix in ("", *_SIDE_SUFFIXES):
        path.with_name(path.name + suffix).unlink(missing_ok=True)


def _fsync_folder(folder: Path) -> None:
    if os.name != "posix":
        return  # Windows cannot open a folder for fsync; NTFS journals the rename
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
