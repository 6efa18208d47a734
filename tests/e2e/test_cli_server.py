"""The command line on a team server: a real process, logging in as a real login role."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from mentordesk.server.profiles import save_profile, to_url
from tests.server_team import CITIZENS, team_with_login


def run(*args: str, home: Path, password: str | None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env["MENTORDESK_HOME"] = str(home)
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.null.Keyring"
    env.pop("MENTORDESK_PASSPHRASE", None)
    env.pop("MENTORDESK_PASSWORD", None)
    if password is not None:
        env["MENTORDESK_PASSWORD"] = password
    return subprocess.run([sys.executable, "-m", "mentordesk", *args], capture_output=True,
                          text=True, encoding="utf-8", env=env, input="", timeout=300)


@pytest.fixture
def team(server_databases):
    yield from team_with_login(server_databases, name="kontoret")


def test_citizens_through_a_saved_profile_lists_the_servers_citizens(team, isolated_home):
    save_profile(team.profile)

    result = run("citizens", "server:kontoret", "--json", home=isolated_home,
                 password=team.password)

    assert result.returncode == 0, result.stderr
    names = {row["name"] for row in json.loads(result.stdout)}
    assert {f"{first} {last}" for first, last in CITIZENS} <= names


def test_a_url_works_like_a_profile(team, isolated_home):
    result = run("citizens", to_url(team.profile), "--json", home=isolated_home,
                 password=team.password)

    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)) == len(CITIZENS)


def test_a_wrong_password_exits_3_with_one_danish_line(team, isolated_home):
    save_profile(team.profile)

    result = run("citizens", "server:kontoret", home=isolated_home, password="forkert-kode")

    assert result.returncode == 3
    assert result.stderr.strip().splitlines() == [
        f"mentordesk: Kunne ikke forbinde til teamserveren som {team.profile.title()}: "
        "login eller adgangskode er forkert."]
    assert team.password not in result.stderr


def test_no_password_and_no_terminal_exits_3(team, isolated_home):
    save_profile(team.profile)

    result = run("citizens", "server:kontoret", home=isolated_home, password=None)

    assert result.returncode == 3 and "MENTORDESK_PASSWORD" in result.stderr


@pytest.mark.parametrize("command", [["backup", "--out", "kopi.mentordesk"], ["users", "list"],
                                     ["check"], ["passphrase"]])
def test_file_only_commands_refuse_a_server_with_exit_2(command, isolated_home, tmp_path):
    name, *rest = command
    result = run(name, "server:kontoret", *rest, home=isolated_home, password="x")

    assert result.returncode == 2
    assert "virker kun på en databasefil" in result.stderr
    assert "mentordesk server" in result.stderr


def test_an_unknown_profile_is_a_usage_error(isolated_home):
    result = run("citizens", "server:findes-ikke", home=isolated_home, password="x")

    assert result.returncode == 2 and "findes-ikke" in result.stderr
