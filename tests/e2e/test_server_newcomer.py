"""The newcomer's path, as IT and two colleagues walk it, every step a real `mentordesk`
process against the throwaway server: `server init`, `server import` of the demo file,
`server set-password` for a mentor and a coordinator; then each logs in from their own
PC (process) and sees what their role allows, the mentor's `psql` session (a raw
psycopg connection) is refused the other citizens and cannot touch the log, and
`server check` passes. Under CI=true a missing PostgreSQL fails instead of skipping."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest
from psycopg import errors

from mentordesk import vault
from mentordesk.paths import DEMO_PASSPHRASE
from mentordesk.storage.engine import ServerProfile
from tests.server.team_setup import drop_roles

IT_LOGIN = "it-chef"
MENTOR_PASSWORD = "mentorens egen kode 2026"
COORDINATOR_PASSWORD = "koordinatorens egen kode 2026"
ADMIN_PASSWORD = "it-chefens egen kode 2026"


def mentordesk(*args: str, home: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {key: value for key, value in os.environ.items()
                   if not key.startswith(("MENTORDESK_", "PG"))}
    environment.update({"MENTORDESK_HOME": str(home),
                        "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring", **env})
    return subprocess.run([sys.executable, "-m", "mentordesk", *args], capture_output=True,
                          text=True, encoding="utf-8", env=environment,
                          stdin=subprocess.DEVNULL, timeout=600)


def address(server: ServerProfile, login: str) -> str:
    """The address in the form the guide gives: login, host, port, database, the CA."""
    return (f"postgresql://{login}@{server.host}:{server.port}/{server.dbname}"
            f"?sslrootcert={server.ca_file}")


def psql_as(server: ServerProfile, login: str, password: str) -> psycopg.Connection:
    """What the person's psql would be: their own login, TLS verified by the team's CA."""
    return psycopg.connect(host=server.host, port=server.port, dbname=server.dbname,
                           user=login, password=password, sslmode="verify-full",
                           sslrootcert=str(server.ca_file), autocommit=True)


def citizens_in(listing: subprocess.CompletedProcess[str]) -> dict[int, str]:
    """The citizens a `citizens --json` run listed: id → the name the person saw."""
    assert listing.returncode == 0, listing.stderr
    return {row["id"]: row["name"] for row in json.loads(listing.stdout)}


@pytest.fixture
def server(server_databases):
    profile = server_databases.create_empty()
    yield profile
    people = []
    try:
        with psql_as(profile, profile.login, profile.password) as connection:
            people = [login for (login,) in connection.execute('SELECT login FROM "user"')]
    except psycopg.Error:
        pass  # the test failed before the schema existed: no people to remove
    server_databases.drop(profile)
    drop_roles(server_databases.profile("postgres"), people)


def _two_colleagues(demo: Path) -> tuple[str, str]:
    """From the demo file (read as IT): a coordinator, and the mentor with the most
    citizens today (the test needs one who sees some but not all)."""
    from sqlalchemy import text

    database = vault.unlock_with_passphrase(demo, DEMO_PASSPHRASE, login=IT_LOGIN)
    try:
        with database.read_session() as session:
            roles = dict(session.execute(
                text('SELECT login, role FROM "user" WHERE active')).tuples().all())
            caseloads = dict(session.execute(text(
                'SELECT u.login, count(DISTINCT a.citizen_id) FROM "user" u JOIN assignment a '
                "ON a.user_id = u.id WHERE a.start_on <= CURRENT_DATE AND "
                "(a.end_on IS NULL OR a.end_on >= CURRENT_DATE) GROUP BY u.login")).tuples().all())
    finally:
        database.close()
    coordinator = min(login for login, role in roles.items() if role == "coordinator")
    mentor = max((login for login, role in roles.items() if role == "mentor"),
                 key=lambda login: caseloads.get(login, 0))
    return coordinator, mentor


def test_from_server_init_to_a_mentor_and_a_coordinator_logged_in(
        server, tmp_path: Path, isolated_home: Path):
    demo = tmp_path / "demo.mentordesk"
    it = {"PGPASSWORD": server.password}
    it_url = address(server, server.login)

    made = mentordesk("--user", IT_LOGIN, "demo", str(demo), "--citizens", "12", "--years",
                      "1", home=isolated_home, MENTORDESK_PASSPHRASE=DEMO_PASSPHRASE)
    assert made.returncode == 0, made.stderr
    coordinator, mentor = _two_colleagues(demo)
    # What the mentor's own app showed them in the file: the server must show the same.
    in_the_file = citizens_in(mentordesk("--user", mentor, "citizens", str(demo), "--json",
                                      home=isolated_home,
                                      MENTORDESK_PASSPHRASE=DEMO_PASSPHRASE))
    everyone = citizens_in(mentordesk("--user", IT_LOGIN, "citizens", str(demo), "--json",
                                   home=isolated_home, MENTORDESK_PASSPHRASE=DEMO_PASSPHRASE))
    assert in_the_file and in_the_file.items() < everyone.items()

    # IT: init, import, a password for each colleague.
    init = mentordesk("server", "init", it_url, "--admin", IT_LOGIN, home=isolated_home,
                      MENTORDESK_PASSWORD=ADMIN_PASSWORD, **it)
    assert init.returncode == 0, init.stderr
    moved = mentordesk("--user", IT_LOGIN, "server", "import", str(demo), it_url,
                       home=isolated_home, MENTORDESK_PASSPHRASE=DEMO_PASSPHRASE, **it)
    assert moved.returncode == 0, moved.stderr
    assert f"  {mentor}: mentor, mangler adgangskode" in moved.stdout.splitlines()
    assert f"  {coordinator}: koordinator, mangler adgangskode" in moved.stdout.splitlines()
    assert "mentordesk server set-password URL" in moved.stdout
    refused_before = mentordesk("citizens", address(server, mentor), "--json",
                                home=isolated_home, MENTORDESK_PASSWORD=MENTOR_PASSWORD)
    assert refused_before.returncode == 3  # no password yet: the server lets no one in
    for login, password in ((mentor, MENTOR_PASSWORD), (coordinator, COORDINATOR_PASSWORD)):
        given = mentordesk("server", "set-password", it_url, login, home=isolated_home,
                           MENTORDESK_NEW_PASSWORD=password, **it)
        assert given.returncode == 0, given.stderr

    # Two PCs: the mentor sees their own citizens, the coordinator the whole team.
    as_mentor = citizens_in(mentordesk("citizens", address(server, mentor), "--json",
                                    home=isolated_home / "mentor",
                                    MENTORDESK_PASSWORD=MENTOR_PASSWORD))
    as_coordinator = citizens_in(mentordesk("citizens", address(server, coordinator), "--json",
                                         home=isolated_home / "coordinator",
                                         MENTORDESK_PASSWORD=COORDINATOR_PASSWORD))
    assert as_mentor == in_the_file
    assert as_coordinator == everyone

    hidden = sorted(everyone.keys() - as_mentor.keys())
    assert hidden and not {everyone[citizen] for citizen in hidden} & set(as_mentor.values())

    # The mentor's psql: the other citizens are not there, and the log cannot be touched.
    with psql_as(server, mentor, MENTOR_PASSWORD) as session:
        assert {row[0] for row in session.execute("SELECT id FROM citizen")} == as_mentor.keys()
        for statement in ("SELECT * FROM citizen WHERE id = %s",
                          "SELECT * FROM contact WHERE citizen_id = %s",
                          "SELECT * FROM assignment WHERE citizen_id = %s",
                          "UPDATE citizen SET alias = 'x' WHERE id = %s RETURNING id",
                          "DELETE FROM contact WHERE citizen_id = %s RETURNING id"):
            assert session.execute(statement, (hidden[0],)).fetchall() == [], statement
        for statement in ("UPDATE audit_event SET detail = 'omskrevet'",
                          "DELETE FROM audit_event", "TRUNCATE audit_event",
                          "INSERT INTO audit_event (occurred_at, user_login, action, entity, "
                          "detail, prev_hash, hash, signature) "
                          "VALUES ('', '', '', '', '', '', '', '')",
                          "UPDATE app_meta SET value = '' WHERE key = 'audit_head'",
                          "ALTER TABLE audit_event DISABLE TRIGGER USER",
                          "DROP TRIGGER audit_event_no_delete ON audit_event"):
            with pytest.raises(errors.InsufficientPrivilege):
                session.execute(statement)

    checked = mentordesk("server", "check", it_url, home=isolated_home, **it)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "OK   Adgangsloggens kæde" in checked.stdout
