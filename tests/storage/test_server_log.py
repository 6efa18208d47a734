"""The access log on a team server: appended by the server, unchangeable by every login.

Each person connects as themselves (a raw psycopg connection, as ``psql`` would); the
server names the actor and chains the hash with ``audit.compute_hash``'s definition, so
the app's own chain check verifies a server's log exactly as a file's."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import psycopg
import pytest
from psycopg import errors

from mentordesk import audit
from mentordesk.audit_admin.retention import (
    RETENTION_KEY,
    prune_expired,
    prune_log,
    set_retention_months,
)
from mentordesk.errors import AccessDenied, MentorDeskError
from mentordesk.kernel.context import Context
from mentordesk.keys.registry import verify_signatures
from mentordesk.server.connect import open_server
from mentordesk.server.profiles import ConnectionProfile
from mentordesk.services.team import resolve_actor
from mentordesk.storage.database import ServerDatabase
from mentordesk.storage.models import AuditEvent
from tests.server_team import superuser_connection
from tests.storage.server_roles_support import PASSWORD, Team, build_team

EVERY_LOGIN = ("anna", "cille", "admin")
LOG_FUNCTION = "mentordesk_log_event(text, text, bigint, bigint, text, text, text)"


@pytest.fixture(scope="module")
def team(server_databases) -> Team:
    yield from build_team(server_databases)


def _log(connection: psycopg.Connection, detail: str, claimed: str | None = None) -> str:
    row = connection.execute("SELECT mentordesk_log_event('read', 'citizen', 1, 1, %s, %s)",
                             (detail, claimed)).fetchone()
    assert row is not None
    return str(row[0])


def _chain(team: Team) -> audit.ChainReport:
    database = ServerDatabase.connect(team.superuser)
    try:
        with database.read_session() as session:
            return audit.verify_chain(session)
    finally:
        database.close()


def test_the_server_names_the_actor_and_the_apps_check_verifies_its_hashes(team):
    awkward = 'Søgte "Åse" \\ Ærø\nlinje 2\ttab \x01 ☃ 🙂'
    with team.connect("anna") as anna:
        event_hash = _log(anna, awkward, claimed=team.logins["admin"])
        row = anna.execute("SELECT user_login, detail, hash FROM audit_event "
                           "ORDER BY id DESC LIMIT 1").fetchone()
    # Anna cannot speak for the admin: the server writes her own login.
    assert row == (team.logins["anna"], awkward, event_hash)
    report = _chain(team)
    assert report.ok, report.problem


def test_the_app_logs_through_the_server_as_the_connected_person(team):
    database = ServerDatabase.connect(team.profile("cille"))
    try:
        resolve_actor(database, "")
        with database.read_session() as session:
            newest = session.query(AuditEvent).order_by(AuditEvent.id.desc()).first()
            signatures = verify_signatures(session)
    finally:
        database.close()
    assert newest is not None
    assert (newest.user_login, newest.action, newest.signature) == (
        team.logins["cille"], "unlock", "")
    assert signatures.ok
    assert _chain(team).ok


@pytest.mark.parametrize("who", EVERY_LOGIN)
@pytest.mark.parametrize("statement", [
    "INSERT INTO audit_event (occurred_at, user_login, action, entity, detail, prev_hash, "
    "hash, signature) VALUES ('x', 'x', 'read', '', '', 'x', 'x', '')",
    "UPDATE audit_event SET detail = 'skjult'",
    "DELETE FROM audit_event",
    "TRUNCATE audit_event",
    "UPDATE app_meta SET value = 'x' WHERE key = 'audit_head'",
    "DELETE FROM app_meta WHERE key = 'audit_count'",
    "INSERT INTO app_meta (key, value) VALUES ('audit_anchor_id', '999')",
    "ALTER TABLE audit_event DISABLE TRIGGER ALL",
    f"ALTER FUNCTION {LOG_FUNCTION} SECURITY INVOKER",
    f"DROP FUNCTION {LOG_FUNCTION}",
    "SELECT mentordesk_prune_log('2999-01-01')",
])
def test_no_login_can_rewrite_the_log(team, who, statement):
    if who == "admin" and "prune" in statement:
        pytest.skip("admins may prune: see test_pruning_*")
    with team.connect(who, autocommit=False) as connection:
        outcome = _attempt(connection, statement)
    assert outcome in ("refused", "0 rows"), f"{who}: {statement} → {outcome}"
    assert _chain(team).ok


def _attempt(connection: psycopg.Connection, statement: str) -> str:
    try:
        cursor = connection.execute(statement)
    except (errors.InsufficientPrivilege, errors.RaiseException):
        return "refused"
    # A policy hides the rows instead of refusing: nothing may have changed.
    connection.rollback()
    return "0 rows" if cursor.rowcount == 0 else f"{cursor.rowcount} rows changed"


def test_no_login_can_drop_the_logs_triggers(team):
    with team.connect("admin") as admin:
        triggers = [row[0] for row in admin.execute(
            "SELECT tgname FROM pg_trigger WHERE tgrelid = 'audit_event'::regclass "
            "AND NOT tgisinternal")]
    assert triggers
    for who in EVERY_LOGIN:
        for trigger in triggers:
            with team.connect(who) as connection, pytest.raises(errors.InsufficientPrivilege):
                connection.execute(f"DROP TRIGGER {trigger} ON audit_event")


def test_pruning_removes_only_events_past_retention_and_keeps_the_anchor(team):
    _age_first_events(team, count=3, years=2)
    cutoff = (datetime.now(UTC) - timedelta(days=365)).isoformat(timespec="microseconds")
    with team.connect("admin") as admin:
        removed = admin.execute("SELECT mentordesk_prune_log(%s)", (cutoff,)).fetchone()
        # Recent events are out of reach, even for an admin naming a later cutoff.
        with pytest.raises(errors.RaiseException):
            admin.execute("SELECT mentordesk_prune_log('2999-01-01')")
        anchor = dict(admin.execute(
            "SELECT key, value FROM app_meta WHERE key LIKE 'audit_anchor%'").fetchall())
    assert removed == (3,)
    assert anchor["audit_anchor_id"]
    report = _chain(team)
    assert report.ok, report.problem


def _age_first_events(team: Team, *, count: int, years: int) -> None:
    """Test-only time travel, as the cluster's superuser with the log's triggers off:
    the first events get an old time and the chain is re-hashed from there."""
    login = team.databases.cluster.superuser
    with psycopg.connect(host=str(login.socket_dir), port=login.port,
                         dbname=team.superuser.dbname, user=login.login,
                         password=login.password) as connection:
        connection.execute("SET session_replication_role = replica")
        rows = connection.execute(
            "SELECT id, occurred_at, user_login, action, entity, entity_id, citizen_id, "
            "detail FROM audit_event ORDER BY id").fetchall()
        previous = audit.GENESIS_HASH
        old = datetime.now(UTC) - timedelta(days=365 * years)
        for position, (event_id, occurred_at, *rest) in enumerate(rows):
            if position < count:
                occurred_at = audit.utc_timestamp(old + timedelta(seconds=position))
            event = AuditEvent(occurred_at=occurred_at, user_login=rest[0], action=rest[1],
                               entity=rest[2], entity_id=rest[3], citizen_id=rest[4],
                               detail=rest[5], prev_hash=previous)
            event_hash = audit.compute_hash(event)
            connection.execute("UPDATE audit_event SET occurred_at = %s, prev_hash = %s, "
                               "hash = %s WHERE id = %s",
                               (occurred_at, previous, event_hash, event_id))
            previous = event_hash
        connection.execute("UPDATE app_meta SET value = %s WHERE key = 'audit_head'",
                           (previous,))


def test_the_apps_pruning_runs_through_the_server_for_admins_only(team):
    for who in ("cille", "admin"):
        database = ServerDatabase.connect(team.profile(who))
        try:
            context = Context(database, resolve_actor(database, ""))
            if who == "cille":
                with pytest.raises(AccessDenied):
                    prune_log(context)
            else:
                result = prune_log(context).value
                assert result.kept > 0
        finally:
            database.close()
    assert _chain(team).ok


@pytest.fixture
def fresh_team(server_databases) -> Team:
    """A team of its own, for tests that prune (the module's team is pruned already)."""
    yield from build_team(server_databases)


def _connect_as(team: Team, who: str) -> ServerDatabase:
    """As the app connects: ``server.connect.open_server`` with the person's profile."""
    su = team.superuser
    profile = ConnectionProfile("Kontoret", su.host, su.port, su.dbname, team.logins[who],
                                su.ca_file)
    return open_server(profile, PASSWORD)


def _oldest_and_count(team: Team) -> tuple[str, int]:
    with team.connect("admin") as admin:
        row = admin.execute("SELECT min(occurred_at), count(*) FROM audit_event").fetchone()
    assert row is not None
    return str(row[0]), int(row[1])


def test_a_mentors_connection_prunes_only_what_is_past_retention_once_a_day(fresh_team):
    _age_first_events(fresh_team, count=3, years=2)
    _oldest, before = _oldest_and_count(fresh_team)
    past_retention = (datetime.now(UTC) - timedelta(days=183)).isoformat()

    database = _connect_as(fresh_team, "anna")  # a mentor: no admin may be needed
    try:
        again = prune_expired(database, login="")
    finally:
        database.close()

    oldest, after = _oldest_and_count(fresh_team)
    assert oldest > past_retention  # every event past retention is gone …
    assert after == before - 3 + 1  # … and nothing else (+ the pruning's own event)
    assert again is None  # at most once a day, whoever connects next
    with fresh_team.connect("admin") as admin:
        pruning = admin.execute("SELECT user_login, detail FROM audit_event "
                                "WHERE action = 'prune'").fetchall()
        anchor = admin.execute("SELECT value FROM app_meta WHERE key = 'audit_anchor_id'"
                               ).fetchone()
    assert pruning == [(fresh_team.logins["anna"], pruning[0][1])]
    assert "3 hændelser" in pruning[0][1]
    assert anchor is not None
    report = _chain(fresh_team)
    assert report.ok, report.problem
    # The server pruned for her; her own hands still cannot.
    for statement in ("DELETE FROM audit_event",
                      "UPDATE app_meta SET value = '2000-01-01' "
                      "WHERE key = 'audit_auto_pruned_on'"):
        with fresh_team.connect("anna", autocommit=False) as anna:
            assert _attempt(anna, statement) in ("refused", "0 rows"), statement


def test_the_teams_longer_retention_period_is_the_servers_cutoff(fresh_team):
    coordinator = _connect_as(fresh_team, "cille")  # the day's pruning: nothing old yet
    try:
        set_retention_months(Context(coordinator, resolve_actor(
            coordinator, fresh_team.logins["cille"])), 24)
        assert coordinator.meta(RETENTION_KEY) == "24"
    finally:
        coordinator.close()
    with superuser_connection(fresh_team.superuser) as superuser:
        superuser.execute("DELETE FROM app_meta WHERE key = 'audit_auto_pruned_on'")
    _age_first_events(fresh_team, count=3, years=1)
    oldest_before, before = _oldest_and_count(fresh_team)

    with fresh_team.connect("bo") as bo:  # as a script of hers could, bypassing the app
        removed = bo.execute("SELECT mentordesk_prune_expired()").fetchone()
        again = bo.execute("SELECT mentordesk_prune_expired()").fetchone()

    assert removed == (0,) and again == (None,)
    assert _oldest_and_count(fresh_team) == (oldest_before, before)
    assert _chain(fresh_team).ok


def test_a_broken_chain_is_not_pruned_on_connect_and_the_connection_still_opens(fresh_team):
    _age_first_events(fresh_team, count=3, years=2)
    with superuser_connection(fresh_team.superuser) as superuser:
        superuser.execute("SET session_replication_role = replica")
        superuser.execute("UPDATE audit_event SET detail = 'omskrevet' "
                          "WHERE id = (SELECT min(id) FROM audit_event)")
    before = _oldest_and_count(fresh_team)

    _connect_as(fresh_team, "anna").close()

    assert _oldest_and_count(fresh_team) == before  # the evidence stays for server check
    admin = _connect_as(fresh_team, "admin")
    try:  # nor by an admin's manual pruning, which tells them the server's own check
        with pytest.raises(MentorDeskError, match="mentordesk server check"):
            prune_log(Context(admin, resolve_actor(admin, fresh_team.logins["admin"])))
    finally:
        admin.close()
    assert _oldest_and_count(fresh_team)[0] == before[0]


def test_only_a_coordinator_or_admin_sets_the_retention_period_on_a_server(fresh_team):
    mentor = _connect_as(fresh_team, "bo")
    try:
        with pytest.raises(AccessDenied):  # the app's own check
            set_retention_months(Context(mentor, resolve_actor(
                mentor, fresh_team.logins["bo"])), 6)
    finally:
        mentor.close()
    with fresh_team.connect("bo") as bo:  # and the server's, for a script going around it
        with pytest.raises(errors.InsufficientPrivilege):
            bo.execute("SELECT mentordesk_set_retention(6)")
        with pytest.raises(errors.InsufficientPrivilege):
            bo.execute("UPDATE app_meta SET value = '6' WHERE key = %s", (RETENTION_KEY,))
    with fresh_team.connect("cille") as cille:
        with pytest.raises(errors.CheckViolation):  # never under the law's six months
            cille.execute("SELECT mentordesk_set_retention(5)")
    with fresh_team.connect("admin") as admin:
        admin.execute("SELECT mentordesk_set_retention(36)")
        stored = admin.execute("SELECT value FROM app_meta WHERE key = %s",
                               (RETENTION_KEY,)).fetchone()
    assert stored == ("36",)
