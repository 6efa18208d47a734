"""Statements of the schedule aggregate: appointments and their series, group courses and
their sessions, absences with substitute covers, and the names the calendar shows.

Each function returns a statement; the schedule services execute it in their transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from sqlalchemy import Delete, Insert, Select, Table, Update, delete, insert, or_, select, update

from mentordesk.storage.models import (
    Absence,
    AbsenceCover,
    Appointment,
    Citizen,
    Contact,
    GroupCourse,
    GroupSession,
    User,
)
from mentordesk.storage.models.schedule import (
    appointment_mentor,
    group_leader,
    group_participant,
)
from mentordesk.storage.queries.periods import overlaps
from mentordesk.storage.queries.visibility import visible_citizens

# --- people ----------------------------------------------------------------------------------


def active_user_ids(among: Sequence[int] | None = None) -> Select[tuple[int]]:
    """Team members who may be booked (all of them, or those of ``among``)."""
    query = select(User.id).where(User.active)
    return query if among is None else query.where(User.id.in_(list(among)))


def user_id_by_login(login: str) -> Select[tuple[int]]:
    return select(User.id).where(User.login == login)


def user_name(user_id: int) -> Select[tuple[str]]:
    return select(User.full_name).where(User.id == user_id)


def user_names(among: Sequence[int] | None = None) -> Select[tuple[int, str]]:
    query = select(User.id, User.full_name)
    return query if among is None else query.where(User.id.in_(list(among)))


def citizens_with_ids(ids: Sequence[int]) -> Select[tuple[Citizen]]:
    return select(Citizen).where(Citizen.id.in_(list(ids)))


def citizen_names_with_ids(ids: Sequence[int]) -> Select[tuple[int, str, str, str, bool]]:
    """(id, first name, last name, alias, anonymous): what a name is made of, without
    loading each whole citizen (a team's list of names is thousands of rows)."""
    return select(Citizen.id, Citizen.first_name, Citizen.last_name, Citizen.alias,
                  Citizen.is_anonymous).where(Citizen.id.in_(list(ids)))


def visible_among(ids: Sequence[int], user_id: int | None, today: date) -> Select[tuple[int]]:
    """Those of ``ids`` the team member may see today (``user_id`` None: the whole team)."""
    return select(Citizen.id).where(Citizen.id.in_(list(ids)), visible_citizens(user_id, today))


# --- appointments ------------------------------------------------------------------------

# (id, series, start, minutes, citizen, responsible mentor, form, place, note, rule, EXDATEs,
# start replaced, cancelled, version): what expanding a booking into occurrences reads.
BookingRow = tuple[int, int | None, datetime, int, int | None, int, str, str, str, str, str,
                   datetime | None, bool, int]
_BOOKING_COLUMNS = (
    Appointment.id, Appointment.series_id, Appointment.starts_at,
    Appointment.duration_minutes, Appointment.citizen_id, Appointment.mentor_id,
    Appointment.form, Appointment.place, Appointment.note, Appointment.rrule,
    Appointment.exdates, Appointment.recurrence_id, Appointment.cancelled,
    Appointment.version)


def appointments_reaching(window_end: datetime, earliest_one_off: datetime, *,
                          citizen_ids: Sequence[int] | None = None,
                          mentor_ids: Sequence[int] | None = None
                          ) -> Select[BookingRow]:
    """Rows that may have an occurrence before ``window_end``: every series starting before
    it, and one-offs starting from ``earliest_one_off`` (the window's start less the
    longest booking). Filtered by citizen and by mentor (responsible or taking part).

    The columns an occurrence is made of, not whole ORM objects: a team's month is
    thousands of bookings, and building an identity-mapped object per row was a fifth of
    expanding them."""
    query = select(*_BOOKING_COLUMNS).where(
        Appointment.starts_at < window_end,
        or_(Appointment.rrule != "", Appointment.starts_at >= earliest_one_off))
    if citizen_ids is not None:
        query = query.where(Appointment.citizen_id.in_(list(citizen_ids)))
    if mentor_ids is not None:
        taking_part = select(appointment_mentor.c.appointment_id).where(
            appointment_mentor.c.user_id.in_(list(mentor_ids)))
        query = query.where(or_(Appointment.mentor_id.in_(list(mentor_ids)),
                                Appointment.id.in_(taking_part)))
    return query.order_by(Appointment.starts_at, Appointment.id)


def extra_mentors(appointment_ids: Sequence[int]) -> Select[tuple[int, int]]:
    """(appointment id, user id) of the mentors taking part besides the responsible one."""
    return select(appointment_mentor.c.appointment_id, appointment_mentor.c.user_id).where(
        appointment_mentor.c.appointment_id.in_(list(appointment_ids)))


def clear_extra_mentors(appointment_id: int) -> Delete:
    return delete(appointment_mentor).where(appointment_mentor.c.appointment_id == appointment_id)


def add_extra_mentors() -> Insert:
    """Executed with rows ``{"appointment_id": …, "user_id": …}``."""
    return insert(appointment_mentor)


def series_citizen_ids(series_id: int) -> Select[tuple[int | None]]:
    """The citizens of a series' dates edited apart (they may name another citizen)."""
    return select(Appointment.citizen_id).where(Appointment.series_id == series_id)


def delete_dates_edited_apart(series_id: int, *, from_moment: datetime | None = None) -> Delete:
    """Remove a series' dates edited apart (all, or those from ``from_moment`` on)."""
    statement = delete(Appointment).where(Appointment.series_id == series_id,
                                          Appointment.id != series_id)
    if from_moment is not None:
        statement = statement.where(Appointment.recurrence_id >= from_moment)
    return statement


def relink_contacts(from_appointment: int, to_appointment: int, first_day: date,
                    last_day: date | None = None) -> Update:
    """Move contacts logged for an appointment's dates ``first_day``–``last_day`` (no end:
    all later ones) to the row that now holds those dates."""
    statement = update(Contact).where(Contact.appointment_id == from_appointment,
                                      Contact.contact_on >= first_day)
    if last_day is not None:
        statement = statement.where(Contact.contact_on <= last_day)
    return statement.values(appointment_id=to_appointment)


def contact_logged_for(appointment_id: int, day: date) -> Select[tuple[int]]:
    return select(Contact.id).where(Contact.appointment_id == appointment_id,
                                    Contact.contact_on == day)


def contacts_logged_for(appointment_ids: Sequence[int], first: date, last: date
                        ) -> Select[tuple[int | None, date, int, bool]]:
    """(appointment id, day, contact id, attended) of the contacts logged from bookings on
    ``first``..``last``: a seek per booking in the (appointment, day) index, so a series
    logged weekly for years costs the days asked for, not its whole history."""
    return select(Contact.appointment_id, Contact.contact_on, Contact.id,
                  Contact.attended).where(Contact.appointment_id.in_(list(appointment_ids)),
                                          Contact.contact_on.between(first, last))


def imported_block_notes(mentor_id: int, marker_prefix: str) -> Select[tuple[str]]:
    """The notes of the mentor's busy blocks that an ICS import made (they carry a marker)."""
    return select(Appointment.note).where(
        Appointment.mentor_id == mentor_id, Appointment.citizen_id.is_(None),
        Appointment.note.startswith(marker_prefix, autoescape=True))


# --- group courses -----------------------------------------------------------------------


class _CoursePeriod:
    """A course names its period ``starts_on``/``ends_on``; the period rule reads these."""

    start_on = GroupCourse.starts_on
    end_on = GroupCourse.ends_on


def courses_running_between(first: date, last: date) -> Select[tuple[GroupCourse]]:
    return select(GroupCourse).where(overlaps(_CoursePeriod, first, last))


def courses_by_name() -> Select[tuple[GroupCourse]]:
    return select(GroupCourse).order_by(GroupCourse.name)


def course_leader_ids(course_id: int) -> Select[tuple[int]]:
    return select(group_leader.c.user_id).where(group_leader.c.group_course_id == course_id)


def course_participant_ids(course_id: int) -> Select[tuple[int]]:
    return select(group_participant.c.citizen_id).where(
        group_participant.c.group_course_id == course_id)


def clear_course_members(table: Table, course_id: int) -> Delete:
    """Empty ``group_leader`` or ``group_participant`` for the course."""
    return delete(table).where(table.c.group_course_id == course_id)


def add_course_members(table: Table) -> Insert:
    """Executed with rows ``{"group_course_id": …, "user_id" | "citizen_id": …}``."""
    return insert(table)


def sessions_between(course_id: int, first: date, last: date) -> Select[tuple[GroupSession]]:
    return select(GroupSession).where(GroupSession.group_course_id == course_id,
                                      GroupSession.held_on.between(first, last))


def session_contacts(session_id: int) -> Select[tuple[Contact]]:
    """The contacts registered attendance made for one meeting."""
    return select(Contact).where(Contact.group_session_id == session_id)


def session_attendance(session_id: int) -> Select[tuple[int, bool]]:
    return select(Contact.citizen_id, Contact.attended).where(
        Contact.group_session_id == session_id)


def registered_contacts(course_id: int) -> Select[tuple[int | None, int]]:
    """(session id, citizen id) of every contact registered attendance made for a course."""
    return select(Contact.group_session_id, Contact.citizen_id).join(
        GroupSession, GroupSession.id == Contact.group_session_id).where(
        GroupSession.group_course_id == course_id)


# --- absences ----------------------------------------------------------------------------


def absences_between(first: date, last: date, *, user_ids: Sequence[int] | None = None
                     ) -> Select[tuple[Absence, str]]:
    """Absences overlapping ``first``–``last`` with the absent member's name, by start."""
    query = select(Absence, User.full_name).join(User, User.id == Absence.user_id).where(
        overlaps(Absence, first, last))
    if user_ids is not None:
        query = query.where(Absence.user_id.in_(list(user_ids)))
    return query.order_by(Absence.start_on, Absence.id)


def covers_of(absence_ids: Sequence[int]) -> Select[tuple[AbsenceCover]]:
    return select(AbsenceCover).where(AbsenceCover.absence_id.in_(list(absence_ids)))


def clear_covers(absence_id: int) -> Delete:
    return delete(AbsenceCover).where(AbsenceCover.absence_id == absence_id)
