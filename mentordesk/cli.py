"""The command line: the contract scripts and tests rely on (ARCHITECTURE.md).

Exit codes: 0 ok, 1 a check failed, 2 usage, 3 cannot open (wrong key, corrupt, not a
MentorDesk file) — always with one clear line on stderr. The key comes from
MENTORDESK_PASSPHRASE, else this PC's keyring, else a prompt (only on a terminal).
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from mentordesk import vault
from mentordesk.errors import CannotOpenDatabase, KeyUnavailable, MentorDeskError, WeakPassphrase
from mentordesk.paths import DEMO_PASSPHRASE
from mentordesk.storage.database import Database
from mentordesk.storage.integrity import check_database

if TYPE_CHECKING:
    from mentordesk.importing import ColumnMapping, ImportCheck, ImportResult, ImportTable
    from mentordesk.services.team import Actor

EXIT_OK, EXIT_CHECK_FAILED, EXIT_USAGE, EXIT_CANNOT_OPEN = 0, 1, 2, 3
PASSPHRASE_ENV = "MENTORDESK_PASSPHRASE"


class CliFailure(Exception):
    def __init__(self, message: str, code: int) -> None:
        super().__init__(message)
        self.code = code


def main(argv: Sequence[str] | None = None) -> int:
    _prefer_utf8_output()
    parser = _parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_usage(sys.stderr)
        return EXIT_USAGE
    try:
        return args.handler(args)
    except CliFailure as failure:
        print(f"mentordesk: {failure}", file=sys.stderr)
        return failure.code
    except (CannotOpenDatabase, KeyUnavailable) as error:
        print(f"mentordesk: {error}", file=sys.stderr)
        return EXIT_CANNOT_OPEN
    except MentorDeskError as error:
        print(f"mentordesk: {error}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("mentordesk: afbrudt", file=sys.stderr)
        return EXIT_USAGE


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="mentordesk", description="MentorDesk på kommandolinjen")
    commands = parser.add_subparsers(metavar="KOMMANDO")

    init = commands.add_parser("init", help="opret en krypteret database")
    init.add_argument("db", type=Path)
    init.add_argument("--team", default="Mit team", help="teamets navn")
    init.set_defaults(handler=_cmd_init)

    demo = commands.add_parser("demo", help="opret en database med fiktive demodata")
    demo.add_argument("db", type=Path)
    demo.add_argument("--citizens", type=_positive_int, default=250)
    demo.add_argument("--years", type=_positive_int, default=5)
    demo.add_argument("--seed", type=int, default=1)
    demo.set_defaults(handler=_cmd_demo)

    check = commands.add_parser("check", help="kontrollér integritet, kryptering og log")
    check.add_argument("db", type=Path)
    check.set_defaults(handler=_cmd_check)

    citizens = commands.add_parser("citizens", help="vis borgerne")
    citizens.add_argument("db", type=Path)
    citizens.add_argument("--json", action="store_true", help="skriv JSON")
    citizens.set_defaults(handler=_cmd_citizens)

    onboarding = commands.add_parser(
        "import-citizens", help="indlæs teamets eksisterende borgerliste (xlsx eller csv)")
    onboarding.add_argument("db", type=Path)
    onboarding.add_argument("file", type=Path)
    onboarding.add_argument(
        "--mapping", default="", metavar="KOLONNE=FELT,...",
        help='vælg felter for kolonner, fx "Borger=Navn,Kontakt=Mentor,Note=-"')
    onboarding.add_argument("--dry-run", action="store_true",
                            help="kontrollér kun filen; intet gemmes")
    onboarding.set_defaults(handler=_cmd_import_citizens)
    return parser


def _positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("skal være mindst 1")
    return value


def _cmd_init(args: argparse.Namespace) -> int:
    passphrase = _new_passphrase()
    database = _create_or_fail(
        lambda: vault.create_database(args.db, passphrase, team_name=args.team), args.db
    )
    database.close()
    print(f"Databasen er oprettet: {args.db}")
    return EXIT_OK


def _cmd_demo(args: argparse.Namespace) -> int:
    from mentordesk.demo import build_demo

    passphrase = os.environ.get(PASSPHRASE_ENV) or DEMO_PASSPHRASE
    database = _create_or_fail(
        lambda: build_demo(args.db, passphrase, citizens=args.citizens, years=args.years,
                           seed=args.seed),
        args.db,
    )
    database.close()
    print(f"Demodatabasen er oprettet: {args.db}")
    if passphrase == DEMO_PASSPHRASE:
        print(f"Adgangskode (fiktive data): {DEMO_PASSPHRASE}")
    return EXIT_OK


def _cmd_check(args: argparse.Namespace) -> int:
    database = _open(args.db)
    try:
        report = check_database(database)
    finally:
        database.close()
    for line in report.lines():
        print(line)
    if not report.ok:
        print(f"mentordesk: kontrollen fandt fejl i {args.db.name}", file=sys.stderr)
        return EXIT_CHECK_FAILED
    return EXIT_OK


def _cmd_citizens(args: argparse.Namespace) -> int:
    from mentordesk.services.citizens import list_citizens
    from mentordesk.services.team import resolve_actor

    database = _open(args.db)
    try:
        actor = resolve_actor(database, vault.current_login())
        rows = list_citizens(database, actor)
    finally:
        database.close()
    if args.json:
        print(json.dumps([row.as_json() for row in rows], ensure_ascii=False, indent=2))
    else:
        for row in rows:
            print(f"{row.id:>6}  {row.display_name:<32}  {row.primary_mentor:<28}  "
                  f"{row.status.label}")
    return EXIT_OK


def _cmd_import_citizens(args: argparse.Namespace) -> int:
    """Exit 0 imported (or checked clean), 1 rows had errors and nothing was imported,
    2 the file or the mapping is refused, 3 the database cannot be opened."""
    from mentordesk import importing
    from mentordesk.services.team import resolve_actor

    # The file is read before the database is unlocked: a wrong file costs no key work.
    try:
        table = importing.read_import_file(args.file)
        mapping = importing.resolve_mapping(table, args.mapping)
    except importing.ImportRefused as refused:
        raise CliFailure(str(refused), EXIT_USAGE) from refused
    database = _open(args.db)
    try:
        actor = resolve_actor(database, vault.current_login())
        if args.dry_run:
            outcome = importing.check_import(database, actor, table, mapping)
        else:
            outcome = _import_or_errors(database, actor, table, mapping)
    finally:
        database.close()
    if isinstance(outcome, importing.ImportResult):
        print(f"{outcome.citizens} borgere er importeret fra {outcome.source_name} "
              f"({outcome.grants} bevillinger, {outcome.assignments} med primær mentor).")
        return EXIT_OK
    for error in outcome.errors:
        print(error)
    if outcome.ok:
        print(f"Kontrollen fandt ingen fejl: {outcome.citizens} borgere kan importeres "
              f"({outcome.grants} bevillinger, {outcome.assignments} med primær mentor). "
              "Intet er gemt.")
        return EXIT_OK
    print(f"mentordesk: {outcome.rows_with_errors} af {outcome.rows} rækker har fejl; intet "
          "er importeret.", file=sys.stderr)
    return EXIT_CHECK_FAILED


def _import_or_errors(database: Database, actor: Actor, table: ImportTable,
                      mapping: ColumnMapping) -> ImportResult | ImportCheck:
    """The import's result, or the check listing the row errors that stopped it."""
    from mentordesk import importing

    try:
        return importing.import_citizens(database, actor, table, mapping)
    except importing.ImportHasErrors as failed:
        return failed.check


def _create_or_fail(create: Callable[[], Database], path: Path) -> Database:
    if path.exists():
        raise CliFailure(f"Filen findes allerede og bliver ikke overskrevet: {path}", EXIT_USAGE)
    try:
        return create()
    except WeakPassphrase as error:
        raise CliFailure(str(error), EXIT_USAGE) from error


def _open(path: Path) -> Database:
    """Open with the first key source that has a key (environment, keyring, prompt)."""
    passphrase = os.environ.get(PASSPHRASE_ENV)
    if passphrase:
        return vault.unlock_with_passphrase(path, passphrase)
    try:
        return vault.unlock_with_keyring(path)
    except KeyUnavailable:
        if not sys.stdin.isatty():
            raise CliFailure(
                f"Ingen nøgle til {path.name}: sæt {PASSPHRASE_ENV} eller kør i en terminal.",
                EXIT_CANNOT_OPEN,
            ) from None
    return vault.unlock_with_passphrase(path, getpass.getpass("Adgangskode: "))


def _new_passphrase() -> str:
    passphrase = os.environ.get(PASSPHRASE_ENV)
    if passphrase:
        return passphrase
    if not sys.stdin.isatty():
        raise CliFailure(f"Angiv adgangskoden i {PASSPHRASE_ENV} eller kør i en terminal.",
                         EXIT_USAGE)
    first = getpass.getpass("Ny adgangskode (mindst 12 tegn): ")
    if getpass.getpass("Gentag adgangskoden: ") != first:
        raise CliFailure("De to adgangskoder er ikke ens.", EXIT_USAGE)
    return first


def _prefer_utf8_output() -> None:
    # Windows consoles default to a legacy code page that cannot print æøå safely.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8", errors="replace")

