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
from mentordesk.storage.database import Database

EXIT_OK, EXIT_CHECK_FAILED, EXIT_USAGE, EXIT_CANNOT_OPEN = 0, 1, 2, 3
# An unexpected error (a bug): never 1, which scripts read as "a check failed".
EXIT_INTERNAL = 4
PASSPHRASE_ENV = "MENTORDESK_PASSPHRASE"

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
def open_context(path: Path, progress: Progress | None = None, *,
                 guard: Callable[[Database], None] | None = None) -> Iterator[Context]:
    """The context a command runs its operations in: the database opened with the first
    key source that has a key, the acting user being the person it was unlocked as, and
    the database closed again however the command ends.

    ``guard(database)`` runs before the user is resolved, which writes the unlock to the
    access log: a refusal there leaves the file exactly as it was."""
    from mentordesk.keys.witness import remember_head

    database = open_database(path)
    try:
        if guard is not None:
            guard(database)
        yield Context(database, acting_user(database), progress or NoProgress())
        remember_head(database, database.file_id)
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
