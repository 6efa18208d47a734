"""Retention pruning: the access log is kept six months (DOMAIN.md), then thinned.

The chain stays verifiable: ``audit.prune`` stores the first kept event's prev_hash as
the anchor and ``verify_chain`` starts from it. A team may keep the log longer (the
``audit_retention_months`` setting), never shorter than six months: the database's own
trigger refuses to delete younger events whatever the setting says.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time

from dateutil.relativedelta import relativedelta

from mentordesk import audit
from mentordesk.errors import InvalidInput, MentorDeskError
from mentordesk.services.access import require_coordinator
from mentordesk.services.team import Actor
from mentordesk.storage.database import Database

RETENTION_KEY = "audit_retention_months"


@dataclass(frozen=True)
class PruneResult:
    removed: int
    cutoff: date
    kept: int


def retention_months(database: Database) -> int:
    stored = database.meta(RETENTION_KEY)
    months = int(stored) if stored.isdigit() else audit.RETENTION_MONTHS
    return max(months, audit.RETENTION_MONTHS)


def set_retention_months(database: Database, actor: Actor, months: int) -> None:
    require_coordinator(actor)
    if not audit.RETENTION_MONTHS <= months <= 120:
        raise InvalidInput("Loggen skal gemmes mellem 6 og 120 måneder.")
    with database.session() as session:
        from mentordesk.storage.models import AppMeta

        session.merge(AppMeta(key=RETENTION_KEY, value=str(months)))
        audit.record(session, actor.login, audit.Action.UPDATE, entity="app_meta",
                     detail=f"Adgangsloggens opbevaringstid sat til {months} måneder")


def retention_cutoff(database: Database, today: date | None = None) -> date:
    """Events before this local date may be pruned."""
    return (today or date.today()) - relativedelta(months=retention_months(database))


def prune_log(database: Database, actor: Actor, today: date | None = None) -> PruneResult:
    """Delete the events older than the retention period (coordinators and admins).

    A broken chain is never pruned: the removal would destroy the evidence of tampering.
    """
    require_coordinator(actor)
    cutoff = retention_cutoff(database, today)
    cutoff_iso = datetime.combine(cutoff, time.min, tzinfo=UTC).isoformat(
        timespec="microseconds")
    with database.session() as session:
        chain = audit.verify_chain(session)
        if not chain.ok:
            raise MentorDeskError(
                "Adgangsloggens kæde er brudt, så loggen beskæres ikke: "
                f"{chain.problem}. Kør »mentordesk check« og kontakt en administrator.")
        removed = audit.prune(session, actor.login, cutoff_iso)
        kept = audit.verify_chain(session)
    return PruneResult(removed, cutoff, kept.checked)
