"""backup and restore."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from mentordesk import vault
from mentordesk.cli.common import (
    EXIT_CANNOT_OPEN,
    EXIT_CHECK_FAILED,
    EXIT_OK,
    EXIT_USAGE,
    PASSPHRASE_ENV,
    CliFailure,
    Commands,
    open_context,
    open_database,
    requested_login,
)
from mentordesk.errors import CannotOpenDatabase, KeyUnavailable
from mentordesk.keys.identity import Identity
from mentordesk.storage.database import Database
from mentordesk.storage.engine import RawKey, read_salt


def register(commands: Commands) -> None:
    backup = commands.add_parser("backup", help="tag en krypteret sikkerhedskopi")
    backup.add_argument("db", type=Path)
    backup.add_argument("--out", type=Path, required=True, help="sikkerhedskopiens fil")
    backup.set_defaults(handler=_cmd_backup)

    restore = commands.add_parser(
        "restore", help="gendan en sikkerhedskopi (kontrolleres, før noget erstattes)")
    restore.add_argument("backup", type=Path)
    restore.add_argument("db", type=Path)
    restore.set_defaults(handler=_cmd_restore)


def _cmd_backup(args: argparse.Namespace) -> int:
    from mentordesk.security.workflows import take_backup

    if args.out.exists():
        raise CliFailure(f"Filen findes allerede og bliver ikke overskrevet: {args.out}",
                         EXIT_USAGE)
    with open_context(args.db) as context:
        written = take_backup(context, args.out)
    print(f"Sikkerhedskopien er gemt: {written}")
    return EXIT_OK


def _cmd_restore(args: argparse.Namespace) -> int:
    """Exit 0 restored, 1 the backup failed a check, cannot be opened with this database's
    key or is another team's, 2 in use elsewhere, 3 this database cannot be opened.

    The backup must be under this database's key (``restore`` never moves the live file
    back to an older key); the key comes from the live file if it opens, else from the
    person's slot in the key file (the file was moved away as damaged)."""
    from mentordesk.security.backups import RestoreRefused
    from mentordesk.security.workflows import restore_database

    current = _open_target_if_possible(args.db)
    if current is not None:
        database_key, identity = current.raw_key.key, vault.require_identity(current)
    else:
        database_key, identity = _key_from_slot(args.db)
    backup_key = RawKey(database_key, read_salt(args.backup))
    outcome = restore_database(args.db, args.backup, backup_key, current=current,
                               identity=identity).value
    if outcome.database is not None:
        outcome.database.close()
    if isinstance(outcome.refusal, RestoreRefused):
        raise CliFailure(str(outcome.refusal), EXIT_CHECK_FAILED) from outcome.refusal
    if outcome.refusal is not None:
        raise outcome.refusal  # in use elsewhere (exit 2) or unreadable (exit 3)
    for line in outcome.lines():
        print(line)
    return EXIT_OK


def _key_from_slot(path: Path) -> tuple[bytes, Identity]:
    login = requested_login()
    passphrase = os.environ.get(PASSPHRASE_ENV)
    if not passphrase:
        if not sys.stdin.isatty():
            raise CliFailure(f"Ingen nøgle til {path.name}: sæt {PASSPHRASE_ENV} eller kør i en "
                             "terminal.", EXIT_CANNOT_OPEN)
        passphrase = getpass.getpass(f"Adgangskode for {login}: ")
    identity, database_key = vault.unwrap_own_slot(path, passphrase, login=login)
    return database_key, identity


def _open_target_if_possible(path: Path) -> Database | None:
    """The database being replaced, if it opens (else the restore refuses a file it cannot
    open — who has it open must be known — or, when it is gone, restores into its place)."""
    if not path.exists():
        return None
    try:
        return open_database(path)
    except (CannotOpenDatabase, KeyUnavailable, CliFailure):
        return None  # damaged: its bytes are kept as they are
