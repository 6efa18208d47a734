"""A debt's age against the limitation rules (forældelsesloven): 3 years in general,
10 for a debt established by judgment or acknowledged in writing, from the due date."""

from __future__ import annotations

from datetime import date

from mentordesk.domain.economy import DEFAULT_LIMITATION_RULES
from mentordesk.economy.debt_age import add_years, possibly_time_barred

RULES = {rule.basis.value: rule.years for rule in DEFAULT_LIMITATION_RULES}


def test_a_general_claim_is_flagged_three_years_after_it_fell_due():
    # Due 01-03-2021: the period ends 01-03-2024; the day before it still runs.
    due = date(2021, 3, 1)
    assert not possibly_time_barred(None, due, "claim", RULES, date(2024, 2, 29))
    assert possibly_time_barred(None, due, "claim", RULES, date(2024, 3, 1))


def test_a_judgment_or_written_acknowledgement_runs_ten_years():
    due = date(2016, 5, 10)
    for basis in ("judgment", "acknowledgement"):
        assert not possibly_time_barred(None, due, basis, RULES, date(2026, 5, 9))
        assert possibly_time_barred(None, due, basis, RULES, date(2026, 5, 10))


def test_the_period_runs_from_the_creation_date_without_a_due_date_and_not_at_all_without():
    assert possibly_time_barred(date(2020, 1, 15), None, "claim", RULES, date(2023, 1, 15))
    assert not possibly_time_barred(None, None, "claim", RULES, date(2099, 1, 1))


def test_the_rule_is_data():
    # The team set five years for ordinary claims: the 2021 claim is not flagged in 2024.
    assert not possibly_time_barred(None, date(2021, 3, 1), "claim", {**RULES, "claim": 5},
                                    date(2024, 3, 1))


def test_a_leap_day_counts_to_the_28th():
    assert add_years(date(2020, 2, 29), 3) == date(2023, 2, 28)
