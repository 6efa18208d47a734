"""Restore: written once, run by the GUI and the command line.

It replaces the file under everyone's feet, so it refuses while another app has it open
(the lock record), and it leaves the caller with a working database: the restored file,
or the untouched one after a refused restore. The GUI runs it on its worker thread;
``mentordesk restore`` calls it directly. (A person's own passphrase change touches only
their slot: ``vault.change_own_passphrase``.)

The security tab's smaller duties (who else is in, a backup now, a new recovery sheet,
checking a backup before asking to restore it) are operations here too, so the tab
only asks and shows.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from mentordesk import audit
from mentordesk.errors import CannotOpenDatabase, MentorDeskError
from mentordesk.kernel.access import require_admin
from mentordesk.kernel.changes import NOTHING, Changes, Result
from mentordesk.kernel.context import Context
from mentordesk.keys.identity import Identity
from mentordesk.keys.keyfile import key_file_path
from mentordesk.keys.witness import remember_head
from mentordesk.security import lock
from mentordesk.security.backups import OtherDatabase, RestoreRefused, RestoreResult, restore_backup
from mentordesk.storage.database import FILE_ID_KEY, Database
from mentordesk.storage.engine import RawKey, read_salt
from mentordesk.vault import reopen_as, require_identity

# -- restore ------------------------------------------------------------------------------


@dataclass(frozen=True)
class RestoreOutcome:
    """What a restore left behind.

    ``database`` is open for the caller to use (and close): the restored file, or after a
    refusal the untouched one; None only when there was no openable database before.
    ``refusal`` says why nothing was replaced (None: restored).
    """

    database: Database | None
    refusal: MentorDeskError | None = None
    restored: RestoreResult | None = None

    def lines(self) -> list[str]:
        """The checks the backup passed and where each file is now, in Danish."""
        if self.restored is None:
            return [str(self.refusal)] if self.refusal else []
        lines = list(self.restored.report.lines())
        if self.restored.deletions_reapplied:
            lines.append(f"Sletninger efter sikkerhedskopien er gentaget: "
                         f"{self.restored.deletions_reapplied} borgere")
        if self.restored.replaced_copy is not None:
            lines.append(f"Den erstattede database er gemt som: {self.restored.replaced_copy}")
        lines.append(f"Databasen er gendannet: {self.restored.restored}")
        return lines


def restore_database(target: Path, backup: Path, backup_key: RawKey, *,
                     current: Database | None = None, session_id: int | None = None,
                     identity: Identity | None = None) -> Result[RestoreOutcome]:
    """Replace ``target``'s content with ``backup`` once it has passed every check, and
    reopen it as the same person.

    ``backup_key`` is this database's key with the backup's salt: a backup under any other
    key (made before someone was removed, or another team's) cannot be opened and is
    refused, so the live file never goes back to a key a former member knew; the content
    is copied into the live file, which keeps its key. ``identity`` is who restores
    (default: whoever unlocked ``current``). ``current`` is the target opened with its own
    key, if it could be; it is closed here either way. ``session_id`` is the caller's own
    lock row, released first. A refusal (someone else has the file open, the backup fails
    a check, is of another database, or cannot be opened)
    replaces nothing and reopens the target as it was.
    """
    identity = identity or (require_identity(current) if current is not None else None)
    if identity is None:
        raise ValueError("A restore needs to know who restores")
    if current is not None:
        lock.release_quietly(current, session_id)
    try:
        done = restore_backup(backup, target, backup_key, current=current,
)
    except MentorDeskError as refusal:
        return Result(RestoreOutcome(_reopen(target, current, None, identity), refusal),
                      NOTHING)
    restored = _reopen(target, current, backup_key, identity)
    assert restored is not None  # restored, so there is a file to open
    # A deliberate step back in time: this PC must not report it as a rollback.
    remember_head(restored, restored.file_id)
    return Result(RestoreOutcome(restored, None, done), Changes.everything())


def _reopen(target: Path, current: Database | None, backup_key: RawKey | None,
            identity: Identity) -> Database | None:
    """The target opened afresh as ``identity``: on its own key (a restore keeps it), or
    on the database key with the restored file's salt when there was no file before."""
    if current is not None:
        current.close()
        return reopen_as(target, current.raw_key, identity)
    if backup_key is None:
        return None
    return reopen_as(target, RawKey(backup_key.key, read_salt(target)), identity)


@dataclass(frozen=True)
class BackupCheck:
    """A backup that passed every check, the key that opens it, and the checks passed."""

    raw_key: RawKey
    lines: list[str]


def check_backup(context: Context, backup: Path) -> BackupCheck:
    """Before asking "replace the database?": is the file in use elsewhere, and does the
    backup open with this database's key and pass every check? Nothing is changed."""
    from mentordesk.security.backups import examine_backup

    require_admin(context.actor)
    key = backup_key_for(context.database, backup)
    lock.refuse_if_open_elsewhere(context.database)
    try:
        facts = examine_backup(backup, key)
    except CannotOpenDatabase as error:
        raise RestoreRefused(
            "Sikkerhedskopien kan ikke åbnes med denne databases nøgle: den er fra et andet "
            "team, fra før en person blev fjernet fra teamet, eller beskadiget. Intet er "
            "erstattet.") from error
    if not facts.report.ok:
        raise RestoreRefused("Sikkerhedskopien bestod ikke kontrollen, og intet er "
                             "erstattet: " + "; ".join(facts.report.lines()) + ".")
    if facts.file_id != context.database.meta(FILE_ID_KEY):
        raise OtherDatabase(
            f"Sikkerhedskopien er af en anden database (teamet »{facts.team_name}«), ikke af "
            "denne. Intet er erstattet.")
    return BackupCheck(key, list(facts.report.lines()))


def backup_key_for(database: Database, backup: Path) -> RawKey:
    """This database's key with the backup's own salt: the only key a restore accepts."""
    return RawKey(database.raw_key.key, read_salt(backup))


# -- the security tab's smaller duties ----------------------------------------------------


def open_elsewhere(context: Context) -> list[lock.OpenBy]:
    """Who else has the file open right now (not this app)."""
    return lock.others_than_this_app(context.database)


def take_backup(context: Context, destination: Path) -> Path:
    """An encrypted, consistent copy of the database at ``destination`` (administrators).

    A backup holds every citizen's case, so who took one, and where to, is logged first:
    the copy carries its own record of being made.
    """
    from mentordesk.security.backups import backup_now

    require_admin(context.actor)
    with context.session() as session:
        audit.record(session, context.actor.login, audit.Action.EXPORT, entity="database",
                     detail=f"Sikkerhedskopi taget: {destination.resolve()}")
    written = backup_now(context.database, destination)
    _copy_key_file(context.database.path, written)
    return written


def _copy_key_file(database_path: Path, backup: Path) -> None:
    """A backup taken to another disk is useless without the key file: it travels with
    it (``KOPI.keys``). It holds no secret in the clear; a person removed later has a
    slot in it, which is why removal re-encrypts the backups it can reach."""
    from mentordesk.files import write_atomically

    write_atomically(key_file_path(backup), key_file_path(database_path).read_bytes())


def save_recovery_sheet(context: Context, destination: Path, recovery_key: str) -> Path:
    """The sheet for a recovery key just made, saved where the admin chose (they were
    warned that a secret on disk must be printed and then deleted)."""
    from mentordesk.security.recovery_sheet import facts_for, write_recovery_sheet

    require_admin(context.actor)
    with context.session() as session:
        audit.record(session, context.actor.login, audit.Action.EXPORT, entity="database",
                     detail=f"Gendannelsesark gemt som {audit.file_kind(destination)}")
    return write_recovery_sheet(destination, facts_for(context.database,
                                                       recovery_key=recovery_key))
