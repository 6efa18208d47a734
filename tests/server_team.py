"""A team on the throwaway server that people log in to as themselves, made the way IT
makes one: ``server init`` (``provision.initialise``) on an empty database, then
``server add-user`` for a coordinator and a mentor, each a SCRAM login role in their group
role, so every connection here meets the grants and row-level security a real team's
PCs meet. A few fictitious citizens, one of them assigned to the mentor."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta

from mentordesk.domain.codes import Role
from mentordesk.server import provision
from mentordesk.server.profiles import ConnectionProfile
from mentordesk.storage.engine import ServerProfile
from tests.server_support import ServerDatabases

CITIZENS = (("Bodil", "Serversen"), ("Carl", "Netværksen"))
# The mentor's own citizen: the only one a mentor login may see.
MENTOR_CITIZENS = CITIZENS[:1]


@dataclass(frozen=True)
class TeamLogin:
    profile: ConnectionProfile  # the coordinator: sees every citizen
    password: str  # every person's (one password keeps the tests short)
    superuser: ServerProfile  # the same database as the cluster's owner (restarts, kills)
    mentor: ConnectionProfile  # a mentor: sees MENTOR_CITIZENS only
    admin: ConnectionProfile  # the first admin ``server init`` made (IT's own login)


def team_with_login(server_databases: ServerDatabases, name: str = "teamet"
                    ) -> Iterator[TeamLogin]:
    """A provisioned team: IT's first admin, coordinator ``anna_<x>`` and mentor
    ``mads_<x>`` as login roles, and the citizens in ``CITIZENS``; all dropped afterwards."""
    superuser = server_databases.create_empty()
    suffix = secrets.token_hex(3)
    logins = {who: f"{who}_{suffix}" for who in ("it", "anna", "mads")}
    password = secrets.token_urlsafe(16)
    try:
        _provision(superuser, logins, password)
        _fill_team(superuser, logins)
        coordinator = ConnectionProfile(name, superuser.host, superuser.port, superuser.dbname,
                                        logins["anna"], superuser.ca_file)
        yield TeamLogin(coordinator, password, superuser,
                        replace(coordinator, login=logins["mads"]),
                        replace(coordinator, login=logins["it"]))
    finally:
        server_databases.drop(superuser)
        for login in logins.values():
            server_databases.execute(f'DROP ROLE IF EXISTS "{login}"')


def _provision(superuser: ServerProfile, logins: dict[str, str], password: str) -> None:
    engine = provision.open_admin_engine(superuser)
    try:
        provision.initialise(engine, "Testteamet", logins["it"], password)
        provision.add_user(engine, logins["anna"], password, Role.COORDINATOR,
                           "Anna Koordinator")
        provision.add_user(engine, logins["mads"], password, Role.MENTOR, "Mads Mentor")
    finally:
        engine.dispose()


def _fill_team(superuser: ServerProfile, logins: dict[str, str]) -> None:
    """The citizens, created through the app as the team's admin, and the mentor's
    assignment to his own."""
    from mentordesk.kernel.context import Context
    from mentordesk.services.citizens import NewCitizen, create_citizen
    from mentordesk.services.team import resolve_actor
    from mentordesk.storage.database import ServerDatabase
    from mentordesk.storage.models import Assignment, User

    database = ServerDatabase.connect(superuser)
    try:
        context = Context(database, resolve_actor(database, logins["it"]))
        ids = {first: create_citizen(context, NewCitizen(first_name=first, last_name=last)).value
               for first, last in CITIZENS}
        with database.session() as session:
            mentor = session.query(User).filter_by(login=logins["mads"]).one()
            session.add_all([
                Assignment(citizen_id=ids[first], user_id=mentor.id, kind="primary",
                           start_on=date.today() - timedelta(days=30))
                for first, _last in MENTOR_CITIZENS])
    finally:
        database.close()


def superuser_connection(superuser: ServerProfile):  # type: ignore[no-untyped-def]
    """An autocommit connection to the team's database as the cluster's owner."""
    import psycopg

    return psycopg.connect(host=superuser.host, port=superuser.port, dbname=superuser.dbname,
                           user=superuser.login, password=superuser.password,
                           sslmode="verify-full", sslrootcert=str(superuser.ca_file),
                           autocommit=True)


def hold_a_write_open(profile: ConnectionProfile, password: str, ready) -> None:  # type: ignore[no-untyped-def]
    """A PC's process (run under ``spawn``) that renames every citizen it sees inside a
    write transaction, says so through ``ready`` and then hangs there, holding the
    writer's lock, until it is killed."""
    import time

    from sqlalchemy import text

    from mentordesk.server.connect import open_server

    database = open_server(profile, password)
    with database.session() as session:
        session.execute(text("UPDATE citizen SET first_name = 'Halvt gemt'"))
        ready.set()
        time.sleep(600)
