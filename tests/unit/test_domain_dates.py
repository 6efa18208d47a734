"""Danish date format and ISO weeks, including week 53."""

from datetime import date, datetime

import pytest

from mentordesk.domain.dates import (
    format_date,
    iso_week_code,
    iso_week_codes_between,
    iso_week_label,
    iso_weeks_in_year,
    parse_date,
    parse_iso_week,
    week_bounds,
    week_start,
)


def test_format_date_is_dd_mm_yyyy():
    assert format_date(date(2026, 11, 23)) == "23-11-2026"
    assert format_date(date(2026, 1, 5)) == "05-01-2026"
    assert format_date(datetime(2026, 1, 5, 14, 30)) == "05-01-2026"


@pytest.mark.parametrize(
    "text", ["23-11-2026", "23.11.2026", "23/11/2026", "2026-11-23", " 23-11-2026 "]
)
def test_parse_date_accepts_common_forms(text):
    assert parse_date(text) == date(2026, 11, 23)


def test_parse_date_accepts_single_digit_day_and_month():
    assert parse_date("1-2-2026") == date(2026, 2, 1)


@pytest.mark.parametrize("text", ["23-11-26", "23-11/2026", "23 11 2026", "i morgen", "2026/11/23"])
def test_parse_date_rejects_bad_format_in_danish(text):
    with pytest.raises(ValueError, match="Ugyldig dato.*dd-mm-åååå"):
        parse_date(text)


@pytest.mark.parametrize("text", ["31-02-2026", "29-02-2026", "00-01-2026", "2026-13-01"])
def test_parse_date_rejects_impossible_dates(text):
    with pytest.raises(ValueError, match="findes ikke"):
        parse_date(text)


def test_parse_date_accepts_leap_day():
    assert parse_date("29-02-2028") == date(2028, 2, 29)


def test_parse_date_reports_empty_input():
    with pytest.raises(ValueError, match="Datoen mangler"):
        parse_date("  ")


def test_round_trip():
    d = date(2027, 3, 9)
    assert parse_date(format_date(d)) == d


def test_iso_week_label_and_code():
    assert iso_week_label(date(2026, 11, 23)) == "Uge 48, 2026"
    assert iso_week_code(date(2026, 11, 23)) == "2026-W48"
    assert iso_week_code(date(2026, 1, 7)) == "2026-W02"


def test_2026_has_53_iso_weeks():
    # 1 January 2026 is a Thursday, so 2026 has a week 53; 2025 and 2027 do not.
    assert date(2026, 1, 1).isoweekday() == 4
    assert iso_weeks_in_year(2026) == 53
    assert iso_weeks_in_year(2025) == 52
    assert iso_weeks_in_year(2027) == 52


def test_week_53_runs_into_the_next_calendar_year():
    assert parse_iso_week("2026-W53") == (date(2026, 12, 28), date(2027, 1, 3))
    assert iso_week_label(date(2027, 1, 1)) == "Uge 53, 2026"
    assert iso_week_code(date(2027, 1, 3)) == "2026-W53"
    assert iso_week_code(date(2027, 1, 4)) == "2027-W01"


def test_week_1_can_start_in_the_previous_year():
    assert parse_iso_week("2025-W01") == (date(2024, 12, 30), date(2025, 1, 5))
    assert iso_week_label(date(2024, 12, 30)) == "Uge 1, 2025"


def test_parse_iso_week():
    assert parse_iso_week("2026-W48") == (date(2026, 11, 23), date(2026, 11, 29))
    assert parse_iso_week("2026w48") == (date(2026, 11, 23), date(2026, 11, 29))


def test_parse_iso_week_rejects_week_53_in_a_52_week_year():
    with pytest.raises(ValueError, match="Uge 53 findes ikke i 2025"):
        parse_iso_week("2025-W53")


@pytest.mark.parametrize("code", ["2026-W00", "2026-W54"])
def test_parse_iso_week_rejects_out_of_range(code):
    with pytest.raises(ValueError, match="findes ikke"):
        parse_iso_week(code)


@pytest.mark.parametrize("code", ["uge 48", "2026-48", "", "26-W48"])
def test_parse_iso_week_rejects_garbage_in_danish(code):
    with pytest.raises(ValueError, match="Ugyldig uge"):
        parse_iso_week(code)


def test_week_code_round_trip_for_every_week_of_2026():
    for week in range(1, 54):
        monday, sunday = parse_iso_week(f"2026-W{week:02d}")
        assert iso_week_code(monday) == iso_week_code(sunday) == f"2026-W{week:02d}"
        assert monday.isoweekday() == 1 and sunday.isoweekday() == 7


def test_week_start_and_bounds():
    assert week_start(date(2026, 11, 26)) == date(2026, 11, 23)
    assert week_bounds(date(2026, 11, 29)) == (date(2026, 11, 23), date(2026, 11, 29))


def test_iso_week_codes_between_spans_year_end():
    codes = iso_week_codes_between(date(2026, 12, 20), date(2027, 1, 5))
    assert codes == ["2026-W51", "2026-W52", "2026-W53", "2027-W01"]
    assert iso_week_codes_between(date(2026, 1, 2), date(2026, 1, 1)) == []
