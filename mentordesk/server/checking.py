"""``server check``: is the team's server database as MentorDesk left it?

Schema at the program's revision, the access log's chain whole and its events signed,
the log's append-only triggers present and unaltered, and ownership, grants and row-level
security exactly as ``server init`` left them (``storage/server_security.py``). Every
check runs even when an earlier one fails, and the lines read like ``mentordesk check``'s
for a file.
"""

from __future__ import annotations

from mentordesk.rights.tables import CITIZEN_TABLES
from mentordesk.security.integrity import IntegrityReport, check_log
from mentordesk.storage.database import ServerDatabase
from mentordesk.storage.engine import ServerProfile, open_server_engine
from mentordesk.storage.migrate import SCHEMA_HEAD, current_revision
from mentordesk.storage.server_roles import open_admin_engine
from mentordesk.storage.server_security import scratch_transaction, security_problems


def check_server(profile: ServerProfile) -> IntegrityReport:
    """All checks on the server database of ``profile``; the rest only when the schema
    is the program's (an older or newer schema cannot be read reliably)."""
    report = IntegrityReport()
    revision = _schema_revision(profile)
    report.add("Skemaversion", revision == SCHEMA_HEAD,
               f"{revision or 'intet MentorDesk-skema'}" + (
                   "" if revision == SCHEMA_HEAD else f", programmet kræver {SCHEMA_HEAD}"))
    if revision != SCHEMA_HEAD:
        return report
    database = ServerDatabase.connect(profile)
    try:
        with database.read_session() as session:
            check_log(report, session)
    finally:
        database.close()
    rls = rls_problems(profile)
    report.add("Roller, rettigheder og rækkeniveausikkerhed", not rls, "; ".join(rls))
    return report


def rls_problems(profile: ServerProfile) -> list[str]:
    """A Danish line for every way the server's ownership, grants, row-level security and
    log functions differ from what ``provision`` leaves (none: an empty list): the
    citizen tables, the log and ``app_meta`` as ``server_roles`` protects them.

    Needs a transaction that may write (the policies are compared on scratch tables), so
    it runs on a connection of its own, rolled back afterwards."""
    engine = open_admin_engine(profile)
    try:
        with scratch_transaction(engine) as connection:
            return security_problems(
                connection, [(table.name, table.path) for table in CITIZEN_TABLES])
    finally:
        engine.dispose()


def _schema_revision(profile: ServerProfile) -> str | None:
    engine = open_server_engine(profile, pooled=False)
    try:
        return current_revision(engine)
    finally:
        engine.dispose()
