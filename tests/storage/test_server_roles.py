"""People as login roles, and roles the server enforces: what each person gets through a
raw connection (as ``psql`` would give it) and through the app, on a provisioned server."""

from __future__ import annotations

import psycopg
import pytest
from psycopg import errors

from mentordesk.domain.codes import ContactForm, Role
from mentordesk.errors import AccessDenied, NotFound
from mentordesk.kernel.context import Context
from mentordesk.rights.tables import CITIZEN_TABLES
from mentordesk.server import provision
from mentordesk.services.citizens import list_citizens
from mentordesk.services.contacts.journal import log_contact
from mentordesk.services.contacts.values import NewContact
from mentordesk.services.team import resolve_actor
from mentordesk.storage.database import ServerDatabase
from tests.storage.server_roles_support import PASSWORD, Team, build_team


@pytest.fixture(scope="module")
def team(server_databases) -> Team:
    yield from build_team(server_databases)


def _first_names(connection: psycopg.Connection) -> set[str]:
    return {row[0] for row in connection.execute("SELECT first_name FROM citizen")}


def test_a_mentor_sees_only_assigned_and_covered_citizens(team):
    with team.connect("anna") as anna:
        # Aase: assigned; Cora: covers bo's absence today; Dorit's assignment ended.
        assert _first_names(anna) == {"Aase", "Cora"}
        notes = {row[0] for row in anna.execute("SELECT note FROM contact")}
        assert notes == {"Note om Aase", "Note om Cora"}
    with team.connect("bo") as bo:
        assert _first_names(bo) == {"Bent", "Cora"}


def test_coordinators_and_admins_see_the_whole_team(team):
    for who in ("cille", "admin"):
        with team.connect(who) as connection:
            assert _first_names(connection) == {"Aase", "Bent", "Cora", "Dorit"}


def test_a_mentor_cannot_change_another_mentors_citizen(team):
    with team.connect("anna") as anna:
        changed = anna.execute("UPDATE contact SET note = 'overskrevet' WHERE id = %s",
                               (team.contacts["Bent"],)).rowcount
        deleted = anna.execute("DELETE FROM contact WHERE id = %s",
                               (team.contacts["Bent"],)).rowcount
        assert (changed, deleted) == (0, 0)
        # Nor move a contact of their own over to a citizen they may not see.
        with pytest.raises(errors.InsufficientPrivilege):
            anna.execute("UPDATE contact SET citizen_id = %s WHERE id = %s",
                         (team.citizens["Bent"], team.contacts["Aase"]))
    with team.connect("cille") as cille:
        note = cille.execute("SELECT note FROM contact WHERE id = %s",
                             (team.contacts["Bent"],)).fetchone()
        assert note == ("Note om Bent",)


def test_a_mentor_cannot_add_a_contact_for_another_mentors_citizen(team):
    with team.connect("anna", autocommit=False) as anna:
        columns, values = _copy_of_contact(anna, team.contacts["Aase"])
        insert = (f"INSERT INTO contact ({', '.join(columns)}) "
                  f"VALUES ({', '.join(['%s'] * len(columns))})")
        # The same row for her own citizen is accepted: the refusal below is the policy's.
        anna.execute(insert, values)
        anna.rollback()
        values[columns.index("citizen_id")] = team.citizens["Bent"]
        with pytest.raises(errors.InsufficientPrivilege):
            anna.execute(insert, values)


def _copy_of_contact(connection: psycopg.Connection, contact_id: int) -> tuple[list, list]:
    cursor = connection.execute("SELECT * FROM contact WHERE id = %s", (contact_id,))
    row = cursor.fetchone()
    assert row is not None and cursor.description is not None
    pairs = [(column.name, value) for column, value in zip(cursor.description, row, strict=True)
             if column.name != "id"]
    return [name for name, _ in pairs], [value for _, value in pairs]


@pytest.mark.parametrize("who", ["anna", "cille"])
@pytest.mark.parametrize("statement", [
    "UPDATE \"user\" SET role = 'admin'",
    "INSERT INTO legal_basis (code, name, active, version) VALUES ('x', 'x', true, 1)",
    "UPDATE legal_basis SET name = 'x'",
    "DELETE FROM partner",
    "UPDATE app_meta SET value = 'x'",
])
def test_only_admins_change_people_and_catalogues(team, who, statement):
    with team.connect(who) as connection, pytest.raises(errors.InsufficientPrivilege):
        connection.execute(statement)


def test_an_admin_may_change_the_catalogue(team):
    with team.connect("admin", autocommit=False) as admin:
        assert admin.execute("UPDATE legal_basis SET name = name").rowcount > 0
        admin.rollback()


def test_every_citizen_table_has_forced_row_level_security(team):
    with team.connect("cille") as cille:
        rows = cille.execute(
            "SELECT relname, relrowsecurity, relforcerowsecurity FROM pg_class "
            "WHERE relnamespace = 'public'::regnamespace AND relkind = 'r'").fetchall()
    secured = {name for name, enabled, forced in rows if enabled and forced}
    assert {table.name for table in CITIZEN_TABLES} <= secured


def test_login_roles_are_plain_and_time_out_idle_transactions(team):
    with team.connect("admin") as admin:
        row = admin.execute(
            "SELECT rolsuper, rolcreaterole, rolcreatedb, rolbypassrls, rolconfig "
            "FROM pg_roles WHERE rolname = current_user").fetchone()
        owner = admin.execute("SELECT DISTINCT tableowner FROM pg_tables "
                              "WHERE schemaname = 'public'").fetchall()
    assert row is not None and row[:4] == (False, False, False, False)
    assert any(setting.startswith("idle_in_transaction_session_timeout=") for setting in row[4])
    assert owner == [(provision.OWNER_ROLE,)]
    with pytest.raises(psycopg.OperationalError):
        psycopg.connect(host=team.superuser.host, port=team.superuser.port,
                        dbname=team.superuser.dbname, user=provision.OWNER_ROLE,
                        password=PASSWORD, sslmode="verify-full",
                        sslrootcert=str(team.superuser.ca_file))


def test_the_app_shows_a_mentor_what_the_server_lets_them_see(team):
    database = ServerDatabase.connect(team.profile("anna"))
    try:
        # The PC claims nothing: the server's current_user is the actor.
        actor = resolve_actor(database, "someone-else")
        assert (actor.login, actor.role) == (team.logins["anna"], Role.MENTOR)
        names = {row.display_name for row in list_citizens(Context(database, actor))}
    finally:
        database.close()
    assert names == {"Aase Testesen", "Cora Testesen"}
    # The app's own rule alone (IT's connection, which row-level security does not
    # limit) gives the same set: the policies and the app agree.
    assert names == _names_by_the_apps_rule_alone(team, team.logins["anna"])


def _names_by_the_apps_rule_alone(team: Team, login: str) -> set[str]:
    database = ServerDatabase.connect(team.superuser)
    try:
        actor = resolve_actor(database, login)
        return {row.display_name for row in list_citizens(Context(database, actor))}
    finally:
        database.close()


def test_a_mentor_logs_contacts_through_the_app_for_their_own_citizens_only(team):
    database = ServerDatabase.connect(team.profile("anna"))
    try:
        anna = resolve_actor(database, "")
        context = Context(database, anna)
        contact_id = log_contact(context, NewContact(
            citizen_id=team.citizens["Aase"], duration_minutes=45,
            form=ContactForm.HOME_VISIT, note="Gik en tur")).value
        # Refused by the app's own check first (defence in depth: the server would too).
        with pytest.raises((AccessDenied, NotFound)):
            log_contact(context, NewContact(citizen_id=team.citizens["Bent"],
                                            duration_minutes=45, form=ContactForm.HOME_VISIT))
    finally:
        database.close()
    with team.connect("cille") as cille:
        row = cille.execute("SELECT citizen_id, note FROM contact WHERE id = %s",
                            (contact_id,)).fetchone()
        bent = cille.execute("SELECT count(*) FROM contact WHERE citizen_id = %s",
                             (team.citizens["Bent"],)).fetchone()
    assert row == (team.citizens["Aase"], "Gik en tur")
    assert bent == (1,)


def test_security_applied_again_after_a_migration_changes_nothing_for_anyone(team):
    engine = team.admin_engine()
    try:
        provision.refresh_security(engine)
        provision.refresh_security(engine)
    finally:
        engine.dispose()
    with team.connect("anna") as anna:
        assert _first_names(anna) == {"Aase", "Cora"}
        with pytest.raises(errors.InsufficientPrivilege):
            anna.execute("DELETE FROM audit_event")


def test_init_on_an_initialised_database_is_refused(team):
    engine = team.admin_engine()
    try:
        with pytest.raises(provision.ProvisionError, match="allerede"):
            provision.initialise(engine, "Igen", "ny_admin", PASSWORD)
    finally:
        engine.dispose()
