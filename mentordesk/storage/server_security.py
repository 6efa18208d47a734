"""Is a team server's security exactly as provisioning left it? (``server check``)

``server_roles`` writes ownership, grants and row-level security; this reads them back
from the server's catalogue and names every difference in Danish: a table not owned by
the owner role, row-level security off or not forced, a policy missing, altered or added,
a privilege a group should not have (or lacks), a function that is no longer the owner's
``SECURITY DEFINER`` or that a group may now call, a person's login that bypasses
row-level security. Runs on IT's superuser connection.

A policy is compared with the one provisioning would write: the same policy is created on
an empty scratch copy of the table (a temporary table of the same name, which hides the
real one for a moment) and the server's own rendering of both expressions compared, so no
hand-written expectation can drift from ``server_roles``. The caller's transaction is
rolled back afterwards (``scratch_transaction``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, Engine, text

from mentordesk.domain.codes import Role
from mentordesk.storage.server_roles import (
    ADMIN_TABLES,
    CHAIN_HEAD_POLICIES,
    GROUP_FUNCTIONS,
    GROUP_ROLES,
    LOG_TABLE,
    OWNER_ROLE,
    PRUNE_FUNCTION,
    REMOVE_EVENTS_FUNCTION,
    RETENTION_FUNCTION,
    ROLE_FUNCTIONS,
    CitizenPath,
    PolicySpec,
    create_policy,
    quote,
    visible_policy,
)

# The privileges compared per table and group role.
TABLE_PRIVILEGES = ("SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES",
                    "TRIGGER")
_READ = frozenset({"SELECT"})
_WRITE = frozenset({"SELECT", "INSERT", "UPDATE", "DELETE"})
# Never written by any group: the log (only through its functions), Alembic's revision.
_READ_ONLY_TABLES = (LOG_TABLE, "alembic_version")
_COLUMN_PRIVILEGES = frozenset({"SELECT", "INSERT", "UPDATE", "REFERENCES"})
# Whether a privilege is tested on the table alone or on any of its columns too.
_PRIVILEGE_TEST = {False: "has_table_privilege", True: "has_any_column_privilege"}
# A policy as the catalogue shows it: command, permissive, roles, USING, WITH CHECK.
_Policy = tuple[str, bool, str, str | None, str | None]


@contextmanager
def scratch_transaction(engine: Engine) -> Iterator[Connection]:
    """A transaction that is always rolled back (the scratch tables go with it)."""
    with engine.connect() as connection:
        transaction = connection.begin()
        try:
            yield connection
        finally:
            transaction.rollback()


def security_problems(connection: Connection, citizen_tables: Iterable[CitizenPath]
                      ) -> list[str]:
    """Every difference from what provisioning leaves (none: an empty list)."""
    missing = _missing_roles(connection)
    if missing:
        return [f"rollen {role} findes ikke: teamets roller er ikke sat op på serveren"
                for role in missing]
    expected_policies: dict[str, tuple[PolicySpec, ...]] = {
        table[0]: (visible_policy(table),) for table in citizen_tables}
    expected_policies["app_meta"] = CHAIN_HEAD_POLICIES
    return [*_ownership_problems(connection), *_role_problems(connection),
            *_row_security_problems(connection, expected_policies),
            *_grant_problems(connection), *_function_problems(connection)]


def _missing_roles(connection: Connection) -> list[str]:
    roles = (OWNER_ROLE, *GROUP_ROLES.values())
    found = set(connection.scalars(text("SELECT rolname FROM pg_roles WHERE rolname = ANY(:r)"),
                                   {"r": list(roles)}))
    return [role for role in roles if role not in found]


def _public_tables(connection: Connection) -> list[str]:
    return list(connection.scalars(text(
        "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")))


def _ownership_problems(connection: Connection) -> list[str]:
    rows = connection.execute(text(
        "SELECT tablename, tableowner FROM pg_tables WHERE schemaname = 'public' "
        "AND tableowner <> :owner ORDER BY tablename"), {"owner": OWNER_ROLE})
    return [f"tabellen {table} ejes af {owner}, ikke {OWNER_ROLE}" for table, owner in rows]


def _role_problems(connection: Connection) -> list[str]:
    """The owner and groups log in as nobody; no member of a group bypasses the policies."""
    problems = [f"rollen {role} kan logge ind" for role in connection.scalars(text(
        "SELECT rolname FROM pg_roles WHERE rolcanlogin AND rolname = ANY(:r)"),
        {"r": [OWNER_ROLE, *GROUP_ROLES.values()]})]
    problems += [f"login {login} går uden om rækkeniveausikkerheden (superuser eller "
                 "BYPASSRLS)" for login in connection.scalars(text(
                     "SELECT DISTINCT member.rolname FROM pg_auth_members m "
                     "JOIN pg_roles grp ON grp.oid = m.roleid "
                     "JOIN pg_roles member ON member.oid = m.member "
                     "WHERE grp.rolname = ANY(:groups) "
                     "AND (member.rolsuper OR member.rolbypassrls) ORDER BY 1"),
                     {"groups": list(GROUP_ROLES.values())})]
    return problems


def _row_security_problems(connection: Connection,
                           expected: dict[str, tuple[PolicySpec, ...]]) -> list[str]:
    flags = {name: (enabled, forced) for name, enabled, forced in connection.execute(text(
        "SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity FROM pg_class c "
        "JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname = 'public' AND c.relkind = 'r'"))}
    problems = []
    for table, policies in expected.items():
        if table not in flags:
            problems.append(f"tabellen {table} mangler")
            continue
        enabled, forced = flags[table]
        if not enabled:
            problems.append(f"tabellen {table}: rækkeniveausikkerhed er slået fra")
        elif not forced:
            problems.append(f"tabellen {table}: rækkeniveausikkerhed gælder ikke ejeren "
                            "(FORCE mangler)")
        problems += _policy_problems(connection, table, policies)
    return problems


def _policy_problems(connection: Connection, table: str,
                     expected: tuple[PolicySpec, ...]) -> list[str]:
    found = _policies(connection, "public", table)
    wanted = _as_the_server_writes_them(connection, table, expected)
    problems = [f"tabellen {table}: politikken {name} mangler"
                for name in wanted if name not in found]
    problems += [f"tabellen {table}: politikken {name} er ændret"
                 for name in wanted if name in found and found[name] != wanted[name]]
    problems += [f"tabellen {table}: ukendt politik {name}"
                 for name in found if name not in wanted]
    return problems


def _as_the_server_writes_them(connection: Connection, table: str,
                               policies: tuple[PolicySpec, ...]) -> dict[str, _Policy]:
    """The policies provisioning writes, as the server renders them, made on a scratch
    copy of ``table`` that exists only for these statements."""
    connection.execute(text(f"CREATE TEMPORARY TABLE {quote(table)} "
                            f"(LIKE public.{quote(table)})"))
    try:
        for policy in policies:
            create_policy(connection, table, policy)
        schema = connection.scalar(text("SELECT nspname FROM pg_namespace "
                                        "WHERE oid = pg_my_temp_schema()"))
        return _policies(connection, str(schema), table)
    finally:
        connection.execute(text(f"DROP TABLE pg_temp.{quote(table)}"))


def _policies(connection: Connection, schema: str, table: str) -> dict[str, _Policy]:
    rows = connection.execute(text(
        "SELECT policyname, cmd, permissive = 'PERMISSIVE', roles::text, qual, with_check "
        "FROM pg_policies WHERE schemaname = :schema AND tablename = :table"),
        {"schema": schema, "table": table})
    return {name: (command, permissive, roles, qual, check)
            for name, command, permissive, roles, qual, check in rows}


def _grant_problems(connection: Connection) -> list[str]:
    problems = []
    for table in _public_tables(connection):
        for role, group in GROUP_ROLES.items():
            held = _table_privileges(connection, group, table)
            wanted = _expected_privileges(table, role)
            problems += [f"tabellen {table}: {group} har {privilege}"
                         for privilege in TABLE_PRIVILEGES
                         if privilege in held and privilege not in wanted]
            problems += [f"tabellen {table}: {group} mangler {privilege}"
                         for privilege in TABLE_PRIVILEGES
                         if privilege in wanted and privilege not in held]
    return problems


def _expected_privileges(table: str, role: Role) -> frozenset[str]:
    if table in _READ_ONLY_TABLES:
        return _READ
    if table in ADMIN_TABLES and role != Role.ADMIN:
        return _READ
    return _WRITE


def _table_privileges(connection: Connection, group: str, table: str) -> set[str]:
    """What ``group`` may do with ``table``, a grant on one column counting as one on
    the table (an UPDATE of one column of the log is still an UPDATE of the log)."""
    checks = ", ".join(f"{_PRIVILEGE_TEST[privilege in _COLUMN_PRIVILEGES]}"
                       f"(:group, :table, '{privilege}')" for privilege in TABLE_PRIVILEGES)
    row = connection.execute(text(f"SELECT {checks}"),
                             {"group": group, "table": f"public.{quote(table)}"}).one()
    return {privilege for privilege, held in zip(TABLE_PRIVILEGES, row, strict=True) if held}


def _function_problems(connection: Connection) -> list[str]:
    """Every function is the owner's; the log's and pruning's run as the owner (SECURITY
    DEFINER); each group may call exactly the functions meant for it."""
    rows = connection.execute(text(
        "SELECT p.oid::regprocedure::text, pg_get_userbyid(p.proowner), p.prosecdef "
        "FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
        "WHERE n.nspname = 'public' ORDER BY 1")).all()
    definers = {_normalised(name) for name in (
        *GROUP_FUNCTIONS, PRUNE_FUNCTION, RETENTION_FUNCTION, REMOVE_EVENTS_FUNCTION)}
    problems = [f"funktionen {name} ejes af {owner}, ikke {OWNER_ROLE}"
                for name, owner, _definer in rows if owner != OWNER_ROLE]
    problems += [f"funktionen {name} kører ikke som ejeren (SECURITY DEFINER mangler)"
                 for name, _owner, definer in rows
                 if _normalised(name) in definers and not definer]
    found = {_normalised(name) for name, _owner, _definer in rows}
    problems += [f"funktionen {name} mangler" for name in sorted(definers)
                 if name not in found]
    for role, group in GROUP_ROLES.items():
        callable_by = _expected_functions(role)
        for name, _owner, _definer in rows:
            may = bool(connection.scalar(text(
                "SELECT has_function_privilege(:group, CAST(:name AS regprocedure), "
                "'EXECUTE')"), {"group": group, "name": name}))
            if may != (_normalised(name) in callable_by):
                problems.append(f"funktionen {name}: {group} "
                                + ("må kalde den" if may else "kan ikke kalde den"))
    return problems


def _expected_functions(role: Role) -> set[str]:
    return {_normalised(name) for name in (*GROUP_FUNCTIONS, *ROLE_FUNCTIONS[role])}


def _normalised(signature: str) -> str:
    """``regprocedure``'s spelling and ours differ only in spaces after commas."""
    return signature.replace(" ", "")
