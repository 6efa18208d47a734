"""The command line: the contract scripts and tests rely on (ARCHITECTURE.md).

Exit codes: 0 ok, 1 a check failed, 2 usage, 3 cannot open (wrong key, corrupt, not a
MentorDesk file) — always with one clear line on stderr. The key comes from
MENTORDESK_PASSPHRASE, else this PC's keyring, else a prompt (only on a terminal).

Each module in this package that defines ``register(commands)`` adds its commands, so an
area (plan, hours, economy, reports …) brings its commands without touching this file.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from collections.abc import Sequence

from mentordesk.cli.common import EXIT_CANNOT_OPEN, EXIT_OK, EXIT_USAGE, CliFailure
from mentordesk.errors import CannotOpenDatabase, KeyUnavailable, MentorDeskError


def main(argv: Sequence[str] | None = None) -> int:
    _prefer_utf8_output()
    parser = build_parser()
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
    except BrokenPipeError:
        # The reader went away (e.g. `mentordesk citizens DB | head`): not an error.
        sys.stdout = None  # the interpreter must not flush into the closed pipe at exit
        return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="mentordesk", description="MentorDesk på kommandolinjen")
    commands = parser.add_subparsers(metavar="KOMMANDO")
    for module_info in sorted(pkgutil.iter_modules(__path__), key=lambda info: info.name):
        module = importlib.import_module(f"{__name__}.{module_info.name}")
        register = getattr(module, "register", None)
        if register is not None:
            register(commands)
    return parser


def _prefer_utf8_output() -> None:
    # Windows consoles default to a legacy code page that cannot print æøå safely.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8", errors="replace")
