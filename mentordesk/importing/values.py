"""Reading single cells: names, dates, weekly hours. Each failure is a Danish sentence."""

from __future__ import annotations

import re
from datetime import date

from mentordesk.domain.catalogue import MINUTES_PER_HOUR
from mentordesk.domain.dates import format_date, parse_date
from mentordesk.importing.table import Cell

_NUMBER = r"(\d+(?:[.,]\d+)?)"
_EXACT = re.compile(rf"^{_NUMBER}$")
_BAND = re.compile(rf"^{_NUMBER}\s*(?:-|–|—|til)\s*{_NUMBER}$")
_MINIMUM = re.compile(rf"^(?:(?:fra|min\.?|mindst)\s*{_NUMBER}|{_NUMBER}\s*\+)$")
_UNIT = re.compile(r"\s*(?:timer|time|t)\.?\s*(?:(?:pr\.?|om|/)\s*(?:ugen|uge))?\s*$")
_ISO_WITH_MIDNIGHT = re.compile(r"^(\d{4}-\d{2}-\d{2})[ T]00:00(?::00)?$")
MAX_WEEKLY_HOURS = 100
# Start dates before this are typing errors in practice (e.g. 01-01-0026 for 2026).
EARLIEST_START = date(1950, 1, 1)
_HOURS_HINT = "skriv fx 5, 1-5 eller fra 1"


def text(cell: Cell) -> str:
    """The cell as text, exactly as written apart from surrounding spaces."""
    return cell.strip() if isinstance(cell, str) else format_date(cell)


def split_full_name(full_name: str) -> tuple[str, str]:
    """"Anne Marie Hansen" → ("Anne Marie", "Hansen"); one word is a first name."""
    parts = full_name.split()
    if len(parts) < 2:
        return full_name.strip(), ""
    return " ".join(parts[:-1]), parts[-1]


def parse_start_date(cell: Cell, today: date) -> date:
    """An Excel date cell, dd-mm-åååå, dd.mm.åååå, dd/mm/åååå or ISO åååå-mm-dd."""
    if isinstance(cell, date):
        day = cell
    else:
        cleaned = cell.strip()
        midnight = _ISO_WITH_MIDNIGHT.match(cleaned)
        day = parse_date(midnight.group(1) if midnight else cleaned)
    if not EARLIEST_START <= day <= date(today.year + 2, 12, 31):
        raise ValueError(f"{format_date(day)} ligger uden for et rimeligt tidsrum; tjek "
                         "årstallet.")
    return day


def parse_weekly_hours(value: str) -> tuple[int, int | None]:
    """Minutes per week as (minimum, maximum); maximum None means "from minimum".

    "5" → (300, 300); "1-5" and "6–10" are bands; "fra 1" and "1+" are minimums.
    """
    cleaned = _UNIT.sub("", value.strip().casefold())
    if match := _BAND.match(cleaned):
        low, high = _minutes(match.group(1)), _minutes(match.group(2))
        if high < low:
            raise ValueError(f"Timer pr. uge »{value.strip()}«: det mindste tal skal stå først.")
        return low, high
    if match := _MINIMUM.match(cleaned):
        return _minutes(match.group(1) or match.group(2)), None
    if match := _EXACT.match(cleaned):
        minutes = _minutes(match.group(1))
        return minutes, minutes
    raise ValueError(f"Timer pr. uge »{value.strip()}« kan ikke læses; {_HOURS_HINT}.")


def _minutes(number: str) -> int:
    hours = float(number.replace(",", "."))
    if hours > MAX_WEEKLY_HOURS:
        raise ValueError(f"Timer pr. uge må højst være {MAX_WEEKLY_HOURS}.")
    return round(hours * MINUTES_PER_HOUR)
