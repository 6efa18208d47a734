"""The stepped hours plan's rules: which step governs a week, and what a mentor may type."""

from __future__ import annotations

from datetime import date

import pytest

from mentordesk.domain.hours_plan import (
    HoursStep,
    band_in_week,
    parse_hours,
    parse_step_start,
    step_problem,
)

GRANT_BAND = (300, None)
STEPS = (HoursStep(date(2026, 1, 5), 120, 300), HoursStep(date(2026, 3, 4), 600, 900))


def test_a_step_governs_from_the_week_holding_its_day_until_the_next():
    assert band_in_week(STEPS, GRANT_BAND, date(2025, 12, 29)) == GRANT_BAND  # before any
    assert band_in_week(STEPS, GRANT_BAND, date(2026, 1, 5)) == (120, 300)
    assert band_in_week(STEPS, GRANT_BAND, date(2026, 2, 23)) == (120, 300)
    assert band_in_week(STEPS, GRANT_BAND, date(2026, 3, 2)) == (600, 900)  # a Wednesday step
    assert band_in_week((), GRANT_BAND, date(2026, 3, 2)) == GRANT_BAND


def test_a_plan_is_checked_step_by_step():
    start, end = date(2026, 1, 5), date(2026, 4, 26)
    assert step_problem(STEPS, start, end) == ""
    assert step_problem(STEPS, start, None) == ""
    assert step_problem(STEPS, date(2026, 1, 6), end) == (
        "Trin 1 ligger uden for bevillingens periode.")


def test_a_step_starts_on_a_date_or_a_week_number():
    start = date(2026, 1, 7)                                     # a Wednesday in week 2
    assert parse_step_start("02-03-2026", start) == date(2026, 3, 2)
    assert parse_step_start("uge 10", start) == date(2026, 3, 2)
    assert parse_step_start("Uge 2", start) == start             # the grant's first week
    assert parse_step_start("1", start) == date(2027, 1, 4)      # week 1 comes round next year
    with pytest.raises(ValueError, match="Uge 54 findes ikke"):
        parse_step_start("uge 54", start)
    with pytest.raises(ValueError, match="Ugyldig dato"):
        parse_step_start("snart", start)


def test_hours_are_typed_the_danish_way():
    assert parse_hours("7") == 420
    assert parse_hours("7,5") == 450
    assert parse_hours("12.25 t") == 735
    assert parse_hours("  ") is None
    with pytest.raises(ValueError, match="ikke et timetal"):
        parse_hours("syv")
