"""``server check`` proves the server's security is exactly as ``server init`` left it:
row-level security on every citizen table, the policies, the grants per group role, the
owner of every table, the log's functions. Each alteration a superuser (or a careless
script) could make is done in a database of its own, and the check names the table."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import pytest

from mentordesk.server import provision
from mentordesk.server.checking import check_server, rls_problems
from mentordesk.storage.engine import ServerProfile
from mentordesk.storage.server_roles import LOG_FUNCTION
from tests.server.test_server_commands import run, url
from tests.server_support import ServerDatabases
from tests.server_team import superuser_connection

_copies = itertools.count(1)


@pytest.fixture(scope="module")
def provisioned(server_databases: ServerDatabases) -> Iterator[ServerProfile]:
    """``server init`` once; each test gets a copy (roles are the cluster's, shared)."""
    profile = server_databases.create_empty()
    engine = provision.open_admin_engine(profile)
    try:
        provision.initialise(engine, "Kontrolteamet", "it_kontrol", "kodeord til kontrol")
    finally:
        engine.dispose()
    yield profile
    server_databases.drop(profile)
    server_databases.execute('DROP ROLE IF EXISTS "it_kontrol"')


@pytest.fixture
def team(provisioned: ServerProfile, server_databases: ServerDatabases
         ) -> Iterator[ServerProfile]:
    name = f"mentordesk_check_{next(_copies)}"
    server_databases.execute(f'CREATE DATABASE "{name}" TEMPLATE "{provisioned.dbname}"')
    copy = server_databases.profile(name)
    yield copy
    server_databases.drop(copy)


def _alter(team: ServerProfile, *statements: str) -> None:
    with superuser_connection(team) as connection:
        for statement in statements:
            connection.execute(statement.encode())


def test_a_provisioned_server_passes_every_check(team, isolated_home):
    checked = run("server", "check", url(team), home=isolated_home, password=team.password)

    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "OK   Roller, rettigheder og rækkeniveausikkerhed" in checked.stdout


@pytest.mark.parametrize(("alteration", "table"), [
    ("ALTER TABLE contact DISABLE ROW LEVEL SECURITY", "contact"),
    ("DROP POLICY mentordesk_visible ON goal", "goal"),
    ("GRANT UPDATE ON audit_event TO mentordesk_mentor", "audit_event"),
    ("ALTER TABLE debt OWNER TO CURRENT_USER", "debt"),
], ids=["rls off", "policy dropped", "log writable", "owner changed"])
def test_check_fails_naming_the_table_whose_security_was_altered(team, isolated_home,
                                                                 alteration, table):
    _alter(team, alteration)

    checked = run("server", "check", url(team), home=isolated_home, password=team.password)

    assert checked.returncode == 1
    [line] = [line for line in checked.stdout.splitlines() if "rækkeniveausikkerhed" in line]
    assert line.startswith("FEJL") and f"tabellen {table}" in line, line
    assert "OK   Adgangsloggens kæde" in checked.stdout  # the other checks still ran


@pytest.mark.parametrize(("alterations", "said"), [
    (["ALTER TABLE consent NO FORCE ROW LEVEL SECURITY"],
     "tabellen consent: rækkeniveausikkerhed gælder ikke ejeren"),
    (["CREATE POLICY alle ON citizen USING (true)"], "tabellen citizen: ukendt politik alle"),
    (["ALTER POLICY mentordesk_visible ON sub_goal USING (true)"],
     "tabellen sub_goal: politikken mentordesk_visible er ændret"),
    (["ALTER POLICY mentordesk_update ON app_meta USING (true)"],
     "tabellen app_meta: politikken mentordesk_update er ændret"),
    (["GRANT UPDATE (detail) ON audit_event TO mentordesk_coordinator"],
     "tabellen audit_event: mentordesk_coordinator har UPDATE"),
    (["GRANT TRUNCATE ON contact TO PUBLIC"], "tabellen contact: mentordesk_mentor har TRUNCATE"),
    (["REVOKE DELETE ON partner FROM mentordesk_admin"],
     "tabellen partner: mentordesk_admin mangler DELETE"),
    (["GRANT INSERT ON partner TO mentordesk_mentor"],
     "tabellen partner: mentordesk_mentor har INSERT"),
    ([f"ALTER FUNCTION {LOG_FUNCTION} SECURITY INVOKER"],
     "kører ikke som ejeren (SECURITY DEFINER mangler)"),
    ([f"ALTER FUNCTION {LOG_FUNCTION} OWNER TO CURRENT_USER"], "ejes af"),
    (["GRANT EXECUTE ON FUNCTION mentordesk_prune_log(text) TO mentordesk_mentor"],
     "mentordesk_mentor må kalde den"),
    (["CREATE ROLE mentordesk_check_omvej LOGIN BYPASSRLS IN ROLE mentordesk_mentor"],
     "login mentordesk_check_omvej går uden om rækkeniveausikkerheden"),
], ids=["not forced", "extra policy", "policy widened", "log keys writable",
        "one column of the log", "public truncate", "admin lacks delete",
        "mentor writes catalogue", "log function as invoker", "log function owner",
        "mentor prunes", "login bypasses rls"])
def test_every_other_difference_is_named(team, server_databases, alterations, said):
    _alter(team, *alterations)
    try:
        problems = rls_problems(team)
    finally:
        server_databases.execute("DROP ROLE IF EXISTS mentordesk_check_omvej")

    assert any(said in problem for problem in problems), problems


def test_the_check_leaves_nothing_behind_and_never_fails_on_the_servers_own_spelling(team):
    before = check_server(team)
    after = check_server(team)

    assert before.ok and after.ok, before.lines()
    assert rls_problems(team) == []
