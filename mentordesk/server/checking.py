"""``server check``: is the team's server database as MentorDesk left it?

Schema at the program's revision, the access log's chain whole and its events signed,
the log's append-only triggers present and unaltered, and row-level security on every
table that reaches a citizen. Every check runs even when an earlier one fails, and the
lines read like ``mentordesk check``'s for a file.
"""

from __future__ import annotations

from sqlalchemy import Connection

from mentordesk import audit
from mentordesk.keys.registry import verify_signatures
from mentordesk.security.integrity import IntegrityReport
from mentordesk.storage.audit_guard import trigger_problems
from mentordesk.storage.database import ServerDatabase
from mentordesk.storage.engine import ServerProfile, open_server_engine
from mentordesk.storage.migrate import SCHEMA_HEAD, current_revision


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
            chain = audit.verify_chain(session)
            report.add("Adgangsloggens kæde", chain.ok,
                       f"{chain.checked} hændelser" if chain.ok
                       else f"{chain.problem} (hændelse {chain.first_bad_id})")
            signatures = verify_signatures(session)
            report.add("Underskrifter i adgangsloggen", signatures.ok,
                       f"{signatures.checked} underskrevne hændelser" if signatures.ok
                       else signatures.problem)
            triggers = trigger_problems(session)
            report.add("Loggens beskyttelse (udløsere)", not triggers, "; ".join(triggers))
            rls = rls_problems(session.connection())
            report.add("Rækkeniveausikkerhed på borgertabellerne", not rls, rls)
    finally:
        database.close()
    return report


def rls_problems(connection: Connection) -> str:
    """Danish description of every table reaching a citizen without row-level security
    as the roles require ("" when all is in order).

    A seam for the roles work (#18 point 3), which creates the policies and fills this
    in; until then there are no policies to check, and it finds nothing."""
    del connection  # read by the roles work's implementation
    return ""


def _schema_revision(profile: ServerProfile) -> str | None:
    engine = open_server_engine(profile, pooled=False)
    try:
        return current_revision(engine)
    finally:
        engine.dispose()
