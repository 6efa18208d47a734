"""Group courses (*gruppeforløb*): a fixed weekly time and place, leaders and participants.

Sessions are generated per week from the course's weekday; registering attendance for a
session logs a group contact for each attending participant and a not-attended contact
for the others, so group work counts in the weekly hours like any other contact.
Registering again updates those contacts instead of adding more (idempotent).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy.orm import Session

from mentordesk import audit
from mentordesk.domain.codes import ContactForm
from mentordesk.domain.dates import format_date
from mentordesk.domain.grant_choice import SUGGESTED
from mentordesk.errors import AccessDenied, InvalidInput, NotFound
from mentordesk.kernel.access import require_citizen
from mentordesk.kernel.actor import Actor
from mentordesk.kernel.changes import Result
from mentordesk.kernel.cleaning import clean_line, clean_note
from mentordesk.kernel.context import Context
from mentordesk.kernel.editing import require_version
from mentordesk.schedule.changed import contacts_logged, schedule_of
from mentordesk.schedule.recurrence import MAX_DURATION_MINUTES
from mentordesk.services.grant_attribution import resolve_grant
from mentordesk.storage.models import Contact, GroupCourse, GroupSession
from mentordesk.storage.models.schedule import group_leader, group_participant
from mentordesk.storage.queries import schedule as queries

ENTITY = "group_course"


@dataclass(frozen=True)
class GroupCourseInput:
    name: str
    weekday: int                     # 0 = Monday
    start_time: time
    duration_minutes: int
    starts_on: date
    ends_on: date | None = None
    place: str = ""
    leader_ids: tuple[int, ...] = ()
    participant_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class GroupCourseRow(GroupCourseInput):
    id: int = 0
    version: int = 0


@dataclass(frozen=True)
class GroupSessionRow:
    id: int
    version: int
    group_course_id: int
    course_name: str
    held_on: date
    starts_at: datetime
    duration_minutes: int
    place: str
    cancelled: bool
    leader_ids: tuple[int, ...]
    attended_ids: tuple[int, ...]    # participants registered as attending
    registered: bool                 # attendance has been registered


@dataclass(frozen=True)
class AttendanceResult:
    session_id: int
    created: int                     # contacts created
    updated: int                     # contacts whose attendance changed


def create_group_course(context: Context, data: GroupCourseInput,
                        *, today: date | None = None) -> Result[int]:
    with context.session() as session:
        values = _checked(session, context.actor, data, today or date.today())
        course = GroupCourse(**values)
        session.add(course)
        session.flush()
        _set_members(session, course.id, data)
        _audit_members(session, context.actor, course, audit.Action.CREATE, data.participant_ids)
        return Result(course.id, schedule_of(data.participant_ids))


def update_group_course(context: Context, course_id: int,
                        expected_version: int, data: GroupCourseInput,
                        *, today: date | None = None) -> Result[None]:
    with context.session() as session:
        course = _require_course(session, context.actor, course_id)
        require_version(course, expected_version, "Gruppeforløbet")
        values = _checked(session, context.actor, data, today or date.today())
        # Participants who left lose the group from their schedule, new ones gain it.
        changes = schedule_of([*_participants(session, course.id), *data.participant_ids])
        for name, value in values.items():
            setattr(course, name, value)
        session.flush()
        _set_members(session, course.id, data)
        _audit_members(session, context.actor, course, audit.Action.UPDATE, data.participant_ids)
        return Result(None, changes)


@dataclass(frozen=True)
class RegisteredAttendance:
    """What deleting a course would unlink: sessions with attendance and their contacts."""

    sessions: int
    contacts: int
    citizen_ids: tuple[int, ...]


def registered_attendance(context: Context,
                          course_id: int) -> RegisteredAttendance:
    """Asked before a delete, so the confirmation can say what happens to the contacts."""
    with context.session() as session:
        course = _require_course(session, context.actor, course_id)
        found = _registered(session, course_id)
        audit.record(session, context.actor.login, audit.Action.LIST, entity=ENTITY,
                     entity_id=course_id, detail=f"{course.name}: registreret fremmøde "
                     f"{found.contacts} kontakter")
        return found


def delete_group_course(context: Context, course_id: int,
                        expected_version: int, *, keep_registered_contacts: bool = False
                        ) -> Result[RegisteredAttendance]:
    """Delete a course and its sessions.

    Contacts from registered attendance are proof of delivered hours: they are never
    deleted, only unlinked from the course, and only when the caller confirmed that
    (``keep_registered_contacts``); otherwise such a course is refused with the counts.
    """
    with context.session() as session:
        course = _require_course(session, context.actor, course_id)
        require_version(course, expected_version, "Gruppeforløbet")
        registered = _registered(session, course.id)
        if registered.contacts and not keep_registered_contacts:
            raise InvalidInput(
                f"Der er registreret fremmøde for {registered.sessions} møde(r) "
                f"({registered.contacts} kontakter). Bekræft, at kontakterne skal blive i "
                "borgernes journal uden kobling til forløbet, før forløbet slettes.")
        participants = _participants(session, course.id)
        _audit_members(session, context.actor, course, audit.Action.DELETE, participants)
        for citizen_id in registered.citizen_ids:
            audit.record(session, context.actor.login, audit.Action.UPDATE, entity="contact",
                         citizen_id=citizen_id, detail=f"Gruppekontakter beholdt, forløbet "
                         f"{course.name} slettet")
        session.delete(course)
        # Kept contacts lose their course link: each now counts on its own in the hours.
        return Result(registered, schedule_of(participants)
                      | contacts_logged(registered.citizen_ids))


def set_session_cancelled(context: Context, course_id: int, held_on: date,
                          cancelled: bool, *, note: str = "") -> Result[int]:
    """Cancel (or reinstate) one week's session; returns the session id."""
    with context.session() as session:
        course = _require_course(session, context.actor, course_id)
        if held_on not in course_dates(course, held_on, held_on):
            raise InvalidInput(f"Gruppen mødes ikke den {format_date(held_on)}.")
        held = ensure_sessions(session, course, held_on, held_on)[0]
        if cancelled and session.scalar(queries.session_contacts(held.id)) is not None:
            raise InvalidInput("Der er registreret fremmøde for mødet; det kan ikke aflyses.")
        held.cancelled = cancelled
        held.note = clean_note(note)
        audit.record(session, context.actor.login, audit.Action.UPDATE, entity=ENTITY,
                     entity_id=course.id, detail=f"{course.name} {format_date(held_on)}: "
                     f"{'aflyst' if cancelled else 'genoptaget'}")
        return Result(held.id, schedule_of(_participants(session, course.id)))


def list_group_courses(context: Context) -> list[GroupCourseRow]:
    with context.session() as session:
        courses = list(session.scalars(queries.courses_by_name()))
        rows = [_row(session, course) for course in courses]
        audit.record(session, context.actor.login, audit.Action.LIST, entity=ENTITY,
                     detail=f"Gruppeforløb: {len(rows)}")
        return rows


def group_sessions(context: Context, course_id: int, first: date,
                   last: date) -> list[GroupSessionRow]:
    """The course's weekly sessions in ``first..last``, created where missing."""
    with context.session() as session:
        course = _require_course(session, context.actor, course_id)
        rows = [_session_row(session, course, held)
                for held in ensure_sessions(session, course, first, last)]
        audit.record(session, context.actor.login, audit.Action.LIST, entity=ENTITY,
                     entity_id=course.id, detail=f"Sessioner {format_date(first)} – "
                     f"{format_date(last)}")
        return rows


def register_attendance(context: Context, course_id: int, held_on: date,
                        attended_ids: Sequence[int], *, mentor_id: int | None = None,
                        today: date | None = None) -> Result[AttendanceResult]:
    """Register who came to the session on ``held_on``; returns what changed."""
    today = today or date.today()
    with context.session() as session:
        course = _require_course(session, context.actor, course_id)
        if held_on > today:
            raise InvalidInput("Fremmøde kan først registreres, når gruppen har mødtes.")
        if held_on not in course_dates(course, held_on, held_on):
            raise InvalidInput(f"Gruppen mødes ikke den {format_date(held_on)}.")
        participants = _participants(session, course.id)
        unknown = set(attended_ids) - set(participants)
        if unknown:
            raise InvalidInput("Kun gruppens deltagere kan registreres som fremmødt.")
        leaders = _leaders(session, course.id)
        me = context.actor.user_id
        mentor = mentor_id or (me if me in leaders or not leaders else leaders[0])
        held = ensure_sessions(session, course, held_on, held_on)[0]
        if held.cancelled:
            raise InvalidInput("Mødet er aflyst; genoptag det, før fremmøde registreres.")
        created = updated = 0
        logged: list[int] = []
        existing = {c.citizen_id: c for c in session.scalars(queries.session_contacts(held.id))}
        for citizen_id in participants:
            came = citizen_id in set(attended_ids)
            contact = existing.get(citizen_id)
            if contact is None:
                session.add(Contact(
                    citizen_id=citizen_id, mentor_id=mentor, contact_on=held_on,
                    start_time=course.start_time, duration_minutes=course.duration_minutes,
                    form=ContactForm.GROUP.value, place=course.place, attended=came,
                    group_session_id=held.id,
                    # Each participant's own grant: one group, several authorities.
                    grant_id=resolve_grant(session, citizen_id, SUGGESTED, held_on)))
                created += 1
            elif contact.attended != came:
                contact.attended = came
                updated += 1
            else:
                continue
            logged.append(citizen_id)
            audit.record(session, context.actor.login, audit.Action.CREATE if contact is None
                         else audit.Action.UPDATE, entity="contact", citizen_id=citizen_id,
                         detail=f"Gruppe {course.name} {format_date(held_on)}: "
                         f"{'fremmødt' if came else 'ikke fremmødt'}")
        session.flush()
        return Result(AttendanceResult(held.id, created, updated), contacts_logged(logged))


# --- session-level helpers (used by the calendar and the demo) ----------------------------------


def course_dates(course: GroupCourse, first: date, last: date) -> list[date]:
    """The course's meeting days within ``first..last``."""
    first = max(first, course.starts_on)
    if course.ends_on is not None:
        last = min(last, course.ends_on)
    if last < first:
        return []
    day = first + timedelta(days=(course.weekday - first.weekday()) % 7)
    days = []
    while day <= last:
        days.append(day)
        day += timedelta(days=7)
    return days


def ensure_sessions(session: Session, course: GroupCourse, first: date,
                    last: date) -> list[GroupSession]:
    """The session rows for the course's days in ``first..last``; missing ones created."""
    days = course_dates(course, first, last)
    if not days:
        return []
    existing = {s.held_on: s for s in session.scalars(
        queries.sessions_between(course.id, days[0], days[-1]))}
    for day in days:
        if day not in existing:
            existing[day] = GroupSession(group_course_id=course.id, held_on=day)
            session.add(existing[day])
    session.flush()
    return [existing[day] for day in days]


@dataclass(frozen=True)
class GroupSlot:
    """A group meeting as the calendar shows it (no rows created for a read)."""

    group_course_id: int
    course_name: str
    starts_at: datetime
    duration_minutes: int
    place: str
    leader_ids: tuple[int, ...]
    participant_ids: tuple[int, ...]
    cancelled: bool
    session_id: int | None


def group_slots(session: Session, first: date, last: date, *,
                mentor_ids: Sequence[int] | None = None,
                citizen_ids: Sequence[int] | None = None) -> list[GroupSlot]:
    slots = []
    for course in session.scalars(queries.courses_running_between(first, last)):
        leaders = _leaders(session, course.id)
        participants = _participants(session, course.id)
        if mentor_ids is not None and not set(leaders) & set(mentor_ids):
            if citizen_ids is None or not set(participants) & set(citizen_ids):
                continue
        elif citizen_ids is not None and mentor_ids is None \
                and not set(participants) & set(citizen_ids):
            continue
        stored = {s.held_on: s for s in session.scalars(
            queries.sessions_between(course.id, first, last))}
        for day in course_dates(course, first, last):
            held = stored.get(day)
            slots.append(GroupSlot(course.id, course.name,
                                   datetime.combine(day, course.start_time),
                                   course.duration_minutes, course.place, tuple(leaders),
                                   tuple(participants), bool(held and held.cancelled),
                                   held.id if held else None))
    return slots


# --- internals -----------------------------------------------------------------------------


def _registered(session: Session, course_id: int) -> RegisteredAttendance:
    rows = session.execute(queries.registered_contacts(course_id)).all()
    return RegisteredAttendance(len({row[0] for row in rows}), len(rows),
                                tuple(sorted({row[1] for row in rows})))


def _checked(session: Session, actor: Actor, data: GroupCourseInput, today: date) -> dict:
    name = clean_line(GroupCourse, "name", data.name, "Navn", required=True)
    if not isinstance(data.weekday, int) or not 0 <= data.weekday <= 6:
        raise InvalidInput("Vælg ugedagen, gruppen mødes.")
    if not isinstance(data.start_time, time):
        raise InvalidInput("Angiv klokkeslættet, gruppen mødes.")
    if not isinstance(data.duration_minutes, int) \
            or not 1 <= data.duration_minutes <= MAX_DURATION_MINUTES:
        raise InvalidInput("Varigheden skal være mellem 1 minut og 24 timer.")
    if not isinstance(data.starts_on, date):
        raise InvalidInput("Angiv forløbets startdato.")
    if data.ends_on is not None and data.ends_on < data.starts_on:
        raise InvalidInput("Forløbets slutdato ligger før startdatoen.")
    if not data.leader_ids:
        raise InvalidInput("Vælg mindst én leder af gruppen.")
    leaders = set(session.scalars(queries.active_user_ids(data.leader_ids)))
    if leaders != set(data.leader_ids):
        raise InvalidInput("En af de valgte ledere findes ikke i teamet.")
    for citizen_id in data.participant_ids:
        require_citizen(session, actor, citizen_id, today)
    return {"name": name, "place": clean_line(GroupCourse, "place", data.place, "Sted"),
            "weekday": data.weekday, "start_time": data.start_time.replace(second=0),
            "duration_minutes": data.duration_minutes, "starts_on": data.starts_on,
            "ends_on": data.ends_on}


def _set_members(session: Session, course_id: int, data: GroupCourseInput) -> None:
    for table, column, ids in ((group_leader, "user_id", data.leader_ids),
                               (group_participant, "citizen_id", data.participant_ids)):
        session.execute(queries.clear_course_members(table, course_id))
        if ids:
            session.execute(queries.add_course_members(table), [
                {"group_course_id": course_id, column: i} for i in dict.fromkeys(ids)])


def _audit_members(session: Session, actor: Actor, course: GroupCourse,
                   action: audit.Action, participant_ids: Sequence[int]) -> None:
    audit.record(session, actor.login, action, entity=ENTITY, entity_id=course.id,
                 detail=f"Gruppeforløb: {course.name}")
    for citizen_id in dict.fromkeys(participant_ids):
        audit.record(session, actor.login, action, entity=ENTITY, entity_id=course.id,
                     citizen_id=citizen_id, detail=f"Deltager i {course.name}")


def _require_course(session: Session, actor: Actor, course_id: int) -> GroupCourse:
    course = session.get(GroupCourse, course_id)
    if course is None:
        raise NotFound("Gruppeforløbet findes ikke længere.")
    if not actor.sees_all_citizens and actor.user_id not in _leaders(session, course_id):
        raise AccessDenied("Kun gruppens ledere eller en koordinator kan gøre dette.")
    return course


def _leaders(session: Session, course_id: int) -> list[int]:
    return sorted(session.scalars(queries.course_leader_ids(course_id)))


def _participants(session: Session, course_id: int) -> list[int]:
    return sorted(session.scalars(queries.course_participant_ids(course_id)))


def _row(session: Session, course: GroupCourse) -> GroupCourseRow:
    return GroupCourseRow(
        name=course.name, weekday=course.weekday, start_time=course.start_time,
        duration_minutes=course.duration_minutes, starts_on=course.starts_on,
        ends_on=course.ends_on, place=course.place,
        leader_ids=tuple(_leaders(session, course.id)),
        participant_ids=tuple(_participants(session, course.id)),
        id=course.id, version=course.version)


def _session_row(session: Session, course: GroupCourse, held: GroupSession) -> GroupSessionRow:
    contacts = session.execute(queries.session_attendance(held.id)).all()
    return GroupSessionRow(
        id=held.id, version=held.version, group_course_id=course.id, course_name=course.name,
        held_on=held.held_on, starts_at=datetime.combine(held.held_on, course.start_time),
        duration_minutes=course.duration_minutes, place=course.place,
        cancelled=held.cancelled, leader_ids=tuple(_leaders(session, course.id)),
        attended_ids=tuple(sorted(c for c, came in contacts if came)),
        registered=bool(contacts))
