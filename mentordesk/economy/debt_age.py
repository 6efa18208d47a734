"""A debt's age against the limitation rules: the "mulig forældet – undersøg" flag.

The period runs from the due date (or, without one, the date the debt arose) and is the
rule of how the debt was established (``DebtBasis``): 3 years in general, 10 for a debt
established by judgment or acknowledged in writing — the rules are data the team edits.
The flag asks the mentor to investigate; it decides nothing, because a payment, an answered
reminder or a court case may have interrupted the period.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from mentordesk.domain.economy import DebtBasis


def add_years(day: date, years: int) -> date:
    """``day`` ``years`` later; 29 February becomes 28 February in a common year."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def possibly_time_barred(created_on: date | None, due_on: date | None, basis: str,
                         rules: Mapping[str, int], today: date) -> bool:
    """True when the debt's limitation period (``rules``: basis → years) has run out by
    ``today``; False without a date to count from or a rule for the basis."""
    start = due_on or created_on
    years = rules.get(basis, rules.get(DebtBasis.CLAIM.value))
    if start is None or years is None:
        return False
    return add_years(start, years) <= today
