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
from mentordesk.storage.queries.deadlines import (
    grants_with_first_contacts,
    live_consents,
    newest_assessments,
    open_cases,
    open_goals,
    report_periods,
)

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
    query = open_cases(visible_citizen_ids(actor, today), today, CitizenStatus.CLOSED.value,
                       assigned_to=actor.user_id if scope == "mine" else None)
    return {citizen_id: _CitizenInfo(name, anonymous, mentor or "")
            for citizen_id, name, anonymous, mentor in session.execute(query)}


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
    # Grants running today, and those ended recently (their after-end deadlines).
    ended_after = today - timedelta(days=rules.after_end_days)
    rows = session.execute(grants_with_first_contacts(chunk, ended_after, today,
                                                      ContactForm.PHONE.value)).all()
    for (grant_id, citizen_id, basis, start, end, discharge, contact_on, call_on,
         outreach_days, reached_on) in rows:
        grants[citizen_id].append(GrantFacts(grant_id, basis, start, end, discharge,
                                             outreach_days, reached_on))
        if contact_on is not None:
            contacts[citizen_id].append(ContactFacts(contact_on, "", attended=True))
        if call_on is not None:
            contacts[citizen_id].append(
                ContactFacts(call_on, ContactForm.PHONE.value, attended=True))


def _load_assessments(session: Session, chunk: list[int],
                      assessments: dict[int, list[date]]) -> None:
    # The newest assessment decides "was there one in or after the window".
    for citizen_id, newest in session.execute(newest_assessments(chunk)):
        assessments[citizen_id].append(newest)


def _load_open_goals(session: Session, chunk: list[int],
                     goals: dict[int, list[GoalFacts]]) -> None:
    # One row per open goal with its newest assessment: review dates and the plan's
    # evaluation rhythm need nothing more.
    finished = [status.value for status in GoalStatus if status.is_finished]
    for citizen_id, goal_id, title, start_on, review_on, latest in session.execute(
            open_goals(chunk, finished)):
        goals[citizen_id].append(GoalFacts(goal_id, title, start_on, review_on, latest))


def _load_reports(session: Session, chunk: list[int],
                  reports: dict[int, list[ReportFacts]]) -> None:
    for citizen_id, period_from, period_to, status in session.execute(report_periods(chunk)):
        reports[citizen_id].append(ReportFacts(period_from, period_to, status))


def _load_consents(session: Session, chunk: list[int], today: date, rules: DeadlineRules,
                   consents: dict[int, list[ConsentFacts]]) -> None:
    # Withdrawn consents and those that lapsed before the grace period can neither warn
    # nor renew a consent that warns (a renewal runs longer than it), so years of old
    # consents stay in the database.
    lapsed_before = today - timedelta(days=rules.consent_grace_days)
    rows = session.execute(live_consents(chunk, lapsed_before)).all()
    for consent_id, citizen_id, partner_id, partner, purpose, given, expires, withdrawn in rows:
        consents[citizen_id].append(ConsentFacts(consent_id, partner_id, partner, purpose,
                                                 given, expires, withdrawn))


def _chunks(ids: list[int], size: int = 500) -> Iterable[list[int]]:
    # Bounded IN lists: SQLite limits the number of bound parameters per statement.
    for start in range(0, len(ids), size):
        yield ids[start:start + size]
