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
    open_context,
)
from mentordesk.errors import CannotOpenDatabase, KeyUnavailable
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
    restore.add_argument("--other-team", action="store_true",
                         help="gendan, selv om kopien er af et andet teams database")
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
    from mentordesk.security.workflows import take_backup

    if args.out.exists():
        raise CliFailure(f"Filen findes allerede og bliver ikke overskrevet: {args.out}",
                         EXIT_USAGE)
    with open_context(args.db) as context:
        written = take_backup(context, args.out)
    print(f"Sikkerhedskopien er gemt: {written}")
    return EXIT_OK


def _cmd_restore(args: argparse.Namespace) -> int:
    """Exit 0 restored, 1 the backup failed a check, 2 in use elsewhere or another team's
    backup without ``--other-team``, 3 the backup cannot be opened."""
    from mentordesk.security.backups import OtherDatabase, RestoreRefused
    from mentordesk.security.workflows import restore_database

    backup_key = _key_for(args.backup)
    outcome = restore_database(args.db, args.backup, backup_key,
                               current=_open_target_if_possible(args.db),
                               other_database=args.other_team).value
    if outcome.database is not None:
        outcome.database.close()
    if isinstance(outcome.refusal, OtherDatabase):
        raise CliFailure(f"{outcome.refusal} Brug --other-team for at gendanne den alligevel.",
                         EXIT_USAGE) from outcome.refusal
    if isinstance(outcome.refusal, RestoreRefused):
        raise CliFailure(str(outcome.refusal), EXIT_CHECK_FAILED) from outcome.refusal
    if outcome.refusal is not None:
        raise outcome.refusal  # in use elsewhere (exit 2) or unreadable (exit 3)
    for line in outcome.lines():
        print(line)
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
    """The database being replaced, if our key opens it (else the restore tries the
    backup's key and refuses a file it cannot open: who has it open must be known)."""
    if not path.exists():
        return None
    try:
        return vault.unlock_with_raw_key(path, _key_for(path))
    except (CannotOpenDatabase, KeyUnavailable, CliFailure):
        return None  # damaged or another key: its bytes are kept as they are


def _cmd_rekey(args: argparse.Namespace) -> int:
    from mentordesk.security.lock import refuse_if_open_elsewhere
    from mentordesk.security.workflows import change_passphrase

    passphrase = ""

    def refuse_early(database: Database) -> None:
        # Before the user is resolved (which logs the unlock): a refused change leaves
        # the file exactly as it was.
        nonlocal passphrase
        refuse_if_open_elsewhere(database)
        passphrase = os.environ.get(NEW_PASSPHRASE_ENV) or _ask_new_passphrase()
        vault.check_passphrase_strength(passphrase)

    with open_context(args.db, guard=refuse_early) as context:
        change_passphrase(context, passphrase)
        sheet = write_init_recovery_sheet(context.database, args.recovery_sheet)
    print(f"Adgangskoden er skiftet for {args.db}.")
    print(f"Nyt gendannelsesark: {sheet} (udskriv det, og makulér det gamle)")
    return EXIT_OK


def _ask_new_passphrase() -> str:
    if not sys.stdin.isatty():
        raise CliFailure(f"Angiv den nye adgangskode i {NEW_PASSPHRASE_ENV} eller kør i en "
                         "terminal.", EXIT_USAGE)
    os.environ.pop(PASSPHRASE_ENV, None)  # new_passphrase() must ask, not reuse the old one
    return new_passphrase()
