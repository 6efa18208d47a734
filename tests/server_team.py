"""A team on the throwaway server that a person logs in to as themselves: their own login
role (SCRAM password) with a user row, and a few fictitious citizens to see.

Until the roles lane's group roles and row-level security are merged, the login role is
granted the tables directly; the tests here are about connecting, not about what a role
may see."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from dataclasses import dataclass

from mentordesk.server.profiles import ConnectionProfile
from mentordesk.storage.engine import ServerProfile
from tests.server_support import ServerDatabases

CITIZENS = (("Bodil", "Serversen"), ("Carl", "Netværksen"))


@dataclass(frozen=True)
class TeamLogin:
    profile: ConnectionProfile
    password: str
    superuser: ServerProfile  # the same database as the cluster's owner (restarts, kills)


def team_with_login(server_databases: ServerDatabases, name: str = "teamet"
                    ) -> Iterator[TeamLogin]:
    """A team database, a coordinator login role ``<db>_anna`` with a user row, and the
    citizens in ``CITIZENS``; all dropped afterwards."""
    superuser = server_databases.create_team(_admin_login())
    login = f"{superuser.dbname}_anna"
    password = secrets.token_urlsafe(16)
    try:
        _fill_team(superuser, login)
        server_databases.execute(f"CREATE ROLE \"{login}\" LOGIN PASSWORD '{password}'")
        _grant_tables(superuser, login)
        yield TeamLogin(ConnectionProfile(name, superuser.host, superuser.port,
                                          superuser.dbname, login, superuser.ca_file),
                        password, superuser)
    finally:
        server_databases.drop(superuser)
        server_databases.execute(f'DROP ROLE IF EXISTS "{login}"')


def _admin_login() -> str:
    from mentordesk import vault

    return vault.current_login()


def _fill_team(superuser: ServerProfile, login: str) -> None:
    from mentordesk.domain.codes import Role
    from mentordesk.kernel.context import Context
    from mentordesk.services.citizens import NewCitizen, create_citizen
    from mentordesk.services.team import NewUser, create_user, resolve_actor
    from mentordesk.storage.database import ServerDatabase

    database = ServerDatabase.connect(superuser)
    try:
        context = Context(database, resolve_actor(database, _admin_login()))
        create_user(context, NewUser(login, "Anna Koordinator", Role.COORDINATOR))
        for first, last in CITIZENS:
            create_citizen(context, NewCitizen(first_name=first, last_name=last))
    finally:
        database.close()


def _grant_tables(superuser: ServerProfile, login: str) -> None:
    with superuser_connection(superuser) as connection:
        for statement in (
                f'GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO "{login}"',
                f'GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO "{login}"'):
            connection.execute(statement.encode())


def superuser_connection(superuser: ServerProfile):  # type: ignore[no-untyped-def]
    """An autocommit connection to the team's database as the cluster's owner."""
    import psycopg

    return psycopg.connect(host=superuser.host, port=superuser.port, dbname=superuser.dbname,
                           user=superuser.login, password=superuser.password,
                           sslmode="verify-full", sslrootcert=str(superuser.ca_file),
                           autocommit=True)


def hold_a_write_open(profile: ConnectionProfile, password: str, ready) -> None:  # type: ignore[no-untyped-def]
    """A PC's process (run under ``spawn``) that changes the team's name inside a write
    transaction, says so through ``ready`` and then hangs there, holding the writer's
    lock, until it is killed."""
    import time

    from sqlalchemy import text

    from mentordesk.server.connect import open_server

    database = open_server(profile, password)
    with database.session() as session:
        session.execute(text("UPDATE app_meta SET value = 'Halvt gemt' WHERE key = 'team_name'"))
        ready.set()
        time.sleep(600)
