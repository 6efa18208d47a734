"""``server import | check | backup | restore``: moving a team's file to its team server,
checking the server, and its encrypted backups (IT's commands; see ARCHITECTURE.md)."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from mentordesk.cli.common import (
    EXIT_CANNOT_OPEN,
    EXIT_CHECK_FAILED,
    EXIT_OK,
    EXIT_USAGE,
    CliFailure,
    Commands,
    open_database,
)
from mentordesk.server.profiles import ConnectionProfile, ProfileError, parse_url
from mentordesk.storage.engine import ServerProfile

if TYPE_CHECKING:
    from mentordesk.server.people import GivenLogin

RECOVERY_ENV = "MENTORDESK_RECOVERY_KEY"
IT_PASSWORD_ENV = "PGPASSWORD"
# The ``server`` command's subcommands, kept on its parser by whichever command module
# registers first (the roles commands add init/add-user/… to the same ``server``).
_SUBCOMMANDS = "mentordesk_server_subcommands"
_URL_HELP = "postgresql://LOGIN@VÆRT:PORT/DATABASE?sslrootcert=CA.pem"


def register(commands: Commands) -> None:
    """server import, server check, server backup, server restore."""
    server = server_subcommands(commands)

    move = server.add_parser(
        "import", help="flyt teamets fil til en tom eller netop opsat teamserver-database")
    move.add_argument("db", type=Path, help="teamets .mentordesk-fil")
    move.add_argument("url", help=_URL_HELP)
    move.set_defaults(handler=_cmd_import)

    check = server.add_parser("check", help="kontrollér skemaversion, adgangslog og roller")
    check.add_argument("url", help=_URL_HELP)
    check.set_defaults(handler=_cmd_check)

    backup = server.add_parser("backup", help="krypteret sikkerhedskopi (pg_dump)")
    backup.add_argument("url", help=_URL_HELP)
    backup.add_argument("--out", type=Path, required=True, metavar="FIL")
    backup.set_defaults(handler=_cmd_backup)

    restore = server.add_parser("restore", help="gendan en sikkerhedskopi i en tom database")
    restore.add_argument("backup", type=Path)
    restore.add_argument("url", help=_URL_HELP)
    restore.set_defaults(handler=_cmd_restore)


def server_subcommands(commands: Commands) -> Commands:
    """The subcommands of ``server``, creating the command on first use."""
    existing = commands.choices.get("server")
    if existing is not None:
        subcommands: Commands = getattr(existing, _SUBCOMMANDS)
        return subcommands
    parser = commands.add_parser("server", help="teamserveren (PostgreSQL): it-opgaver")
    subcommands = parser.add_subparsers(metavar="HANDLING", dest="server_action")
    setattr(parser, _SUBCOMMANDS, subcommands)
    return subcommands


def _cmd_import(args: argparse.Namespace) -> int:
    from mentordesk.security.lock import refuse_if_open_elsewhere
    from mentordesk.server.importing import (
        ImportMismatch,
        InvalidLogins,
        ValuesTooLong,
        copy_for_import,
        import_file,
    )
    from mentordesk.server.recovery import recovery_slot_of

    profile = it_profile(args.url)
    with tempfile.TemporaryDirectory(prefix="mentordesk-import-") as folder:
        source = open_database(copy_for_import(args.db, Path(folder)))
        try:
            # What someone changes in the file after this point would never reach the server.
            refuse_if_open_elsewhere(source)
            report = import_file(source, profile, recovery_slot_of(args.db))
        except (ValuesTooLong, InvalidLogins, ImportMismatch) as error:
            raise CliFailure(str(error), EXIT_CHECK_FAILED) from error
        finally:
            source.close()
    print(f"{args.db.name} er flyttet til {profile.describe()}: {report.rows} rækker i "
          f"{len(report.tables)} tabeller, antal og kontrolsummer ens på begge sider.")
    if report.onto_setup:
        print("Opsætningen fra 'server init' er bevaret: den første administrator og "
              "opsætningens hændelser i loggen (efter filens).")
    print_people(report.people)
    return EXIT_OK


def print_people(people: list[GivenLogin]) -> None:
    """The team's people as login roles, and the step that lets them log in."""
    print("Teamets personer som login-roller på serveren:")
    for person in people:
        print(f"  {person.describe()}")
    waiting = [person.person.login for person in people
               if person.person.active and not person.has_password]
    if waiting:
        print("Næste skridt: giv hver person en adgangskode, fx\n"
              f"  mentordesk server set-password URL {waiting[0]}\n"
              "(adgangskoden læses fra MENTORDESK_NEW_PASSWORD eller ved en prompt).")


def _cmd_check(args: argparse.Namespace) -> int:
    from mentordesk.server.checking import check_server

    profile = it_profile(args.url)
    report = check_server(profile)
    for line in report.lines():
        print(line)
    if not report.ok:
        print(f"mentordesk: kontrollen fandt fejl i {profile.describe()}", file=sys.stderr)
        return EXIT_CHECK_FAILED
    return EXIT_OK


def _cmd_backup(args: argparse.Namespace) -> int:
    from mentordesk.server.backups import backup_server

    if args.out.exists():
        raise CliFailure(f"Filen findes allerede og bliver ikke overskrevet: {args.out}",
                         EXIT_USAGE)
    size = backup_server(it_profile(args.url), args.out)
    print(f"Krypteret sikkerhedskopi gemt: {args.out} ({size:,} byte).".replace(",", "."))
    return EXIT_OK


def _cmd_restore(args: argparse.Namespace) -> int:
    from mentordesk.server.backups import read_header, restore_server

    if not args.backup.is_file():
        raise CliFailure(f"Filen findes ikke: {args.backup}", EXIT_USAGE)
    address = it_address(args.url)
    read_header(args.backup)  # not a backup: say so before asking for any secret
    profile = address.with_password(_it_password())
    people = restore_server(args.backup, _recovery_secret(), profile)
    print(f"Sikkerhedskopien {args.backup.name} er gendannet i {profile.describe()}.")
    print_people(people)
    return EXIT_OK


def it_profile(url: str) -> ServerProfile:
    """The server at ``url`` as IT reaches it, for every ``server`` subcommand; IT's
    password is asked for only once the address is usable."""
    return it_address(url).with_password(_it_password())


def it_address(url: str) -> ConnectionProfile:
    """The one parser of addresses: verify-full against the address's CA, else exit 2."""
    try:
        return parse_url(url)
    except ProfileError as error:
        raise CliFailure(str(error), EXIT_USAGE) from None


def _it_password() -> str:
    """libpq's own PGPASSWORD; else "" when a password file exists, which libpq then
    reads (IT's ~/.pgpass on a scheduled task); else a prompt."""
    if not os.environ.get(IT_PASSWORD_ENV) and _password_file().is_file():
        return ""
    return _secret(IT_PASSWORD_ENV, "Adgangskode til teamserveren: ")


def _password_file() -> Path:
    """Where libpq looks for the password file (PGPASSFILE, else its default place)."""
    chosen = os.environ.get("PGPASSFILE")
    if chosen:
        return Path(chosen)
    if sys.platform == "win32":
        return Path(os.environ.get("APPDATA", "")) / "postgresql" / "pgpass.conf"
    return Path.home() / ".pgpass"


def _recovery_secret() -> str:
    return _secret(RECOVERY_ENV, "Gendannelsesnøgle (fra gendannelsesarket): ")


def _secret(variable: str, prompt: str) -> str:
    value = os.environ.get(variable)
    if value:
        return value
    if not sys.stdin.isatty():
        raise CliFailure(f"Sæt {variable} eller kør i en terminal.", EXIT_CANNOT_OPEN)
    return getpass.getpass(prompt)
