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
from typing import TypeAlias

from mentordesk import vault
from mentordesk.errors import KeyUnavailable, WeakPassphrase
from mentordesk.kernel.context import Context
from mentordesk.kernel.progress import NoProgress, Progress
from mentordesk.storage.database import Database

EXIT_OK, EXIT_CHECK_FAILED, EXIT_USAGE, EXIT_CANNOT_OPEN = 0, 1, 2, 3
# An unexpected error (a bug): never 1, which scripts read as "a check failed".
EXIT_INTERNAL = 4
PASSPHRASE_ENV = "MENTORDESK_PASSPHRASE"

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


def create_or_fail(create: Callable[[], Database], path: Path) -> Database:
    if path.exists():
        raise CliFailure(f"Filen findes allerede og bliver ikke overskrevet: {path}", EXIT_USAGE)
    try:
        return create()
    except WeakPassphrase as error:
        raise CliFailure(str(error), EXIT_USAGE) from error


def open_database(path: Path) -> Database:
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


@contextmanager
def open_context(path: Path, progress: Progress | None = None, *,
                 guard: Callable[[Database], None] | None = None) -> Iterator[Context]:
    """The context a command runs its operations in: the database opened with the first
    key source that has a key, the acting user resolved from this OS login, and the
    database closed again however the command ends.

    ``guard(database)`` runs before the user is resolved, which writes the unlock to the
    access log: a refusal there leaves the file exactly as it was."""
    from mentordesk.services.team import resolve_actor

    database = open_database(path)
    try:
        if guard is not None:
            guard(database)
        actor = resolve_actor(database, vault.current_login())
        yield Context(database, actor, progress or NoProgress())
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
