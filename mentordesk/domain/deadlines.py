"""Deadlines (*frister*) of a citizen's case, computed from what is already recorded.

Nothing is stored: a deadline is derived from the grants, the contact log, goal
assessments, report drafts and consents every time it is asked for, so logging a contact
or approving a report makes the deadline go away without anyone ticking it off.

The rules and their defaults (``DeadlineRules``; a team can be given other numbers later):

* **First contact** (*første kontakt*): within ``first_contact_days`` (10) calendar days of
  the grant's start. "Soon after the grant arrives" (DOMAIN.md) in practice means within
  the first two working weeks. Met by any contact the citizen attended on or after the
  start date, in any form.
* **§12 discharge call**: when the grant has a discharge date, a phone call within
  ``discharge_call_working_days`` (2) working days after it (seed 004: "kontakte en borger
  telefonisk kort tid efter udskrivelse"). Met by an attended phone contact on or after the
  discharge date. Weekends never count as working days; public holidays are passed in.
* **3-month evaluation**: due ``evaluation_months`` (3) after the start. Met by a goal
  assessment, or a report draft whose period reaches the evaluation window, from
  ``evaluation_early_days`` (30) before the due date on. Skipped when the grant ends
  before it is due: the written status covers such short grants.
* **Written status** (*skriftlig status*, seed 001): due ``status_weeks_before_end`` (4)
  weeks before the grant's end date. Met by an approved or sent report whose period ends
  within the last ``status_window_weeks`` (6) weeks of the grant.
* **Goal review** (*opfølgning på indsatsmål*): each open goal's own review date. Met by
  an assessment of that goal from ``evaluation_early_days`` (30) before the date on.
* **Plan evaluation** (*evaluering af handleplan*): the evaluation rhythm goes on after the
  grant's first one — due ``evaluation_months`` (3) after the latest assessment round, or
  after the plan's start (its earliest goal start) before any. Only while the case has
  open goals, and not while a grant's first 3-month evaluation is still open (that one
  is the same conversation). It never shows as done: recording the round moves it on.
* **Consent expiring**: shown from ``consent_warning_days`` (30) before a consent's expiry
  until ``consent_grace_days`` (30) after it, unless it was withdrawn or renewed (a later
  consent to the same partner for the same purpose that runs longer).

Grant deadlines are shown while the grant runs and for ``after_end_days`` (30) after it
ended, so a status that is late stays visible but finished courses do not clutter the list.
"""

from __future__ import annotations

import calendar
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from .codes import ContactForm
from .dates import week_bounds
from .labels import LabeledStrEnum

# Report drafts in these states have been signed off, so they count as a written status.
FINAL_REPORT_STATUSES = frozenset({"approved", "sent"})


class DeadlineKind(LabeledStrEnum):
    FIRST_CONTACT = "first_contact", "Første kontakt efter bevilling"
    DISCHARGE_CALL = "discharge_call", "§12: Opkald efter udskrivning"
    EVALUATION = "evaluation", "Evaluering efter 3 måneder"
    WRITTEN_STATUS = "written_status", "Skriftlig status før bevillingen udløber"
    CONSENT_EXPIRY = "consent_expiry", "Samtykke udløber"
    GOAL_REVIEW = "goal_review", "Opfølgning på indsatsmål"
    PLAN_EVALUATION = "plan_evaluation", "Evaluering af handleplan"
    OUTREACH = "outreach", "Opsøgende: borgeren ikke nået"


@dataclass(frozen=True)
class DeadlineRules:
    first_contact_days: int = 10
    discharge_call_working_days: int = 2
    evaluation_months: int = 3
    evaluation_early_days: int = 30
    status_weeks_before_end: int = 4
    status_window_weeks: int = 6
    consent_warning_days: int = 30
    consent_grace_days: int = 30
    after_end_days: int = 30


DEFAULT_RULES = DeadlineRules()


@dataclass(frozen=True)
class GrantFacts:
    grant_id: int
    legal_basis: str
    start_on: date
    end_on: date | None = None
    discharge_on: date | None = None
    outreach_days: int | None = None      # not reached for this many days: look for them
    last_reached_on: date | None = None   # the newest attended contact of this grant


@dataclass(frozen=True)
class ContactFacts:
    contact_on: date
    form: str  # ContactForm code
    attended: bool = True


@dataclass(frozen=True)
class ReportFacts:
    period_from: date
    period_to: date
    status: str


@dataclass(frozen=True)
class ConsentFacts:
    consent_id: int
    partner_id: int
    partner_name: str
    purpose: str
    given_on: date
    expires_on: date | None = None
    withdrawn_on: date | None = None


@dataclass(frozen=True)
class GoalFacts:
    """An open goal of the handleplan (finished goals have no deadlines)."""

    goal_id: int
    title: str
    start_on: date | None = None
    review_on: date | None = None
    latest_assessment: date | None = None


@dataclass(frozen=True)
class CaseFacts:
    """What one citizen's deadlines are computed from.

    The lists may be reduced to what decides a rule (e.g. only the first attended contact
    after each grant start): the rules only ask "is there one on or after this date".
    """

    grants: tuple[GrantFacts, ...] = ()
    contacts: tuple[ContactFacts, ...] = ()
    assessment_dates: tuple[date, ...] = ()
    reports: tuple[ReportFacts, ...] = ()
    consents: tuple[ConsentFacts, ...] = ()
    goals: tuple[GoalFacts, ...] = ()


@dataclass(frozen=True)
class DueItem:
    """One deadline of one case. ``source_id`` is the grant, consent or goal it comes from."""

    kind: DeadlineKind
    due_on: date
    done: bool
    source_id: int
    detail: str = ""

    def is_overdue(self, today: date) -> bool:
        return not self.done and self.due_on < today


# --- calendar arithmetic --------------------------------------------------------------------


def add_months(start: date, months: int) -> date:
    """Same day ``months`` later, clamped to the month's end (30-11 + 3 months = 28-02)."""
    month_index = start.month - 1 + months
    year, month = start.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def is_working_day(day: date, holidays: Collection[date] = ()) -> bool:
    return day.weekday() < 5 and day not in holidays


def add_working_days(start: date, days: int, holidays: Collection[date] = ()) -> date:
    """The ``days``-th working day after ``start`` (Friday + 2 working days = Tuesday)."""
    current, left = start, days
    while left > 0:
        current += timedelta(days=1)
        if is_working_day(current, holidays):
            left -= 1
    return current


def days_until(due_on: date, today: date) -> int:
    """Positive: days left; 0: due today; negative: days overdue."""
    return (due_on - today).days


def is_due_this_week(due_on: date, today: date) -> bool:
    """Due in the ISO week (Monday–Sunday) that holds ``today``, also in a week 53."""
    monday, sunday = week_bounds(today)
    return monday <= due_on <= sunday


# --- the rules ------------------------------------------------------------------------------


def case_deadlines(case: CaseFacts, today: date, *, rules: DeadlineRules = DEFAULT_RULES,
                   holidays: Collection[date] = ()) -> list[DueItem]:
    """Every current deadline of one case, done or not, sorted by due date."""
    items: list[DueItem] = []
    for grant in case.grants:
        if grant_is_current(grant, today, rules):
            items += grant_deadlines(grant, case, rules=rules, holidays=holidays)
    for consent in case.consents:
        item = consent_deadline(consent, case.consents, today, rules=rules)
        if item is not None:
            items.append(item)
    items += [goal_review(goal, rules) for goal in case.goals if goal.review_on is not None]
    first_evaluation_open = any(item.kind is DeadlineKind.EVALUATION and not item.done
                                for item in items)
    if not first_evaluation_open:
        plan_item = plan_evaluation(case, rules)
        if plan_item is not None:
            items.append(plan_item)
    return sorted(items, key=lambda item: (item.due_on, item.kind.value))


def grant_is_current(grant: GrantFacts, today: date, rules: DeadlineRules = DEFAULT_RULES
                     ) -> bool:
    """Started, and not ended more than ``after_end_days`` ago."""
    if grant.start_on > today:
        return False
    return grant.end_on is None or today <= grant.end_on + timedelta(days=rules.after_end_days)


def grant_deadlines(grant: GrantFacts, case: CaseFacts, *, rules: DeadlineRules = DEFAULT_RULES,
                    holidays: Collection[date] = ()) -> list[DueItem]:
    items = [first_contact(grant, case.contacts, rules)]
    if grant.discharge_on is not None:
        items.append(discharge_call(grant, case.contacts, rules, holidays))
    evaluation_item = evaluation(grant, case, rules)
    if evaluation_item is not None:
        items.append(evaluation_item)
    if grant.end_on is not None:
        items.append(written_status(grant, case.reports, rules))
    if grant.outreach_days:
        items.append(outreach(grant, holidays))
    return items


def outreach(grant: GrantFacts, holidays: Collection[date] = ()) -> DueItem:
    """Due ``outreach_days`` after the citizen was last reached under this grant (or after
    its start), moved to the next working day: nobody goes looking on a holiday. It never
    counts as done — reaching the citizen moves it forward."""
    assert grant.outreach_days
    since = grant.last_reached_on or grant.start_on
    due = since + timedelta(days=grant.outreach_days)
    while not is_working_day(due, holidays):
        due += timedelta(days=1)
    detail = f"{grant.legal_basis}, senest nået {since:%d-%m-%Y}" if grant.last_reached_on \
        else f"{grant.legal_basis}, ikke nået siden start"
    return DueItem(DeadlineKind.OUTREACH, due, False, grant.grant_id, detail)


def first_contact(grant: GrantFacts, contacts: Iterable[ContactFacts],
                  rules: DeadlineRules = DEFAULT_RULES) -> DueItem:
    done = any(c.attended and c.contact_on >= grant.start_on for c in contacts)
    return DueItem(DeadlineKind.FIRST_CONTACT,
                   grant.start_on + timedelta(days=rules.first_contact_days),
                   done, grant.grant_id, grant.legal_basis)


def discharge_call(grant: GrantFacts, contacts: Iterable[ContactFacts],
                   rules: DeadlineRules = DEFAULT_RULES,
                   holidays: Collection[date] = ()) -> DueItem:
    assert grant.discharge_on is not None
    discharged = grant.discharge_on
    done = any(c.attended and c.form == ContactForm.PHONE.value and c.contact_on >= discharged
               for c in contacts)
    due = add_working_days(discharged, rules.discharge_call_working_days, holidays)
    return DueItem(DeadlineKind.DISCHARGE_CALL, due, done, grant.grant_id, grant.legal_basis)


def evaluation(grant: GrantFacts, case: CaseFacts, rules: DeadlineRules = DEFAULT_RULES
               ) -> DueItem | None:
    due = add_months(grant.start_on, rules.evaluation_months)
    if grant.end_on is not None and grant.end_on <= due:
        return None
    window_start = max(grant.start_on, due - timedelta(days=rules.evaluation_early_days))
    done = any(day >= window_start for day in case.assessment_dates) or any(
        report.period_to >= window_start for report in case.reports)
    return DueItem(DeadlineKind.EVALUATION, due, done, grant.grant_id, grant.legal_basis)


def written_status(grant: GrantFacts, reports: Iterable[ReportFacts],
                   rules: DeadlineRules = DEFAULT_RULES) -> DueItem:
    assert grant.end_on is not None
    window_start = grant.end_on - timedelta(weeks=rules.status_window_weeks)
    done = any(report.status in FINAL_REPORT_STATUSES
               and window_start <= report.period_to <= grant.end_on for report in reports)
    return DueItem(DeadlineKind.WRITTEN_STATUS,
                   grant.end_on - timedelta(weeks=rules.status_weeks_before_end),
                   done, grant.grant_id, grant.legal_basis)


def goal_review(goal: GoalFacts, rules: DeadlineRules = DEFAULT_RULES) -> DueItem:
    assert goal.review_on is not None
    window_start = goal.review_on - timedelta(days=rules.evaluation_early_days)
    done = goal.latest_assessment is not None and goal.latest_assessment >= window_start
    return DueItem(DeadlineKind.GOAL_REVIEW, goal.review_on, done, goal.goal_id, goal.title)


def plan_evaluation(case: CaseFacts, rules: DeadlineRules = DEFAULT_RULES) -> DueItem | None:
    """The next evaluation round of the plan, or None without open goals or a start."""
    if not case.goals:
        return None
    latest = max(case.assessment_dates, default=None)
    starts = [goal.start_on for goal in case.goals if goal.start_on is not None]
    since = latest or min(starts, default=None)
    if since is None:
        return None
    count = len(case.goals)
    detail = f"{count} åbne mål" if count != 1 else "1 åbent mål"
    return DueItem(DeadlineKind.PLAN_EVALUATION, add_months(since, rules.evaluation_months),
                   False, case.goals[0].goal_id, detail)


def consent_deadline(consent: ConsentFacts, all_consents: Iterable[ConsentFacts], today: date,
                     rules: DeadlineRules = DEFAULT_RULES) -> DueItem | None:
    """The expiry warning for one consent, or None when there is nothing to warn about."""
    expires = consent.expires_on
    if expires is None or consent.withdrawn_on is not None:
        return None
    shown_from = expires - timedelta(days=rules.consent_warning_days)
    shown_until = expires + timedelta(days=rules.consent_grace_days)
    if not shown_from <= today <= shown_until:
        return None
    done = any(_renews(other, consent) for other in all_consents)
    detail = f"{consent.partner_name}: {consent.purpose}" if consent.purpose \
        else consent.partner_name
    return DueItem(DeadlineKind.CONSENT_EXPIRY, expires, done, consent.consent_id, detail)


def _renews(other: ConsentFacts, consent: ConsentFacts) -> bool:
    assert consent.expires_on is not None
    return (
        other.consent_id != consent.consent_id
        and other.partner_id == consent.partner_id
        and other.purpose.strip().casefold() == consent.purpose.strip().casefold()
        and other.withdrawn_on is None
        and other.given_on >= consent.given_on
        and (other.expires_on is None or other.expires_on > consent.expires_on)
    )
