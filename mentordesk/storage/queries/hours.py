"""Statements behind the weekly hours and the billing basis: delivered time from the contact
log, the grants that set the hours and the price, and who the period concerns.

Delivered time is always attended contacts: only a logged contact proves an hour.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import ColumnElement, Select, func, or_, select
from sqlalchemy.orm import InstrumentedAttribute

from mentordesk.storage.models import (
    Appointment,
    Assignment,
    Citizen,
    Contact,
    CourseType,
    Grant,
    User,
)
from mentordesk.storage.queries.periods import covers, overlaps
from mentordesk.storage.queries.visibility import visible_citizens


def _attended(column: InstrumentedAttribute[int], ids: Sequence[int], first: date,
              last: date) -> tuple[ColumnElement[bool], ...]:
    return (column.in_(list(ids)), Contact.attended.is_(True),
            Contact.contact_on.between(first, last))


def delivered_per_citizen_day(citizen_ids: Sequence[int], first: date,
                              last: date) -> Select[tuple[int, date, int]]:
    """(citizen, day, minutes) of attended contacts in ``first``–``last``."""
    return (select(Contact.citizen_id, Contact.contact_on, func.sum(Contact.duration_minutes))
            .where(*_attended(Contact.citizen_id, citizen_ids, first, last))
            .group_by(Contact.citizen_id, Contact.contact_on))


def delivered_alone_per_mentor_day(mentor_ids: Sequence[int], first: date,
                                   last: date) -> Select[tuple[int, date, int]]:
    """(mentor, day, minutes) of the mentor's attended contacts outside group sessions."""
    return (select(Contact.mentor_id, Contact.contact_on, func.sum(Contact.duration_minutes))
            .where(*_attended(Contact.mentor_id, mentor_ids, first, last),
                   Contact.group_session_id.is_(None))
            .group_by(Contact.mentor_id, Contact.contact_on))


def delivered_per_mentor_group_session(mentor_ids: Sequence[int], first: date,
                                       last: date) -> Select[tuple[int, date, int]]:
    """(mentor, day, minutes) once per group session the mentor led, however many
    participants' contacts it produced."""
    return (select(Contact.mentor_id, func.min(Contact.contact_on),
                   func.max(Contact.duration_minutes))
            .where(*_attended(Contact.mentor_id, mentor_ids, first, last),
                   Contact.group_session_id.is_not(None))
            .group_by(Contact.mentor_id, Contact.group_session_id))


def delivered_per_grant_day(grant_ids: Sequence[int], first: date,
                            last: date) -> Select[tuple[int | None, date, int]]:
    """(grant, day, minutes) of attended contacts attributed to the grants in the period."""
    return (select(Contact.grant_id, Contact.contact_on, func.sum(Contact.duration_minutes))
            .where(Contact.grant_id.in_(list(grant_ids)), Contact.attended.is_(True),
                   Contact.contact_on.between(first, last))
            .group_by(Contact.grant_id, Contact.contact_on))


def grants_by_id(grant_ids: Sequence[int]
                 ) -> Select[tuple[int, int, date, date | None, int | None, int | None]]:
    """(id, citizen, start, end, min minutes, max minutes) of the grants, by start."""
    return (select(Grant.id, Grant.citizen_id, Grant.start_on, Grant.end_on,
                   Grant.hours_min_minutes, Grant.hours_max_minutes)
            .where(Grant.id.in_(list(grant_ids))).order_by(Grant.start_on, Grant.id))


def appointment_grants(appointment_ids: Sequence[int]) -> Select[tuple[int, int | None]]:
    """(appointment, grant) of the appointments."""
    return select(Appointment.id, Appointment.grant_id).where(
        Appointment.id.in_(list(appointment_ids)))


def granted_hours(citizen_ids: Sequence[int], first: date, last: date
                  ) -> Select[tuple[int, int, date, date | None, int | None, int | None]]:
    """(grant, citizen, start, end, min minutes, max minutes) of grants overlapping the
    period."""
    return select(Grant.id, Grant.citizen_id, Grant.start_on, Grant.end_on, Grant.hours_min_minutes,
                  Grant.hours_max_minutes).where(Grant.citizen_id.in_(list(citizen_ids)),
                                                 overlaps(Grant, first, last))


def authority_grants(authority_id: int, first: date, last: date
                     ) -> Select[tuple[Grant, str]]:
    """The authority's grants overlapping the period with their course name, per citizen
    in start order."""
    return (select(Grant, CourseType.name)
            .outerjoin(CourseType, CourseType.id == Grant.course_type_id)
            .where(Grant.authority_id == authority_id, overlaps(Grant, first, last))
            .order_by(Grant.citizen_id, Grant.start_on, Grant.id))


def citizens_with_grant_or_contact(start: date, end: date, *, user_id: int | None,
                                   today: date, among: Sequence[int] | None = None
                                   ) -> Select[tuple[int]]:
    """The citizens the hours overview lists for the period: those the member may see
    (``user_id`` None: the whole team) with a grant or a contact in it."""
    with_grant = select(Grant.citizen_id).where(overlaps(Grant, start, end))
    # Per citizen one seek in the (citizen, day) index: a team's year costs a lookup per
    # citizen, not a read of every contact of the year.
    with_contact = select(Contact.id).where(Contact.citizen_id == Citizen.id,
                                            Contact.contact_on.between(start, end)).exists()
    query = select(Citizen.id).where(
        visible_citizens(user_id, today), or_(Citizen.id.in_(with_grant), with_contact))
    return query if among is None else query.where(Citizen.id.in_(list(among)))


def active_members_by_name(only: int | None = None) -> Select[tuple[int, str]]:
    """(id, name) of the active team members, or only of member ``only``."""
    query = select(User.id, User.full_name).where(User.active)
    if only is not None:
        query = query.where(User.id == only)
    return query.order_by(User.full_name)


def weekly_capacity(mentor_ids: Sequence[int]) -> Select[tuple[int, int]]:
    """(mentor, minutes a week the mentor can give)."""
    return select(User.id, User.weekly_capacity_minutes).where(User.id.in_(list(mentor_ids)))


def primary_mentors(citizen_ids: Sequence[int], day: date) -> Select[tuple[int, int]]:
    """(citizen, mentor) of the primary assignments covering ``day``."""
    return select(Assignment.citizen_id, Assignment.user_id).where(
        Assignment.citizen_id.in_(list(citizen_ids)), Assignment.kind == "primary",
        covers(Assignment, day))
