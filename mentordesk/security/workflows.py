"""Restore and passphrase change: each written once, run by the GUI and the command line.

Both replace or re-encrypt the file under everyone's feet, so both refuse while another
app has it open (the lock record), and both leave the caller with a working database:
the restored file, the untouched one after a refused restore, or the same ``Database``
object re-bound to the new key. The GUI runs them on its worker thread; ``mentordesk
restore`` and ``mentordesk rekey`` call them directly.

The security tab's smaller duties (who else is in, a backup now, a new recovery sheet,
checking a backup before asking to restore it) are operations here too, so the tab
only asks and shows.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from mentordesk import audit
from mentordesk.errors import MentorDeskError
from mentordesk.kernel.access import require_admin
from mentordesk.kernel.changes import NOTHING, Changes, Result
from mentordesk.kernel.context import Context
from mentordesk.security import lock
from mentordesk.security.backups import RestoreRefused, RestoreResult, restore_backup
from mentordesk.storage.database import FILE_ID_KEY, Database
from mentordesk.storage.engine import RawKey, read_salt
from mentordesk.vault import KeyStore, derive_key, rekey, unlock_with_raw_key

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
                     other_database: bool = False) -> Result[RestoreOutcome]:
    """Replace ``target``'s content with ``backup`` once it has passed every check, and
    reopen it.

    ``backup_key`` opens the backup (it may predate a passphrase change). ``current`` is
    the target opened with its own key, if it could be: the file keeps that key, and
    ``current`` is closed here either way. ``session_id`` is the caller's own lock row,
    released first. A refusal (someone else has the file open, the backup fails a check,
    is of another database without ``other_database``, or cannot be opened) replaces
    nothing and reopens the target as it was.
    """
    if current is not None:
        lock.release_quietly(current, session_id)
    try:
        done = restore_backup(backup, target, backup_key, current=current,
                              other_database=other_database)
    except MentorDeskError as refusal:
        return Result(RestoreOutcome(_reopen(target, current, None), refusal), NOTHING)
    return Result(RestoreOutcome(_reopen(target, current, backup_key), None, done),
                  Changes.everything())


def _reopen(target: Path, current: Database | None, backup_key: RawKey | None) -> Database | None:
    """The target opened afresh: on its own key (a restore keeps it), or on the backup's
    when there was no openable database before."""
    if current is not None:
        current.close()
        return unlock_with_raw_key(target, current.raw_key)
    return None if backup_key is None else unlock_with_raw_key(target, backup_key)


@dataclass(frozen=True)
class BackupCheck:
    """A backup that passed every check, the key that opens it, and the checks passed.

    ``other_team`` names the team whose database the backup is of, when that is not this
    database (another file id): restoring it then needs an explicit confirmation."""

    raw_key: RawKey
    lines: list[str]
    other_team: str | None = None


def check_backup(context: Context, backup: Path, *, raw_key: RawKey | None = None,
                 passphrase: str = "") -> BackupCheck:
    """Before asking "replace the database?": is the file in use elsewhere, and does the
    backup (opened with ``raw_key``, else the ``passphrase`` with the backup's own salt)
    pass every check? Nothing is changed."""
    from mentordesk.security.backups import examine_backup

    require_admin(context.actor)
    key = raw_key or derive_key(passphrase, read_salt(backup))
    lock.refuse_if_open_elsewhere(context.database)
    facts = examine_backup(backup, key)
    if not facts.report.ok:
        raise RestoreRefused("Sikkerhedskopien bestod ikke kontrollen, og intet er "
                             "erstattet: " + "; ".join(facts.report.lines()) + ".")
    same = facts.file_id == context.database.meta(FILE_ID_KEY)
    return BackupCheck(key, list(facts.report.lines()), None if same else facts.team_name)


# -- passphrase change --------------------------------------------------------------------


def change_passphrase(context: Context, new_passphrase: str, *,
                      keystore: KeyStore | None = None) -> Result[None]:
    """Re-encrypt the file under a new passphrase (administrators), a backup first.

    ``context.database`` is re-bound to the new key in place, so whoever holds it goes
    on working. Refused while anyone else has the file open: SQLCipher breaks every
    other connection to a re-keyed file. Write a new recovery sheet afterwards.
    """
    require_admin(context.actor)
    lock.refuse_if_open_elsewhere(context.database)
    rekey(context.database, new_passphrase, login=context.actor.login, keystore=keystore)
    return Result(None, Changes.everything())


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
    return backup_now(context.database, destination)


def save_recovery_sheet(context: Context, destination: Path) -> Path:
    """The recovery sheet (team, file id, a line for the passphrase) as a PDF
    (administrators: it names the file a passphrase opens)."""
    from mentordesk.security.recovery_sheet import facts_for, write_recovery_sheet

    require_admin(context.actor)
    return write_recovery_sheet(destination, facts_for(context.database))
