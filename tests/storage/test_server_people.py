"""server add-user / remove-user / set-role, and who the app acts as on a server."""

from __future__ import annotations

import pytest

from mentordesk.domain.codes import Role
from mentordesk.errors import CannotOpenDatabase, NotOnTeam
from mentordesk.server import provision
from mentordesk.services.team import resolve_actor
from mentordesk.storage.database import ServerDatabase
from tests.storage.server_roles_support import Team, build_team


@pytest.fixture
def team(server_databases) -> Team:
    yield from build_team(server_databases)


def _first_names(team: Team, who: str) -> set[str]:
    with team.connect(who) as connection:
        return {row[0] for row in connection.execute("SELECT first_name FROM citizen")}


def test_set_role_moves_a_mentor_to_the_coordinators(team):
    engine = team.admin_engine()
    try:
        provision.set_role(engine, team.logins["anna"], Role.COORDINATOR)
    finally:
        engine.dispose()
    assert _first_names(team, "anna") == {"Aase", "Bent", "Cora", "Dorit"}
    database = ServerDatabase.connect(team.profile("anna"))
    try:
        assert resolve_actor(database, "").role == Role.COORDINATOR
    finally:
        database.close()


def test_a_removed_person_cannot_log_in_and_their_log_entries_stay(team):
    database = ServerDatabase.connect(team.profile("bo"))
    resolve_actor(database, "")
    database.close()
    engine = team.admin_engine()
    try:
        provision.remove_user(engine, team.logins["bo"])
    finally:
        engine.dispose()
    with pytest.raises(Exception, match="not permitted to log in"):
        team.connect("bo")
    with team.connect("admin") as admin:
        actions = [row[0] for row in admin.execute(
            "SELECT action FROM audit_event WHERE user_login = %s ORDER BY id",
            (team.logins["bo"],))]
        active = admin.execute('SELECT active FROM "user" WHERE login = %s',
                               (team.logins["bo"],)).fetchone()
    assert actions == ["unlock"]
    assert active == (False,)


def test_a_login_role_without_a_user_row_is_refused(team):
    engine = team.admin_engine()
    try:
        provision.add_user(engine, "uden_raekke_" + team.logins["anna"][-6:], "x", Role.MENTOR)
        with engine.begin() as connection:
            connection.exec_driver_sql(
                f"DELETE FROM \"user\" WHERE login = 'uden_raekke_{team.logins['anna'][-6:]}'")
    finally:
        engine.dispose()
    team.logins["stranger"] = "uden_raekke_" + team.logins["anna"][-6:]
    profile = team.profile("stranger")
    database = ServerDatabase.connect(profile.__class__(
        profile.host, profile.port, profile.dbname, profile.login, "x", profile.ca_file))
    try:
        # The PC's claim to be the admin changes nothing; refused like an unopenable
        # database, so the CLI exits with 3.
        with pytest.raises(NotOnTeam) as refused:
            resolve_actor(database, "admin")
        assert isinstance(refused.value, CannotOpenDatabase)
    finally:
        database.close()


def test_an_unsafe_login_is_refused(team):
    engine = team.admin_engine()
    try:
        for login in ('a"; DROP TABLE citizen; --', "pg_evil", "mentordesk_owner", "Anna"):
            with pytest.raises(provision.ProvisionError):
                provision.add_user(engine, login, "x", Role.MENTOR)
    finally:
        engine.dispose()
