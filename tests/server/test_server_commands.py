"""`mentordesk server import | check | backup | restore` as IT runs them: real processes
against the throwaway server, exit codes, what reaches the disk."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text

from mentordesk import vault
from mentordesk.demo.builder import fill_demo
from mentordesk.demo.state import DemoState
from mentordesk.server import provision
from mentordesk.server.fingerprints import fingerprints
from mentordesk.services import new_team
from mentordesk.storage import server_roles
from mentordesk.storage.engine import ServerProfile, open_server_engine
from mentordesk.storage.migrate import SCHEMA_HEAD, upgrade_server_to_head

PASSPHRASE = "it-afdelingens adgangskode 2026"
OPERATOR = "it-admin"


@pytest.fixture
def team_file(tmp_path: Path) -> tuple[Path, str]:
    """A team's file with fictitious demo data, and its printed recovery key."""
    path = tmp_path / "team.mentordesk"
    created = new_team.create_database(path, PASSPHRASE, team_name="Serverteamet",
                                       admin_login=OPERATOR, admin_name="IT Admin")
    try:
        fill_demo(created.database, DemoState(citizens=3, mentors=2, years=1, seed=7,
                                              today=date.today(), login=OPERATOR))
    finally:
        created.database.close()
    return path, created.recovery_key


@pytest.fixture
def empty_databases(server_databases):
    made: list[ServerProfile] = []

    def make() -> ServerProfile:
        made.append(server_databases.create_empty())
        return made[-1]

    yield make
    for profile in made:
        server_databases.drop(profile)


def url(profile: ServerProfile) -> str:
    return (f"postgresql://{profile.login}@{profile.host}:{profile.port}/{profile.dbname}"
            f"?sslrootcert={profile.ca_file}")


def run(*args: str, home: Path, password: str,
        recovery: str | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env.update({"MENTORDESK_HOME": str(home), "MENTORDESK_PASSPHRASE": PASSPHRASE,
                "PGPASSWORD": password,
                "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring"})
    env.pop("MENTORDESK_RECOVERY_KEY", None)
    if recovery is not None:
        env["MENTORDESK_RECOVERY_KEY"] = recovery
    return subprocess.run([sys.executable, "-m", "mentordesk", "--user", OPERATOR, *args],
                          capture_output=True, text=True, encoding="utf-8", env=env,
                          stdin=subprocess.DEVNULL, timeout=300)


def secure_after_import(profile: ServerProfile) -> None:
    """The roles, ownership, grants and policies ``server check`` requires. Until ``server
    import`` applies them itself (provision.refresh_security after an import, helper
    pgnewcomer's lane), the test takes the step in its place."""
    engine = provision.open_admin_engine(profile)
    try:
        with server_roles.team_transaction(engine) as connection:
            server_roles.create_group_roles(connection)
        provision.refresh_security(engine)
    finally:
        engine.dispose()


def server_state(profile: ServerProfile):
    engine = open_server_engine(profile, pooled=False)
    try:
        with engine.connect() as connection:
            return fingerprints(connection)
    finally:
        engine.dispose()


def superuser_sql(profile: ServerProfile, *statements: str) -> list[object]:
    engine = open_server_engine(profile, pooled=False)
    try:
        with engine.begin() as connection:
            results = [connection.execute(text(statement)) for statement in statements]
            return [result.all() if result.returns_rows else [] for result in results]
    finally:
        engine.dispose()


def test_import_check_backup_and_restore_keep_every_row_and_no_name_in_the_clear(
        team_file, empty_databases, isolated_home, tmp_path):
    path, recovery_key = team_file
    team, copy = empty_databases(), empty_databases()
    password = team.password

    original = path.read_bytes()
    moved = run("server", "import", str(path), url(team), home=isolated_home,
                password=password)
    assert moved.returncode == 0, moved.stderr
    assert "kontrolsummer ens" in moved.stdout
    assert path.read_bytes() == original  # unlocked and read as a copy: the file untouched
    secure_after_import(team)

    checked = run("server", "check", url(team), home=isolated_home, password=password)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "OK   Adgangsloggens kæde" in checked.stdout

    backup = tmp_path / "team.backup"
    made = run("server", "backup", url(team), "--out", str(backup), home=isolated_home,
               password=password)
    assert made.returncode == 0, made.stderr
    content = backup.read_bytes()
    [names] = superuser_sql(team, "SELECT first_name, last_name FROM citizen")
    assert names
    for first, last in names:
        assert first.encode() not in content and last.encode() not in content
    assert b"PGDMP" not in content  # pg_dump's own header: the dump is not in the clear
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".team.backup")]

    wrong = run("server", "restore", str(backup), url(copy), home=isolated_home,
                password=password, recovery="AAAA-BBBB-CCCC-DDDD-EEEE-FFFF")
    assert wrong.returncode == 3, wrong.stderr
    assert superuser_sql(copy, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"
                         ) == [[(0,)]]

    altered = tmp_path / "altered.backup"
    flipped = bytearray(content)
    flipped[-100] ^= 0x01  # one bit inside the dump's last encrypted chunk
    altered.write_bytes(bytes(flipped))
    refused = run("server", "restore", str(altered), url(copy), home=isolated_home,
                  password=password, recovery=recovery_key)
    assert refused.returncode == 3 and "beskadiget eller ændret" in refused.stderr
    assert superuser_sql(copy, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"
                         ) == [[(0,)]]

    restored = run("server", "restore", str(backup), url(copy), home=isolated_home,
                   password=password, recovery=recovery_key)
    assert restored.returncode == 0, restored.stderr
    assert server_state(copy) == server_state(team)

    again = run("server", "restore", str(backup), url(copy), home=isolated_home,
                password=password, recovery=recovery_key)
    assert again.returncode == 2 and "ikke tom" in again.stderr


def test_check_fails_when_the_log_was_altered_behind_the_triggers(
        team_file, empty_databases, isolated_home):
    path, _recovery_key = team_file
    team = empty_databases()
    assert run("server", "import", str(path), url(team), home=isolated_home,
               password=team.password).returncode == 0

    # A superuser can step around the triggers; the chain still shows it.
    superuser_sql(team, "SET LOCAL session_replication_role = replica",
                  "UPDATE audit_event SET detail = 'omskrevet' "
                  "WHERE id = (SELECT min(id) FROM audit_event) RETURNING id")

    checked = run("server", "check", url(team), home=isolated_home, password=team.password)
    assert checked.returncode == 1
    assert "FEJL Adgangsloggens kæde: En hændelse i loggen er ændret" in checked.stdout


def test_import_refuses_a_database_that_already_holds_a_team(
        team_file, server_databases, isolated_home):
    path, _recovery_key = team_file
    team = server_databases.create_team(vault.current_login())  # the run's template admin
    try:
        refused = run("server", "import", str(path), url(team), home=isolated_home,
                      password=team.password)
    finally:
        server_databases.drop(team)
    assert refused.returncode == 2 and "ikke tom" in refused.stderr


def test_import_that_arrives_altered_exits_1_naming_the_table_and_leaves_nothing(
        team_file, empty_databases, isolated_home):
    path, _recovery_key = team_file
    team = empty_databases()
    engine = open_server_engine(team, pooled=False)
    try:
        upgrade_server_to_head(engine)
    finally:
        engine.dispose()
    superuser_sql(team,
                  "CREATE FUNCTION shift_minutes() RETURNS trigger LANGUAGE plpgsql AS $$ "
                  "BEGIN NEW.duration_minutes := NEW.duration_minutes + 1; RETURN NEW; END $$",
                  "CREATE TRIGGER shift_minutes BEFORE INSERT ON contact "
                  "FOR EACH ROW EXECUTE FUNCTION shift_minutes()")

    moved = run("server", "import", str(path), url(team), home=isolated_home,
                password=team.password)

    assert moved.returncode == 1
    assert "contact" in moved.stderr and "intet er gemt" in moved.stderr
    assert superuser_sql(team, "SELECT count(*) FROM contact",
                         "SELECT count(*) FROM audit_event") == [[(0,)], [(0,)]]


def test_import_refuses_a_file_someone_still_has_open(team_file, empty_databases,
                                                       isolated_home):
    from mentordesk.security import lock

    path, _recovery_key = team_file
    team = empty_databases()
    database = vault.unlock_with_passphrase(path, PASSPHRASE, login=OPERATOR)
    try:
        lock.register(database, "kollega")  # another process still has the file open
    finally:
        database.close()

    refused = run("server", "import", str(path), url(team), home=isolated_home,
                  password=team.password)

    assert refused.returncode == 2 and "åben hos kollega" in refused.stderr
    assert superuser_sql(team, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"
                         ) == [[(0,)]]


def test_check_of_a_database_without_the_schema_fails_saying_so(empty_databases,
                                                                isolated_home):
    empty = empty_databases()

    checked = run("server", "check", url(empty), home=isolated_home, password=empty.password)

    assert checked.returncode == 1
    assert checked.stdout.splitlines() == [
        f"FEJL Skemaversion: intet MentorDesk-skema, programmet kræver {SCHEMA_HEAD}"]
