"""Progress-report queries: the saved reports with their author and approver, the period a
new report suggests, which citizens a batch covers, and the batch's reads, one statement
per table for a whole chunk of citizens (``reports.progress.queries`` groups the rows).

Whether a grant or an assignment falls in the report's period is ``periods.overlaps``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, func, or_, select
from sqlalchemy.orm import aliased

from mentordesk.storage.models import (
    Assessment,
    Assignment,
    Authority,
    Citizen,
    Contact,
    CourseType,
    Goal,
    Grant,
    LegalBasis,
    ReportDraft,
    SubGoal,
    User,
)
from mentordesk.storage.queries.assignments import PRIMARY
from mentordesk.storage.queries.periods import covers, overlaps

# --- saved reports ----------------------------------------------------------------------


def reports_with_names() -> Select[Any]:
    """(report, author's name, approver's name); either name may be missing."""
    author, approver = aliased(User), aliased(User)
    return (select(ReportDraft, author.full_name, approver.full_name)
            .outerjoin(author, author.id == ReportDraft.author_id)
            .outerjoin(approver, approver.id == ReportDraft.approved_by_id))


def citizen_reports(citizen_id: int) -> Select[Any]:
    """The citizen's reports with names, newest period first."""
    return (reports_with_names().where(ReportDraft.citizen_id == citizen_id)
            .order_by(ReportDraft.period_to.desc(), ReportDraft.id.desc()))


def report_with_names(report_id: int) -> Select[Any]:
    return reports_with_names().where(ReportDraft.id == report_id)


def last_reported_day(citizen_id: int) -> Select[tuple[date]]:
    """The end of the citizen's latest report period (none: no row value)."""
    return select(func.max(ReportDraft.period_to)).where(ReportDraft.citizen_id == citizen_id)


def earliest_running_grant_start(citizen_id: int, day: date) -> Select[tuple[date]]:
    """The earliest start among the citizen's grants running on ``day``."""
    return select(func.min(Grant.start_on)).where(Grant.citizen_id == citizen_id,
                                                  covers(Grant, day))


def reports_overlapping(citizen_ids: Sequence[int], first: date,
                        last: date) -> Select[Any]:
    """(report, approver's name) of the citizens' reports sharing a day with the period."""
    return (select(ReportDraft, User.full_name)
            .outerjoin(User, User.id == ReportDraft.approved_by_id)
            .where(ReportDraft.citizen_id.in_(list(citizen_ids)),
                   ReportDraft.period_from <= last, ReportDraft.period_to >= first))


# --- which citizens a batch covers ------------------------------------------------------


def batch_citizen_ids(visible: ColumnElement[bool], *, among: Sequence[int] = (),
                      active_status: str, authority_id: int | None = None,
                      mentor_id: int | None = None, first: date,
                      last: date) -> Select[tuple[int]]:
    """The ids, ascending, of the visible citizens a batch covers: ``among`` (else every
    citizen with ``active_status``), narrowed to those with a grant from the authority or
    with the mentor as primary mentor in the period."""
    query = select(Citizen.id).where(visible)
    if among:
        query = query.where(Citizen.id.in_(list(among)))
    else:
        query = query.where(Citizen.status == active_status)
    if authority_id is not None:
        query = query.where(Citizen.id.in_(
            select(Grant.citizen_id).where(Grant.authority_id == authority_id,
                                           overlaps(Grant, first, last))))
    if mentor_id is not None:
        query = query.where(Citizen.id.in_(
            select(Assignment.citizen_id).where(Assignment.user_id == mentor_id,
                                                Assignment.kind == PRIMARY,
                                                overlaps(Assignment, first, last))))
    return query.order_by(Citizen.id)


# --- a chunk of a batch -----------------------------------------------------------------


def citizen_names(citizen_ids: Sequence[int]) -> Select[Any]:
    """(id, first name, last name, alias, anonymous, CPR) of the citizens."""
    return select(Citizen.id, Citizen.first_name, Citizen.last_name, Citizen.alias,
                  Citizen.is_anonymous, Citizen.cpr).where(Citizen.id.in_(list(citizen_ids)))


def primary_mentors_in_period(citizen_ids: Sequence[int], first: date,
                              last: date) -> Select[tuple[int, str]]:
    """(citizen, mentor's name) of every primary assignment in the period, oldest start
    first: the last row per citizen is the primary mentor at the period's end."""
    return (select(Assignment.citizen_id, User.full_name)
            .join(User, User.id == Assignment.user_id)
            .where(Assignment.citizen_id.in_(list(citizen_ids)), Assignment.kind == PRIMARY,
                   overlaps(Assignment, first, last))
            .order_by(Assignment.start_on, Assignment.id))


def grants_in_period(citizen_ids: Sequence[int], first: date, last: date) -> Select[Any]:
    """The grants in the period with the names a report prints, oldest start first:
    (citizen, grant, authority id, basis code, basis name, course type, authority,
    caseworker, caseworker contact, start, end, minimum and maximum minutes, purpose,
    the authority's goals)."""
    return (select(Grant.citizen_id, Grant.id, Grant.authority_id, LegalBasis.code,
                   LegalBasis.name, CourseType.name, Authority.name, Grant.caseworker_name,
                   Grant.caseworker_contact, Grant.start_on, Grant.end_on,
                   Grant.hours_min_minutes, Grant.hours_max_minutes, Grant.purpose,
                   Grant.authority_goals)
            .join(LegalBasis, LegalBasis.id == Grant.legal_basis_id)
            .outerjoin(CourseType, CourseType.id == Grant.course_type_id)
            .outerjoin(Authority, Authority.id == Grant.authority_id)
            .where(Grant.citizen_id.in_(list(citizen_ids)), overlaps(Grant, first, last))
            .order_by(Grant.start_on, Grant.id))


def goals_started_by(citizen_ids: Sequence[int], last: date) -> Select[Any]:
    """The goals begun by ``last`` (or undated), in plan order: (id, citizen, title,
    description, theme, subtheme, type, status, grant)."""
    return (select(Goal.id, Goal.citizen_id, Goal.title, Goal.description, Goal.theme_code,
                   Goal.subtheme_code, Goal.goal_type, Goal.status, Goal.grant_id)
            .where(Goal.citizen_id.in_(list(citizen_ids)),
                   or_(Goal.start_on.is_(None), Goal.start_on <= last))
            .order_by(Goal.position, Goal.id))


def assessments_between(goal_ids: Sequence[int], first: date, last: date) -> Select[Any]:
    """(goal, day, level, citizen's view, support need, mentor's note) of the goals'
    assessments in the period, by day."""
    return (select(Assessment.goal_id, Assessment.assessed_on, Assessment.level,
                   Assessment.citizen_view, Assessment.support_need, Assessment.mentor_note)
            .where(Assessment.goal_id.in_(list(goal_ids)), Assessment.assessed_on >= first,
                   Assessment.assessed_on <= last)
            .order_by(Assessment.assessed_on, Assessment.id))


def sub_goals_of(goal_ids: Sequence[int]) -> Select[Any]:
    """(goal, text, status, deadline, done on) of the goals' sub-goals, in plan order."""
    return (select(SubGoal.goal_id, SubGoal.text, SubGoal.status, SubGoal.deadline,
                   SubGoal.done_on)
            .where(SubGoal.goal_id.in_(list(goal_ids)))
            .order_by(SubGoal.position, SubGoal.id))


def contact_totals(citizen_ids: Sequence[int], first: date, last: date) -> Select[Any]:
    """(citizen, grant, form, attended, count, minutes) of the contacts in the period."""
    return (select(Contact.citizen_id, Contact.grant_id, Contact.form, Contact.attended,
                   func.count(), func.coalesce(func.sum(Contact.duration_minutes), 0))
            .where(Contact.citizen_id.in_(list(citizen_ids)), Contact.contact_on >= first,
                   Contact.contact_on <= last)
            .group_by(Contact.citizen_id, Contact.grant_id, Contact.form, Contact.attended))


def grant_authorities(citizen_ids: Sequence[int], first: date,
                      last: date) -> Select[tuple[int, int, int | None]]:
    """(citizen, grant, authority) of the citizens' grants overlapping the period: which
    authorities a batch writes to, and which grant a saved report may lend its texts to."""
    return (select(Grant.citizen_id, Grant.id, Grant.authority_id)
            .where(Grant.citizen_id.in_(list(citizen_ids)), overlaps(Grant, first, last))
            .order_by(Grant.citizen_id, Grant.start_on, Grant.id))


def grant_authority(grant_id: int) -> Select[tuple[int | None, str]]:
    """(authority id, authority name) of the grant."""
    return (select(Grant.authority_id, Authority.name)
            .outerjoin(Authority, Authority.id == Grant.authority_id)
            .where(Grant.id == grant_id))


def authority_name(authority_id: int) -> Select[tuple[str]]:
    return select(Authority.name).where(Authority.id == authority_id)
