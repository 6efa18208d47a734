"""Danish public holidays with their Danish names."""

from __future__ import annotations

from datetime import date

from mentordesk.domain.public_holidays import danish_public_holidays, public_holidays_between


def test_easter_2026_with_danish_names():
    holidays = danish_public_holidays(2026)
    assert holidays[date(2026, 4, 2)] == "Skærtorsdag"
    assert holidays[date(2026, 4, 3)] == "Langfredag"
    assert holidays[date(2026, 12, 25)] == "Juledag"
    assert date(2026, 11, 23) not in holidays


def test_between_spans_years():
    days = public_holidays_between(date(2026, 12, 20), date(2027, 1, 5))
    assert days == {date(2026, 12, 25), date(2026, 12, 26), date(2027, 1, 1)}
