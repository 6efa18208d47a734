"""When the network doesn't work: a server restart between two operations, and a write
transaction whose connection the server drops (point 6 of the team server)."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from mentordesk.errors import ConnectionLost
from mentordesk.kernel.context import Context
from mentordesk.server.connect import open_server, run_reconnecting
from mentordesk.services.citizens import NewCitizen, create_citizen, list_citizens
from mentordesk.services.team import resolve_actor
from tests.server_team import CITIZENS, superuser_connection, team_with_login

CUT_OFF_WRITE = ("Forbindelsen til teamserveren blev afbrudt. Dine ændringer er ikke gemt "
                 "endnu — prøv igen.")


@pytest.fixture
def team(server_databases):
    yield from team_with_login(server_databases)


@pytest.fixture
def context(team):
    database = open_server(team.profile, team.password)
    try:
        yield Context(database, resolve_actor(database, team.profile.login))
    finally:
        database.close()


def test_the_read_after_a_server_restart_works(context, pg_cluster):
    assert len(run_reconnecting(list_citizens, context)) == len(CITIZENS)

    pg_cluster.restart()

    assert len(run_reconnecting(list_citizens, context)) == len(CITIZENS)


def test_a_read_cut_off_midway_runs_once_more(context, team):
    calls = []

    def read_that_loses_its_connection_once(context: Context) -> int:
        calls.append(1)
        with context.read() as session:
            if len(calls) == 1:
                _terminate(team, session.scalar(text("SELECT pg_backend_pid()")))
            return int(session.scalar(text("SELECT count(*) FROM citizen")) or 0)

    assert run_reconnecting(read_that_loses_its_connection_once, context) == len(CITIZENS)
    assert len(calls) == 2


def test_a_write_whose_connection_is_killed_fails_plainly_and_is_not_retried(context, team):
    calls = []

    def save_cut_off(context: Context) -> None:
        calls.append(1)
        with context.session() as session:
            # A write the coordinator's group may make (the team's name is the admins').
            session.execute(text("UPDATE citizen SET first_name = 'Nyt navn'"))
            _terminate(team, session.scalar(text("SELECT pg_backend_pid()")))
            session.execute(text("SELECT 1"))

    with pytest.raises(ConnectionLost) as lost:
        run_reconnecting(save_cut_off, context)

    assert str(lost.value) == CUT_OFF_WRITE
    assert lost.value.during_write
    assert len(calls) == 1
    # Nothing half-saved, and the next operation works on a fresh connection.
    names = [row.display_name for row in run_reconnecting(list_citizens, context)]
    assert sorted(names) == sorted(f"{first} {last}" for first, last in CITIZENS)


def test_an_operation_that_wrote_before_its_read_was_cut_off_is_not_run_again(context, team):
    calls = []

    def write_then_read(context: Context) -> None:
        calls.append(1)
        create_citizen(context, NewCitizen(first_name="Dorte", last_name="Engang"))
        with context.read() as session:
            _terminate(team, session.scalar(text("SELECT pg_backend_pid()")))
            session.execute(text("SELECT 1"))

    with pytest.raises(ConnectionLost):
        run_reconnecting(write_then_read, context)

    assert len(calls) == 1
    names = [row.display_name for row in run_reconnecting(list_citizens, context)]
    assert names.count("Dorte Engang") == 1


def _terminate(team, pid: int) -> None:  # type: ignore[no-untyped-def]
    with superuser_connection(team.superuser) as connection:
        connection.execute(b"SELECT pg_terminate_backend(%s)", (pid,))
