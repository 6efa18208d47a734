"""The schedule and hours query builders on a real database: each condition means what its
name says (periods inclusive, open-ended courses, edited dates, group time counted once)."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest
from schedule_support import add_citizen, add_contact, add_grant, add_user

from mentordesk.storage.models import Appointment, Contact, GroupCourse, GroupSession
from mentordesk.storage.queries import hours, schedule

pytestmark = pytest.mark.both_backends

NOV_1 = date(2026, 11, 1)
NOV_30 = date(2026, 11, 30)


@pytest.fixture
def people(database):
    mentor = add_user(database, "tove", "Tove Tirsdag")
    other = add_user(database, "olga", "Olga Onsdag")
    karl = add_citizen(database, "Karl", "Kalender", mentor_id=mentor)
    return mentor, other, karl


def _add(database, *rows):
    with database.session() as session:
        session.add_all(rows)
        session.flush()
        return [row.id for row in rows]


def _course(name: str, starts_on: date, ends_on: date | None) -> GroupCourse:
    return GroupCourse(name=name, weekday=2, start_time=time(13), duration_minutes=90,
                       starts_on=starts_on, ends_on=ends_on)


def test_courses_running_between_counts_both_ends_and_open_courses(database):
    _add(database, _course("Sluttede dagen før", date(2026, 9, 1), date(2026, 10, 31)),
         _course("Slutter første dag", date(2026, 9, 1), NOV_1),
         _course("Løbende", date(2026, 1, 1), None),
         _course("Starter sidste dag", NOV_30, None),
         _course("Starter dagen efter", date(2026, 12, 1), None))
    with database.read_session() as session:
        names = {c.name for c in session.scalars(schedule.courses_running_between(NOV_1,
                                                                                  NOV_30))}
    assert names == {"Slutter første dag", "Løbende", "Starter sidste dag"}


def test_appointments_reaching_a_window(database, people):
    mentor, other, karl = people

    def booking(start: datetime, rule: str = "", by: int = mentor) -> Appointment:
        return Appointment(citizen_id=karl, mentor_id=by, starts_at=start,
                           duration_minutes=60, form="home_visit", rrule=rule)

    old_series, old_one_off, inside, others = _add(
        database, booking(datetime(2026, 1, 5, 9), "FREQ=WEEKLY"),
        booking(datetime(2026, 10, 1, 9)), booking(datetime(2026, 11, 3, 9)),
        booking(datetime(2026, 11, 4, 9), by=other))
    window_end, earliest = datetime(2026, 12, 1), datetime(2026, 10, 31)
    with database.read_session() as session:
        everyone = list(session.execute(schedule.appointments_reaching(window_end, earliest)))
        mine = list(session.execute(schedule.appointments_reaching(
            window_end, earliest, mentor_ids=[mentor])))
    assert [row.id for row in everyone] == [old_series, inside, others]
    assert [row.id for row in mine] == [old_series, inside]


def test_dates_edited_apart_are_removed_from_a_moment_on(database, people):
    mentor, _other, karl = people
    series = _add(database, Appointment(citizen_id=karl, mentor_id=mentor,
                                        starts_at=datetime(2026, 11, 2, 9), duration_minutes=60,
                                        form="home_visit", rrule="FREQ=WEEKLY"))[0]

    def edited(day: int) -> Appointment:
        moment = datetime(2026, 11, day, 9)
        return Appointment(citizen_id=karl, mentor_id=mentor, starts_at=moment,
                           duration_minutes=30, form="phone", series_id=series,
                           recurrence_id=moment)

    early, late = _add(database, edited(9), edited(23))
    with database.session() as session:
        session.execute(schedule.delete_dates_edited_apart(series,
                                                           from_moment=datetime(2026, 11, 16)))
    with database.read_session() as session:
        assert list(session.scalars(schedule.series_citizen_ids(series))) == [karl]
        assert session.get(Appointment, early) is not None
        assert session.get(Appointment, late) is None


def test_relinking_contacts_moves_only_the_chosen_days(database, people):
    mentor, _other, karl = people
    old, new = _add(database, *(Appointment(citizen_id=karl, mentor_id=mentor,
                                            starts_at=datetime(2026, 11, 2, 9),
                                            duration_minutes=60, form="home_visit")
                                for _ in range(2)))
    contacts = _add(database, *(Contact(citizen_id=karl, mentor_id=mentor,
                                        contact_on=date(2026, 11, day), duration_minutes=60,
                                        form="home_visit", appointment_id=old)
                                for day in (2, 9, 16)))
    with database.session() as session:
        session.execute(schedule.relink_contacts(old, new, date(2026, 11, 9),
                                                 date(2026, 11, 9)))
    with database.read_session() as session:
        assert [session.get(Contact, c).appointment_id for c in contacts] == [old, new, old]
    with database.session() as session:
        session.execute(schedule.relink_contacts(old, new, date(2026, 11, 9)))
    with database.read_session() as session:
        assert [session.get(Contact, c).appointment_id for c in contacts] == [old, new, new]


def test_group_time_counts_once_for_its_leader(database, people):
    mentor, _other, karl = people
    lise = add_citizen(database, "Lise", "Liste", mentor_id=mentor)
    course = _add(database, _course("Madlavning", NOV_1, None))[0]
    meeting = _add(database, GroupSession(group_course_id=course, held_on=date(2026, 11, 4)))[0]
    _add(database, *(Contact(citizen_id=citizen, mentor_id=mentor, contact_on=date(2026, 11, 4),
                             duration_minutes=90, form="group", attended=True,
                             group_session_id=meeting) for citizen in (karl, lise)))
    add_contact(database, karl, mentor, date(2026, 11, 5), 45)
    add_contact(database, karl, mentor, date(2026, 11, 6), 30, attended=False)
    with database.read_session() as session:
        alone = session.execute(hours.delivered_alone_per_mentor_day([mentor], NOV_1,
                                                                     NOV_30)).all()
        grouped = session.execute(hours.delivered_per_mentor_group_session([mentor], NOV_1,
                                                                           NOV_30)).all()
        per_citizen = session.execute(hours.delivered_per_citizen_day([karl], NOV_1,
                                                                      NOV_30)).all()
    assert [tuple(row) for row in alone] == [(mentor, date(2026, 11, 5), 45)]
    assert [tuple(row) for row in grouped] == [(mentor, date(2026, 11, 4), 90)]
    assert sorted(tuple(row) for row in per_citizen) == [
        (karl, date(2026, 11, 4), 90), (karl, date(2026, 11, 5), 45)]


def test_citizens_with_grant_or_contact_respect_the_caseload(database, people):
    mentor, other, karl = people
    granted = add_citizen(database, "Gitte", "Bevilling", mentor_id=other)
    add_grant(database, granted, date(2026, 10, 1), NOV_1, 60, 120)
    add_contact(database, karl, mentor, date(2026, 11, 20), 60)
    add_citizen(database, "Ida", "Ingenting", mentor_id=mentor)
    with database.read_session() as session:
        team = set(session.scalars(hours.citizens_with_grant_or_contact(
            NOV_1, NOV_30, user_id=None, today=NOV_1)))
        mine = set(session.scalars(hours.citizens_with_grant_or_contact(
            NOV_1, NOV_30, user_id=mentor, today=NOV_1)))
    assert team == {karl, granted}
    assert mine == {karl}
