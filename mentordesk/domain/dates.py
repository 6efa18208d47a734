"""Danish date formats and ISO weeks.

Dates are shown ``dd-mm-åååå`` (``23-11-2026``), the form Danish caseworkers use in letters.
Weekly hours are counted per ISO 8601 week (Monday–Sunday, week 1 holds the first Thursday),
which is also how Danish calendars number weeks; some years, e.g. 2026, have a week 53.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

_DANISH_DATE = re.compile(r"^(?P<d>\d{1,2})(?P<sep>[-./])(?P<m>\d{1,2})(?P=sep)(?P<y>\d{4})$")
_ISO_DATE = re.compile(r"^(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})$")
_ISO_WEEK = re.compile(r"^(?P<y>\d{4})-?W(?P<w>\d{1,2})$", re.IGNORECASE)

_DATE_HINT = "Skriv datoen som dd-mm-åååå, fx 23-11-2026"


def format_date(d: date) -> str:
    """``date(2026, 11, 23)`` → ``"23-11-2026"``."""
    return f"{d.day:02d}-{d.month:02d}-{d.year:04d}"


def parse_date(text: str) -> date:
    """Parse ``23-11-2026``, ``23.11.2026``, ``23/11/2026`` or ISO ``2026-11-23``.

    Two-digit years are refused: "01-02-03" is ambiguous, and a wrong century on a
    grant end date would silently break deadline warnings. Raises ``ValueError`` in Danish.
    """
    cleaned = text.strip() if isinstance(text, str) else ""
    if not cleaned:
        raise ValueError(f"Datoen mangler. {_DATE_HINT}.")
    match = _DANISH_DATE.match(cleaned) or _ISO_DATE.match(cleaned)
    if match is None:
        raise ValueError(f"Ugyldig dato: »{cleaned}«. {_DATE_HINT}.")
    year, month, day = int(match["y"]), int(match["m"]), int(match["d"])
    try:
        return date(year, month, day)
    except ValueError:
        raise ValueError(f"Datoen »{cleaned}« findes ikke i kalenderen.") from None


def iso_week_label(d: date) -> str:
    """``date(2026, 11, 23)`` → ``"Uge 48, 2026"``.

    The year is the ISO week-year, so 1 January 2027 reads "Uge 53, 2026".
    """
    week_year, week, _ = d.isocalendar()
    return f"Uge {week}, {week_year}"


def iso_week_code(d: date) -> str:
    """``date(2026, 11, 23)`` → ``"2026-W48"``: sortable, and a stable key for weekly totals."""
    week_year, week, _ = d.isocalendar()
    return f"{week_year:04d}-W{week:02d}"


def parse_iso_week(code: str) -> tuple[date, date]:
    """``"2026-W48"`` → ``(monday, sunday)`` of that week; week 53 only where it exists."""
    cleaned = code.strip() if isinstance(code, str) else ""
    match = _ISO_WEEK.match(cleaned)
    if match is None:
        raise ValueError(f"Ugyldig uge: »{cleaned}«. Skriv ugen som åååå-Wuu, fx 2026-W48.")
    year, week = int(match["y"]), int(match["w"])
    if year < 1:
        raise ValueError(f"Ugyldig uge: »{cleaned}«. Året skal være 0001 eller senere.")
    if not 1 <= week <= iso_weeks_in_year(year):
        raise ValueError(
            f"Uge {week} findes ikke i {year}; året har {iso_weeks_in_year(year)} uger."
        )
    monday = date.fromisocalendar(year, week, 1)
    return monday, monday + timedelta(days=6)


def iso_weeks_in_year(year: int) -> int:
    """52 or 53. 28 December always falls in the last ISO week of its year."""
    return date(year, 12, 28).isocalendar().week


def week_start(d: date) -> date:
    """The Monday of the ISO week containing ``d``."""
    return d - timedelta(days=d.weekday())


def week_bounds(d: date) -> tuple[date, date]:
    """``(monday, sunday)`` of the ISO week containing ``d``."""
    monday = week_start(d)
    return monday, monday + timedelta(days=6)


def iso_week_codes_between(start: date, end: date) -> list[str]:
    """Every ISO week code touched by the period ``start``..``end`` (inclusive), in order.

    Used to lay out a grant period as weekly columns even when no contact was logged.
    """
    if end < start:
        return []
    codes = []
    monday = week_start(start)
    while monday <= end:
        codes.append(iso_week_code(monday))
        monday += timedelta(days=7)
    return codes
