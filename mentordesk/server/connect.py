"""Opening a team server from a profile, and running operations across a dropped network.

Errors become one Danish sentence: a wrong login or password, a certificate the team's CA
did not sign, a server that cannot be reached — never a driver's multi-line message.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from sqlalchemy.exc import SQLAlchemyError

from mentordesk.errors import CannotOpenDatabase, ConnectionLost, MentorDeskError
from mentordesk.kernel.context import Context
from mentordesk.server.profiles import ConnectionProfile
from mentordesk.storage.database import ServerDatabase, writes_begun
from mentordesk.storage.engine import ServerProfile, build_server_engine

Value = TypeVar("Value")
log = logging.getLogger(__name__)

# What psycopg/libpq say (English, whatever the locale of the server) and what we say.
_REASONS = (
    ("password authentication failed", "login eller adgangskode er forkert"),
    ("no password supplied", "adgangskoden mangler"),
    ("certificate verify failed", "serverens certifikat er ikke udstedt af teamets CA"),
    ("does not match host name", "serverens certifikat gælder ikke for denne adresse"),
    ("server certificate for", "serverens certifikat gælder ikke for denne adresse"),
    ("could not read root certificate", "teamets CA-certifikat kan ikke læses"),
    ("does not exist", "databasen findes ikke på serveren"),
    ("Connection refused", "serveren svarer ikke (er den startet, og er porten rigtig?)"),
    ("timeout expired", "serveren svarede ikke i tide"),
)


def open_server(profile: ConnectionProfile, password: str) -> ServerDatabase:
    """Connect as the profile's login; a failure raises ``CannotOpenDatabase`` with one
    Danish line naming the connection and the reason. The day's first connection also
    prunes the access log past its retention period (``prune_expired_quietly``)."""
    database = _connect(profile, password)
    prune_expired_quietly(database)
    return database


def prune_expired_quietly(database: ServerDatabase) -> None:
    """The server's form of the file's pruning at close: whoever connects first each day
    has the server remove the events past the team's retention period (ARCHITECTURE.md,
    "Pruning on a server"). Housekeeping never stops anyone from working: a failure is
    logged and the connection kept."""
    from mentordesk.audit_admin.retention import prune_expired

    try:
        removed = prune_expired(database, login="")
    except (MentorDeskError, SQLAlchemyError):
        log.warning("Automatic pruning of the access log failed", exc_info=True)
        return
    if removed:
        log.info("Access log pruned on the server: %d events past retention", removed)


def _connect(profile: ConnectionProfile, password: str) -> ServerDatabase:
    try:
        return ServerDatabase.connect(profile.checked().with_password(password))
    except CannotOpenDatabase as error:
        cause = str(error.__cause__ or "")
        reason = next((said for heard, said in _REASONS if heard in cause), None)
        if reason is None:
            raise
        raise CannotOpenDatabase(
            f"Kunne ikke forbinde til teamserveren som {profile.title()}: {reason}."
        ) from error


def check_connection(profile: ConnectionProfile, password: str) -> str:
    """"Test forbindelse": connect and close again; returns a Danish confirmation."""
    open_server(profile, password).close()
    return f"Forbindelsen virker: {profile.title()}."


def run_reconnecting(operation: Callable[..., Value], context: Context, *args: object,
                     **kwargs: object) -> Value:
    """Run an operation; if the server's connection dropped while it only read, run it
    once more (the pool pings and replaces dead connections, so the second run gets a
    fresh one). An operation that began a write transaction is never re-run: the user is
    told the change is not saved and keeps what they typed."""
    if not isinstance(context.database, ServerDatabase):
        return operation(context, *args, **kwargs)
    writes_before = writes_begun()
    try:
        return operation(context, *args, **kwargs)
    except ConnectionLost as lost:
        if lost.during_write or writes_begun() != writes_before:
            raise
        context.database.engine.dispose()  # every pooled connection died with the server
        return operation(context, *args, **kwargs)


def server_driver() -> str:
    """The driver a team-server engine gets, as "psycopg binary": an engine is built for a
    placeholder profile and never connected. "binary" is psycopg with the libpq bundled by
    psycopg-binary; Windows PCs have no libpq of their own, so the installed app's
    self-check requires it (a freezer that missed the package would fall back to none)."""
    placeholder = ServerProfile("teamserver.invalid", 5432, "mentordesk", "selvtest", "",
                                Path("team-ca.pem"))
    engine = build_server_engine(placeholder, pooled=False)
    engine.dispose()
    import psycopg  # loaded by the engine above; imported here only to read its libpq

    return f"{engine.dialect.driver} {psycopg.pq.__impl__}"
