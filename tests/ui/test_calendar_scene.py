"""The calendar's paint lists: midnight-spanning blocks, side-by-side lanes, periods."""

from __future__ import annotations

from datetime import date, datetime

from ui.views.calendar.scene import (
    DAY,
    MONTH,
    WEEK,
    Occurrence,
    build_scene,
    period_for,
    split_by_day,
    step,
)


def occurrence(key: str, start: datetime, minutes: int) -> Occurrence:
    return Occurrence(key=key, starts_at=start, duration_minutes=minutes, title=key)


def test_an_appointment_over_midnight_is_two_blocks():
    late = occurrence("nat", datetime(2026, 12, 31, 22, 30), 150)  # to 01:00 on 1 January
    blocks = split_by_day(late, date(2026, 12, 28), date(2027, 1, 3))
    assert [(b.day, b.start_minute, b.end_minute) for b in blocks] == [
        (date(2026, 12, 31), 22 * 60 + 30, 24 * 60), (date(2027, 1, 1), 0, 60)]
    assert late.time_text() == "22:30–01:00"
    # Only the part inside the shown period is drawn.
    assert [b.day for b in split_by_day(late, date(2027, 1, 1), date(2027, 1, 1))] == [
        date(2027, 1, 1)]


def test_overlaps_share_lanes_and_a_free_block_keeps_the_full_width():
    day = datetime(2029, 2, 28, 0, 0)
    scene = build_scene(date(2029, 2, 26), date(2029, 3, 4), [
        occurrence("a", day.replace(hour=9), 60), occurrence("b", day.replace(hour=9, minute=30),
                                                            60),
        occurrence("c", day.replace(hour=10), 30), occurrence("d", day.replace(hour=13), 30),
    ], [])
    lanes = {b.occurrence.key: (b.lane, b.lanes) for b in scene.blocks}
    assert lanes == {"a": (0, 2), "b": (1, 2), "c": (0, 2), "d": (0, 1)}


def test_periods_and_steps_around_week_53_and_leap_day():
    assert period_for(WEEK, date(2027, 1, 1)) == (date(2026, 12, 28), date(2027, 1, 3))
    assert period_for(DAY, date(2028, 2, 29)) == (date(2028, 2, 29), date(2028, 2, 29))
    assert period_for(MONTH, date(2028, 2, 29)) == (date(2028, 1, 31), date(2028, 3, 5))
    assert step(WEEK, date(2026, 12, 28), 1) == date(2027, 1, 4)
    assert step(MONTH, date(2026, 12, 15), 1) == date(2027, 1, 1)
    assert step(MONTH, date(2027, 1, 31), -1) == date(2026, 12, 1)
