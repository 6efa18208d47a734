"""Danish public holidays (*helligdage*), with their Danish names, from ``holidays``.

Working-day deadlines (the §12 call after discharge) skip them, and the calendar shades
them. Computed per year once; importing the library is deferred to first use.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache


@lru_cache(maxsize=32)
def danish_public_holidays(year: int) -> dict[date, str]:
    """The public holidays of ``year``: date → Danish name (e.g. "Langfredag")."""
    import holidays

    return dict(holidays.Denmark(years=year, language="da"))


def public_holidays_between(first: date, last: date) -> frozenset[date]:
    return frozenset(
        day
        for year in range(first.year, last.year + 1)
        for day in danish_public_holidays(year)
        if first <= day <= last
    )
