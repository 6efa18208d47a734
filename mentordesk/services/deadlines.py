"""The deadline dashboard (*Frister*): due dates for my citizens or the whole team.

The rules live in ``mentordesk.domain.deadlines``; this module gathers the facts they need
with a handful of set-based queries (one per kind of fact, never one per citizen), so the
dashboard stays quick for a team with thousands of citizens and years of journal. The
journal is reduced in SQL to what decides a rule: the first attended contact on or after
each grant's start, and the first attended phone call on or after each discharge date.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from mentordesk import audit
from mentordesk.domain.codes import CitizenStatus, ContactForm, GoalStatus
from mentordesk.domain.deadlines import (
    DEFAULT_RULES,
    CaseFacts,
    ConsentFacts,
    ContactFacts,
    DeadlineKind,
    DeadlineRules,
    DueItem,
    GoalFacts,
    GrantFacts,
    ReportFacts,
    case_deadlines,
)
from mentordesk.domain.public_holidays import public_holidays_between
from mentordesk.kernel.access import visible_citizen_ids
from mentordesk.kernel.actor import Actor
from mentordesk.kernel.context import Context
from mentordesk.services.citizens import ANONYMOUS_MARK
from mentordesk.storage.models import (
    Assessment,
    Citizen,
    Consent,
    Contact,
    Goal,
    Grant,
    LegalBasis,
    Partner,
    ReportDraft,
)
from mentordesk.storage.queries.assignments import assigned_citizen_ids, primary_mentor_name
from mentordesk.storage.queries.periods import overlaps

Scope = Literal["mine", "team"]
SCOPES: tuple[Scope, ...] = ("mine", "team")


@dataclass(frozen=True)
class Deadline:
    """One line of the dashboard."""

    citizen_id: int
    citizen_name: str  # the alias for an anonymous citizen
    is_anonymous: bool
    kind: DeadlineKind
    due_on: date
    mentor: str  # current primary mentor, "" when none
    overdue: bool
    done: bool
    detail: str = ""

    @property
    def label(self) -> str:
        return self.kind.label


@dataclass(frozen=True)
class _CitizenInfo:
    name: str
    is_anonymous: bool
    mentor: str


def deadlines(
    context: Context,
    scope: Scope = "mine",
    today: date | None = None,
    horizon_days: int = 60,
    *,
    include_done: bool = False,
    rules: DeadlineRules = DEFAULT_RULES,
    holidays: Collection[date] | None = None,
) -> list[Deadline]:
    """Open cases' deadlines due within ``horizon_days`` (overdue ones always), by due date.

    ``scope="mine"``: citizens the actor is assigned to today (primary or substitute);
    ``"team"``: every citizen the actor may see, so a mentor still gets only their
    caseload. Done deadlines are left out unless ``include_done``. Working days skip
    Danish public holidays unless ``holidays`` is given.
    """
    if scope not in SCOPES:
        raise ValueError(f"Ukendt visning af frister: {scope!r}")
    today = today or date.today()
    last_day = today + timedelta(days=horizon_days)
    if holidays is None:
        # Discharges up to a year back can still have an open working-day deadline.
        holidays = public_holidays_between(today - timedelta(days=366), last_day)
    with context.session() as session:
        citizens = _open_citizens(session, context.actor, scope, today)
        facts = _case_facts(session, list(citizens), today, rules)
        result = [
            _deadline(citizen_id, citizens[citizen_id], item, today)
            for citizen_id, case in facts.items()
            for item in case_deadlines(case, today, rules=rules, holidays=holidays)
            if item.due_on <= last_day and (include_done or not item.done)
        ]
        result.sort(key=lambda d: (d.due_on, d.citizen_name.casefold(), d.kind.value))
        overdue = sum(1 for d in result if d.overdue)
        audit.record(session, context.actor.login, audit.Action.LIST, entity="deadline",
                     detail=f"Frister ({scope}): {len(result)} frister, {overdue} overskredet")
    return result


def _deadline(citizen_id: int, citizen: _CitizenInfo, item: DueItem, today: date) -> Deadline:
    return Deadline(citizen_id=citizen_id, citizen_name=citizen.name,
                    is_anonymous=citizen.is_anonymous, kind=item.kind, due_on=item.due_on,
                    mentor=citizen.mentor, overdue=item.is_overdue(today), done=item.done,
                    detail=item.detail)


# --- who -----------------------------------------------------------------------------------


def _open_citizens(session: Session, actor: Actor, scope: Scope, today: date
                   ) -> dict[int, _CitizenInfo]:
    query = select(Citizen.id, Citizen.first_name, Citizen.last_name, Citizen.alias,
                   Citizen.is_anonymous).where(
        Citizen.status != CitizenStatus.CLOSED.value, visible_citizen_ids(actor, today))
    if scope == "mine":
        query = query.where(Citizen.id.in_(assigned_citizen_ids(actor.user_id, today)))
    rows = session.execute(query).all()
    mentors = _primary_mentors(session, [row.id for row in rows], today)
    return {
        row.id: _CitizenInfo(_display_name(row.first_name, row.last_name, row.alias,
                                           row.is_anonymous),
                             row.is_anonymous, mentors.get(row.id, ""))
        for row in rows
    }


def _display_name(first: str, last: str, alias: str, anonymous: bool) -> str:
    name = f"{first} {last}".strip()
    return (alias or ANONYMOUS_MARK) if anonymous or not name else name


def _primary_mentors(session: Session, citizen_ids: list[int], today: date) -> dict[int, str]:
    names: dict[int, str] = {}
    for chunk in _chunks(citizen_ids):
        rows = session.execute(
            select(Citizen.id, primary_mentor_name(Citizen.id, today).scalar_subquery())
            .where(Citizen.id.in_(chunk))
        ).all()
        names.update({citizen_id: name for citizen_id, name in rows if name is not None})
    return names


# --- what ----------------------------------------------------------------------------------


def _case_facts(session: Session, citizen_ids: list[int], today: date,
                rules: DeadlineRules) -> dict[int, CaseFacts]:
    grants: dict[int, list[GrantFacts]] = defaultdict(list)
    contacts: dict[int, list[ContactFacts]] = defaultdict(list)
    assessments: dict[int, list[date]] = defaultdict(list)
    reports: dict[int, list[ReportFacts]] = defaultdict(list)
    consents: dict[int, list[ConsentFacts]] = defaultdict(list)
    goals: dict[int, list[GoalFacts]] = defaultdict(list)
    for chunk in _chunks(citizen_ids):
        _load_grants_and_contacts(session, chunk, today, rules, grants, contacts)
        _load_assessments(session, chunk, assessments)
        _load_reports(session, chunk, reports)
        _load_consents(session, chunk, today, rules, consents)
        _load_open_goals(session, chunk, goals)
    return {
        citizen_id: CaseFacts(tuple(grants[citizen_id]), tuple(contacts[citizen_id]),
                              tuple(assessments[citizen_id]), tuple(reports[citizen_id]),
                              tuple(consents[citizen_id]), tuple(goals[citizen_id]))
        for citizen_id in citizen_ids
        if grants.get(citizen_id) or consents.get(citizen_id) or goals.get(citizen_id)
    }


def _load_grants_and_contacts(session: Session, chunk: list[int], today: date,
                              rules: DeadlineRules, grants: dict[int, list[GrantFacts]],
                              contacts: dict[int, list[ContactFacts]]) -> None:
    first_contact = (
        select(func.min(Contact.contact_on))
        .where(Contact.citizen_id == Grant.citizen_id, Contact.attended.is_(True),
               Contact.contact_on >= Grant.start_on)
        .scalar_subquery()
    )
    first_call = (
        select(func.min(Contact.contact_on))
        .where(Contact.citizen_id == Grant.citizen_id, Contact.attended.is_(True),
               Contact.form == ContactForm.PHONE.value,
               Contact.contact_on >= Grant.discharge_on)
        .scalar_subquery()
    )
    ended_after = today - timedelta(days=rules.after_end_days)
    rows = session.execute(
        select(Grant.id, Grant.citizen_id, LegalBasis.code, Grant.start_on, Grant.end_on,
               Grant.discharge_on, first_contact, first_call)
        .join(LegalBasis, LegalBasis.id == Grant.legal_basis_id)
        # Grants running today, and those ended recently (their after-end deadlines).
        .where(Grant.citizen_id.in_(chunk), overlaps(Grant, ended_after, today))
    ).all()
    for grant_id, citizen_id, basis, start, end, discharge, contact_on, call_on in rows:
        grants[citizen_id].append(GrantFacts(grant_id, basis, start, end, discharge))
        if contact_on is not None:
            contacts[citizen_id].append(ContactFacts(contact_on, "", attended=True))
        if call_on is not None:
            contacts[citizen_id].append(
                ContactFacts(call_on, ContactForm.PHONE.value, attended=True))


def _load_assessments(session: Session, chunk: list[int],
                      assessments: dict[int, list[date]]) -> None:
    # The newest assessment decides "was there one in or after the window".
    rows = session.execute(
        select(Goal.citizen_id, func.max(Assessment.assessed_on))
        .join(Goal, Goal.id == Assessment.goal_id)
        .where(Goal.citizen_id.in_(chunk))
        .group_by(Goal.citizen_id)
    ).all()
    for citizen_id, newest in rows:
        assessments[citizen_id].append(newest)


def _load_open_goals(session: Session, chunk: list[int],
                     goals: dict[int, list[GoalFacts]]) -> None:
    # One row per open goal with its newest assessment: review dates and the plan's
    # evaluation rhythm need nothing more.
    finished = [status.value for status in GoalStatus if status.is_finished]
    rows = session.execute(
        select(Goal.citizen_id, Goal.id, Goal.title, Goal.start_on, Goal.review_on,
               func.max(Assessment.assessed_on))
        .outerjoin(Assessment, Assessment.goal_id == Goal.id)
        .where(Goal.citizen_id.in_(chunk), Goal.status.not_in(finished))
        .group_by(Goal.id)
        .order_by(Goal.citizen_id, Goal.position, Goal.id)
    ).all()
    for citizen_id, goal_id, title, start_on, review_on, latest in rows:
        goals[citizen_id].append(GoalFacts(goal_id, title, start_on, review_on, latest))


def _load_reports(session: Session, chunk: list[int],
                  reports: dict[int, list[ReportFacts]]) -> None:
    rows = session.execute(
        select(ReportDraft.citizen_id, ReportDraft.period_from, ReportDraft.period_to,
               ReportDraft.status)
        .where(ReportDraft.citizen_id.in_(chunk))
    ).all()
    for citizen_id, period_from, period_to, status in rows:
        reports[citizen_id].append(ReportFacts(period_from, period_to, status))


def _load_consents(session: Session, chunk: list[int], today: date, rules: DeadlineRules,
                   consents: dict[int, list[ConsentFacts]]) -> None:
    # Withdrawn consents and those that lapsed before the grace period can neither warn
    # nor renew a consent that warns (a renewal runs longer than it), so years of old
    # consents stay in the database.
    lapsed_before = today - timedelta(days=rules.consent_grace_days)
    rows = session.execute(
        select(Consent.id, Consent.citizen_id, Consent.partner_id, Partner.name,
               Consent.purpose, Consent.given_on, Consent.expires_on, Consent.withdrawn_on)
        .join(Partner, Partner.id == Consent.partner_id)
        .where(Consent.citizen_id.in_(chunk), Consent.withdrawn_on.is_(None),
               Consent.expires_on.is_(None) | (Consent.expires_on >= lapsed_before))
    ).all()
    for consent_id, citizen_id, partner_id, partner, purpose, given, expires, withdrawn in rows:
        consents[citizen_id].append(ConsentFacts(consent_id, partner_id, partner, purpose,
                                                 given, expires, withdrawn))


def _chunks(ids: list[int], size: int = 500) -> Iterable[list[int]]:
    # Bounded IN lists: SQLite limits the number of bound parameters per statement.
    for start in range(0, len(ids), size):
        yield ids[start:start + size]
