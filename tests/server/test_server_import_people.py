"""`server init` then `server import`: the file moves into the database init set up, the
first admin stays, the log stays one chain; the file's people become login roles that
open nothing until IT gives each a password; a team's security is applied at once."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from mentordesk import audit
from mentordesk.demo import build_demo
from mentordesk.domain.codes import Role
from mentordesk.paths import DEMO_PASSPHRASE
from mentordesk.server import provision
from mentordesk.server.checking import check_server
from mentordesk.server.fingerprints import fingerprints
from mentordesk.server.importing import ImportRefused, InvalidLogins, import_file
from mentordesk.storage.database import ServerDatabase
from mentordesk.storage.engine import open_server_engine
from mentordesk.storage.migrate import current_revision
from tests.server.team_setup import (
    can_log_in,
    drop_roles,
    initialise,
    role_state,
)

OPERATOR = "it-chef"
INIT_PASSWORD = "it-chefens kode 2026"
DEMO_PEOPLE = ["mentor01", "mentor02", "mentor03"]  # two coordinators, one mentor


@pytest.fixture
def demo_file(tmp_path: Path):
    database = build_demo(tmp_path / "demo.mentordesk", DEMO_PASSPHRASE, citizens=3,
                          mentors=3, years=1, operator_login=OPERATOR)
    yield database
    database.close()


@pytest.fixture
def server(server_databases):
    profile = server_databases.create_empty()
    yield profile
    server_databases.drop(profile)
    # Roles belong to the cluster: the next test meets none of this one's people.
    drop_roles(server_databases.profile("postgres"), [*DEMO_PEOPLE, OPERATOR, "nyadmin", "bo"])


def _rows(profile, statement: str) -> list[tuple[object, ...]]:
    engine = open_server_engine(profile, pooled=False)
    try:
        with engine.connect() as connection:
            return [tuple(row) for row in connection.execute(text(statement))]
    finally:
        engine.dispose()


def _demo_fingerprint(database, table: str):
    with database.read_session() as session:
        return fingerprints(session.connection())[table]


def test_init_then_import_keeps_the_first_admin_and_one_log_chain(demo_file, server):
    initialise(server, OPERATOR, INIT_PASSWORD)

    report = import_file(demo_file, server, None)

    assert report.onto_setup
    # The file's catalogue replaced init's; the file's people, with the first admin's row
    # being the file's own (same login), made admin.
    engine = open_server_engine(server, pooled=False)
    try:
        with engine.connect() as connection:
            on_server = fingerprints(connection)
    finally:
        engine.dispose()
    for table in ("legal_basis", "course_type", "norm_rate", "economy_item", "vum_term"):
        assert on_server[table] == _demo_fingerprint(demo_file, table), table
    users = _rows(server, 'SELECT login, role, active FROM "user" ORDER BY id')
    assert (OPERATOR, "admin", True) in users
    assert [login for login, _role, _active in users].count(OPERATOR) == 1
    # The file's history first, then init's event told again under its own actor, then
    # the move; the chain verifies as one.
    events = _rows(server, "SELECT user_login, action, detail FROM audit_event ORDER BY id")
    told = [index for index, (_who, _action, detail) in enumerate(events)
            if detail.startswith("Fra opsætningen ")]
    assert len(told) == 1 and told[0] == len(events) - 2
    assert events[told[0]][0] == server.login
    assert events[told[0]][2].endswith(f"Første bruger oprettet som administrator: {OPERATOR}")
    assert events[-1][1] == "move_to_server"
    database = ServerDatabase.connect(server)
    try:
        with database.read_session() as session:
            assert audit.verify_chain(session).ok
    finally:
        database.close()
    assert check_server(server).ok

    # The first admin logs in as before; the file's people have roles but no password.
    assert can_log_in(server, OPERATOR, INIT_PASSWORD)
    assert role_state(server, "mentor01") == (True, False, ["mentordesk_coordinator"])
    assert role_state(server, "mentor03") == (True, False, ["mentordesk_mentor"])
    assert not can_log_in(server, "mentor03", "")
    described = {given.person.login: given.describe() for given in report.people}
    assert described["mentor03"] == "mentor03: mentor, mangler adgangskode"
    assert described[OPERATOR] == f"{OPERATOR}: administrator, har adgangskode"


def test_a_first_admin_the_file_lacks_is_added_after_the_files_people(demo_file, server):
    initialise(server, "nyadmin", INIT_PASSWORD)

    import_file(demo_file, server, None)

    users = _rows(server, 'SELECT id, login, role FROM "user" ORDER BY id')
    assert users[-1][1:] == ("nyadmin", "admin")
    assert users[-1][0] > max(user_id for user_id, _login, _role in users[:-1])
    told = _rows(server, "SELECT entity_id FROM audit_event "
                         "WHERE detail LIKE 'Fra opsætningen %'")
    assert told == [(users[-1][0],)]
    assert can_log_in(server, "nyadmin", INIT_PASSWORD)


def test_a_database_with_more_than_inits_rows_is_refused_and_left_as_it_was(
        demo_file, server):
    initialise(server, OPERATOR, INIT_PASSWORD)
    engine = provision.open_admin_engine(server)
    try:
        provision.add_user(engine, "nyadmin", "kode", Role.MENTOR)
    finally:
        engine.dispose()
    before = _rows(server, 'SELECT login FROM "user" ORDER BY id')

    with pytest.raises(ImportRefused, match="ikke tom"):
        import_file(demo_file, server, None)

    assert _rows(server, 'SELECT login FROM "user" ORDER BY id') == before
    assert _rows(server, "SELECT count(*) FROM citizen") == [(0,)]


def test_logins_that_cannot_be_roles_are_all_named_before_anything_is_written(
        demo_file, server):
    with demo_file.session() as session:
        session.execute(text("UPDATE \"user\" SET login = 'DOMÆNE\\anne' "
                             "WHERE login = 'mentor02'"))
        session.execute(text("UPDATE \"user\" SET login = 'pg_mentor' "
                             "WHERE login = 'mentor03'"))

    with pytest.raises(InvalidLogins) as refused:
        import_file(demo_file, server, None)

    assert refused.value.problems == ["DOMÆNE\\anne: ikke et gyldigt login-navn",
                                      "pg_mentor: ikke et gyldigt login-navn"]
    assert "små bogstaver" in str(refused.value)
    engine = open_server_engine(server, pooled=False)
    try:
        assert current_revision(engine) is None
    finally:
        engine.dispose()


def test_a_login_lower_cased_becomes_the_role_and_a_deactivated_person_cannot_log_in(
        demo_file, server):
    with demo_file.session() as session:
        session.execute(text("UPDATE \"user\" SET login = 'Bo' WHERE login = 'mentor03'"))
        session.execute(text("UPDATE \"user\" SET active = false WHERE login = 'mentor02'"))

    report = import_file(demo_file, server, None)

    assert ("bo",) in _rows(server, 'SELECT login FROM "user"')
    assert role_state(server, "bo") == (True, False, ["mentordesk_mentor"])
    assert role_state(server, "mentor02") == (False, False, ["mentordesk_coordinator"])
    assert [given.describe() for given in report.people if given.person.login != OPERATOR] == [
        "mentor01: koordinator, mangler adgangskode",
        "mentor02: koordinator, deaktiveret, kan ikke logge ind",
        "bo (i filen: Bo): mentor, mangler adgangskode"]


def test_it_gives_an_imported_person_a_password_and_add_user_points_there(
        demo_file, server):
    import_file(demo_file, server, None)
    engine = provision.open_admin_engine(server)
    try:
        with pytest.raises(provision.ProvisionError, match="set-password"):
            provision.add_user(engine, "mentor03", "kode", Role.MENTOR)
        provision.set_password(engine, "mentor03", "mentorens kode")
    finally:
        engine.dispose()

    assert can_log_in(server, "mentor03", "mentorens kode")
    assert not can_log_in(server, "mentor03", "forkert")


def test_the_import_command_lists_every_login_to_fix_and_exits_1(demo_file, server,
                                                                  isolated_home):
    with demo_file.session() as session:
        session.execute(text("UPDATE \"user\" SET login = 'DOMÆNE\\anne' "
                             "WHERE login = 'mentor02'"))
    demo_file.close()
    env = {**os.environ, "MENTORDESK_HOME": str(isolated_home), "PGPASSWORD": server.password,
           "MENTORDESK_PASSPHRASE": DEMO_PASSPHRASE}

    moved = subprocess.run(
        [sys.executable, "-m", "mentordesk", "--user", OPERATOR, "server", "import",
         str(demo_file.path), f"postgresql://{server.login}@{server.host}:{server.port}/"
                              f"{server.dbname}?sslrootcert={server.ca_file}"],
        capture_output=True, text=True, encoding="utf-8", env=env, stdin=subprocess.DEVNULL,
        timeout=300)

    assert moved.returncode == 1
    assert "  DOMÆNE\\anne: ikke et gyldigt login-navn" in moved.stderr.splitlines()
    assert "intet er gemt på serveren" in moved.stderr
