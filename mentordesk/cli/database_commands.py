"""The file-level commands: init, demo, check, citizens, import-citizens."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from mentordesk.cli.common import (
    EXIT_CHECK_FAILED,
    EXIT_OK,
    EXIT_USAGE,
    PASSPHRASE_ENV,
    CliFailure,
    Commands,
    create_or_fail,
    database_argument,
    new_passphrase,
    open_context,
    open_database,
    positive_int,
    requested_login,
    works_on_server,
)
from mentordesk.kernel.context import Context
from mentordesk.keys.keyfile import key_file_path
from mentordesk.paths import DEMO_PASSPHRASE
from mentordesk.security.integrity import check_database
from mentordesk.services import new_team

if TYPE_CHECKING:
    from mentordesk.importing import ColumnMapping, ImportCheck, ImportResult, ImportTable


def register(commands: Commands) -> None:
    """init, demo, check, citizens, import-citizens."""
    init = commands.add_parser("init", help="opret en krypteret database")
    init.add_argument("db", type=Path)
    init.add_argument("--team", default="Mit team", help="teamets navn")
    init.add_argument("--recovery-sheet", type=Path, default=None, metavar="PDF",
                      help="gem gendannelsesarket her (ellers vises nøglen kun)")
    init.set_defaults(handler=_cmd_init)

    demo = commands.add_parser("demo", help="opret en database med fiktive demodata")
    demo.add_argument("db", type=Path)
    demo.add_argument("--citizens", type=positive_int, default=250)
    demo.add_argument("--years", type=positive_int, default=5)
    demo.add_argument("--seed", type=int, default=1)
    demo.set_defaults(handler=_cmd_demo)

    check = commands.add_parser("check", help="kontrollér integritet, kryptering og log")
    check.add_argument("db", type=Path)
    check.set_defaults(handler=_cmd_check)

    citizens = commands.add_parser("citizens", help="vis borgerne")
    citizens.add_argument("db", type=database_argument)
    citizens.add_argument("--json", action="store_true", help="skriv JSON")
    citizens.set_defaults(handler=_cmd_citizens)

    onboarding = commands.add_parser(
        "import-citizens", help="indlæs teamets eksisterende borgerliste (xlsx eller csv)")
    onboarding.add_argument("db", type=database_argument)
    onboarding.add_argument("file", type=Path)
    onboarding.add_argument(
        "--mapping", default="", metavar="KOLONNE=FELT,...",
        help='vælg felter for kolonner, fx "Borger=Navn,Kontakt=Mentor,Note=-"')
    onboarding.add_argument("--dry-run", action="store_true",
                            help="kontrollér kun filen; intet gemmes")
    onboarding.set_defaults(handler=_cmd_import_citizens)


def _cmd_init(args: argparse.Namespace) -> int:
    """The creating person (``--user``, default the OS login) becomes the first admin,
    with the passphrase from MENTORDESK_PASSPHRASE or a prompt."""
    from mentordesk.cli.people_commands import show_recovery_key

    login = requested_login()
    passphrase = new_passphrase()
    created = create_or_fail(
        lambda: new_team.create_database(args.db, passphrase, team_name=args.team,
                                         admin_login=login), args.db)
    try:
        print(f"Databasen er oprettet: {args.db} (nøglefil: {key_file_path(args.db).name})")
        print(f"Første administrator: {login}")
        show_recovery_key(created.database, created.recovery_key, args.recovery_sheet)
    finally:
        created.database.close()
    return EXIT_OK


def _cmd_demo(args: argparse.Namespace) -> int:
    from mentordesk.demo import build_demo

    passphrase = os.environ.get(PASSPHRASE_ENV) or DEMO_PASSPHRASE
    login = requested_login()
    database = create_or_fail(
        lambda: build_demo(args.db, passphrase, citizens=args.citizens, years=args.years,
                           seed=args.seed, operator_login=login),
        args.db,
    )
    database.close()
    print(f"Demodatabasen er oprettet: {args.db}. Administrator: {login}.")
    if passphrase == DEMO_PASSPHRASE:
        print(f"Adgangskode (fiktive data): {DEMO_PASSPHRASE}")
    print(f"De fiktive medarbejdere (mentor01, …) har adgangskoden {DEMO_PASSPHRASE}.")
    return EXIT_OK


def _cmd_check(args: argparse.Namespace) -> int:
    from mentordesk.keys.witness import remember_head

    database = open_database(args.db)
    try:
        report = check_database(database)
        if report.ok:
            remember_head(database, database.file_id)
    finally:
        database.close()
    for line in report.lines():
        print(line)
    if not report.ok:
        print(f"mentordesk: kontrollen fandt fejl i {args.db.name}", file=sys.stderr)
        return EXIT_CHECK_FAILED
    return EXIT_OK


@works_on_server
def _cmd_citizens(args: argparse.Namespace) -> int:
    from mentordesk.services.citizens import list_citizens

    with open_context(args.db) as context:
        rows = list_citizens(context)
    if args.json:
        print(json.dumps([row.as_json() for row in rows], ensure_ascii=False, indent=2))
    else:
        for row in rows:
            print(f"{row.id:>6}  {row.display_name:<32}  {row.primary_mentor:<28}  "
                  f"{row.status.label}")
    return EXIT_OK


@works_on_server
def _cmd_import_citizens(args: argparse.Namespace) -> int:
    """Exit 0 imported (or checked clean), 1 rows had errors and nothing was imported,
    2 the file or the mapping is refused, 3 the database cannot be opened."""
    from mentordesk import importing

    # The file is read before the database is unlocked: a wrong file costs no key work.
    try:
        table = importing.read_import_file(args.file)
        mapping = importing.resolve_mapping(table, args.mapping)
    except importing.ImportRefused as refused:
        raise CliFailure(str(refused), EXIT_USAGE) from refused
    outcome: ImportResult | ImportCheck
    with open_context(args.db) as context:
        if args.dry_run:
            outcome = importing.check_import(context, table, mapping)
        else:
            outcome = _import_or_errors(context, table, mapping)
    if isinstance(outcome, importing.ImportResult):
        print(f"{outcome.citizens} borgere er importeret fra {outcome.source_name} "
              f"({outcome.grants} bevillinger, {outcome.assignments} med primær mentor).")
        if outcome.backup is not None:  # a team server is backed up by `server backup`
            print(f"Sikkerhedskopi fra før importen: {outcome.backup}")
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


def _import_or_errors(context: Context, table: ImportTable,
                      mapping: ColumnMapping) -> ImportResult | ImportCheck:
    """The import's result, or the check listing the row errors that stopped it."""
    from mentordesk import importing

    try:
        return importing.import_citizens(context, table, mapping).value
    except importing.ImportHasErrors as failed:
        return failed.check
