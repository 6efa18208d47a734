"""Retention pruning: the access log is kept six months (DOMAIN.md), then thinned.

The chain stays verifiable: ``audit.prune`` stores the first kept event's prev_hash as
the anchor and ``verify_chain`` starts from it. A team may keep the log longer (the
``audit_retention_months`` setting), never shorter than six months: the database's own
trigger refuses to delete younger events whatever the setting says.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from dateutil.relativedelta import relativedelta

from mentordesk import audit
from mentordesk.errors import InvalidInput, MentorDeskError
from mentordesk.kernel.access import require_admin, require_coordinator
from mentordesk.kernel.changes import Changes, Kind, Result
from mentordesk.kernel.context import Context
from mentordesk.storage.database import Database
from mentordesk.storage.queries.audit_log import (
    any_event_older_than,
    prune_expired_on_server,
    set_retention_on_server,
)

log = logging.getLogger(__name__)

RETENTION_KEY = "audit_retention_months"
# The local date of the last automatic pruning (at most one a day, whoever closes first).
AUTO_PRUNED_KEY = "audit_auto_pruned_on"


@dataclass(frozen=True)
class PruneResult:
    removed: int
    cutoff: date
    kept: int


def retention_months(database: Database) -> int:
    stored = database.meta(RETENTION_KEY)
    months = int(stored) if stored.isdigit() else audit.RETENTION_MONTHS
    return max(months, audit.RETENTION_MONTHS)


def set_retention_months(context: Context, months: int) -> Result[None]:
    require_coordinator(context.actor)
    if not audit.RETENTION_MONTHS <= months <= 120:
        raise InvalidInput("Loggen skal gemmes mellem 6 og 120 måneder.")
    with context.session() as session:
        if context.database.is_server:
            # The key is one of the log's, which no login writes directly; the server's
            # own function applies the same role and range rule as above.
            session.execute(set_retention_on_server(), {"months": months})
        else:
            from mentordesk.storage.models import AppMeta

            session.merge(AppMeta(key=RETENTION_KEY, value=str(months)))
        audit.record(session, context.actor.login, audit.Action.UPDATE, entity="app_meta",
                     detail=f"Adgangsloggens opbevaringstid sat til {months} måneder")
    return Result(None, Changes.of(Kind.SETTINGS))


def retention_cutoff(database: Database, today: date | None = None) -> date:
    """Events before this local date may be pruned."""
    return (today or date.today()) - relativedelta(months=retention_months(database))


def prune_log(context: Context, today: date | None = None) -> Result[PruneResult]:
    """Delete the events older than the retention period (coordinators and admins).

    A broken chain is never pruned: the removal would destroy the evidence of tampering.
    """
    require_coordinator(context.actor)
    if context.database.is_server:
        # A team server lets admins only call its pruning function (server_roles).
        require_admin(context.actor)
    cutoff = retention_cutoff(context.database, today)
    cutoff_iso = datetime.combine(cutoff, time.min, tzinfo=UTC).isoformat(
        timespec="microseconds")
    with context.session() as session:
        chain = audit.verify_chain(session)
        if not chain.ok:
            check = ("it-afdelingen kører »mentordesk server check«"
                     if context.database.is_server else "kør »mentordesk check«")
            raise MentorDeskError(
                "Adgangsloggens kæde er brudt, så loggen beskæres ikke: "
                f"{chain.problem}. Kontakt en administrator; {check}.")
        removed = audit.prune(session, context.actor.login, cutoff_iso)
        kept = audit.verify_chain(session)
    return Result(PruneResult(removed, cutoff, kept.checked), Changes.of(Kind.AUDIT))


def prune_expired(database: Database, login: str, today: date | None = None) -> int | None:
    """The app's own daily housekeeping after the automatic backup: remove the events past
    the retention period, at most once a day. Returns how many were removed, or None when
    it did not run (done today already, or the chain is broken).

    No role check: no user chooses this, it follows the team's retention setting; the
    removal is logged under ``login`` (who closed the app) like a manual one. A broken
    chain is left whole for ``mentordesk check`` and the coordinators to see.

    On a team server the server does it (``mentordesk_prune_expired``, migration 0015),
    under the connected person and by the server's date; see ``_prune_expired_on_server``.
    """
    from mentordesk.storage.models import AppMeta

    if database.is_server:
        return _prune_expired_on_server(database)
    today = today or date.today()
    cutoff = datetime.combine(retention_cutoff(database, today), time.min, tzinfo=UTC)
    cutoff_iso = cutoff.isoformat(timespec="microseconds")
    with database.session() as session:
        # Read inside the write transaction: two PCs closing at once prune only once.
        done = session.get(AppMeta, AUTO_PRUNED_KEY)
        if done is not None and done.value >= today.isoformat():
            return None
        session.merge(AppMeta(key=AUTO_PRUNED_KEY, value=today.isoformat()))
        expired = session.scalar(any_event_older_than(cutoff_iso))
        if expired is None:
            return 0  # nothing old: no need to walk the whole chain at every close
        if not audit.verify_chain(session).ok:
            log.warning("Access log chain is broken: automatic pruning skipped")
            return None
        return audit.prune(session, login, cutoff_iso)


def _prune_expired_on_server(database: Database) -> int | None:
    """Ask the server to prune past the retention period, unless it did today.

    Whoever connects first each day asks (``server.connect``): a mentor may, because the
    server function takes no cutoff from the caller and removes only what the team's
    retention allows, and the log's trigger refuses the rest. The app still refuses to
    prune a broken chain, as on a file; a member calling the function by hand skips that
    check, but on a server only a superuser can break the chain, and what pruning can
    remove is past retention either way."""
    from mentordesk.storage.models import AppMeta

    with database.read_session() as session:
        done = session.get(AppMeta, AUTO_PRUNED_KEY)
        if done is not None and done.value >= date.today().isoformat():
            return None  # the usual case: one read per connection, no writer's lock
    # A day's margin: the server counts days in Copenhagen, this PC in its own zone.
    margin = datetime.combine(retention_cutoff(database) + timedelta(days=1), time.min,
                              tzinfo=UTC).isoformat(timespec="microseconds")
    with database.session() as session:
        if session.scalar(any_event_older_than(margin)) is not None \
                and not audit.verify_chain(session).ok:
            log.warning("Access log chain is broken: automatic pruning skipped")
            return None
        removed = session.scalar(prune_expired_on_server())
        session.expire_all()
        return None if removed is None else int(removed)
