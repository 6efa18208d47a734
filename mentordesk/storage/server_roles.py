"""The team server's roles, grants and row-level security: the SQL behind ``server init``
and the people commands (``mentordesk/server/provision.py`` decides what to do).

Each person is a PostgreSQL login role (SCRAM) in one of three group roles that carry the
grants; a separate owner role, which nobody logs in as, owns every table and function.
Row-level security on every table that reaches a citizen applies the app's visibility
rule through one SQL function (migration 0014), so a mentor connecting with ``psql`` sees
what the app would show. Everything here runs on IT's superuser connection.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, Engine, create_engine, text
from sqlalchemy.orm import Session
from sqlalchemy.pool import NullPool

from mentordesk.domain.codes import Role
from mentordesk.storage.database import FILE_ID_KEY, TEAM_NAME_KEY
from mentordesk.storage.engine import SERVER_WRITE_LOCK, reached
from mentordesk.storage.models import User

OWNER_ROLE = "mentordesk_owner"
GROUP_ROLES: dict[Role, str] = {
    Role.MENTOR: "mentordesk_mentor",
    Role.COORDINATOR: "mentordesk_coordinator",
    Role.ADMIN: "mentordesk_admin",
}
# Written by admins only: the team's people and catalogues, and the app's own settings.
ADMIN_TABLES = ("user", "person_key", "authority", "economy_item", "legal_basis",
                "limitation_rule", "norm_rate", "partner", "vum_term", "course_type",
                "app_meta")
# Migration 0014's functions: the first two for every group, pruning for admins.
VISIBILITY_FUNCTIONS = ("mentordesk_visible_citizen(bigint)", "mentordesk_sees_team()",
                        "mentordesk_visible_citizen_ids()")
LOG_FUNCTION = "mentordesk_log_event(text, text, bigint, bigint, text, text, text)"
PRUNE_FUNCTION = "mentordesk_prune_log(text)"
# Written only through mentordesk_log_event / mentordesk_prune_log.
LOG_TABLE = "audit_event"
# A session left open inside a transaction holds the writer's lock for everyone.
IDLE_IN_TRANSACTION_TIMEOUT = "5min"
# How a citizen table's rows reach the citizen: (table, ((column, parent table), …)), as
# ``rights.tables.CITIZEN_TABLES`` lists them.
CitizenPath = tuple[str, tuple[tuple[str, str], ...]]


def open_admin_engine(url: str) -> Engine:
    """IT's superuser connection from a libpq URL (``postgresql://user@host/db?…``; TLS
    options such as ``sslmode=verify-full&sslrootcert=…`` go in the URL). The password
    comes from the URL's own sources (``PGPASSWORD``, ``~/.pgpass``), never an argument."""
    driver_url = re.sub(r"^postgres(ql)?://", "postgresql+psycopg://", url)
    return reached(create_engine(driver_url, poolclass=NullPool), "Teamserveren")


@contextmanager
def team_transaction(engine: Engine) -> Iterator[Connection]:
    """One transaction that, like the app's writers, holds the team's writer lock."""
    with engine.begin() as connection:
        connection.execute(text(f"SELECT pg_advisory_xact_lock({SERVER_WRITE_LOCK})"))
        yield connection


def quote(name: str) -> str:
    """A role or table name as a quoted SQL identifier."""
    return '"' + name.replace('"', '""') + '"'


def policy_condition(table: CitizenPath) -> str:
    """The row-level security condition of one citizen table: ``mentordesk_visible_citizen``
    applied to the citizen the row belongs to (through its parents when it has no
    citizen_id of its own), spelled out so that its two parts are scalar subqueries:
    PostgreSQL runs each once per statement instead of once per row."""
    name, path = table
    citizen = _citizen_of_row(path, "id" if name == "citizen" else "citizen_id")
    return (f"(SELECT mentordesk_sees_team()) "
            # The cast keeps ANY(…) an array expression, not ANY(subquery).
            f"OR {citizen} = ANY (CAST((SELECT mentordesk_visible_citizen_ids()) AS bigint[]))")


def _citizen_of_row(path: tuple[tuple[str, str], ...], citizen: str) -> str:
    if not path:
        return citizen
    (column, parent), rest = path[0], path[1:]
    parent_citizen = "citizen_id" if parent != "citizen" else "id"
    inner = _citizen_of_row(rest, parent_citizen)
    return f"(SELECT {inner} FROM {quote(parent)} WHERE {quote(parent)}.id = {column})"


def name_team(connection: Connection, team_name: str) -> None:
    """The team's name and a new id, as a new file gets them."""
    connection.execute(text("INSERT INTO app_meta (key, value) VALUES (:k1, :v1), (:k2, :v2)"),
                       {"k1": FILE_ID_KEY, "v1": str(uuid.uuid4()),
                        "k2": TEAM_NAME_KEY, "v2": team_name})


def create_group_roles(connection: Connection) -> None:
    """Roles belong to the whole cluster: another team's database may have made them."""
    # BYPASSRLS: the owner's definer functions read the tables the policies guard;
    # without it each policy would call the visibility function recursively.
    _create_role_once(connection, OWNER_ROLE, "NOLOGIN BYPASSRLS")
    for group in GROUP_ROLES.values():
        _create_role_once(connection, group, "NOLOGIN")


def _create_role_once(connection: Connection, role: str, options: str) -> None:
    if not role_exists(connection, role):
        connection.execute(text(f"CREATE ROLE {role} {options}"))


def role_exists(connection: Connection, role: str) -> bool:
    """Roles belong to the whole cluster, not to one team's database."""
    return bool(connection.scalar(text("SELECT 1 FROM pg_roles WHERE rolname = :r"),
                                  {"r": role}))


def hand_to_owner(connection: Connection) -> None:
    """Every table, sequence and function of the schema to the owner role; the
    functions' EXECUTE from PUBLIC to the groups only."""
    tables = connection.scalars(text(
        "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")).all()
    for table in tables:
        connection.execute(text(f"ALTER TABLE {quote(table)} OWNER TO {OWNER_ROLE}"))
    functions = connection.scalars(text(
        "SELECT p.oid::regprocedure::text FROM pg_proc p "
        "JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public'")).all()
    for function in functions:
        connection.execute(text(f"ALTER FUNCTION {function} OWNER TO {OWNER_ROLE}"))
        connection.execute(text(f"REVOKE ALL ON FUNCTION {function} FROM PUBLIC"))
    groups = ", ".join(GROUP_ROLES.values())
    for function in (*VISIBILITY_FUNCTIONS, LOG_FUNCTION):
        connection.execute(text(f"GRANT EXECUTE ON FUNCTION {function} TO {groups}"))
    connection.execute(text(
        f"GRANT EXECUTE ON FUNCTION {PRUNE_FUNCTION} TO {GROUP_ROLES[Role.ADMIN]}"))


def grant_to_groups(connection: Connection) -> None:
    groups = ", ".join(GROUP_ROLES.values())
    admin = GROUP_ROLES[Role.ADMIN]
    connection.execute(text(f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {groups}"))
    connection.execute(text(f"GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO {groups}"))
    tables = connection.scalars(text(
        "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")).all()
    for table in tables:
        if table == LOG_TABLE or table == "alembic_version":
            continue
        writers = admin if table in ADMIN_TABLES else groups
        connection.execute(text(
            f"GRANT INSERT, UPDATE, DELETE ON {quote(table)} TO {writers}"))


def secure_citizen_tables(connection: Connection, tables: Iterable[CitizenPath]) -> None:
    """ENABLE and FORCE row-level security with the visibility policy on each table
    (replacing the policy when run again)."""
    for table in tables:
        name = quote(table[0])
        condition = policy_condition(table)
        connection.execute(text(f"ALTER TABLE {name} ENABLE ROW LEVEL SECURITY"))
        connection.execute(text(f"ALTER TABLE {name} FORCE ROW LEVEL SECURITY"))
        connection.execute(text(f"DROP POLICY IF EXISTS mentordesk_visible ON {name}"))
        connection.execute(text(
            f"CREATE POLICY mentordesk_visible ON {name} FOR ALL "
            f"USING ({condition}) WITH CHECK ({condition})"))


def guard_chain_head(connection: Connection) -> None:
    """Admins write the app's settings in ``app_meta``, but never the log's chain head,
    count or anchor there: only the log functions (run as the owner) do."""
    connection.execute(text("ALTER TABLE app_meta ENABLE ROW LEVEL SECURITY"))
    connection.execute(text("ALTER TABLE app_meta FORCE ROW LEVEL SECURITY"))
    not_the_log = "left(key, 6) <> 'audit_'"
    for name, command, clauses in (
            ("mentordesk_read", "SELECT", "USING (true)"),
            ("mentordesk_insert", "INSERT", f"WITH CHECK ({not_the_log})"),
            ("mentordesk_update", "UPDATE", f"USING ({not_the_log}) WITH CHECK ({not_the_log})"),
            ("mentordesk_delete", "DELETE", f"USING ({not_the_log})")):
        connection.exec_driver_sql(f"DROP POLICY IF EXISTS {name} ON app_meta")
        connection.exec_driver_sql(f"CREATE POLICY {name} ON app_meta FOR {command} {clauses}")


def create_login(connection: Connection, login: str, password: str, role: Role) -> None:
    """A login role with a SCRAM verifier made here, so the password itself never
    travels in a statement (nor lands in a server log)."""
    verifier = _scram_verifier(connection, login, password)
    # Straight to the driver: the verifier holds ':' and '$' that a bind parser would read.
    connection.exec_driver_sql(
        f"CREATE ROLE {quote(login)} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS "
        f"PASSWORD '{verifier}' IN ROLE {GROUP_ROLES[role]}")
    connection.execute(text(f"ALTER ROLE {quote(login)} SET "
                            f"idle_in_transaction_session_timeout = "
                            f"'{IDLE_IN_TRANSACTION_TIMEOUT}'"))


def _scram_verifier(connection: Connection, login: str, password: str) -> str:
    """libpq's own SCRAM-SHA-256 verifier for ``password`` (PQencryptPasswordConn)."""
    raw = connection.connection.dbapi_connection
    pgconn = raw.pgconn  # type: ignore[union-attr]
    verifier = pgconn.encrypt_password(password.encode(), login.encode(), b"scram-sha-256")
    return bytes(verifier).decode("ascii")


def insert_user(connection: Connection, login: str, role: Role, full_name: str = "") -> None:
    """The person's user row (the model's defaults, as the app's own team page adds one)."""
    session = Session(bind=connection)
    session.add(User(login=login, full_name=full_name or login, role=role.value))
    session.flush()


def user_exists(connection: Connection, login: str) -> bool:
    return bool(connection.scalar(text('SELECT 1 FROM "user" WHERE login = :login'),
                                  {"login": login}))


def disable_login(connection: Connection, login: str) -> None:
    """The role can no longer log in, and the user row is deactivated."""
    connection.execute(text(f"ALTER ROLE {quote(login)} NOLOGIN"))
    connection.execute(text('UPDATE "user" SET active = false WHERE login = :login'),
                       {"login": login})


def move_to_group(connection: Connection, login: str, role: Role) -> None:
    """Out of every other group role, into ``role``'s; the user row's role follows."""
    for other in GROUP_ROLES.values():
        if other != GROUP_ROLES[role]:
            connection.execute(text(f"REVOKE {other} FROM {quote(login)}"))
    connection.execute(text(f"GRANT {GROUP_ROLES[role]} TO {quote(login)}"))
    connection.execute(text('UPDATE "user" SET role = :role WHERE login = :login'),
                       {"role": role.value, "login": login})


def log_admin_event(connection: Connection, login: str, action: str, entity: str,
                    detail: str) -> None:
    """IT's administration in the team's access log, under IT's own (superuser) login."""
    entity_id = connection.scalar(text('SELECT id FROM "user" WHERE login = :login'),
                                  {"login": login})
    connection.execute(text(
        "SELECT mentordesk_log_event(:action, :entity, :entity_id, NULL, :detail)"),
        {"action": action, "entity": entity, "entity_id": entity_id, "detail": detail})
