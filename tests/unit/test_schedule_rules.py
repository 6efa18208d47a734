"""Pure schedule rules: RRULE text, ending a series, flags, the week's one band, billable
weeks."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from mentordesk.errors import InvalidInput
from mentordesk.schedule.billing import billable_weeks
from mentordesk.schedule.hours import granted_in_week, weekly_flag
from mentordesk.schedule.recurrence import check_rule, series_starts, until_before, weekly_rule


def test_weekly_rule_text():
    assert weekly_rule() == "FREQ=WEEKLY"
    assert weekly_rule(interval=2, weekdays=(3, 0), until=date(2026, 12, 31)) == (
        "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH;UNTIL=20261231T235959")
    assert weekly_rule(count=5) == "FREQ=WEEKLY;COUNT=5"


def test_until_before_ends_the_series_just_before_the_split():
    rule = until_before("FREQ=WEEKLY;COUNT=10", datetime(2026, 11, 17, 10))
    assert rule == "FREQ=WEEKLY;UNTIL=20261117T095959"
    assert series_starts(rule, datetime(2026, 11, 3, 10), (), datetime(2026, 11, 1),
                         datetime(2027, 1, 1)) == [datetime(2026, 11, 3, 10),
                                                   datetime(2026, 11, 10, 10)]


def test_week_53_series_and_dst_keep_the_wall_clock_time():
    starts = series_starts(weekly_rule(), datetime(2026, 12, 21, 10), (),
                           datetime(2026, 12, 28), datetime(2027, 1, 5))
    assert starts == [datetime(2026, 12, 28, 10), datetime(2027, 1, 4, 10)]
    assert starts[0].isocalendar()[:2] == (2026, 53)
    dst = series_starts(weekly_rule(), datetime(2026, 3, 22, 10), (),
                        datetime(2026, 3, 22), datetime(2026, 4, 1))
    assert [d.hour for d in dst] == [10, 10]


@pytest.mark.parametrize("rule", ["FREQ=MINUTELY", "FREQ=WEEKLY;BYDAY=XX", "hver uge"])
def test_bad_rules_are_refused(rule):
    with pytest.raises(InvalidInput, match="Gentagelsen"):
        check_rule(rule, datetime(2026, 11, 3, 10))


def test_flags_and_the_band_of_one_grant():
    assert weekly_flag(None, None, 500) == "no_grant"
    assert weekly_flag(60, 300, 59) == "under"
    assert weekly_flag(60, 300, 300) == "within"
    assert weekly_flag(60, 300, 301) == "over"
    assert weekly_flag(60, None, 10_000) == "within"
    monday = date(2026, 11, 23)
    grants = [(date(2026, 1, 1), None, 60, 300), (date(2026, 11, 29), None, 120, None),
              (date(2026, 1, 1), date(2026, 11, 22), 600, 900), (date(2026, 1, 1), None, None,
                                                                  None)]
    # The grant running all week governs; the one starting on Sunday does not add to it.
    assert granted_in_week(grants, monday) == (60, 300)
    assert granted_in_week(grants[:1], monday) == (60, 300)
    assert granted_in_week([], monday) == (None, None)


def test_an_ending_and_a_starting_grant_are_never_added():
    """Demo week 47: a §12 grant ending Tuesday and a LAB grant from Wednesday."""
    monday = date(2026, 11, 16)
    ending = (date(2026, 9, 1), date(2026, 11, 17), 60, 300)
    starting = (date(2026, 11, 18), None, 360, 600)
    assert granted_in_week([ending, starting], monday) == (360, 600)
    # On equal days the later-starting grant (the one carrying on) governs.
    thursday_end = (date(2026, 9, 1), date(2026, 11, 19), 60, 300)
    from_thursday = (date(2026, 11, 19), None, 360, 600)
    assert granted_in_week([thursday_end, from_thursday], monday) == (360, 600)


def test_billable_weeks_follow_the_thursday():
    # November 2026 Thursdays: 5, 12, 19, 26. January 2027: 7, 14, 21, 28 (W53's
    # Thursday, 31-12-2026, belongs to December).
    assert billable_weeks(date(2026, 1, 1), None, date(2026, 11, 1), date(2026, 11, 30)) == 4
    assert billable_weeks(date(2026, 11, 10), date(2026, 11, 20), date(2026, 11, 1),
                          date(2026, 11, 30)) == 2
    assert billable_weeks(date(2026, 1, 1), None, date(2026, 12, 1), date(2026, 12, 31)) == 5


def test_weekly_flag_running_week_on_track_only_while_not_over():
    # 6–10 t = 360–600 minutes; planned time only rescues a week that is still running.
    assert weekly_flag(360, 600, 120, 240, finished=False) == "on_track"  # reaches exactly
    assert weekly_flag(360, 600, 120, 239, finished=False) == "under"
    assert weekly_flag(360, 600, 120, 600, finished=False) == "on_track"  # beyond the band too
    assert weekly_flag(360, 600, 120, 240, finished=True) == "under"     # a past week is final
    assert weekly_flag(360, 600, 660, 0, finished=False) == "over"


@pytest.mark.parametrize("rule", [
    "FREQ=WEEKLY", "FREQ=WEEKLY;BYDAY=MO,WE,FR", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,SU",
    "FREQ=WEEKLY;INTERVAL=3;WKST=SU;BYDAY=SU,MO", "FREQ=DAILY;INTERVAL=3",
    "FREQ=DAILY;BYDAY=MO,TU", "FREQ=WEEKLY;BYDAY=TH;UNTIL=20261119T235959",
    "FREQ=WEEKLY;COUNT=200", "FREQ=MONTHLY;BYMONTHDAY=31",
    # Stepped by the period without dateutil: the start's own weekday, every n weeks or days.
    "FREQ=WEEKLY;BYDAY=WE", "FREQ=WEEKLY;INTERVAL=2;BYDAY=WE", "FREQ=WEEKLY;INTERVAL=4;WKST=SU",
    "FREQ=WEEKLY;INTERVAL=2;BYDAY=WE;UNTIL=20261125T093000", "FREQ=DAILY;UNTIL=20261201T000000",
    "FREQ=DAILY", "FREQ=WEEKLY;UNTIL=20210302T000000",
])
def test_an_old_series_gives_the_same_dates_as_walking_it_from_its_first_date(rule):
    """Expanding starts near the window for a years-old series (fast); the dates must be
    those of the rule walked from its true start, EXDATEs and all."""
    from dateutil.rrule import rrulestr

    first = datetime(2021, 3, 3, 9, 30)  # a Wednesday five years back
    skipped = {datetime(2026, 11, 23, 9, 30), datetime(2026, 11, 25, 9, 30)}
    for window_start in (datetime(2021, 3, 1), datetime(2021, 3, 10), datetime(2026, 11, 16),
                         datetime(2026, 11, 30, 9, 31), datetime(2027, 2, 28, 23)):
        for days in (1, 7, 31):
            window_end = window_start + timedelta(days=days)
            walked = [start for start in rrulestr(rule, dtstart=first).between(
                window_start, window_end, inc=True)
                if start < window_end and start not in skipped]
            assert series_starts(rule, first, skipped, window_start, window_end) == walked
