"""Deleting closed cases for real once they are no longer needed.

Closed cases whose closing date lies more than the retention period back (the
``closed_case_retention_years`` setting, default 5 years) are listed for deletion. A
coordinator or admin confirms each one by typing the citizen's name (or alias); then
every row of the citizen goes (the foreign keys cascade from ``citizen``), the freed pages
are overwritten (``secure_delete``) and the file is rebuilt (``VACUUM``), so the data
cannot be recovered from the file or its journal. What remains is one audit tombstone
(the citizen's number, the closing date and the row count, no name and no CPR) and an
entry in the deletion register (number, time, who), which a restore re-applies to an
older backup before the restored file is used.
Earlier log entries about the citizen stay (the log is append-only) until retention
pruning removes them.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date
from typing import cast

from dateutil.relativedelta import relativedelta
from sqlalchemy.orm import Session

from mentordesk import audit
from mentordesk.domain.codes import CitizenStatus
from mentordesk.domain.dates import format_date
from mentordesk.errors import InvalidInput, NotFound
from mentordesk.kernel.access import require_coordinator
from mentordesk.kernel.changes import Changes, Kind, Result
from mentordesk.kernel.context import Context
from mentordesk.rights.tables import CITIZEN_TABLES
from mentordesk.storage.database import Database
from mentordesk.storage.maintenance import compact_file, overwrite_freed_pages
from mentordesk.storage.models import AppMeta, Citizen, DeletedCitizen
from mentordesk.storage.queries import citizen_data

_log = logging.getLogger(__name__)

RETENTION_KEY = "closed_case_retention_years"
DEFAULT_RETENTION_YEARS = 5


@dataclass(frozen=True)
class DeletionCandidate:
    citizen_id: int
    label: str  # name, or alias for an anonymous citizen
    closed_on: date
    due_since: date


@dataclass(frozen=True)
class DeletionResult:
    citizen_id: int
    rows_deleted: int
    # False: VACUUM waits for the next deletion (the file was busy), or a team server
    compacted: bool


def retention_years(database: Database) -> int:
    stored = database.meta(RETENTION_KEY)
    return int(stored) if stored.isdigit() and int(stored) >= 1 else DEFAULT_RETENTION_YEARS


def set_retention_years(context: Context, years: int) -> Result[None]:
    require_coordinator(context.actor)
    if not 1 <= years <= 50:
        raise InvalidInput("Opbevaringstiden for afsluttede sager skal være 1-50 år.")
    with context.session() as session:
        session.merge(AppMeta(key=RETENTION_KEY, value=str(years)))
        audit.record(session, context.actor.login, audit.Action.UPDATE, entity="app_meta",
                     detail=f"Afsluttede sager slettes efter {years} år")
    return Result(None, Changes.of(Kind.SETTINGS))


def deletion_candidates(context: Context,
                        today: date | None = None) -> list[DeletionCandidate]:
    """Closed cases past the retention period, oldest first; audited as a list."""
    require_coordinator(context.actor)
    years = retention_years(context.database)
    latest_closing = (today or date.today()) - relativedelta(years=years)
    with context.session() as session:
        citizens = session.scalars(citizen_data.closed_cases_until(
            CitizenStatus.CLOSED.value, latest_closing)).all()
        audit.record(session, context.actor.login, audit.Action.LIST, entity="citizen",
                     detail=f"Sager til sletning vist ({len(citizens)}; "
                     f"afsluttet før {format_date(latest_closing)})")
        # The query keeps only citizens with a closing date.
        return [DeletionCandidate(c.id, confirmation_text(c), cast(date, c.closed_on),
                                  c.closed_on + relativedelta(years=years))
                for c in citizens]


def confirmation_text(citizen: Citizen) -> str:
    """What the user types to confirm: the name, or the alias of an anonymous citizen."""
    name = f"{citizen.first_name} {citizen.last_name}".strip()
    return (citizen.alias or f"Borger {citizen.id}") if citizen.is_anonymous or not name \
        else name


def delete_citizen(context: Context, citizen_id: int,
                   confirmation: str) -> Result[DeletionResult]:
    """Delete every row of a closed case, then scrub the file (coordinators and admins).

    ``confirmation`` must be the citizen's name (alias when anonymous), typed by the user.
    """
    require_coordinator(context.actor)
    with context.session() as session:
        citizen = session.get(Citizen, citizen_id)
        if citizen is None:
            raise NotFound("Borgeren findes ikke.")
        _check_may_delete(citizen, confirmation)
        closed_on = citizen.closed_on
        overwrite_freed_pages(session)
        rows = count_rows(session, citizen_id)
        session.execute(citizen_data.delete_citizen(citizen_id))
        # The register outlives every backup of the case: a restore re-applies it.
        session.add(DeletedCitizen(citizen_id=citizen_id, deleted_by=context.actor.login))
        audit.record(session, context.actor.login, audit.Action.DELETE, entity="citizen",
                     entity_id=citizen_id, citizen_id=citizen_id,
                     detail=f"Sag slettet efter endt opbevaring (afsluttet "
                     f"{format_date(closed_on) if closed_on else 'ukendt'}; "
                     f"{rows} rækker fjernet)")
    # Every kind of the citizen's data is gone with the case.
    return Result(DeletionResult(citizen_id, rows, compact(context.database)),
                  Changes.of(*Kind, citizen=citizen_id))


def _check_may_delete(citizen: Citizen, confirmation: str) -> None:
    if citizen.status != CitizenStatus.CLOSED.value:
        raise InvalidInput("Kun afsluttede sager kan slettes. Afslut sagen først.")
    if " ".join(confirmation.split()).casefold() != \
            " ".join(confirmation_text(citizen).split()).casefold():
        raise InvalidInput("Skriv borgerens navn præcist for at bekræfte sletningen. "
                           "Intet er slettet.")


def count_rows(session: Session, citizen_id: int) -> int:
    """How many rows of all the citizen's tables the deletion removes."""
    return sum(session.scalar(citizen_data.count_citizen_rows(spec.name, spec.path, citizen_id))
               or 0 for spec in CITIZEN_TABLES)


def compact(database: Database) -> bool:
    """Rebuild the file without free pages and empty the WAL, so nothing deleted lingers.

    It needs the file to itself; when a colleague's session holds it, the deletion stands
    (secure_delete has already overwritten the freed content) and False is returned.
    """
    if database.is_server:
        return False  # no file to rebuild: the server's autovacuum reclaims the rows
    compacted = compact_file(database)
    if not compacted:
        _log.warning("VACUUM after a deletion postponed: the file is in use")
    return compacted
