"""Twenty people on one team server at once: a demo team imported to the throwaway
cluster, twenty processes each logged in as their own person (mentors under row-level
security, coordinators, admins) doing a day's mix for a few seconds. Nobody sees an
error (an edit conflict is the app's dialog, not an error), and every write the app
confirmed is on the server afterwards. Timings are bench/server_load.py's business."""

from __future__ import annotations

from pathlib import Path

import pytest

from mentordesk.demo import build_demo
from mentordesk.domain.codes import Role
from mentordesk.paths import DEMO_PASSPHRASE
from mentordesk.server.importing import import_file
from tests.server_load_mix import lost_writes, run_load, team_people

SECONDS = 8
PEOPLE = 20


@pytest.fixture
def imported_team(tmp_path: Path, server_databases):
    demo = build_demo(tmp_path / "demo.mentordesk", DEMO_PASSPHRASE, citizens=40, mentors=20,
                      years=1, operator_login="it-tester")
    profile = server_databases.create_empty()
    try:
        import_file(demo, profile, None)
    finally:
        demo.close()
    people = team_people(profile, DEMO_PASSPHRASE)
    yield profile, people
    logins = _every_login(profile)  # the import gave each of the demo's people a role
    server_databases.drop(profile)
    for login in logins:
        server_databases.execute(f'DROP ROLE IF EXISTS "{login}"')


def _every_login(profile) -> list[str]:  # type: ignore[no-untyped-def]
    from sqlalchemy import select

    from mentordesk.storage.engine import open_server_engine
    from mentordesk.storage.models import User

    engine = open_server_engine(profile, pooled=False)
    try:
        with engine.connect() as connection:
            return list(connection.scalars(select(User.login)))
    finally:
        engine.dispose()


def test_twenty_people_at_once_see_no_error_and_lose_no_write(imported_team):
    superuser, people = imported_team
    roles = [person.role for person in people]
    assert len(people) == PEOPLE
    assert (roles.count(Role.MENTOR), roles.count(Role.COORDINATOR),
            roles.count(Role.ADMIN)) == (10, 8, 2)

    result = run_load(people, SECONDS)

    assert result.errors == []
    done = result.timings()
    # Everyone worked, and the mix held reads and writes of every kind.
    assert all(outcome.timings for outcome in result.outcomes)
    assert {"search", "open record", "log contact", "edit goal",
            "team week hours"} <= set(done)
    acknowledged = sum(len(outcome.contacts) for outcome in result.outcomes)
    assert acknowledged > 0
    assert lost_writes(superuser, result.outcomes) == []
