"""The period totals follow every change that moves a citizen's weekly band: a grant's band
edited, its dates moved or ended, a second grant starting mid-week, a stepped plan saved and
replaced; and they stay put when only a mentor's absence changes (it moves no hours).

The database chooses the governing band once per stretch of weeks in which no grant starts
or ends and no step begins (``queries/hours_totals``), so the tests cut stretches in every
way: grants starting and ending on a Monday, mid-week and on a Sunday, steps on a Sunday,
periods starting and ending inside a grant. Each time the totals must equal the
week-by-week rows of ``weekly_hours`` and a naive recount of the contacts and grants.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest
from schedule_support import add_citizen, add_contact, add_grant, add_user
from test_hours_totals import TODAY, recount, without_planned

from mentordesk.domain.hours_plan import HoursStep
from mentordesk.kernel.context import Context
from mentordesk.schedule import (
    AbsenceInput,
    create_absence,
    delete_absence,
    edit_absence,
    hours_totals,
    weekly_hours,
)
from mentordesk.services.grants import end_grant, update_grant
from mentordesk.services.hours_plan import save_hours_plan
from mentordesk.storage.models import Absence, Grant

pytestmark = pytest.mark.both_backends

START, END = date(2026, 9, 7), date(2026, 12, 20)  # W37–W51, today in W49


@pytest.fixture
def one_citizen(database, admin):
    """Maja's citizen with a 1–2 hour grant from 01-09-2026 and a contact most weeks."""
    context = Context(database, admin)
    mentor = add_user(database, "maja", "Maja Mentor", capacity_minutes=1800)
    citizen = add_citizen(database, "Følge", "Testesen", mentor_id=mentor)
    grant = add_grant(database, citizen, date(2026, 9, 1), None, 60, 120)
    monday = START
    for week in range(15):
        if week % 5:
            add_contact(database, citizen, mentor, monday + timedelta(days=week % 7),
                        45 + 30 * (week % 4))
        monday += timedelta(weeks=1)
    return context, mentor, citizen, grant


def totals_of(context, database, citizen_id, first=START, last=END):
    """The citizen's total, after checking every citizen's against the weeks and the
    recount."""
    return checked_totals(context, database, first, last)[citizen_id]


def checked_totals(context, database, first: date, last: date) -> dict:
    summed = {total.citizen_id: total
              for total in hours_totals(context, first, last, today=TODAY).totals}
    assert list(summed.values()) == weekly_hours(context, first, last,
                                                 today=TODAY).citizen_totals()
    assert {citizen: without_planned(total) for citizen, total in summed.items()} \
        == recount(database, sorted(summed), first, last)
    return summed


def version_of(database, grant_id: int) -> int:
    with database.read_session() as session:
        return session.get_one(Grant, grant_id).version


def test_a_new_band_on_the_grant_changes_every_weeks_judgement(database, one_citizen):
    context, _mentor, citizen, grant = one_citizen
    before = totals_of(context, database, citizen)
    assert (before.granted_min_minutes, before.granted_max_minutes) == (15 * 60, 15 * 120)

    update_grant(context, grant, version_of(database, grant),
                 {"hours_min_minutes": 90, "hours_max_minutes": None})

    after = totals_of(context, database, citizen)
    assert (after.granted_min_minutes, after.granted_max_minutes) == (15 * 90, None)
    assert after.weeks_over == 0  # a minimum only: nothing is over
    assert after.weeks_under > before.weeks_under


def test_moving_and_ending_the_grant_moves_the_weeks_it_governs(database, one_citizen):
    context, _mentor, citizen, grant = one_citizen
    # From a Wednesday: W39 is covered Wed–Sun, still the only grant, so it sets the band.
    update_grant(context, grant, version_of(database, grant), {"start_on": date(2026, 9, 23)})
    moved = totals_of(context, database, citizen)
    assert moved.granted_min_minutes == 13 * 60

    # Ended on a Sunday (W46's), then on a Tuesday (W44's): no band after the last day's week.
    end_grant(context, grant, version_of(database, grant), date(2026, 11, 15))
    assert totals_of(context, database, citizen).granted_min_minutes == 8 * 60
    end_grant(context, grant, version_of(database, grant), date(2026, 10, 27))
    ended = totals_of(context, database, citizen)
    assert ended.granted_min_minutes == 6 * 60
    assert ended.weeks == 15  # the period's weeks, band or not


def test_a_second_grant_from_mid_week_governs_from_the_week_it_runs_most_days(
        database, one_citizen):
    context, _mentor, citizen, grant = one_citizen
    end_grant(context, grant, version_of(database, grant), date(2026, 10, 20))  # a Tuesday
    add_grant(database, citizen, date(2026, 10, 21), None, 240, 480)  # from the Wednesday
    total = totals_of(context, database, citizen)
    # W37–W42 the old band; W43 the new grant (Wed–Sun beats Mon–Tue) to W51.
    assert (total.granted_min_minutes, total.granted_max_minutes) == (
        6 * 60 + 9 * 240, 6 * 120 + 9 * 480)


def test_a_stepped_plan_saved_and_replaced_is_followed_week_by_week(database, one_citizen):
    context, _mentor, citizen, grant = one_citizen
    plain = totals_of(context, database, citizen)
    save_hours_plan(context, grant, version_of(database, grant), (
        HoursStep(date(2026, 10, 11), 120, 240),    # a Sunday: from W41
        HoursStep(date(2026, 11, 16), 30, None)))   # a Monday: from W47
    stepped = totals_of(context, database, citizen)
    assert (stepped.granted_min_minutes, stepped.granted_max_minutes) == (
        4 * 60 + 6 * 120 + 5 * 30, None)

    save_hours_plan(context, grant, version_of(database, grant), (
        HoursStep(date(2026, 12, 2), 300, 600),))   # a Wednesday: from W49
    replaced = totals_of(context, database, citizen)
    assert (replaced.granted_min_minutes, replaced.granted_max_minutes) == (
        12 * 60 + 3 * 300, 12 * 120 + 3 * 600)
    # W49–W51 are not over yet: the higher step makes none of them under.
    assert replaced.weeks_under == plain.weeks_under
    assert stepped.weeks_under != plain.weeks_under


def test_a_mentors_absence_moves_no_hours(database, one_citizen):
    context, mentor, citizen, _grant = one_citizen
    before = totals_of(context, database, citizen)
    create_absence(context, AbsenceInput(user_id=mentor, kind="sickness",
                                         start_on=date(2026, 10, 5),
                                         end_on=date(2026, 10, 23)), today=TODAY)
    assert totals_of(context, database, citizen) == before
    with database.read_session() as session:
        absence = session.query(Absence).one()
        absence_id, version = absence.id, absence.version
    edit_absence(context, absence_id, version, {"end_on": date(2026, 11, 6)},
                 {"end_on": date(2026, 10, 23)}, today=TODAY)
    assert totals_of(context, database, citizen) == before
    delete_absence(context, absence_id, version + 1)
    assert totals_of(context, database, citizen) == before


def test_any_mix_of_grants_steps_and_periods_agrees_with_a_recount(database, admin):
    """Seeded at random: grants starting and ending on every weekday, open-ended, without
    hours, overlapping, with steps; periods cut anywhere, before and after today."""
    context = Context(database, admin)
    chance = random.Random(1449)
    mentor = add_user(database, "maja", "Maja Mentor")
    citizens = [add_citizen(database, f"Borger{number}", "Testesen", mentor_id=mentor)
                for number in range(10)]
    first_day = date(2026, 6, 1)
    for citizen in citizens:
        for _grant in range(chance.randint(1, 3)):
            start = first_day + timedelta(days=chance.randint(0, 150))
            end = None if chance.random() < 0.3 else start + timedelta(
                days=chance.randint(0, 120))
            low = None if chance.random() < 0.15 else chance.choice((0, 30, 60, 120))
            high = None if low is None or chance.random() < 0.3 else low + chance.choice(
                (0, 60, 180))
            grant = add_grant(database, citizen, start, end, low, high)
            weeks_long = ((end or start + timedelta(weeks=20)) - start).days // 7
            if weeks_long >= 1 and chance.random() < 0.4:
                # Steps on the grant's own weekday: each in its own ISO week, in the period.
                offsets = sorted(chance.sample(range(weeks_long + 1), k=2))
                save_hours_plan(context, grant, version_of(database, grant), tuple(
                    HoursStep(start + timedelta(weeks=offset), chance.choice((60, 90, 200)),
                              chance.choice((None, 300))) for offset in offsets))
        for _contact in range(chance.randint(5, 40)):
            add_contact(database, citizen, mentor,
                        first_day + timedelta(days=chance.randint(0, 220)),
                        chance.choice((30, 45, 60, 90, 150)))
    for _period in range(8):
        first = first_day + timedelta(days=chance.randint(0, 200))
        summed = checked_totals(context, database, first,
                                first + timedelta(days=chance.randint(0, 120)))
        assert summed, "every period holds some citizen's grant or contact"
