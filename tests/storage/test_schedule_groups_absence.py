"""Group courses (sessions per week, attendance → contacts, idempotent) and absence with a
substitute who sees the covered citizens only while the absence lasts."""

from __future__ import annotations

from datetime import date, time

import pytest
from schedule_support import add_citizen, add_grant, add_user
from sqlalchemy import select

from mentordesk.errors import InvalidInput, NotFound
from mentordesk.kernel.access import require_citizen
from mentordesk.kernel.context import Context
from mentordesk.schedule import (
    AbsenceInput,
    GroupCourseInput,
    calendar_items,
    citizen_weeks,
    create_absence,
    create_group_course,
    group_sessions,
    mentor_weeks,
    register_attendance,
    set_session_cancelled,
)
from mentordesk.services.team import resolve_actor
from mentordesk.storage.models import Contact

pytestmark = pytest.mark.both_backends


@pytest.fixture
def course(database, admin):
    leader = add_user(database, "gitte", "Gitte Gruppe")
    anna = add_citizen(database, "Anna", "Aktiv", mentor_id=leader)
    bo = add_citizen(database, "Bo", "Borte", mentor_id=leader)
    add_grant(database, anna, date(2026, 11, 1), None, 60, 300)
    course_id = create_group_course(Context(database, admin), GroupCourseInput(
        name="Økonomi og IT", weekday=2, start_time=time(13), duration_minutes=120,
        starts_on=date(2026, 11, 4), ends_on=date(2026, 12, 16), place="Mødelokalet",
        leader_ids=(leader,), participant_ids=(anna, bo)), today=date(2026, 11, 1)).value
    return course_id, leader, anna, bo


def contacts(database):
    with database.read_session() as session:
        return {(c.citizen_id, c.contact_on): (c.attended, c.form, c.duration_minutes)
                for c in session.scalars(select(Contact))}


def test_sessions_per_week_and_attendance_creates_contacts_once(database, admin, course):
    context = Context(database, admin)
    course_id, leader, anna, bo = course
    sessions = group_sessions(context, course_id, date(2026, 11, 1), date(2026, 11, 30))
    assert [s.held_on for s in sessions] == [date(2026, 11, d) for d in (4, 11, 18, 25)]
    held = date(2026, 11, 11)
    first = register_attendance(context, course_id, held, [anna], today=held).value
    again = register_attendance(context, course_id, held, [anna], today=held).value
    assert (first.created, first.updated, again.created, again.updated) == (2, 0, 0, 0)
    assert contacts(database) == {(anna, held): (True, "group", 120),
                                  (bo, held): (False, "group", 120)}
    changed = register_attendance(context, course_id, held, [anna, bo],
                                  today=held).value
    assert (changed.created, changed.updated) == (0, 1)
    with database.read_session() as session:
        rows = citizen_weeks(session, [anna], held, held, today=held)
    assert (rows[0].week, rows[0].delivered_minutes, rows[0].flag) == ("2026-W46", 120, "within")
    with database.read_session() as session:
        led = mentor_weeks(session, [leader], held, held, today=held)
    assert led[0].delivered_minutes == 120   # two participants came; the leader gave 2 hours
    with pytest.raises(InvalidInput, match="mødes ikke"):
        register_attendance(context, course_id, date(2026, 11, 12), [anna],
                            today=date(2026, 11, 20))
    items = [i for i in calendar_items(context, date(2026, 11, 9), date(2026, 11, 15),
                                       today=held) if i.kind == "group"]
    assert [(i.title, i.starts_at.hour, i.mentor_ids) for i in items] == [
        ("Økonomi og IT", 13, (leader,))]


def test_substitute_sees_covered_citizen_only_during_absence(database, admin):
    absent = add_user(database, "anne", "Anne Fraværende")
    add_user(database, "vera", "Vera Vikar")
    citizen = add_citizen(database, "Carl", "Covered", mentor_id=absent)
    create_absence(Context(database, admin), AbsenceInput(
        user_id=absent, kind="sickness", start_on=date(2026, 11, 16), end_on=date(2026, 11, 20),
        covers={citizen: resolve_actor(database, "vera").user_id}), today=date(2026, 11, 16))
    substitute = resolve_actor(database, "vera")
    with database.read_session() as session:
        assert require_citizen(session, substitute, citizen, date(2026, 11, 18)).id == citizen
        with pytest.raises(NotFound):
            require_citizen(session, substitute, citizen, date(2026, 11, 21))
    with pytest.raises(InvalidInput, match="sidste dag"):
        create_absence(Context(database, admin), AbsenceInput(user_id=absent, kind="holiday",
                                                     start_on=date(2026, 12, 2),
                                                     end_on=date(2026, 12, 1)))


def test_cancelled_session_takes_no_attendance(database, admin, course):
    context = Context(database, admin)
    course_id, _leader, anna, _bo = course
    day = date(2026, 11, 18)
    set_session_cancelled(context, course_id, day, True, note="Lederen er syg")
    with pytest.raises(InvalidInput, match="aflyst"):
        register_attendance(context, course_id, day, [anna], today=day)
    items = [i for i in calendar_items(context, day, day, today=day) if i.kind == "group"]
    assert [i.cancelled for i in items] == [True]
    set_session_cancelled(context, course_id, day, False)
    registered = register_attendance(context, course_id, day, [anna], today=day)
    assert registered.value.created == 2
    with pytest.raises(InvalidInput, match="fremmøde"):
        set_session_cancelled(context, course_id, day, True)
