"""MentorDesk's windowed program: the first opening begins before the GUI's modules load.

Starting the app is mostly importing (PySide6, the app's views) and, for the file's first
look, deriving the passphrase's key (Argon2id) and a driver read of the file. The last two
release the interpreter, so they run on their own thread while ``ui.app`` imports
(``keys.first_opening.FirstOpeningInAdvance``); the opening flow takes the result when it
opens that same file as that same person, and otherwise opens the usual way. Everything
else is ``ui.app.main``.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from mentordesk.keys.first_opening import FirstOpeningInAdvance

# Options answered on the console, like a command (everything else opens windows).
CONSOLE_OPTIONS = {"--version", "--help", "-h"}
# The options that open the demo (``ui.app.parse_options``), spelt out in full: an
# abbreviation argparse would accept only loses the head start.
DEMO_OPTIONS = ("--demo", "--self-check")


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv if argv is None else argv)
    in_advance = first_opening_in_advance(argv[1:])
    from ui.app import main as run_app  # imported while the first opening runs beside it

    return run_app(argv, in_advance)


def wants_console(args: Sequence[str]) -> bool:
    """A command (``mentordesk check DB``) or ``--version``/``--help`` writes to a console."""
    return bool(args) and (not args[0].startswith("-") or bool(CONSOLE_OPTIONS & set(args)))


def first_opening_in_advance(args: Sequence[str]) -> FirstOpeningInAdvance | None:
    """The first look the flow will ask for first: the demo's (``--demo``), else the
    remembered file's with the remembered key. None when the start opens no file."""
    if wants_console(args):
        return None
    if any(arg.split("=", 1)[0] in DEMO_OPTIONS for arg in args):
        return _demo_in_advance()
    return _remembered_in_advance()


def _demo_in_advance() -> FirstOpeningInAdvance | None:
    from mentordesk import paths
    from mentordesk.keys.first_opening import first_opening_with_passphrase
    from mentordesk.keys.identity import current_login

    path, login = paths.demo_database_path(), current_login()
    if not path.exists():
        return None  # built on first use, with its own progress dialog

    return FirstOpeningInAdvance(path, login, lambda: first_opening_with_passphrase(
        path, paths.DEMO_PASSPHRASE, login))


def _remembered_in_advance() -> FirstOpeningInAdvance | None:
    from mentordesk.keys.first_opening import first_opening_with_keyring
    from mentordesk.keys.keystore import KeyStore
    from ui import settings

    settings.name_the_settings()
    path = settings.last_database()
    if path is None or not path.exists():
        return None  # the first-run dialog asks what to open
    login, keystore = settings.default_login(), KeyStore()
    return FirstOpeningInAdvance(path, login,
                                 lambda: first_opening_with_keyring(path, keystore, login))
