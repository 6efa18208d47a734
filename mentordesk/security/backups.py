"""Backups: on demand, automatic on close (daily and monthly, rotated), and restore.

A backup is a consistent copy through the SQLite backup API, keyed with the database's
own raw key (``mentordesk.storage.backup.write_backup``), so the team passphrase (or this
PC's remembered key) opens it. A restore verifies a *copy* of the backup beside the
target (cipher HMACs, SQLite structure, references, audit chain) before anything is
replaced, refuses another database's backup unless confirmed, re-applies later deletions
to the copy, keeps the replaced content as a backup, and writes the copy into the live
file under the restore mark (``mentordesk.storage.restore_swap``), so no acknowledged
write is lost and the file keeps its own key.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from mentordesk.errors import CannotOpenDatabase, MentorDeskError
from mentordesk.security.integrity import IntegrityReport, check_database
from mentordesk.security.lock import refuse_if_open_elsewhere
from mentordesk.storage.backup import (
    backup_folder_for,
    rotate_event_backups,
    timestamped_backup_path,
    write_backup,
)
from mentordesk.storage.database import (
    FILE_ID_KEY,
    TEAM_NAME_KEY,
    Database,
    refuse_foreign_database,
)
from mentordesk.storage.engine import RawKey, check_looks_encrypted, open_engine
from mentordesk.storage.migrate import upgrade_to_head
from mentordesk.storage.restore_swap import (
    copy_into,
    deletion_register,
    forget_other_times,
    marked_for_restore,
    reapply_deletions,
)

KEEP_DAILY = 14
KEEP_MONTHLY = 12
DAILY, MONTHLY = "dagligt", "maanedligt"
BEFORE_RESTORE = "foer-gendannelse"
_SIDE_SUFFIXES = ("-wal", "-shm", "-journal")


class RestoreRefused(MentorDeskError):
    """The backup failed its checks, or the file is in use: nothing was replaced."""


@dataclass(frozen=True)
class RestoreResult:
    restored: Path
    replaced_copy: Path | None  # the content the restore replaced, kept as a backup
    report: IntegrityReport
    deletions_reapplied: int = 0  # citizens deleted after the backup was taken


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


def closing_backup(database: Database, today: date | None = None) -> ClosingResult:
    """What the app does when it closes or locks: the day's backup, then retention pruning
    of the access log (at most once a day, never on a broken chain).

    The pruning runs only once the backup has been written (an exception from the backup
    stops here), so the pruned events are still in the newest backups. ``mentordesk
    backup`` does not prune: on the command line pruning stays an explicit command.
    """
    from mentordesk.audit_admin.retention import prune_expired
    from mentordesk.vault import require_identity

    made = automatic_backup(database, today)
    # Logged, and signed, as whoever unlocked the file on this PC.
    pruned = prune_expired(database, require_identity(database).login, today)
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


@dataclass(frozen=True)
class BackupFacts:
    """What checking a backup found: the checks, and whose database it is a copy of."""

    report: IntegrityReport
    file_id: str
    team_name: str


def verify_backup(backup: Path, raw_key: RawKey) -> IntegrityReport:
    """Check a backup without changing it: a copy is opened, never the file itself."""
    return examine_backup(backup, raw_key).report


def examine_backup(backup: Path, raw_key: RawKey) -> BackupFacts:
    """``verify_backup`` plus the backup's file id and team name."""
    # The copy is encrypted like the backup; a temporary folder keeps a read-only backup
    # folder usable.
    with tempfile.TemporaryDirectory(prefix="mentordesk-kontrol-") as folder:
        staging = Path(folder) / Path(backup).name
        _copy_atomically(Path(backup), staging)
        try:
            return _examine_file(staging, raw_key)
        finally:
            _remove_with_side_files(staging)


def _verify_file(path: Path, raw_key: RawKey) -> IntegrityReport:
    return _examine_file(path, raw_key).report


def _examine_file(path: Path, raw_key: RawKey) -> BackupFacts:
    check_looks_encrypted(path)
    engine = open_engine(path, raw_key, pooled=False)
    try:
        refuse_foreign_database(engine, path)
        database = Database(path, raw_key, engine)
        return BackupFacts(check_database(database, witnessed=False), database.meta(FILE_ID_KEY),
                           database.meta(TEAM_NAME_KEY))
    finally:
        engine.dispose()


class OtherDatabase(RestoreRefused):
    """The backup is of another database (another file id): never restored over this one.
    (With personal keys another team's backup does not even open with this database's
    key; the file id is checked as well, in case a key file was copied with it.)"""


def restore_backup(backup: Path, target: Path, raw_key: RawKey, *,
                   current: Database | None = None,
                   guard: Callable[[Database], None] = refuse_if_open_elsewhere,
                   ) -> RestoreResult:
    """Replace ``target``'s content with ``backup`` once a copy of it passed every check.

    ``raw_key`` opens the backup (it may predate a passphrase change). ``current`` is the
    target opened with its own key (else it is opened here with ``raw_key``; a target
    that will not open is refused: nobody could tell who has it open). It stays open and
    on its own key; the caller closes it. ``guard(live)`` refuses while others have the
    file open. A backup of another database is refused.
    Deletions in the live register that the backup predates are re-applied first.
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
        if not target.exists():
            _become_target(staging, raw_key, target)
            return RestoreResult(restored=target, replaced_copy=None, report=report)
        replaced, reapplied = _replace_content(staging, raw_key, target, current, guard)
    except CannotOpenDatabase as error:
        raise RestoreRefused(f"Sikkerhedskopien kan ikke bruges, og intet er erstattet: "
                             f"{error}") from error
    finally:
        _remove_with_side_files(staging)
    return RestoreResult(restored=target, replaced_copy=replaced, report=report,
                         deletions_reapplied=reapplied)


def _replace_content(staging: Path, raw_key: RawKey, target: Path, current: Database | None,
                     guard: Callable[[Database], None]) -> tuple[Path, int]:
    """Write the checked copy into the live file under the restore mark; returns the
    "before" copy and how many later deletions were re-applied."""
    live = current or _open_live(target, raw_key)
    try:
        copy = _open_copy(staging, raw_key)
        try:
            if copy.meta(FILE_ID_KEY) != live.meta(FILE_ID_KEY):
                raise _other_database(copy, live)
            forget_other_times(copy)
            before = timestamped_backup_path(target, BEFORE_RESTORE)
            with marked_for_restore(live, lambda: guard(live), before):
                reapplied = reapply_deletions(copy, deletion_register(live))
                copy_into(copy, live)
        finally:
            copy.close()
    finally:
        if current is None:
            live.close()
    rotate_event_backups(target, BEFORE_RESTORE)
    return before, reapplied


def _become_target(staging: Path, raw_key: RawKey, target: Path) -> None:
    """Nobody can have a missing file open: the checked copy simply becomes it."""
    copy = _open_copy(staging, raw_key)
    try:
        forget_other_times(copy)
    finally:
        copy.close()
    os.replace(staging, target)
    _fsync_folder(target.parent)


def _open_live(target: Path, raw_key: RawKey) -> Database:
    try:
        return Database.open(target, raw_key)
    except CannotOpenDatabase as error:
        raise RestoreRefused(
            f"Databasen {target.name} kan ikke åbnes med sikkerhedskopiens nøgle, så det kan "
            "ikke ses, om andre har den åben. Intet er erstattet. Er databasen beskadiget, "
            "så flyt den til en anden mappe, og gendan igen.") from error


def _open_copy(staging: Path, raw_key: RawKey) -> Database:
    """The checked copy, at the newest schema (no backup of a throw-away copy first)."""
    engine = open_engine(staging, raw_key, pooled=False)
    try:
        upgrade_to_head(engine, staging, raw_key, backup_first=False)
    except Exception:
        engine.dispose()
        raise
    return Database(staging, raw_key, engine)


def _other_database(copy: Database, live: Database) -> OtherDatabase:
    """A backup is of this database when it carries the same file id (made at creation,
    kept by every backup): another team's backup never replaces this one."""
    return OtherDatabase(
        f"Sikkerhedskopien er af en anden database (teamet »{copy.meta(TEAM_NAME_KEY)}«), "
        f"ikke af denne (teamet »{live.meta(TEAM_NAME_KEY)}«). Intet er erstattet.")


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
