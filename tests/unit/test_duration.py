"""The one hour format (issue #14): decimal hours with a comma and "t", everywhere."""

from __future__ import annotations

import pytest

from mentordesk.domain.duration import hours_number, hours_text, hours_value


@pytest.mark.parametrize(("minutes", "text"), [
    (100, "1,67 t"), (90, "1,5 t"), (60, "1 t"), (45, "0,75 t"), (35, "0,58 t"), (0, "0 t"),
    (600, "10 t"), (-30, "-0,5 t"), (None, "–"),
])
def test_hours_text(minutes, text):
    assert hours_text(minutes) == text


def test_number_without_unit_and_spreadsheet_value():
    assert (hours_number(150), hours_number(1200)) == ("2,5", "20")
    assert (hours_value(100), hours_value(None)) == (1.6667, None)


def test_contact_durations_use_the_same_format():
    from mentordesk.services.contacts import format_duration

    assert (format_duration(90), format_duration(45)) == ("1,5 t", "0,75 t")


def test_granted_band_reads_the_same_in_app_report_and_command_line():
    from mentordesk.domain.duration import granted_text

    assert [granted_text(*band) for band in ((360, 600), (300, None), (300, 300), (0, 900),
                                               (None, None))] == [
        "6–10 t", "min. 5 t", "5 t", "op til 15 t", "–"]
