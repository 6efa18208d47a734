"""Weekly hours against hand-computed fixtures: week 53, DST weeks, planned vs delivered,
mark done moving minutes from planned to delivered, and the mentor capacity rows."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from schedule_support import add_citizen, add_contact, add_grant, add_user

from mentordesk.kernel.context import Context
from mentordesk.schedule import (
    AppointmentInput,
    citizen_weeks,
    create_appointment,
    mark_done,
    mentor_weeks,
    weekly_hours,
    weekly_rule,
)

pytestmark = pytest.mark.both_backends

NEW_YEAR_TODAY = date(2027, 1, 2)  # a Saturday in 2026-W53


def book(database, actor, citizen_id, mentor_id, start: datetime, minutes: int, rule: str = "",
         today: date = date(2026, 11, 1)) -> int:
    return create_appointment(Context(database, actor), AppointmentInput(
        citizen_id=citizen_id, mentor_ids=(mentor_id,), starts_at=start,
        duration_minutes=minutes, form="home_visit", rrule=rule), today=today).value


def weeks_of(database, ids, start, end, today):
    with database.read_session() as session:
        return {(row.citizen_id, row.week): row
                for row in citizen_weeks(session, ids, start, end, today=today)}


def test_week_53_granted_delivered_planned(database, admin):
    mentor = add_user(database, "maja", "Maja Mentor", capacity_minutes=1500)
    band = add_citizen(database, "Bent", "Bånd", mentor_id=mentor)
    minimum = add_citizen(database, "Mille", "Minimum", mentor_id=mentor)
    add_grant(database, band, date(2026, 12, 1), None, 60, 300)        # 1–5 timer/uge
    add_grant(database, minimum, date(2026, 12, 1), date(2026, 12, 31), 60, None)  # fra 1 time
    add_contact(database, band, mentor, date(2026, 12, 29), 90)
    add_contact(database, band, mentor, date(2027, 1, 2), 45)
    add_contact(database, band, mentor, date(2027, 1, 3), 30, attended=False)  # no-show
    add_contact(database, minimum, mentor, date(2026, 12, 30), 200)
    book(database, admin, band, mentor, datetime(2027, 1, 3, 10, 0), 60)       # planned
    book(database, admin, band, mentor, datetime(2027, 1, 1, 10, 0), 50)       # past: not
    book(database, admin, band, mentor, datetime(2026, 12, 7, 10, 0), 90, weekly_rule())

    rows = weeks_of(database, [band, minimum], date(2026, 12, 21), date(2027, 1, 10),
                    NEW_YEAR_TODAY)

    assert sorted(w for c, w in rows if c == band) == ["2026-W52", "2026-W53", "2027-W01"]
    w53 = rows[(band, "2026-W53")]
    assert (w53.week_start, w53.granted_min_minutes, w53.granted_max_minutes) == (
        date(2026, 12, 28), 60, 300)
    assert (w53.delivered_minutes, w53.planned_minutes, w53.flag) == (135, 60, "within")
    w52 = rows[(band, "2026-W52")]
    assert (w52.delivered_minutes, w52.planned_minutes, w52.flag) == (0, 0, "under")
    w01 = rows[(band, "2027-W01")]
    # A future week whose bookings reach the minimum is on its way, not under (issue #14).
    assert (w01.delivered_minutes, w01.planned_minutes, w01.flag) == (0, 90, "on_track")
    assert rows[(minimum, "2026-W53")].granted_max_minutes is None
    assert rows[(minimum, "2026-W53")].flag == "within"          # 200 ≥ 60, no ceiling
    assert rows[(minimum, "2027-W01")].flag == "no_grant"        # ended 31-12-2026
    assert rows[(minimum, "2027-W01")].granted_min_minutes is None

    with database.read_session() as session:
        mentor_rows = {r.week: r for r in mentor_weeks(session, [mentor], date(2026, 12, 28),
                                                       date(2027, 1, 3), today=NEW_YEAR_TODAY)}
    assert (mentor_rows["2026-W53"].capacity_minutes, mentor_rows["2026-W53"].delivered_minutes,
            mentor_rows["2026-W53"].planned_minutes) == (1500, 335, 60)


def test_dst_weeks_count_stated_minutes(database, admin):
    mentor = add_user(database, "dag", "Dag Sommertid")
    citizen = add_citizen(database, "Sara", "Sommer", mentor_id=mentor)
    add_grant(database, citizen, date(2026, 1, 1), None, 300, 600)
    # 29-03-2026 02:00 does not exist in Denmark; 25-10-2026 02:30 happens twice.
    book(database, admin, citizen, mentor, datetime(2026, 3, 29, 1, 30), 90,
         today=date(2026, 3, 1))
    book(database, admin, citizen, mentor, datetime(2026, 3, 22, 10, 0), 60,
         weekly_rule(count=3), today=date(2026, 3, 1))
    add_contact(database, citizen, mentor, date(2026, 10, 25), 60)
    add_contact(database, citizen, mentor, date(2026, 10, 26), 400)

    march = weeks_of(database, [citizen], date(2026, 3, 23), date(2026, 4, 5),
                     date(2026, 3, 23))
    assert march[(citizen, "2026-W13")].planned_minutes == 90 + 60
    assert march[(citizen, "2026-W14")].planned_minutes == 60     # 05-04 10:00, 3rd and last
    october = weeks_of(database, [citizen], date(2026, 10, 19), date(2026, 11, 1),
                       date(2026, 11, 20))
    assert october[(citizen, "2026-W43")].delivered_minutes == 60
    assert october[(citizen, "2026-W43")].flag == "under"
    assert october[(citizen, "2026-W44")].delivered_minutes == 400
    assert october[(citizen, "2026-W44")].flag == "within"


def test_leap_day_and_over_flag(database, admin):
    mentor = add_user(database, "lea", "Lea Skud")
    citizen = add_citizen(database, "Otto", "Over", mentor_id=mentor)
    add_grant(database, citizen, date(2028, 1, 1), None, 60, 120)
    add_contact(database, citizen, mentor, date(2028, 2, 29), 150)
    book(database, admin, citizen, mentor, datetime(2028, 2, 29, 14, 0), 30,
         today=date(2028, 2, 1))
    rows = weeks_of(database, [citizen], date(2028, 2, 29), date(2028, 2, 29),
                    date(2028, 2, 28))
    week = rows[(citizen, "2028-W09")]
    assert (week.week_start, week.delivered_minutes, week.planned_minutes, week.flag) == (
        date(2028, 2, 28), 150, 30, "over")


def test_mark_done_moves_minutes_from_planned_to_delivered(database, admin):
    mentor = add_user(database, "mads", "Mads Mentor")
    citizen = add_citizen(database, "Dorte", "Done", mentor_id=mentor)
    add_grant(database, citizen, date(2026, 11, 1), None, 60, 300)
    today = date(2026, 11, 24)
    appointment = book(database, admin, citizen, mentor, datetime(2026, 11, 24, 9, 0), 75)
    before = weeks_of(database, [citizen], today, today, today)[(citizen, "2026-W48")]
    assert (before.delivered_minutes, before.planned_minutes, before.flag) == (0, 75, "on_track")

    mark_done(Context(database, admin), appointment, today=today)

    after = weeks_of(database, [citizen], today, today, today)[(citizen, "2026-W48")]
    assert (after.delivered_minutes, after.planned_minutes, after.flag) == (75, 0, "within")
    overview = weekly_hours(Context(database, admin), today, today, today=today)
    assert overview.citizen_names[citizen] == "Dorte Done"
    assert [r.delivered_minutes for r in overview.citizen_weeks] == [75]
    totals = overview.month_totals()
    assert totals["2026-11"][0].delivered_minutes == 75
