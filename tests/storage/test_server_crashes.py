"""A PC that dies mid-save and a server restarted mid-save: the half-done change is never
kept, and the rest of the team goes on without waiting for anyone (point 7 of the team
server). Between two operations a restart is tests/storage/test_server_network.py's."""

from __future__ import annotations

import multiprocessing
import os
import signal
import time

import pytest
from sqlalchemy import text

from mentordesk.errors import ConnectionLost
from mentordesk.kernel.context import Context
from mentordesk.server.connect import open_server, run_reconnecting
from mentordesk.services.citizens import NewCitizen, create_citizen, list_citizens
from mentordesk.services.team import resolve_actor
from mentordesk.storage.engine import BUSY_TIMEOUT_MS
from tests.server_team import CITIZENS, hold_a_write_open, team_with_login

START_TIMEOUT_S = 120


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


def test_a_pc_killed_mid_save_keeps_nothing_and_blocks_nobody(team, context):
    spawn = multiprocessing.get_context("spawn")
    ready = spawn.Event()
    pc = spawn.Process(target=hold_a_write_open, args=(team.profile, team.password, ready))
    pc.start()
    try:
        assert ready.wait(START_TIMEOUT_S), "the other PC never began its save"
        os.kill(pc.pid, signal.SIGKILL)  # a crash, a pulled plug: no rollback is sent
        pc.join(timeout=30)
    finally:
        if pc.is_alive():
            pc.kill()

    # The dead PC held the writer's lock; the server frees it with the connection, well
    # before a waiting save would give up.
    start = time.perf_counter()
    create_citizen(context, NewCitizen(first_name="Ditte", last_name="Efterkrak"))
    waited_ms = (time.perf_counter() - start) * 1000

    assert waited_ms < BUSY_TIMEOUT_MS
    names = [row.display_name for row in list_citizens(context)]
    assert "Ditte Efterkrak" in names and len(names) == len(CITIZENS) + 1
    assert not [name for name in names if "Halvt gemt" in name]  # the dead PC's save


def test_a_save_the_server_restarts_under_is_not_kept_and_the_next_works(
        team, context, pg_cluster):
    calls = []

    def save_across_a_restart(context: Context) -> None:
        calls.append(1)
        with context.session() as session:
            session.execute(text("UPDATE citizen SET first_name = 'Halvt gemt'"))
            pg_cluster.restart()
            session.execute(text("SELECT 1"))

    with pytest.raises(ConnectionLost) as lost:
        run_reconnecting(save_across_a_restart, context)

    assert lost.value.during_write and len(calls) == 1
    names = [row.display_name for row in run_reconnecting(list_citizens, context)]
    assert names and not [name for name in names if "Halvt gemt" in name]
    created = run_reconnecting(create_citizen, context,
                               NewCitizen(first_name="Ebbe", last_name="Genstart"))
    assert created.value > 0
    assert len(run_reconnecting(list_citizens, context)) == len(CITIZENS) + 1
