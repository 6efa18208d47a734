"""Deadline rules with worked examples: working days, month ends, ISO week 53, each kind."""

from __future__ import annotations

from datetime import date

import pytest

from mentordesk.domain.deadlines import (
    CaseFacts,
    ConsentFacts,
    ContactFacts,
    DeadlineKind,
    DeadlineRules,
    GrantFacts,
    ReportFacts,
    add_months,
    add_working_days,
    case_deadlines,
    consent_deadline,
    days_until,
    discharge_call,
    evaluation,
    first_contact,
    is_due_this_week,
    written_status,
)

TODAY = date(2026, 11, 23)  # a Monday


# --- calendar arithmetic --------------------------------------------------------------------


@pytest.mark.parametrize("start,expected", [
    (date(2026, 11, 18), date(2026, 11, 20)),  # Wednesday → Friday
    (date(2026, 11, 19), date(2026, 11, 23)),  # Thursday → Monday (weekend skipped)
    (date(2026, 11, 20), date(2026, 11, 24)),  # Friday → Tuesday
    (date(2026, 11, 21), date(2026, 11, 24)),  # Saturday → Tuesday
    (date(2026, 11, 22), date(2026, 11, 24)),  # Sunday → Tuesday
])
def test_two_working_days_skip_the_weekend(start, expected):
    assert add_working_days(start, 2) == expected


def test_working_days_across_new_year_of_a_week_53_year():
    # 31-12-2026 is the Thursday of ISO week 53; 1 January is a public holiday.
    assert date(2026, 12, 31).isocalendar()[:2] == (2026, 53)
    assert add_working_days(date(2026, 12, 31), 2) == date(2027, 1, 4)
    assert add_working_days(date(2026, 12, 31), 2, holidays={date(2027, 1, 1)}) == \
        date(2027, 1, 5)


def test_working_days_skip_given_holidays_over_easter():
    easter_2027 = {date(2027, 3, 25), date(2027, 3, 26), date(2027, 3, 28), date(2027, 3, 29)}
    assert add_working_days(date(2027, 3, 24), 2, holidays=easter_2027) == date(2027, 3, 31)


@pytest.mark.parametrize("start,months,expected", [
    (date(2026, 11, 30), 3, date(2027, 2, 28)),  # no 30 February: clamped to month end
    (date(2027, 11, 30), 3, date(2028, 2, 29)),  # leap year
    (date(2026, 10, 15), 3, date(2027, 1, 15)),  # across the new year
    (date(2026, 8, 31), 3, date(2026, 11, 30)),
])
def test_add_months_clamps_to_month_end(start, months, expected):
    assert add_months(start, months) == expected


def test_due_this_week_uses_iso_week_53():
    thursday_week_53 = date(2026, 12, 31)
    assert is_due_this_week(date(2026, 12, 28), thursday_week_53)  # Monday of week 53
    assert is_due_this_week(date(2027, 1, 3), thursday_week_53)  # Sunday, still week 53
    assert not is_due_this_week(date(2027, 1, 4), thursday_week_53)  # week 1 of 2027
    assert not is_due_this_week(date(2026, 12, 27), thursday_week_53)


def test_days_until():
    assert days_until(date(2026, 11, 26), TODAY) == 3
    assert days_until(TODAY, TODAY) == 0
    assert days_until(date(2026, 11, 20), TODAY) == -3


# --- first contact ------------------------------------------------------------------------


GRANT = GrantFacts(7, "SEL §85", start_on=date(2026, 11, 2))


def test_first_contact_due_ten_days_after_start_and_overdue_without_contact():
    item = first_contact(GRANT, [])
    assert (item.kind, item.due_on, item.done, item.source_id) == (
        DeadlineKind.FIRST_CONTACT, date(2026, 11, 12), False, 7)
    assert item.is_overdue(TODAY)
    assert not item.is_overdue(date(2026, 11, 12))  # due today is not overdue yet


@pytest.mark.parametrize("contact,done", [
    (ContactFacts(date(2026, 11, 20), "home_visit"), True),  # late, but it happened
    (ContactFacts(date(2026, 11, 2), "sms"), True),  # on the start day, any form
    (ContactFacts(date(2026, 11, 5), "home_visit", attended=False), False),  # no-show
    (ContactFacts(date(2026, 10, 30), "home_visit"), False),  # before the grant
])
def test_first_contact_is_met_by_an_attended_contact_from_the_start(contact, done):
    item = first_contact(GRANT, [contact])
    assert item.done is done
    assert item.is_overdue(TODAY) is not done


def test_first_contact_period_is_a_rule_setting():
    assert first_contact(GRANT, [], DeadlineRules(first_contact_days=5)).due_on == \
        date(2026, 11, 7)


# --- §12 discharge call --------------------------------------------------------------------


SECTION_12 = GrantFacts(9, "SEL §12", start_on=date(2026, 11, 16),
                        discharge_on=date(2026, 11, 20))  # discharged on a Friday


@pytest.mark.parametrize("contact,done", [
    (ContactFacts(date(2026, 11, 23), "phone"), True),
    (ContactFacts(date(2026, 11, 23), "home_visit"), False),  # must be a phone call
    (ContactFacts(date(2026, 11, 23), "phone", attended=False), False),  # nobody answered
    (ContactFacts(date(2026, 11, 19), "phone"), False),  # before the discharge
])
def test_discharge_call_two_working_days_after_discharge(contact, done):
    item = discharge_call(SECTION_12, [contact])
    assert item.kind is DeadlineKind.DISCHARGE_CALL
    assert item.due_on == date(2026, 11, 24)  # Friday + 2 working days = Tuesday
    assert item.done is done


def test_discharge_call_only_when_the_grant_has_a_discharge_date():
    kinds = {item.kind for item in case_deadlines(CaseFacts(grants=(GRANT,)), TODAY)}
    assert DeadlineKind.DISCHARGE_CALL not in kinds
    kinds = {item.kind for item in case_deadlines(CaseFacts(grants=(SECTION_12,)), TODAY)}
    assert DeadlineKind.DISCHARGE_CALL in kinds


# --- 3-month evaluation ----------------------------------------------------------------------


LONG_GRANT = GrantFacts(11, "SEL §85", start_on=date(2026, 11, 30), end_on=date(2027, 11, 29))


def test_evaluation_three_months_after_start_at_a_month_end():
    item = evaluation(LONG_GRANT, CaseFacts())
    assert item is not None
    assert item.due_on == date(2027, 2, 28)
    assert not item.done


@pytest.mark.parametrize("case,done", [
    (CaseFacts(assessment_dates=(date(2027, 2, 15),)), True),  # within the 30-day window
    (CaseFacts(assessment_dates=(date(2027, 4, 2),)), True),  # late, but done
    (CaseFacts(assessment_dates=(date(2027, 1, 10),)), False),  # too early to count
    (CaseFacts(reports=(ReportFacts(date(2026, 11, 30), date(2027, 2, 27), "draft"),)), True),
    (CaseFacts(reports=(ReportFacts(date(2026, 11, 30), date(2027, 1, 15), "sent"),)), False),
])
def test_evaluation_is_met_by_an_assessment_or_report_in_the_window(case, done):
    item = evaluation(LONG_GRANT, case)
    assert item is not None and item.done is done


def test_no_evaluation_for_a_grant_ending_before_three_months():
    short = GrantFacts(12, "SEL §12", start_on=date(2026, 11, 30), end_on=date(2027, 2, 1))
    assert evaluation(short, CaseFacts()) is None


# --- written status before the end -------------------------------------------------------


def test_written_status_due_four_weeks_before_end():
    item = written_status(LONG_GRANT, [])
    assert item.kind is DeadlineKind.WRITTEN_STATUS
    assert item.due_on == date(2027, 11, 1)
    assert not item.done


@pytest.mark.parametrize("report,done", [
    (ReportFacts(date(2027, 5, 1), date(2027, 11, 1), "approved"), True),
    (ReportFacts(date(2027, 5, 1), date(2027, 10, 20), "sent"), True),
    (ReportFacts(date(2027, 5, 1), date(2027, 11, 1), "draft"), False),  # not signed off
    (ReportFacts(date(2027, 1, 1), date(2027, 6, 30), "sent"), False),  # too early a period
])
def test_written_status_is_met_by_an_approved_report_near_the_end(report, done):
    assert written_status(LONG_GRANT, [report]).done is done


# --- consents ---------------------------------------------------------------------------


CONSENT = ConsentFacts(21, partner_id=3, partner_name="Lægehuset Nord", purpose="Medicin",
                       given_on=date(2025, 12, 15), expires_on=date(2026, 12, 15))


@pytest.mark.parametrize("today,shown,overdue", [
    (date(2026, 11, 10), False, False),  # 35 days before: not yet
    (date(2026, 11, 15), True, False),  # 30 days before: warn
    (date(2026, 12, 15), True, False),  # the last day
    (date(2026, 12, 20), True, True),  # expired five days ago
    (date(2027, 1, 15), False, False),  # more than 30 days after: no longer a deadline
])
def test_consent_warning_window(today, shown, overdue):
    item = consent_deadline(CONSENT, [CONSENT], today)
    assert (item is not None) is shown
    if item is not None:
        assert item.due_on == date(2026, 12, 15)
        assert item.is_overdue(today) is overdue
        assert item.detail == "Lægehuset Nord: Medicin"


def test_withdrawn_or_open_ended_consent_has_no_deadline():
    withdrawn = ConsentFacts(22, 3, "Lægehuset Nord", "Medicin", date(2025, 12, 15),
                             date(2026, 12, 15), withdrawn_on=date(2026, 6, 1))
    open_ended = ConsentFacts(23, 3, "Lægehuset Nord", "Medicin", date(2025, 12, 15))
    assert consent_deadline(withdrawn, [withdrawn], TODAY) is None
    assert consent_deadline(open_ended, [open_ended], TODAY) is None


def test_renewed_consent_marks_the_warning_done():
    renewal = ConsentFacts(24, 3, "Lægehuset Nord", " medicin ", date(2026, 11, 20),
                           date(2027, 11, 20))
    other_purpose = ConsentFacts(25, 3, "Lægehuset Nord", "Økonomi", date(2026, 11, 20),
                                 date(2027, 11, 20))
    assert consent_deadline(CONSENT, [CONSENT, renewal], TODAY).done
    assert not consent_deadline(CONSENT, [CONSENT, other_purpose], TODAY).done


# --- a whole case ---------------------------------------------------------------------


def test_case_deadlines_sorted_and_limited_to_current_grants():
    future = GrantFacts(31, "SEL §85", start_on=date(2026, 12, 1))
    ended_long_ago = GrantFacts(32, "LAB §31b", start_on=date(2026, 3, 1),
                                end_on=date(2026, 10, 1))
    ended_recently = GrantFacts(33, "LAB §31b", start_on=date(2026, 5, 18),
                                end_on=date(2026, 11, 13))
    case = CaseFacts(grants=(future, ended_long_ago, ended_recently, SECTION_12),
                     contacts=(ContactFacts(date(2026, 6, 1), "home_visit"),),
                     consents=(CONSENT,))
    items = case_deadlines(case, TODAY)
    assert [(item.kind, item.source_id, item.due_on, item.done) for item in items] == [
        (DeadlineKind.FIRST_CONTACT, 33, date(2026, 5, 28), True),  # met by the June visit
        (DeadlineKind.EVALUATION, 33, date(2026, 8, 18), False),
        (DeadlineKind.WRITTEN_STATUS, 33, date(2026, 10, 16), False),
        (DeadlineKind.DISCHARGE_CALL, 9, date(2026, 11, 24), False),
        (DeadlineKind.FIRST_CONTACT, 9, date(2026, 11, 26), False),  # June was before it
        (DeadlineKind.CONSENT_EXPIRY, 21, date(2026, 12, 15), False),
        (DeadlineKind.EVALUATION, 9, date(2027, 2, 16), False),
    ]
    assert [item.is_overdue(TODAY) for item in items] == [
        False, True, True, False, False, False, False]
