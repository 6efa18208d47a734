"""The hours page's period totals, now summed by the database (``hours_totals``), show the
coordinator exactly what a week-by-week recount of the contact log shows: the weeks under
and over the grant, the granted band summed, the hours delivered and still booked.

Fixture, today Wednesday 02-12-2026 (2026-W49), period 12-10-2026 – 20-12-2026 (W42–W51):
grants with a band and with a minimum only, two grants overlapping (the one running on
most days of a week sets its band), a grant starting mid-week (a partly covered week), a
grant without hours, a citizen with contacts but no grant, no-shows, a group session,
the running week with booked appointments ("På vej"), future weeks, a mentor's
absence (which moves no hours), and a stepped hours plan (each week judged against the
step in force, the last step without a maximum).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, time, timedelta

import pytest
from schedule_support import add_citizen, add_contact, add_grant, add_user
from sqlalchemy import select

from mentordesk.domain.hours_plan import HoursStep
from mentordesk.kernel.context import Context
from mentordesk.schedule import (
    AbsenceInput,
    AppointmentInput,
    GroupCourseInput,
    HoursTotal,
    create_absence,
    create_appointment,
    create_group_course,
    hours_totals,
    register_attendance,
    weekly_hours,
)
from mentordesk.services.hours_plan import save_hours_plan
from mentordesk.storage.models import Contact, Grant, GrantHoursStep

pytestmark = pytest.mark.both_backends

TODAY = date(2026, 12, 2)
START, END = date(2026, 10, 12), date(2026, 12, 20)


@pytest.fixture
def team(database, admin):
    context = Context(database, admin)
    mentor = add_user(database, "maja", "Maja Mentor", capacity_minutes=1800)
    people = {name: add_citizen(database, name, "Testesen", mentor_id=mentor)
              for name in ("Bånd", "Minimum", "Overlap", "Midtuge", "Uden timer", "Ingen",
                           "Trinvis")}
    add_grant(database, people["Bånd"], date(2026, 1, 1), None, 120, 300)
    add_grant(database, people["Minimum"], date(2026, 10, 1), date(2026, 11, 30), 90, None)
    # Two grants in W46 (09-11 – 15-11): the old one runs Mon–Tue, the new one Wed–Sun.
    add_grant(database, people["Overlap"], date(2026, 6, 1), date(2026, 11, 10), 60, 120)
    add_grant(database, people["Overlap"], date(2026, 11, 11), None, 240, 480)
    add_grant(database, people["Midtuge"], date(2026, 11, 19), None, 60, 180)  # a Thursday
    add_grant(database, people["Uden timer"], date(2026, 1, 1), None, None, None)
    stepped = add_grant(database, people["Trinvis"], date(2026, 9, 1), None, 60, 120)
    with database.read_session() as session:
        version = session.get(Grant, stepped).version
    save_hours_plan(context, stepped, version, (
        HoursStep(date(2026, 11, 4), 300, 480),   # a Wednesday: from W45, 5–8 hours
        HoursStep(date(2026, 11, 30), 600, None)))  # from W49: at least 10 hours
    minutes = {"Bånd": 150, "Minimum": 60, "Overlap": 200, "Midtuge": 100, "Uden timer": 45,
               "Ingen": 30, "Trinvis": 330}
    for week in range(10):
        monday = START + timedelta(weeks=week)
        for name, citizen_id in people.items():
            if (week + len(name)) % 4:  # some weeks without contact
                add_contact(database, citizen_id, mentor, monday + timedelta(days=week % 7),
                            minutes[name] + 40 * (week % 3))
        add_contact(database, people["Bånd"], mentor, monday + timedelta(days=1), 30,
                    attended=False)  # a no-show proves no hours
    course = create_group_course(context, GroupCourseInput(
        name="Madklub", weekday=2, start_time=time(13), duration_minutes=120,
        starts_on=date(2026, 10, 14), ends_on=date(2026, 12, 16), place="Køkkenet",
        leader_ids=(mentor,), participant_ids=(people["Minimum"], people["Midtuge"])),
        today=date(2026, 10, 1)).value
    register_attendance(context, course, date(2026, 11, 25), [people["Minimum"]], today=TODAY)
    for citizen_id, start, length in ((people["Bånd"], datetime(2026, 12, 3, 10), 120),
                                      (people["Midtuge"], datetime(2026, 12, 10, 9), 90),
                                      (people["Overlap"], datetime(2026, 11, 30, 9), 60)):
        create_appointment(context, AppointmentInput(
            citizen_id=citizen_id, mentor_ids=(mentor,), starts_at=start,
            duration_minutes=length, form="home_visit"), today=date(2026, 11, 1))
    create_absence(context, AbsenceInput(user_id=mentor, kind="holiday",
                                         start_on=date(2026, 12, 7),
                                         end_on=date(2026, 12, 11)), today=TODAY)
    return context, people


def test_totals_equal_the_week_by_week_rows(team):
    context, people = team
    for first, last in ((START, END), (date(2026, 11, 1), date(2026, 11, 30)),
                        (date(2026, 1, 1), TODAY), (TODAY, TODAY)):
        summed = hours_totals(context, first, last, today=TODAY)
        week_by_week = weekly_hours(context, first, last, today=TODAY)
        assert summed.totals == week_by_week.citizen_totals(), (first, last)
        assert summed.citizen_names == week_by_week.citizen_names


def test_totals_equal_a_recount_of_the_contact_log(team, database):
    context, people = team
    totals = {total.citizen_id: total
              for total in hours_totals(context, START, END, today=TODAY).totals}
    recounted = recount(database, sorted(people.values()), START, END)

    assert {citizen_id: without_planned(total) for citizen_id, total in totals.items()} \
        == recounted
    # The fixture has weeks of every kind, else the comparison would prove little.
    assert any(total.weeks_under for total in totals.values())
    assert any(total.weeks_over for total in totals.values())
    # By hand: W42–W45 the old 1–2 hour grant, then the new 4–8 hour grant from W46,
    # the week it runs on five of seven days, to W51: never a sum of the two.
    overlap = totals[people["Overlap"]]
    assert (overlap.weeks, overlap.granted_min_minutes, overlap.granted_max_minutes) == (
        10, 4 * 60 + 6 * 240, 4 * 120 + 6 * 480)
    assert totals[people["Ingen"]].granted_min_minutes is None
    assert totals[people["Uden timer"]].weeks_under == 0
    assert totals[people["Bånd"]].planned_minutes == 120
    # W42–W44 the grant's own 1–2 hours, W45–W48 the 5–8 hour step, W49–W51 from 10 hours.
    trinvis = totals[people["Trinvis"]]
    assert (trinvis.granted_min_minutes, trinvis.granted_max_minutes) == (
        3 * 60 + 4 * 300 + 3 * 600, None)
    assert trinvis.weeks_over and trinvis.weeks_under


def test_a_mentor_sees_only_their_citizens_totals(team, database):
    context, people = team
    other = add_user(database, "ole", "Ole Anden")
    stranger = add_citizen(database, "Fremmed", "Borger", mentor_id=other)
    add_grant(database, stranger, date(2026, 1, 1), None, 60, 120)
    add_contact(database, stranger, other, date(2026, 11, 2), 60)
    from mentordesk.services.team import resolve_actor

    as_maja = Context(database, resolve_actor(database, "maja"))
    seen = {total.citizen_id for total in hours_totals(as_maja, START, END,
                                                       today=TODAY).totals}
    assert stranger not in seen
    assert seen == set(people.values())


# --- the naive recount -------------------------------------------------------------------


def without_planned(total: HoursTotal) -> HoursTotal:
    return HoursTotal(total.citizen_id, total.weeks, total.granted_min_minutes,
                      total.granted_max_minutes, total.delivered_minutes, 0,
                      total.weeks_under, total.weeks_over)


def recount(database, citizen_ids, start, end) -> dict[int, HoursTotal]:
    """Week by week from the contacts and grants themselves, as a person would count."""
    with database.read_session() as session:
        contacts = session.execute(select(Contact.citizen_id, Contact.contact_on,
                                          Contact.duration_minutes, Contact.attended)).all()
        grants = session.execute(select(Grant.id, Grant.citizen_id, Grant.start_on,
                                        Grant.end_on, Grant.hours_min_minutes,
                                        Grant.hours_max_minutes)).all()
        steps = session.execute(select(GrantHoursStep.grant_id, GrantHoursStep.starts_on,
                                       GrantHoursStep.min_minutes,
                                       GrantHoursStep.max_minutes)).all()
    delivered: dict[tuple[int, date], int] = defaultdict(int)
    for citizen_id, day, minutes, attended in contacts:
        if attended:
            delivered[(citizen_id, day - timedelta(days=day.weekday()))] += minutes
    mondays = []
    monday = start - timedelta(days=start.weekday())
    while monday <= end:
        mondays.append(monday)
        monday += timedelta(weeks=1)
    totals = {}
    for citizen_id in citizen_ids:
        bands = [band(grants, steps, citizen_id, monday) for monday in mondays]
        done = [delivered[(citizen_id, monday)] for monday in mondays]
        banded = [(b, d, m) for b, d, m in zip(bands, done, mondays, strict=True) if b]
        highs = [b[1] for b, _d, _m in banded]
        totals[citizen_id] = HoursTotal(
            citizen_id, len(mondays), sum(b[0] for b, _d, _m in banded) if banded else None,
            None if not banded or None in highs else sum(highs), sum(done), 0,
            sum(d < b[0] and m + timedelta(days=6) < TODAY for b, d, m in banded),
            sum(d >= b[0] and b[1] is not None and d > b[1] for b, d, _m in banded))
    return totals


def band(grants, steps, citizen_id: int, monday: date) -> tuple[int, int | None] | None:
    """The band of the grant with hours running on most days of the week; on a tie the
    later start, then the older grant. A grant's band that week is its latest step whose
    day falls on or before the Sunday, else its own."""
    sunday = monday + timedelta(days=6)
    running = []
    for grant_id, owner, start_on, end_on, low, high in grants:
        begun = sorted((day, step_low, step_high) for step_grant, day, step_low, step_high
                       in steps if step_grant == grant_id and day <= sunday)
        if begun:
            low, high = begun[-1][1:]
        if owner != citizen_id or low is None or start_on > sunday or (
                end_on is not None and end_on < monday):
            continue
        days = (min(end_on or sunday, sunday) - max(start_on, monday)).days + 1
        running.append(((days, start_on, -grant_id), (low, high)))
    return max(running)[1] if running else None
