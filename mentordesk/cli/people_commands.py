"""Team members and their keys: users, enrol, passphrase, recovery-key, migrate-keys."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from mentordesk import vault
from mentordesk.cli.common import (
    EXIT_OK,
    EXIT_USAGE,
    PASSPHRASE_ENV,
    CliFailure,
    Commands,
    open_context,
    requested_login,
)
from mentordesk.domain.codes import Role
from mentordesk.storage.database import Database

# Values a script passes instead of answering a prompt.
NEW_PASSPHRASE_ENV = "MENTORDESK_NEW_PASSPHRASE"
ENROLMENT_CODE_ENV = "MENTORDESK_ENROLMENT_CODE"
_ROLES = {role.value: role for role in Role}


def register(commands: Commands) -> None:
    users = commands.add_parser("users", help="teamets personer og deres nøgler")
    users.add_argument("db", type=Path)
    actions = users.add_subparsers(metavar="HANDLING", required=True)
    listing = actions.add_parser("list", help="vis personerne og deres nøgler")
    listing.set_defaults(handler=_cmd_list)
    add = actions.add_parser("add", help="tilføj en person og udsted en engangskode")
    add.add_argument("login")
    add.add_argument("--role", choices=sorted(_ROLES), default=Role.MENTOR.value)
    add.add_argument("--name", default="", help="fulde navn (standard: login)")
    add.set_defaults(handler=_cmd_add)
    code = actions.add_parser("new-code", help="ny engangskode (glemt adgangskode)")
    code.add_argument("login")
    code.set_defaults(handler=_cmd_new_code)
    remove = actions.add_parser("remove", help="fjern en person; databasenøglen skiftes")
    remove.add_argument("login")
    remove.set_defaults(handler=_cmd_remove)
    set_role = actions.add_parser("set-role", help="skift en persons rolle")
    set_role.add_argument("login")
    set_role.add_argument("role", choices=sorted(_ROLES))
    set_role.set_defaults(handler=_cmd_set_role)

    enrol = commands.add_parser(
        "enrol", help="første gang: vælg din egen adgangskode med engangskoden")
    enrol.add_argument("db", type=Path)
    enrol.set_defaults(handler=_cmd_enrol)

    passphrase = commands.add_parser("passphrase", help="skift din egen adgangskode")
    passphrase.add_argument("db", type=Path)
    passphrase.set_defaults(handler=_cmd_passphrase)

    recovery = commands.add_parser(
        "recovery-key", help="ny gendannelsesnøgle (den gamle holder op med at virke)")
    recovery.add_argument("db", type=Path)
    recovery.add_argument("--sheet", type=Path, default=None, metavar="PDF",
                          help="gem gendannelsesarket her (ellers vises nøglen kun)")
    recovery.set_defaults(handler=_cmd_recovery_key)

    migrate = commands.add_parser(
        "migrate-keys", help="fra fælles adgangskode til personlige nøgler")
    migrate.add_argument("db", type=Path)
    migrate.add_argument("--sheet", type=Path, default=None, metavar="PDF",
                         help="gem gendannelsesarket her (ellers vises nøglen kun)")
    migrate.set_defaults(handler=_cmd_migrate_keys)


def _cmd_list(args: argparse.Namespace) -> int:
    from mentordesk.security.people import key_holders
    from mentordesk.services.team import list_users

    with open_context(args.db) as context:
        members = list_users(context)
        holders = {holder.login.casefold(): holder for holder in key_holders(context)}
    for member in members:
        holder = holders.get(member.login.casefold())
        key = ("ingen nøgle" if holder is None else
               f"engangskode udstedt ({holder.fingerprint})" if holder.kind == "enrolment"
               else f"nøgle {holder.fingerprint}")
        state = "aktiv" if member.active else "fjernet"
        print(f"{member.login:<20} {member.full_name:<30} {member.role.label:<14} "
              f"{state:<8} {key}")
    return EXIT_OK


def _cmd_add(args: argparse.Namespace) -> int:
    from mentordesk.security.people import enrol_person
    from mentordesk.services.team import NewUser, create_user

    with open_context(args.db) as context:
        create_user(context, NewUser(login=args.login, full_name=args.name or args.login,
                                     role=_ROLES[args.role]))
        code = enrol_person(context, args.login).value
    _print_code(args.login, code)
    return EXIT_OK


def _cmd_new_code(args: argparse.Namespace) -> int:
    from mentordesk.security.people import enrol_person

    with open_context(args.db) as context:
        code = enrol_person(context, args.login).value
    _print_code(args.login, code)
    return EXIT_OK


def _print_code(login: str, code: str) -> None:
    print(f"Engangskode til {login}: {code}")
    print("Giv koden personligt til vedkommende. Den bruges én gang, når de første gang "
          "åbner databasen og vælger deres egen adgangskode (mentordesk --user "
          f"{login} enrol DB).")


def _cmd_remove(args: argparse.Namespace) -> int:
    from mentordesk.security.people import remove_person

    with open_context(args.db) as context:
        removal = remove_person(context, args.login).value
    print(f"{removal.login} er fjernet. Databasenøglen er skiftet; "
          f"{removal.backups_reencrypted} sikkerhedskopier er omkrypteret"
          + (f", {len(removal.backups_destroyed)} der ikke kunne omkrypteres, er slettet"
             if removal.backups_destroyed else "") + ".")
    print("Kopier, der er gemt uden for teamets backupmappe, har stadig den gamle nøgle: "
          "slet dem.")
    return EXIT_OK


def _cmd_set_role(args: argparse.Namespace) -> int:
    from mentordesk.services.team import list_users, update_user

    with open_context(args.db) as context:
        member = next((m for m in list_users(context)
                       if m.login.casefold() == args.login.casefold()), None)
        if member is None:
            raise CliFailure(f"Der er ingen bruger med login «{args.login}».", EXIT_USAGE)
        update_user(context, member.id, member.version, {"role": args.role},
                    member.editable())
    print(f"{member.login} er nu {_ROLES[args.role].label.lower()}.")
    return EXIT_OK


def _cmd_enrol(args: argparse.Namespace) -> int:
    from mentordesk.security.people import complete_enrolment

    login = requested_login()
    code = os.environ.get(ENROLMENT_CODE_ENV) or _ask("Engangskode: ", ENROLMENT_CODE_ENV)
    passphrase = _new_passphrase()
    database = complete_enrolment(args.db, login, code, passphrase)
    database.close()
    print(f"Velkommen, {login}: din egen adgangskode er gemt. Engangskoden virker ikke mere.")
    return EXIT_OK


def _cmd_passphrase(args: argparse.Namespace) -> int:
    passphrase = _new_passphrase()
    with open_context(args.db) as context:
        vault.change_own_passphrase(context.database, passphrase)
    print(f"Din adgangskode er skiftet for {args.db.name}. Ingen andres nøgler er berørt.")
    return EXIT_OK


def _cmd_recovery_key(args: argparse.Namespace) -> int:
    from mentordesk.security.people import renew_recovery_key

    with open_context(args.db) as context:
        secret = renew_recovery_key(context).value
        show_recovery_key(context.database, secret, args.sheet)
    return EXIT_OK


def _cmd_migrate_keys(args: argparse.Namespace) -> int:
    from mentordesk.security.key_migration import migrate_to_key_slots

    team_passphrase = os.environ.get(PASSPHRASE_ENV) or _ask(
        "Teamets nuværende fælles adgangskode: ", PASSPHRASE_ENV)
    login = requested_login()
    print(f"Du bliver den første med en personlig nøgle: {login}.")
    own = _new_passphrase()
    migrated = migrate_to_key_slots(args.db, team_passphrase, admin_login=login,
                                    admin_passphrase=own)
    try:
        print(f"Databasen har nu personlige nøgler. Sikkerhedskopi fra før: {migrated.backup}")
        for member, code in migrated.enrolment_codes.items():
            print(f"Engangskode til {member}: {code}")
        show_recovery_key(migrated.database, migrated.recovery_key, args.sheet)
    finally:
        migrated.database.close()
    return EXIT_OK


def show_recovery_key(database: Database, secret: str, sheet: Path | None) -> None:
    """The recovery key is shown once on the terminal; it is saved to disk only where the
    user asked (``--sheet``)."""
    from mentordesk.security.recovery_sheet import facts_for, write_recovery_sheet

    print(f"Gendannelsesnøgle (login: gendannelse): {secret}")
    print("Skriv den ned eller udskriv den, og lås den inde. Den gemmes ingen steder.")
    if sheet is not None:
        written = write_recovery_sheet(sheet, facts_for(database, recovery_key=secret))
        print(f"Gendannelsesarket er gemt i {written}. Udskriv det, og slet filen bagefter.")


def _new_passphrase() -> str:
    passphrase = os.environ.get(NEW_PASSPHRASE_ENV)
    if passphrase:
        vault.check_passphrase_strength(passphrase)
        return passphrase
    first = _ask("Ny adgangskode (mindst 12 tegn): ", NEW_PASSPHRASE_ENV)
    if getpass.getpass("Gentag adgangskoden: ") != first:
        raise CliFailure("De to adgangskoder er ikke ens.", EXIT_USAGE)
    vault.check_passphrase_strength(first)
    return first


def _ask(prompt: str, variable: str) -> str:
    if not sys.stdin.isatty():
        raise CliFailure(f"Angiv værdien i {variable} eller kør i en terminal.", EXIT_USAGE)
    return getpass.getpass(prompt)
