"""Server databases in the states IT meets them: set up by ``server init``, holding a team
already; and a person's login as the server sees it."""

from __future__ import annotations

from urllib.parse import quote

import psycopg

from mentordesk.storage.engine import ServerProfile


def admin_url(profile: ServerProfile) -> str:
    """IT's libpq address of ``profile``'s database, with the password (tests only)."""
    return (f"postgresql://{quote(profile.login)}:{quote(profile.password)}@{profile.host}:"
            f"{profile.port}/{profile.dbname}?sslmode=verify-full&sslrootcert={profile.ca_file}")


def initialise(profile: ServerProfile, admin: str, password: str) -> None:
    """``server init`` on the (empty) database of ``profile``."""
    from mentordesk.server import provision

    engine = provision.open_admin_engine(profile)
    try:
        provision.initialise(engine, "Opsatte team", admin, password)
    finally:
        engine.dispose()


def add_citizen(profile: ServerProfile, admin: str, first: str, last: str) -> None:
    """A citizen created in the app as ``admin``: the database now holds a team."""
    from mentordesk.kernel.context import Context
    from mentordesk.services.citizens import NewCitizen, create_citizen
    from mentordesk.services.team import resolve_actor
    from mentordesk.storage.database import ServerDatabase

    database = ServerDatabase.connect(profile)
    try:
        context = Context(database, resolve_actor(database, admin))
        create_citizen(context, NewCitizen(first_name=first, last_name=last))
    finally:
        database.close()


def can_log_in(profile: ServerProfile, login: str, password: str) -> bool:
    try:
        psycopg.connect(host=profile.host, port=profile.port, dbname=profile.dbname,
                        user=login, password=password, sslmode="verify-full",
                        sslrootcert=str(profile.ca_file), connect_timeout=10).close()
    except psycopg.OperationalError:
        return False
    return True


def role_state(profile: ServerProfile, login: str) -> tuple[bool, bool, list[str]] | None:
    """(can log in, has a password, group roles) of a role, None if there is none."""
    with psycopg.connect(host=profile.host, port=profile.port, dbname=profile.dbname,
                         user=profile.login, password=profile.password,
                         sslmode="verify-full", sslrootcert=str(profile.ca_file)) as connection:
        row = connection.execute(
            "SELECT a.rolcanlogin, a.rolpassword IS NOT NULL, coalesce(array_agg(g.rolname "
            "ORDER BY g.rolname) FILTER (WHERE g.rolname IS NOT NULL), '{}') "
            "FROM pg_authid a LEFT JOIN pg_auth_members m ON m.member = a.oid "
            "LEFT JOIN pg_roles g ON g.oid = m.roleid WHERE a.rolname = %s "
            "GROUP BY a.rolcanlogin, a.rolpassword", (login,)).fetchone()
    return None if row is None else (row[0], row[1], list(row[2]))


def drop_roles(profile: ServerProfile, logins: list[str]) -> None:
    """Remove people's roles from the cluster (as a restore onto another cluster finds
    it); ``profile``'s database must not be one they own anything in."""
    with psycopg.connect(host=profile.host, port=profile.port, dbname=profile.dbname,
                         user=profile.login, password=profile.password, autocommit=True,
                         sslmode="verify-full", sslrootcert=str(profile.ca_file)) as connection:
        for login in logins:
            connection.execute(f'DROP ROLE IF EXISTS "{login}"'.encode())
