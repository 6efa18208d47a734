"""Set up a team server and its people: ``server init``, ``add-user``, ``remove-user``,
``set-role``, ``set-password``; and ``server upgrade`` for a new program version.

What each command does, and what it refuses; the SQL (roles, grants, row-level security)
is ``storage/server_roles.py``. All of it runs on IT's superuser connection, one
transaction per command, so a failed step leaves nothing half made.
"""

from __future__ import annotations

import re

from sqlalchemy import Connection, Engine
from sqlalchemy.orm import Session

from mentordesk.domain.codes import Role
from mentordesk.rights.tables import CITIZEN_TABLES
from mentordesk.services.catalogue import seed_default_catalogue
from mentordesk.storage import server_roles
from mentordesk.storage.migrate import (
    SCHEMA_HEAD,
    build_server_schema,
    current_revision,
    is_known_revision,
    revision_on,
    upgrade_server_to_head,
)
from mentordesk.storage.server_roles import OWNER_ROLE, open_admin_engine, team_transaction

__all__ = ["OWNER_ROLE", "ProvisionError", "add_user", "check_login", "initialise",
           "is_valid_login", "open_admin_engine", "refresh_security", "remove_user",
           "secure_team", "set_password", "set_role", "upgrade"]

_LOGIN = re.compile(r"^[a-z0-9][a-z0-9._-]{0,62}$")
_RESERVED_PREFIXES = ("pg_", "mentordesk_")


class ProvisionError(ValueError):
    """A command IT gave cannot be carried out; the message says why (Danish)."""


def initialise(engine: Engine, team_name: str, admin_login: str, admin_password: str) -> None:
    """Schema, default catalogue, roles, security and the first admin in an empty
    database."""
    check_login(admin_login)
    if current_revision(engine) is not None:
        raise ProvisionError("Databasen er allerede sat op til MentorDesk; "
                             "'server init' køres kun én gang.")
    upgrade_server_to_head(engine)
    with team_transaction(engine) as connection:
        server_roles.name_team(connection, team_name)
        seed_default_catalogue(Session(bind=connection))
        server_roles.create_group_roles(connection)
        _apply_security(connection)
        _add_person(connection, admin_login, admin_password, Role.ADMIN, "")
        server_roles.log_admin_event(connection, admin_login, "create", "user",
                                     f"Første bruger oprettet som administrator: {admin_login}")


def refresh_security(engine: Engine) -> None:
    """Ownership, grants and policies again, for every table and function: to run after
    ``migrate.upgrade_server_to_head`` on a team's server, whose new tables and functions
    belong to IT's superuser and have neither grants nor policies yet. Safe to repeat."""
    with team_transaction(engine) as connection:
        _apply_security(connection)


def secure_team(connection: Connection) -> None:
    """Group roles, ownership, grants and policies in the caller's transaction (the end
    of ``server import``, which builds the schema in its own transaction)."""
    server_roles.create_group_roles(connection)
    _apply_security(connection)


def upgrade(engine: Engine) -> tuple[str, str]:
    """Migrate a team's server to this program's schema and give the new tables and
    functions their owner, grants and policies, in one transaction; returns the
    revisions before and after. Safe to repeat (at head it only refreshes security)."""
    with team_transaction(engine) as connection:
        before = revision_on(connection)
        if before is None:
            raise ProvisionError("Databasen er ikke sat op til MentorDesk; brug 'server init' "
                                 "eller 'server import'.")
        if not is_known_revision(before):
            raise ProvisionError(f"Databasen har skemaversion {before}, som er nyere end "
                                 "programmet; opdatér programmet i stedet.")
        build_server_schema(connection)
        # A server from before the roles work has no group roles yet.
        secure_team(connection)
        if before != SCHEMA_HEAD:
            server_roles.log_event(connection, "update", "database", None,
                                   f"Teamserveren opgraderet fra {before} til {SCHEMA_HEAD}")
    return before, SCHEMA_HEAD


def _apply_security(connection: Connection) -> None:
    server_roles.hand_to_owner(connection)
    server_roles.grant_to_groups(connection)
    server_roles.secure_citizen_tables(
        connection, [(table.name, table.path) for table in CITIZEN_TABLES])
    server_roles.guard_chain_head(connection)


def add_user(engine: Engine, login: str, password: str, role: Role, full_name: str = "") -> None:
    """A new person: a login role in the group for ``role`` and their user row."""
    check_login(login)
    with team_transaction(engine) as connection:
        if server_roles.user_exists(connection, login):
            raise ProvisionError(
                f"Brugeren {login} findes allerede i teamet (fx fra den flyttede fil). Giv "
                f"vedkommende en adgangskode med 'mentordesk server set-password URL {login}'.")
        _add_person(connection, login, password, role, full_name)
        server_roles.log_admin_event(connection, login, "create", "user",
                                     f"Bruger oprettet på teamserveren: {login}")


def remove_user(engine: Engine, login: str) -> None:
    """The person can no longer log in; their user row is deactivated and every event
    they caused stays in the log under their name."""
    with team_transaction(engine) as connection:
        _require_user(connection, login)
        server_roles.disable_login(connection, login)
        server_roles.log_admin_event(connection, login, "remove_person", "user",
                                     f"Bruger fjernet fra teamserveren: {login}")


def set_role(engine: Engine, login: str, role: Role) -> None:
    """Move a person to another group role; the user row's role follows."""
    with team_transaction(engine) as connection:
        _require_user(connection, login)
        server_roles.move_to_group(connection, login, role)
        server_roles.log_admin_event(connection, login, "update", "user",
                                     f"Rolle ændret til {role.label}: {login}")


def set_password(engine: Engine, login: str, password: str) -> None:
    """A person's (new) password: after ``server import`` or ``server restore`` their
    role has none, and SCRAM refuses them until IT runs this."""
    with team_transaction(engine) as connection:
        _require_user(connection, login)
        if not server_roles.user_is_active(connection, login):
            raise ProvisionError(f"{login} er deaktiveret i teamet og får ingen adgangskode.")
        if not server_roles.role_exists(connection, login):
            raise ProvisionError(f"Der er ingen login-rolle {login} på serveren; kør "
                                 "'server import' eller 'server restore' igen, eller "
                                 "'server add-user' for en ny person.")
        if server_roles.role_is_privileged(connection, login):
            raise ProvisionError(f"Rollen {login} har flere rettigheder end en medarbejders "
                                 "og ændres ikke herfra.")
        server_roles.set_password(connection, login, password)
        server_roles.log_admin_event(connection, login, "update", "user",
                                     f"Adgangskode sat for {login}")


def is_valid_login(login: str) -> bool:
    """A login that can be a role name: lower-case letters, digits, '.', '_' or '-'."""
    return bool(_LOGIN.match(login)) and not login.startswith(_RESERVED_PREFIXES)


def check_login(login: str) -> None:
    """A login becomes a role name: lower-case letters, digits, '.', '_' or '-'."""
    if not is_valid_login(login):
        raise ProvisionError(
            f"'{login}' kan ikke bruges som login: brug små bogstaver (a-z), tal, '.', "
            "'_' eller '-', og ikke 'pg_' eller 'mentordesk_' forrest.")


def _add_person(connection: Connection, login: str, password: str, role: Role,
                full_name: str) -> None:
    if server_roles.role_exists(connection, login):
        raise ProvisionError(f"Der findes allerede en rolle {login} på serveren.")
    server_roles.create_login(connection, login, password, role)
    server_roles.insert_user(connection, login, role, full_name)


def _require_user(connection: Connection, login: str) -> None:
    if not server_roles.user_exists(connection, login):
        raise ProvisionError(f"Der er ingen bruger {login} i teamet.")
