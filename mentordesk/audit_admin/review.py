"""The monthly log review (*logkontrol*): what a coordinator reads once a month.

For one calendar month: the volume per user (flagged when far above the team's usual),
look-ups of citizens outside the user's caseload (a mentor without an assignment or an
absence cover for that citizen on that day), CPR reveals, exports and prints, failed
unlocks, and whether the chain verifies. Data here; the PDF in ``review_pdf``.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import cast

from dateutil.relativedelta import relativedelta
from sqlalchemy.orm import Session

from mentordesk import audit
from mentordesk.audit_admin.labels import action_label, local_time, utc_bound
from mentordesk.audit_admin.viewer import _citizen_labels
from mentordesk.domain.codes import Role
from mentordesk.errors import InvalidInput
from mentordesk.files import write_atomically
from mentordesk.kernel.access import require_coordinator
from mentordesk.kernel.context import Context
from mentordesk.keys.registry import verify_signatures
from mentordesk.keys.witness import ChainHead, chain_head
from mentordesk.storage.database import TEAM_NAME_KEY, Database
from mentordesk.storage.models import AuditEvent, User
from mentordesk.storage.queries.assignments import assignment_periods_of, cover_periods_of
from mentordesk.storage.queries.audit_log import EventFilter, events_matching
from mentordesk.storage.queries.team import every_user

# A user is flagged when their volume is this many times the team's median and above a
# floor (a quiet month must not flag the one person who worked).
UNUSUAL_FACTOR = 3
UNUSUAL_FLOOR_EVENTS = 200
UNUSUAL_FLOOR_CITIZENS = 25
EXPORT_ACTIONS = (audit.Action.EXPORT, audit.Action.PRINT)


@dataclass(frozen=True)
class UserVolume:
    login: str
    name: str
    role: str
    events: int
    citizens: int
    night_events: int  # between 22 and 6 local time
    unusual: str  # why the volume is flagged, "" when it is not


@dataclass(frozen=True)
class Finding:
    occurred_at: datetime
    login: str
    name: str
    action: str
    citizen_label: str
    detail: str


@dataclass(frozen=True)
class ReviewReport:
    month: date
    team_name: str
    total_events: int
    volumes: list[UserVolume]
    outside_caseload: list[Finding]
    cpr_reveals: list[Finding]
    exports: list[Finding]
    failed_unlocks: list[Finding]
    chain_ok: bool
    chain_detail: str
    signatures_ok: bool = True
    signatures_detail: str = ""
    # The log's head when the review was made: written in the team's own minutes it is a
    # witness outside the file — a later file whose log lacks it was rolled back or rewritten.
    head: ChainHead | None = None


def parse_month(text: str) -> date:
    """``"2026-10"`` → the first day of that month (InvalidInput otherwise)."""
    try:
        return datetime.strptime(text.strip(), "%Y-%m").date()
    except ValueError:
        raise InvalidInput(f"Måneden skal skrives ÅÅÅÅ-MM, fx 2026-10 (ikke »{text}«).") \
            from None


def monthly_review(context: Context, month: date) -> ReviewReport:
    """The review of the month starting ``month`` (coordinators and admins); audited."""
    require_coordinator(context.actor)
    # A month of the log is long to walk: read it without holding the write lock.
    with context.read() as session:
        report = _review_in(session, context.database, month)
    with context.session() as session:
        audit.record(session, context.actor.login, audit.Action.READ, entity="audit_review",
                     detail=f"Logkontrol for {report.month:%m-%Y}: "
                     f"{report.total_events} hændelser")
    return report


def export_review_pdf(context: Context, month: date, out: Path,
                      *, now: datetime | None = None) -> ReviewReport:
    """Print the month's review to ``out`` (atomically); audited as a print."""
    from mentordesk.audit_admin.review_pdf import review_pdf

    require_coordinator(context.actor)
    with context.read() as session:
        report = _review_in(session, context.database, month)
    # Rendered outside any transaction, so no colleague's save waits for the PDF.
    write_atomically(Path(out), review_pdf(report, now or datetime.now()))
    with context.session() as session:
        audit.record(session, context.actor.login, audit.Action.PRINT, entity="audit_review",
                     detail=f"Logkontrol for {report.month:%m-%Y} udskrevet til "
                     f"{audit.file_kind(out)}")
    return report


def _review_in(session: Session, database: Database, month: date) -> ReviewReport:
    first = month.replace(day=1)
    last = first + relativedelta(months=1, days=-1)
    events = session.scalars(events_matching(EventFilter(
        occurred_from=utc_bound(first), occurred_until=utc_bound(last, end=True)))).all()
    return _build(session, _team_name(session), first, list(events))


def _team_name(session: Session) -> str:
    from mentordesk.storage.models import AppMeta

    row = session.get(AppMeta, TEAM_NAME_KEY)
    return row.value if row else ""


def _build(session: Session, team_name: str, first: date,
           events: list[AuditEvent]) -> ReviewReport:
    users = {user.login: user for user in session.scalars(every_user())}
    labels = _citizen_labels(session, {e.citizen_id for e in events if e.citizen_id})

    def finding(event: AuditEvent) -> Finding:
        user = users.get(event.user_login)
        citizen = "" if event.citizen_id is None else labels.get(
            event.citizen_id, f"Slettet borger (nr. {event.citizen_id})")
        return Finding(local_time(event.occurred_at), event.user_login,
                       user.full_name if user else event.user_login,
                       action_label(event.action), citizen, event.detail)

    chain = audit.verify_chain(session)
    signatures = verify_signatures(session)
    return ReviewReport(
        month=first, team_name=team_name, total_events=len(events),
        volumes=_volumes(events, users),
        outside_caseload=[finding(e) for e in _outside_caseload(session, events, users)],
        cpr_reveals=[finding(e) for e in events if e.action == audit.Action.REVEAL_CPR],
        exports=[finding(e) for e in events if e.action in EXPORT_ACTIONS],
        failed_unlocks=[finding(e) for e in events if e.action == audit.Action.UNLOCK_FAILED],
        chain_ok=chain.ok,
        chain_detail=f"{chain.checked} hændelser i kæden" if chain.ok else chain.problem,
        signatures_ok=signatures.ok,
        signatures_detail=(f"{signatures.checked} underskrevne hændelser" if signatures.ok
                           else signatures.problem),
        head=chain_head(session),
    )


def _volumes(events: list[AuditEvent], users: dict[str, User]) -> list[UserVolume]:
    counts: dict[str, int] = defaultdict(int)
    citizens: dict[str, set[int]] = defaultdict(set)
    night: dict[str, int] = defaultdict(int)
    for event in events:
        counts[event.user_login] += 1
        if event.citizen_id is not None:
            citizens[event.user_login].add(event.citizen_id)
        hour = local_time(event.occurred_at).hour
        if hour >= 22 or hour < 6:
            night[event.user_login] += 1
    volumes = []
    for login, total in counts.items():
        user = users.get(login)
        others = [other for other in counts if other != login]
        volumes.append(UserVolume(
            login, user.full_name if user else login,
            Role(user.role).label if user else "Ukendt bruger", total, len(citizens[login]),
            night[login], _unusual(total, len(citizens[login]),
                                   [counts[o] for o in others],
                                   [len(citizens[o]) for o in others])))
    return sorted(volumes, key=lambda volume: (not volume.unusual, -volume.events))


def _unusual(events: int, citizens: int, others_events: list[int],
             others_citizens: list[int]) -> str:
    """Why a user's month stands out against the median of the rest of the team."""
    if not others_events:
        return ""
    reasons = []
    usual_events = statistics.median(others_events)
    if events > max(UNUSUAL_FLOOR_EVENTS, UNUSUAL_FACTOR * usual_events):
        reasons.append(f"{events} hændelser mod typisk {usual_events:g}")
    usual_citizens = statistics.median(others_citizens)
    if citizens > max(UNUSUAL_FLOOR_CITIZENS, UNUSUAL_FACTOR * usual_citizens):
        reasons.append(f"{citizens} borgere mod typisk {usual_citizens:g}")
    return "; ".join(reasons)


def _outside_caseload(session: Session, events: list[AuditEvent],
                      users: dict[str, User]) -> list[AuditEvent]:
    """Events on a citizen by a mentor (or an unknown login) who had neither an
    assignment nor an absence cover for that citizen on that day."""
    wide = {Role.COORDINATOR.value, Role.ADMIN.value}
    candidates = [event for event in events if event.citizen_id is not None
                  and event.action != audit.Action.PRUNE
                  and (users.get(event.user_login) is None
                       or users[event.user_login].role not in wide)]
    if not candidates:
        return []
    periods = _caseload_periods(session, {users[e.user_login].id for e in candidates
                                          if e.user_login in users})
    outside = []
    for event in candidates:
        user = users.get(event.user_login)
        day = local_time(event.occurred_at).date()
        citizen_id = cast(int, event.citizen_id)  # candidates all concern a citizen
        spans = periods.get((user.id, citizen_id), []) if user else []
        if not any(start <= day and (end is None or day <= end) for start, end in spans):
            outside.append(event)
    return outside


def _caseload_periods(session: Session, user_ids: set[int],
                      ) -> dict[tuple[int, int], list[tuple[date, date | None]]]:
    periods: dict[tuple[int, int], list[tuple[date, date | None]]] = defaultdict(list)
    if not user_ids:
        return periods
    for user_id, citizen_id, start, end in session.execute(assignment_periods_of(user_ids)):
        periods[(user_id, citizen_id)].append((start, end))
    for user_id, citizen_id, start, end in session.execute(cover_periods_of(user_ids)):
        periods[(user_id, citizen_id)].append((start, end))
    return periods
