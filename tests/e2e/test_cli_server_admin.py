"""``mentordesk server …`` as IT runs it: real processes against the throwaway cluster,
IT's password from PGPASSWORD, a new person's from MENTORDESK_PASSWORD."""

from __future__ import annotations

import functools
import os
import secrets
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote, urlencode, urlsplit

import psycopg
import pytest

from mentordesk.storage.engine import ServerProfile
from tests.server_support import ThrowawayCluster

PASSWORD = "ny-medarbejder-kode 2026"


def run(*args: str, home: Path, cluster: ThrowawayCluster, password: str | None = PASSWORD
        ) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env["MENTORDESK_HOME"] = str(home)
    env["PGPASSWORD"] = cluster.superuser.password
    env.pop("MENTORDESK_PASSWORD", None)
    if password is not None:
        env["MENTORDESK_PASSWORD"] = password
    return subprocess.run([sys.executable, "-m", "mentordesk", "server", *args],
                          capture_output=True, text=True, encoding="utf-8", env=env,
                          stdin=subprocess.DEVNULL, timeout=300)


def it_url(profile: ServerProfile, **options: str) -> str:
    """The one address form IT uses: TCP, the team's CA; ``options`` added to it."""
    query = urlencode({"sslrootcert": str(profile.ca_file), **options})
    return (f"postgresql://{quote(profile.login)}@{profile.host}:{profile.port}/"
            f"{profile.dbname}?{query}")


@pytest.fixture
def url(server_databases):
    profile = server_databases.create_empty()
    yield it_url(profile)
    server_databases.drop(profile)


def _can_log_in(cluster: ThrowawayCluster, url: str, login: str) -> bool:
    dbname = urlsplit(url).path.lstrip("/")
    try:
        psycopg.connect(host="127.0.0.1", port=cluster.port, dbname=dbname, user=login,
                        password=PASSWORD, sslmode="verify-full",
                        sslrootcert=str(cluster.superuser.ca_file)).close()
    except psycopg.OperationalError:
        return False
    return True


def test_it_sets_up_a_team_and_manages_its_people(url, pg_cluster, isolated_home):
    suffix = secrets.token_hex(3)
    admin, mentor = f"it_admin_{suffix}", f"mona_{suffix}"
    run_ = functools.partial(run, home=isolated_home, cluster=pg_cluster)

    first = run_("init", url, "--admin", admin)
    assert first.returncode == 0, first.stderr
    again = run_("init", url, "--admin", f"andet_{suffix}")
    assert again.returncode == 2 and "allerede" in again.stderr

    no_password = run_("add-user", url, mentor, "--role", "mentor", password=None)
    assert no_password.returncode == 2 and "MENTORDESK_PASSWORD" in no_password.stderr
    added = run_("add-user", url, mentor, "--role", "mentor", "--name", "Mona Mentor")
    assert added.returncode == 0, added.stderr
    assert _can_log_in(pg_cluster, url, mentor) and _can_log_in(pg_cluster, url, admin)

    moved = run_("set-role", url, mentor, "--role", "coordinator")
    assert moved.returncode == 0, moved.stderr
    removed = run_("remove-user", url, mentor)
    assert removed.returncode == 0, removed.stderr
    assert not _can_log_in(pg_cluster, url, mentor)
    unknown = run_("remove-user", url, f"ingen_{suffix}")
    assert unknown.returncode == 2 and "ingen bruger" in unknown.stderr


def test_a_server_that_cannot_be_reached_exits_3(pg_cluster, isolated_home):
    ca_file = pg_cluster.superuser.ca_file
    result = run("init", f"postgresql://nobody@127.0.0.1:1/none?sslrootcert={ca_file}",
                 "--admin", "it_admin", home=isolated_home, cluster=pg_cluster)
    assert result.returncode == 3 and "kunne ikke nås" in result.stderr


# Every server subcommand with its other arguments; {url} is where the address goes.
SUBCOMMANDS = (
    ("init", "{url}", "--admin", "it_admin"),
    ("add-user", "{url}", "mona", "--role", "mentor"),
    ("remove-user", "{url}", "mona"),
    ("set-role", "{url}", "mona", "--role", "admin"),
    ("import", "{file}", "{url}"),
    ("check", "{url}"),
    ("backup", "{url}", "--out", "{out}"),
    ("restore", "{backup}", "{url}"),
)
# Addresses that would not verify the server (every form is in test_server_profiles.py;
# here each command meets one of them, in turn).
NOT_VERIFYING = ("sslmode=require", "no CA", "a Unix socket", "sslmode=disable",
                 "sslmode=prefer", "sslmode=verify-ca", "no CA", "sslmode=require")


@pytest.mark.parametrize(("command", "address"), zip(SUBCOMMANDS, NOT_VERIFYING, strict=True),
                         ids=[command[0] for command in SUBCOMMANDS])
def test_every_server_command_refuses_an_address_that_does_not_verify_the_server(
        command, address, server_databases, isolated_home, tmp_path):
    target = server_databases.profile("mentordesk_not_touched")
    if address == "no CA":
        bad = f"postgresql://{target.login}@{target.host}:{target.port}/{target.dbname}"
    elif address == "a Unix socket":
        bad = it_url(target, host=str(server_databases.cluster.superuser.socket_dir))
    else:
        bad = it_url(target, sslmode=address.removeprefix("sslmode="))
    backup = tmp_path / "team.backup"
    backup.write_bytes(b"MentorDesk-backup")  # never read: the address is refused first
    args = [part.format(url=bad, file=tmp_path / "team.mentordesk", out=tmp_path / "ny.backup",
                        backup=backup) for part in command]

    result = run(*args, home=isolated_home, cluster=server_databases.cluster)

    assert result.returncode == 2, result.stderr
    assert "sslrootcert" in result.stderr or "verify-full" in result.stderr
