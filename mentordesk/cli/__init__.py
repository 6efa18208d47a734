"""The command line: the contract scripts and tests rely on (ARCHITECTURE.md).

Exit codes: 0 ok, 1 a check failed, 2 usage, 3 cannot open (wrong key, corrupt, not a
MentorDesk file), 4 internal error (a bug: the details are in the application log under
the reference printed) — always with one clear line on stderr. Who you are: ``--user LOGIN``
(default: the OS login, only as a default) with that person's passphrase from
MENTORDESK_PASSPHRASE, else this PC's keyring, else a prompt (only on a terminal).

Each ``*_commands`` module adds its commands with ``register(commands)``; they are listed
explicitly in ``COMMAND_MODULES`` so a freezer (PyInstaller) sees every one of them.
"""

from __future__ import annotations

import argparse
import logging
import secrets
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from mentordesk import __version__
from mentordesk.cli import (
    database_commands,
    economy_commands,
    people_commands,
    report_commands,
    rights_commands,
    schedule_commands,
    security_commands,
    server_commands,
    server_import_commands,
)
from mentordesk.cli.common import (
    EXIT_CANNOT_OPEN,
    EXIT_INTERNAL,
    EXIT_OK,
    EXIT_USAGE,
    CliFailure,
    refuse_server_for_file_command,
    use_login,
)
from mentordesk.errors import CannotOpenDatabase, KeyUnavailable, MentorDeskError

log = logging.getLogger(__name__)

COMMAND_MODULES = (
    database_commands,
    economy_commands,
    people_commands,
    report_commands,
    rights_commands,
    schedule_commands,
    security_commands,
    server_commands,
    server_import_commands,
)


def main(argv: Sequence[str] | None = None) -> int:
    _prefer_utf8_output()
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_usage(sys.stderr)
        return EXIT_USAGE
    use_login(getattr(args, "user", None))
    log_path = _start_app_log()
    command = _command_name(args)
    started = time.monotonic()
    code = _run(args, log_path)
    # The command's name, exit code and time only: its arguments are paths and values
    # that may name a citizen, and the log must hold no personal data.
    log.info("Command %s ended with exit code %d after %.2f s", command, code,
             time.monotonic() - started)
    return code


def _run(args: argparse.Namespace, log_path: Path | None) -> int:
    try:
        if not getattr(args.handler, "on_server", False):
            refuse_server_for_file_command(_command_name(args), getattr(args, "db", None))
        return int(args.handler(args) or 0)
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
    except BrokenPipeError:
        # The reader went away (e.g. `mentordesk citizens DB | head`): not an error.
        sys.stdout = None  # the interpreter must not flush into the closed pipe at exit
        return EXIT_OK
    except Exception:
        return _internal_error(args, log_path)


def _internal_error(args: argparse.Namespace, log_path: Path | None) -> int:
    """A bug: the traceback goes to the application log (scrubbed of values there) under
    a short reference; the user gets one Danish line naming the log and the reference."""
    reference = secrets.token_hex(3).upper()
    log.exception("Command %s failed unexpectedly (reference %s)", _command_name(args),
                  reference)
    where = f"se logfilen {log_path}" if log_path else "programloggen kunne ikke skrives"
    print(f"mentordesk: Intern fejl i MentorDesk; {where} (reference {reference}).",
          file=sys.stderr)
    return EXIT_INTERNAL


def _start_app_log() -> Path | None:
    """The same rotating application log as the GUI (``mentordesk.security.app_log``);
    returns its path, or None when it cannot be written."""
    from mentordesk.security import app_log

    try:
        return app_log.configure()
    except OSError:
        # An unwritable state folder must not stop a backup or an export.
        print("mentordesk: programloggen kan ikke skrives; kommandoen køres alligevel.",
              file=sys.stderr)
        return None


def _command_name(args: argparse.Namespace) -> str:
    """``economy export``, ``backup``: the command, from its parser and its handler
    (``_cmd_<action>``) for commands with actions."""
    command = getattr(args, "command_name", None) or "?"
    action = getattr(args.handler, "__name__", "").removeprefix("_cmd_").replace("_", "-")
    if not action or action.startswith(command) or action.startswith("<"):
        return command
    return f"{command} {action}"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="mentordesk", description="MentorDesk på kommandolinjen")
    parser.add_argument("--version", action="version", version=f"MentorDesk {__version__}")
    parser.add_argument("--user", metavar="LOGIN", help=_USER_HELP)
    # ``dest``: the command's name, for the application log.
    commands = parser.add_subparsers(metavar="KOMMANDO", dest="command_name")
    for module in COMMAND_MODULES:
        module.register(commands)
    for command in commands.choices.values():
        # Also after the command (``mentordesk citizens DB --user anna``); SUPPRESS keeps
        # a --user given before the command when none is given after it.
        command.add_argument("--user", metavar="LOGIN", default=argparse.SUPPRESS,
                             help=_USER_HELP)
    return parser


_USER_HELP = "dit login (standard: dit Windows-login); adgangskoden er din egen"


def _prefer_utf8_output() -> None:
    # Windows consoles default to a legacy code page that cannot print æøå safely.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8", errors="replace")
