"""Which commands run on a team server, read from the parser itself: each one marked
``@works_on_server`` takes its DB argument through ``database_argument`` (else a
``server:`` name would reach it as a path), and the list is the one the README and
ARCHITECTURE.md promise."""

from __future__ import annotations

import argparse
from collections.abc import Iterator

from mentordesk.cli import build_parser
from mentordesk.cli.common import database_argument

ON_SERVER = {"citizens", "report", "export-citizen", "attribute", "hours", "calendar export",
             "economy export", "economy import", "economy summary", "audit-review",
             "audit-prune", "import-citizens"}


def _commands(parser: argparse.ArgumentParser, prefix: str = ""
              ) -> Iterator[tuple[str, argparse.ArgumentParser]]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _commands(sub, f"{prefix}{name} ")
    if parser.get_default("handler") is not None:
        yield prefix.strip(), parser


def _server_commands() -> dict[str, argparse.ArgumentParser]:
    return {name: parser for name, parser in _commands(build_parser())
            if getattr(parser.get_default("handler"), "on_server", False)}


def test_the_server_capable_commands_are_the_documented_ones():
    assert set(_server_commands()) == ON_SERVER


def test_every_server_capable_command_reads_its_db_as_a_server_or_a_file():
    for name, parser in _server_commands().items():
        db = next(action for action in parser._actions if action.dest == "db")
        assert db.type is database_argument, name
