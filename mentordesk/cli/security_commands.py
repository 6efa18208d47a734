"""backup, restore, rekey — and the recovery sheet that ``init`` writes."""

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
    new_passphrase,
    open_database,
)
from mentordesk.errors import CannotOpenDatabase, KeyUnavailable, WeakPassphrase
from mentordesk.storage.database import Database
from mentordesk.storage.engine import RawKey, read_salt

# The new passphrase for ``rekey`` when not asked on a terminal (scripts, tests).
NEW_PASSPHRASE_ENV = "MENTORDESK_NEW_PASSPHRASE"


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

    rekey = commands.add_parser("rekey", help="skift databasens adgangskode")
    rekey.add_argument("db", type=Path)
    rekey.add_argument("--recovery-sheet", type=Path, default=None, metavar="PDF",
                       help="hvor det nye gendannelsesark gemmes")
    rekey.set_defaults(handler=_cmd_rekey)


def write_init_recovery_sheet(database: Database, destination: Path | None,
                              generated_passphrase: str | None = None) -> Path:
    """Called by ``init``: the sheet next to the database unless a path is given."""
    from mentordesk.security.recovery_sheet import (
        default_sheet_path,
        facts_for,
        write_recovery_sheet,
    )

    target = destination or default_sheet_path(database.path)
    return write_recovery_sheet(target, facts_for(database,
                                                  generated_passphrase=generated_passphrase))


def _cmd_backup(args: argparse.Namespace) -> int:
    from mentordesk.security.backups import backup_now

    if args.out.exists():
        raise CliFailure(f"Filen findes allerede og bliver ikke overskrevet: {args.out}",
                         EXIT_USAGE)
    database = open_database(args.db)
    try:
        written = backup_now(database, args.out)
    finally:
        database.close()
    print(f"Sikkerhedskopien er gemt: {written}")
    return EXIT_OK


def _cmd_restore(args: argparse.Namespace) -> int:
    from mentordesk.security import lock
    from mentordesk.security.backups import RestoreRefused, restore_backup

    backup_key = _key_for(args.backup)
    current = _open_target_if_possible(args.db)
    if current is not None:
        busy = lock.others(current)
        if busy:
            current.close()
            raise CliFailure("Databasen er åben hos " + ", ".join(lock.describe(busy))
                             + ". Bed dem lukke MentorDesk, og prøv igen.", EXIT_USAGE)
    try:
        result = restore_backup(args.backup, args.db, backup_key, current=current)
    except RestoreRefused as refused:
        raise CliFailure(str(refused), EXIT_CHECK_FAILED) from refused
    restored = vault.unlock_with_raw_key(args.db, backup_key)
    try:
        lock.clear(restored)  # the copy's lock rows describe who had it open back then
    finally:
        restored.close()
    for line in result.report.lines():
        print(line)
    if result.replaced_copy is not None:
        print(f"Den erstattede database er gemt som: {result.replaced_copy}")
    print(f"Databasen er gendannet: {result.restored}")
    return EXIT_OK


def _key_for(path: Path) -> RawKey:
    """The key for a backup (it may predate a passphrase change): environment, keyring,
    prompt — each derived with the backup's own salt."""
    salt = read_salt(path)
    passphrase = os.environ.get(PASSPHRASE_ENV)
    if passphrase:
        return vault.derive_key(passphrase, salt)
    remembered = vault.KeyStore().recall(salt)
    if remembered is not None:
        return remembered
    if not sys.stdin.isatty():
        raise CliFailure(f"Ingen nøgle til {path.name}: sæt {PASSPHRASE_ENV} eller kør i en "
                         "terminal.", EXIT_CANNOT_OPEN)
    return vault.derive_key(getpass.getpass(f"Adgangskode til {path.name}: "), salt)


def _open_target_if_possible(path: Path) -> Database | None:
    """The database being replaced, if our key opens it (then its snapshot is kept)."""
    if not path.exists():
        return None
    try:
        return vault.unlock_with_raw_key(path, _key_for(path))
    except (CannotOpenDatabase, KeyUnavailable, CliFailure):
        return None  # damaged or another key: its bytes are kept as they are


def _cmd_rekey(args: argparse.Namespace) -> int:
    from mentordesk.security import lock

    database = open_database(args.db)
    busy = lock.others(database)
    if busy:
        database.close()
        raise CliFailure("Databasen er åben hos " + ", ".join(lock.describe(busy))
                         + ". Bed dem lukke MentorDesk, og prøv igen.", EXIT_USAGE)
    passphrase = os.environ.get(NEW_PASSPHRASE_ENV) or _ask_new_passphrase()
    try:
        reopened = vault.rekey(database, passphrase)
    except WeakPassphrase as weak:
        database.close()
        raise CliFailure(str(weak), EXIT_USAGE) from weak
    try:
        sheet = write_init_recovery_sheet(reopened, args.recovery_sheet)
    finally:
        reopened.close()
    print(f"Adgangskoden er skiftet for {args.db}.")
    print(f"Nyt gendannelsesark: {sheet} (udskriv det, og makulér det gamle)")
    return EXIT_OK


def _ask_new_passphrase() -> str:
    if not sys.stdin.isatty():
        raise CliFailure(f"Angiv den nye adgangskode i {NEW_PASSPHRASE_ENV} eller kør i en "
                         "terminal.", EXIT_USAGE)
    os.environ.pop(PASSPHRASE_ENV, None)  # new_passphrase() must ask, not reuse the old one
    return new_passphrase()
