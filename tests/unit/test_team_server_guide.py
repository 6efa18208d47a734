"""docs/team-server.md, IT's guide, names only commands that exist: every `mentordesk …`
line in its code blocks is parsed by the real command-line parser (subcommand, option
names, required options, allowed values), so a renamed option fails here, not at IT."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from mentordesk.cli import build_parser

GUIDE = Path(__file__).resolve().parents[2] / "docs" / "team-server.md"
def guide_commands() -> list[str]:
    """Every line of a fenced code block that runs ``mentordesk``."""
    blocks = re.findall(r"^ *```[^\n]*\n(.*?)^ *```", GUIDE.read_text(encoding="utf-8"),
                        flags=re.MULTILINE | re.DOTALL)
    return [line.strip() for block in blocks for line in block.splitlines()
            if line.strip().startswith("mentordesk ")]


def test_the_guide_shows_every_server_command():
    shown = {shlex.split(line)[shlex.split(line).index("server") + 1]
             for line in guide_commands() if "server" in shlex.split(line)}
    assert shown >= {"init", "add-user", "remove-user", "set-role", "import", "check",
                     "backup", "restore", "set-password", "upgrade"}


@pytest.mark.parametrize("line", guide_commands())
def test_each_command_in_the_guide_parses_with_the_real_options(line, capsys):
    words = shlex.split(line)[1:]
    try:
        args = build_parser().parse_args(words)
    except SystemExit:
        pytest.fail(f"{line}\n{capsys.readouterr().err}")
    assert getattr(args, "handler", None), f"{line}: no command runs"


def test_every_address_in_the_guide_is_one_the_commands_accept():
    from mentordesk.server.profiles import ProfileError, parse_url

    text = GUIDE.read_text(encoding="utf-8")
    addresses = [address for address in re.findall(r"postgresql://[^'\"`\s]+", text)
                 if "…" not in address and "LOGIN@VÆRT" not in address]
    assert len(addresses) >= 3
    for address in addresses:
        # Everything but the CA file itself, which exists on IT's machine, not here.
        with pytest.raises(ProfileError, match="CA-certifikatet findes ikke"):
            parse_url(address)
