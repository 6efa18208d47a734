"""Honest weekly figures (issue #14): a week that is not over yet is "På vej" when the
still-planned appointments can reach the grant, and only a finished week counts as "under".

Hand-computed fixture: a 6–10 hour grant (360–600 minutes a week); today is Wednesday
02-12-2026 in 2026-W49 (Monday 30-11); 2026-W48 is last week, 2026-W50 next week.
"""

from __future__ import annotations

from datetime import date, datetime
from io import BytesIO

import pytest
from openpyxl import load_workbook
from schedule_support import add_citizen, add_contact, add_grant, add_user

from mentordesk.domain.catalogue import hours_flag_label
from mentordesk.kernel.context import Context
from mentordesk.schedule import AppointmentInput, create_appointment, weekly_hours
from mentordesk.schedule.export import hours_workbook

pytestmark = pytest.mark.both_backends

WEDNESDAY = date(2026, 12, 2)
GRANT_MIN, GRANT_MAX = 6 * 60, 10 * 60


def book(database, admin, citizen_id, mentor_id, start: datetime, minutes: int) -> None:
    create_appointment(Context(database, admin), AppointmentInput(
        citizen_id=citizen_id, mentor_ids=(mentor_id,), starts_at=start,
        duration_minutes=minutes, form="home_visit"), today=WEDNESDAY)


@pytest.fixture
def team(database, admin):
    """Two citizens with the same 6–10 hour grant and 2 hours delivered this Monday:
    "Pia På vej" has 5 hours booked for Thursday, "Ulla Under" only 1 hour."""
    mentor = add_user(database, "vera", "Vera Vej")
    on_track = add_citizen(database, "Pia", "På vej", mentor_id=mentor)
    under = add_citizen(database, "Ulla", "Under", mentor_id=mentor)
    for citizen in (on_track, under):
        add_grant(database, citizen, date(2026, 11, 1), None, GRANT_MIN, GRANT_MAX)
        add_contact(database, citizen, mentor, date(2026, 11, 24), 120)  # last week: 2 h
        add_contact(database, citizen, mentor, date(2026, 11, 30), 120)  # this Monday: 2 h
    book(database, admin, on_track, mentor, datetime(2026, 12, 3, 9, 0), 300)  # Thu, 5 h
    book(database, admin, under, mentor, datetime(2026, 12, 3, 9, 0), 60)      # Thu, 1 h
    return weekly_hours(Context(database, admin), date(2026, 11, 23), date(2026, 12, 13),
                        today=WEDNESDAY), on_track, under


def week_of(overview, citizen_id: int, week: str):
    return next(row for row in overview.citizen_weeks
                if (row.citizen_id, row.week) == (citizen_id, week))


def test_running_week_with_enough_planned_is_on_track(team):
    overview, on_track, _ = team
    week = week_of(overview, on_track, "2026-W49")
    # 120 delivered + 300 planned = 420 minutes, inside 360–600.
    assert (week.delivered_minutes, week.planned_minutes, week.flag) == (120, 300, "on_track")
    assert hours_flag_label(week.flag) == "På vej"


def test_running_week_with_too_little_delivered_and_planned_stays_under(team):
    overview, _, under = team
    week = week_of(overview, under, "2026-W49")
    # 120 delivered + 60 planned = 180 minutes, short of 360.
    assert (week.delivered_minutes, week.planned_minutes, week.flag) == (120, 60, "under")
    assert hours_flag_label(week.flag) == "Under bevilling"


def test_last_week_with_two_hours_is_under(team):
    overview, on_track, under = team
    for citizen in (on_track, under):
        week = week_of(overview, citizen, "2026-W48")
        assert (week.delivered_minutes, week.planned_minutes, week.flag) == (120, 0, "under")
        assert week.finished


def test_month_and_period_totals_count_only_finished_weeks_as_under(team):
    overview, on_track, under = team
    months = {month: {t.citizen_id: t for t in totals}
              for month, totals in overview.month_totals().items()}
    # W48 (Thursday 26-11) is November and over; W49 and W50 belong to December and are
    # still running or ahead, so December has no week under yet — not even Ulla's.
    assert [months["2026-11"][c].weeks_under for c in (on_track, under)] == [1, 1]
    assert [months["2026-12"][c].weeks_under for c in (on_track, under)] == [0, 0]
    assert [months["2026-12"][c].weeks for c in (on_track, under)] == [2, 2]
    period = {t.citizen_id: t for t in overview.citizen_totals()}
    assert [period[c].weeks_under for c in (on_track, under)] == [1, 1]


def test_the_workbook_says_paa_vej_and_counts_finished_weeks_under(team):
    overview, _, _ = team
    book = load_workbook(BytesIO(hours_workbook(overview)))
    rows = [[cell.value for cell in row] for row in book["Borgere"].iter_rows(min_row=4)]
    pia_w49 = next(row for row in rows if row[0] == "Pia På vej" and row[2] == "2026-W49")
    assert pia_w49[6:9] == [2, 5, "På vej"]
    assert book["Borgere"].cell(4, 7).number_format == '0.00" t"'
    totals = [[cell.value for cell in row] for row in book["Måneder og periode"].iter_rows(
        min_row=4)]
    assert [(row[0], row[1], row[7]) for row in totals if row[1] == "2026-12"] == [
        ("Pia På vej", "2026-12", 0), ("Ulla Under", "2026-12", 0)]
