"""A new program version meets an older server (`server upgrade`), and a backup meets a
cluster without the team's people (`server restore` makes their roles)."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import text

from mentordesk import audit
from mentordesk.demo.builder import fill_demo
from mentordesk.demo.state import DemoState
from mentordesk.errors import CannotOpenDatabase
from mentordesk.server import provision
from mentordesk.server.backups import backup_server, restore_server
from mentordesk.server.importing import import_file
from mentordesk.server.recovery import recovery_slot_of
from mentordesk.services import new_team
from mentordesk.storage.database import ServerDatabase
from mentordesk.storage.engine import open_server_engine
from mentordesk.storage.migrate import SCHEMA_HEAD, alembic_config
from tests.server.team_setup import admin_url, drop_roles, role_state

OPERATOR = "it-chef"
PASSPHRASE = "gendannelsesprøvens adgangskode 2026"
PEOPLE = ["mentor01", "mentor02", "mentor03"]
PREVIOUS_REVISION = "0013_scale_indexes"


@pytest.fixture
def databases(server_databases):
    made = []

    def make():
        made.append(server_databases.create_empty())
        return made[-1]

    yield make
    for profile in made:
        server_databases.drop(profile)
    drop_roles(server_databases.profile("postgres"), [*PEOPLE, OPERATOR])


def _migrate_to(profile, revision: str) -> None:
    engine = open_server_engine(profile, pooled=False)
    try:
        with engine.connect() as connection:
            config = alembic_config()
            config.attributes["connection"] = connection
            command.upgrade(config, revision)
            connection.commit()
    finally:
        engine.dispose()


def _security_of_citizen(profile) -> tuple[object, ...]:
    engine = open_server_engine(profile, pooled=False)
    try:
        with engine.connect() as connection:
            return tuple(connection.execute(text(
                "SELECT relrowsecurity, relforcerowsecurity, pg_get_userbyid(relowner) "
                "FROM pg_class WHERE oid = 'citizen'::regclass")).one())
    finally:
        engine.dispose()


def test_an_older_server_is_named_for_upgrade_and_upgrade_secures_it(databases,
                                                                     isolated_home):
    older = databases()
    _migrate_to(older, PREVIOUS_REVISION)

    with pytest.raises(CannotOpenDatabase, match="mentordesk server upgrade"):
        ServerDatabase.connect(older)

    env = {**os.environ, "MENTORDESK_HOME": str(isolated_home), "PGPASSWORD": older.password}
    upgraded = subprocess.run([sys.executable, "-m", "mentordesk", "server", "upgrade",
                               admin_url(older).replace(f":{older.password}@", "@")],
                              capture_output=True, text=True, encoding="utf-8", env=env,
                              stdin=subprocess.DEVNULL, timeout=300)

    assert upgraded.returncode == 0, upgraded.stderr
    assert f"fra {PREVIOUS_REVISION} til {SCHEMA_HEAD}" in upgraded.stdout
    assert _security_of_citizen(older) == (True, True, "mentordesk_owner")
    database = ServerDatabase.connect(older)
    database.close()
    engine = provision.open_admin_engine(older)
    try:
        assert provision.upgrade(engine) == (SCHEMA_HEAD, SCHEMA_HEAD)  # safe to repeat
    finally:
        engine.dispose()


def test_upgrade_of_a_database_without_mentordesk_is_refused(databases):
    engine = provision.open_admin_engine(databases())
    try:
        with pytest.raises(provision.ProvisionError, match="server init"):
            provision.upgrade(engine)
    finally:
        engine.dispose()


def test_a_restore_onto_a_cluster_without_the_people_makes_their_roles(
        databases, tmp_path: Path):
    path = tmp_path / "team.mentordesk"
    created = new_team.create_database(path, PASSPHRASE, team_name="Gendannelsesteamet",
                                       admin_login=OPERATOR, admin_name="IT Chef")
    team, target = databases(), databases()
    try:
        fill_demo(created.database, DemoState(citizens=3, mentors=3, years=1, seed=3,
                                              today=date.today(), login=OPERATOR))
        import_file(created.database, team, recovery_slot_of(path))
    finally:
        created.database.close()
    backup = tmp_path / "team.backup"
    backup_server(team, backup)
    drop_roles(team, [*PEOPLE, OPERATOR])  # as on a new cluster

    people = restore_server(backup, created.recovery_key, target)

    assert [given.describe() for given in people] == [
        f"{OPERATOR}: administrator, mangler adgangskode",
        "mentor01: koordinator, mangler adgangskode",
        "mentor02: koordinator, mangler adgangskode",
        "mentor03: mentor, mangler adgangskode"]
    assert role_state(target, "mentor03") == (True, False, ["mentordesk_mentor"])
    database = ServerDatabase.connect(target)
    try:
        with database.read_session() as session:
            assert audit.verify_chain(session).ok
    finally:
        database.close()
