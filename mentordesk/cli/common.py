"""What every command shares: exit codes, failures, opening a database with a key, and
the operation context a command runs its use cases in."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeAlias, TypeVar

from mentordesk import vault
from mentordesk.errors import KeyUnavailable, WeakPassphrase
from mentordesk.kernel.actor import Actor
from mentordesk.kernel.context import Context
from mentordesk.kernel.progress import NoProgress, Progress
from mentordesk.server.profiles import ConnectionProfile, ProfileError
from mentordesk.storage.database import Database, ServerDatabase

# What a command's DB argument names: a database file, or a team server's profile.
Target: TypeAlias = "Path | ConnectionProfile"

EXIT_OK, EXIT_CHECK_FAILED, EXIT_USAGE, EXIT_CANNOT_OPEN = 0, 1, 2, 3
# An unexpected error (a bug): never 1, which scripts read as "a check failed".
EXIT_INTERNAL = 4
PASSPHRASE_ENV = "MENTORDESK_PASSPHRASE"
# A team server's login password (never on the command line, where every process listing
# and the shell history would show it).
SERVER_PASSWORD_ENV = "MENTORDESK_PASSWORD"
SERVER_PREFIX = "server:"

# Who runs this command: ``--user LOGIN`` (``main`` sets it for each run), else the OS
# login as a default. It only chooses which key slot to unlock; the identity is whoever's
# passphrase or remembered key opens it.
_requested_login: str | None = None


def use_login(login: str | None) -> None:
    global _requested_login
    _requested_login = login.strip() if login else None


def requested_login() -> str:
    return _requested_login or vault.current_login()

Created = TypeVar("Created")
Handler = TypeVar("Handler", bound=Callable[..., object])

# A subparsers action: each command module's ``register(commands)`` adds its commands.
Commands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"


class CliFailure(Exception):
    """A command cannot go on: ``main`` prints the message on stderr and exits with code."""

    def __init__(self, message: str, code: int) -> None:
        super().__init__(message)
        self.code = code


def positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("skal være mindst 1")
    return value


def create_or_fail(create: Callable[[], Created], path: Path) -> Created:
    if path.exists():
        raise CliFailure(f"Filen findes allerede og bliver ikke overskrevet: {path}", EXIT_USAGE)
    try:
        return create()
    except WeakPassphrase as error:
        raise CliFailure(str(error), EXIT_USAGE) from error


def database_argument(text: str) -> Path | ConnectionProfile:
    """A DB argument: ``server:<profile name>``, ``postgresql://login@host:port/db?
    sslrootcert=…`` or a file path (argparse turns a ProfileError into exit 2)."""
    from mentordesk.server import profiles

    try:
        if text.startswith(SERVER_PREFIX):
            return profiles.find_profile(text.removeprefix(SERVER_PREFIX))
        if profiles.is_server_url(text):
            return profiles.parse_url(text)
    except ProfileError as error:
        raise argparse.ArgumentTypeError(str(error)) from error
    return Path(text)


def works_on_server(handler: Handler) -> Handler:
    """Mark a command that runs unchanged on a team server (its DB argument must use
    ``type=database_argument``); every other command refuses a server with exit 2."""
    handler.on_server = True  # type: ignore[attr-defined]
    return handler


def names_a_server(value: object) -> bool:
    """A DB argument that names a server, also where the command took it as a path."""
    if isinstance(value, ConnectionProfile):
        return True
    text = str(value) if isinstance(value, Path) else ""
    return text.startswith(SERVER_PREFIX) or text.startswith(("postgresql:", "postgres:"))


def refuse_server_for_file_command(command: str, value: object) -> None:
    """Commands that work on the file itself (keys, backups, restore…) given a server."""
    if names_a_server(value):
        raise CliFailure(
            f"«{command}» virker kun på en databasefil. På en teamserver klarer it-support "
            "det med «mentordesk server …».", EXIT_USAGE)


def open_server_database(profile: ConnectionProfile) -> ServerDatabase:
    """Connect with the first password source that has one: MENTORDESK_PASSWORD, this
    PC's keyring (when the user chose to remember it), a prompt on a terminal."""
    from mentordesk.server.connect import open_server
    from mentordesk.server.profiles import remembered_password

    password = os.environ.get(SERVER_PASSWORD_ENV) or remembered_password(profile)
    if not password:
        if not sys.stdin.isatty():
            raise CliFailure(
                f"Ingen adgangskode til {profile.title()}: sæt {SERVER_PASSWORD_ENV} eller "
                "kør i en terminal.", EXIT_CANNOT_OPEN)
        password = getpass.getpass(f"Adgangskode for {profile.title()}: ")
    return open_server(profile, password)


def open_database(path: Path) -> Database:
    """Open as the requested person with the first key source that has their key
    (environment, this PC's keyring, a prompt); a rolled-back log is said out loud."""
    database = _unlock(path)
    if database.log_warning:
        print(f"mentordesk: ADVARSEL: {database.log_warning}", file=sys.stderr)
    return database


def _unlock(path: Path) -> Database:
    login = requested_login()
    passphrase = os.environ.get(PASSPHRASE_ENV)
    if passphrase:
        return vault.unlock_with_passphrase(path, passphrase, login=login)
    try:
        return vault.unlock_with_keyring(path, login=login)
    except vault.StaleKey:
        pass  # fall through to the prompt
    except KeyUnavailable:
        pass
    if not sys.stdin.isatty():
        raise CliFailure(
            f"Ingen nøgle til {path.name} for {login}: sæt {PASSPHRASE_ENV} eller kør i en "
            "terminal.", EXIT_CANNOT_OPEN)
    return vault.unlock_with_passphrase(path, getpass.getpass(f"Adgangskode for {login}: "),
                                        login=login)


def acting_user(database: Database) -> Actor:
    """The team member the database was unlocked as (never the OS login)."""
    from mentordesk.services.team import resolve_actor

    return resolve_actor(database, vault.require_identity(database).login)


@contextmanager
def open_context(path: Target, progress: Progress | None = None, *,
                 guard: Callable[[Database], None] | None = None) -> Iterator[Context]:
    """The context a command runs its operations in: the database opened with the first
    key source that has a key, the acting user being the person it was unlocked as, and
    the database closed again however the command ends. On a team server the acting user
    is the login the server authenticated (``services.team.resolve_actor``).

    ``guard(database)`` runs before the user is resolved, which writes the unlock to the
    access log: a refusal there leaves the file exactly as it was."""
    from mentordesk.keys.witness import remember_head

    if isinstance(path, ConnectionProfile):
        with _server_context(path, progress, guard) as context:
            yield context
        return
    database = open_database(path)
    try:
        if guard is not None:
            guard(database)
        yield Context(database, acting_user(database), progress or NoProgress())
        remember_head(database, database.file_id)
    finally:
        database.close()


@contextmanager
def _server_context(profile: ConnectionProfile, progress: Progress | None,
                    guard: Callable[[Database], None] | None) -> Iterator[Context]:
    from mentordesk.services.team import resolve_actor

    database = open_server_database(profile)
    try:
        if guard is not None:
            guard(database)
        yield Context(database, resolve_actor(database, profile.login),
                      progress or NoProgress())
    finally:
        database.close()


def new_passphrase() -> str:
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
