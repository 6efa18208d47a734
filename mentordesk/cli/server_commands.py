"""server init | add-user | remove-user | set-role | set-password | upgrade: IT sets up a
team server and its people, and upgrades it for a new program version.

Every command reaches the server as every ``server`` command does (``it_profile``: the one
address form, always verify-full; IT's password from PGPASSWORD or ~/.pgpass). A new
person's password comes from MENTORDESK_PASSWORD (init, add-user) or MENTORDESK_NEW_PASSWORD
(set-password, where MENTORDESK_PASSWORD may well be IT's own person's) or a prompt, never
the command line, where other users of the machine could read it.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from mentordesk.cli.common import EXIT_OK, EXIT_USAGE, CliFailure, Commands
from mentordesk.cli.server_import_commands import it_profile, server_subcommands
from mentordesk.domain.codes import Role

PASSWORD_ENV = "MENTORDESK_PASSWORD"
NEW_PASSWORD_ENV = "MENTORDESK_NEW_PASSWORD"
_ROLES = [role.value for role in Role]


def register(commands: Commands) -> None:
    actions = server_subcommands(commands)

    init = actions.add_parser("init", help="opret skema, roller og første administrator")
    init.add_argument("url", metavar="URL")
    init.add_argument("--admin", required=True, metavar="LOGIN")
    init.add_argument("--team-name", default="Teamet", metavar="NAVN")
    init.set_defaults(handler=_cmd_init)

    add = actions.add_parser("add-user", help="opret en person som login-rolle")
    add.add_argument("url", metavar="URL")
    add.add_argument("login", metavar="LOGIN")
    add.add_argument("--role", required=True, choices=_ROLES)
    add.add_argument("--name", default="", metavar="NAVN")
    add.set_defaults(handler=_cmd_add_user)

    remove = actions.add_parser("remove-user", help="luk en persons login (loggen bevares)")
    remove.add_argument("url", metavar="URL")
    remove.add_argument("login", metavar="LOGIN")
    remove.set_defaults(handler=_cmd_remove_user)

    move = actions.add_parser("set-role", help="flyt en person til en anden rolle")
    move.add_argument("url", metavar="URL")
    move.add_argument("login", metavar="LOGIN")
    move.add_argument("--role", required=True, choices=_ROLES)
    move.set_defaults(handler=_cmd_set_role)

    password = actions.add_parser("set-password",
                                  help="giv en person (fx fra en flyttet fil) en adgangskode")
    # URL before LOGIN, as add-user, remove-user and set-role have it.
    password.add_argument("url", metavar="URL")
    password.add_argument("login", metavar="LOGIN")
    password.set_defaults(handler=_cmd_set_password)

    upgrade = actions.add_parser("upgrade", help="opgradér serverens skema til programmets")
    upgrade.add_argument("url", metavar="URL")
    upgrade.set_defaults(handler=_cmd_upgrade)


def _cmd_init(args: argparse.Namespace) -> int:
    from mentordesk.server import provision

    password = _new_password(args.admin)
    _provision(lambda engine: provision.initialise(engine, args.team_name, args.admin,
                                                   password), args.url)
    print(f"Teamserveren er sat op; {args.admin} er administrator.")
    return EXIT_OK


def _cmd_add_user(args: argparse.Namespace) -> int:
    from mentordesk.server import provision

    password = _new_password(args.login)
    _provision(lambda engine: provision.add_user(engine, args.login, password,
                                                 Role(args.role), args.name), args.url)
    print(f"{args.login} er oprettet som {Role(args.role).label.lower()}.")
    return EXIT_OK


def _cmd_remove_user(args: argparse.Namespace) -> int:
    from mentordesk.server import provision

    _provision(lambda engine: provision.remove_user(engine, args.login), args.url)
    print(f"{args.login} kan ikke længere logge ind; loggen er bevaret.")
    return EXIT_OK


def _cmd_set_role(args: argparse.Namespace) -> int:
    from mentordesk.server import provision

    _provision(lambda engine: provision.set_role(engine, args.login, Role(args.role)),
               args.url)
    print(f"{args.login} er nu {Role(args.role).label.lower()}.")
    return EXIT_OK


def _cmd_set_password(args: argparse.Namespace) -> int:
    from mentordesk.server import provision

    password = _new_password(args.login, NEW_PASSWORD_ENV)
    _provision(lambda engine: provision.set_password(engine, args.login, password), args.url)
    print(f"{args.login} har fået en ny adgangskode og kan logge ind.")
    return EXIT_OK


def _cmd_upgrade(args: argparse.Namespace) -> int:
    from mentordesk.server import provision

    revisions: list[tuple[str, str]] = []
    _provision(lambda engine: revisions.append(provision.upgrade(engine)), args.url)
    before, after = revisions[0]
    if before == after:
        print(f"Skemaet er allerede {after}; roller og rettigheder er fornyet.")
    else:
        print(f"Skemaet er opgraderet fra {before} til {after}; roller og rettigheder er "
              "fornyet.")
    return EXIT_OK


def _provision(work, url: str) -> None:  # type: ignore[no-untyped-def]
    from mentordesk.server import provision

    engine = provision.open_admin_engine(it_profile(url))
    try:
        work(engine)
    except provision.ProvisionError as error:
        raise CliFailure(str(error), EXIT_USAGE) from error
    finally:
        engine.dispose()


def _new_password(login: str, variable: str = PASSWORD_ENV) -> str:
    password = os.environ.get(variable, "")
    if not password and sys.stdin.isatty():
        password = getpass.getpass(f"Ny adgangskode for {login}: ")
    if not password:
        raise CliFailure(f"Angiv adgangskoden i {variable} eller ved prompten.",
                         EXIT_USAGE)
    return password
