"""The Timer page's load (issue #14): the week and the period with the team's bookings
expanded once give exactly what ``weekly_hours`` and ``hours_totals`` give apart.

Fictitious fixture; today is Wednesday 02-12-2026 in 2026-W49 (Monday 30-11), the page's
period is December (the weeks 2026-W49 – 2026-W53, 30-11-2026 – 03-01-2027):
- "Serie Sørensen": a weekly series, Thursdays 10:00, 90 minutes, from 05-11-2026; its
  10-12 date is cancelled (edited apart, "this one");
- "Enkelt Enkeltsen": a one-off on 15-12 (60 minutes), and one this morning at 08:00
  already logged as held (45 minutes).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest
from schedule_support import add_citizen, add_grant, add_user

from mentordesk.kernel.context import Context
from mentordesk.schedule import (
    AppointmentInput,
    EditScope,
    create_appointment,
    get_appointment,
    hours_totals,
    mark_done,
    update_appointment,
    week_and_period_hours,
    weekly_hours,
    weekly_rule,
)
from mentordesk.services.team import resolve_actor

pytestmark = pytest.mark.both_backends

TODAY = date(2026, 12, 2)
MONDAY = date(2026, 11, 30)
DECEMBER = (date(2026, 12, 1), date(2026, 12, 31))


def booking(citizen_id: int, mentor_id: int, start: datetime, minutes: int,
            rule: str = "") -> AppointmentInput:
    return AppointmentInput(citizen_id=citizen_id, mentor_ids=(mentor_id,), starts_at=start,
                            duration_minutes=minutes, form="home_visit", rrule=rule)


@pytest.fixture
def team(database, admin):
    context = Context(database, admin)
    mentor = add_user(database, "maja", "Maja Mentor", capacity_minutes=1800)
    series_citizen = add_citizen(database, "Serie", "Sørensen", mentor_id=mentor)
    one_off_citizen = add_citizen(database, "Enkelt", "Enkeltsen", mentor_id=mentor)
    for citizen in (series_citizen, one_off_citizen):
        add_grant(database, citizen, date(2026, 11, 1), None, 60, 240)
    series = create_appointment(context, booking(
        series_citizen, mentor, datetime(2026, 11, 5, 10), 90, weekly_rule()),
        today=TODAY).value
    update_appointment(context, series, get_appointment(context, series).version,
                       replace(booking(series_citizen, mentor, datetime(2026, 12, 10, 10), 90),
                               cancelled=True),
                       scope=EditScope.THIS, occurrence_start=datetime(2026, 12, 10, 10),
                       today=TODAY)
    create_appointment(context, booking(one_off_citizen, mentor, datetime(2026, 12, 15, 9),
                                        60), today=TODAY)
    held = create_appointment(context, booking(one_off_citizen, mentor,
                                               datetime(2026, 12, 2, 8), 45),
                              today=TODAY).value
    mark_done(context, held, today=TODAY)
    return context, series_citizen, one_off_citizen


def apart(context: Context, first: date, last: date):
    return (weekly_hours(context, MONDAY, date(2026, 12, 6), today=TODAY),
            hours_totals(context, first, last, today=TODAY))


def test_the_shared_expansion_gives_the_week_and_the_month_as_apart(team):
    context, _, _ = team
    assert week_and_period_hours(context, MONDAY, *DECEMBER, today=TODAY) == apart(
        context, *DECEMBER)


def test_planned_counts_the_series_without_its_cancelled_date_and_not_the_held_booking(team):
    context, series_citizen, one_off_citizen = team
    week, period = week_and_period_hours(context, MONDAY, *DECEMBER, today=TODAY)
    planned_this_week = {row.citizen_id: row.planned_minutes for row in week.citizen_weeks}
    planned_in_december = {total.citizen_id: total.planned_minutes for total in period.totals}
    # This week: Thursday 03-12 only; the 45 minutes held this morning are delivered.
    assert planned_this_week == {series_citizen: 90, one_off_citizen: 0}
    # December: the Thursdays 03-, 17-, 24- and 31-12 (10-12 cancelled); the 15-12 one-off.
    assert planned_in_december == {series_citizen: 4 * 90, one_off_citizen: 60}
    delivered = {row.citizen_id: row.delivered_minutes for row in week.citizen_weeks}
    assert delivered == {series_citizen: 0, one_off_citizen: 45}


def test_a_period_apart_from_the_week_is_counted_as_apart(team):
    context, _, _ = team
    february = (date(2027, 2, 1), date(2027, 2, 28))
    assert week_and_period_hours(context, MONDAY, *february, today=TODAY) == apart(
        context, *february)


def test_a_finished_period_before_the_week_has_nothing_planned(team):
    context, _, _ = team
    october_november = (date(2026, 10, 1), date(2026, 11, 29))  # up to the Sunday of W48
    shared = week_and_period_hours(context, MONDAY, *october_november, today=TODAY)
    assert shared == apart(context, *october_november)
    assert [total.planned_minutes for total in shared[1].totals] == [0, 0]


def test_a_mentor_gets_the_same_as_apart(team, database):
    as_maja = Context(database, resolve_actor(database, "maja"))
    assert week_and_period_hours(as_maja, MONDAY, *DECEMBER, today=TODAY) == apart(
        as_maja, *DECEMBER)
