"""A grant's stepped hours plan: which weekly band governs which week.

Practice courses (seed 003) raise the hours over the period ("Efter aftale kan timetallet
øges over perioden"): the grant holds steps "from this day, min–max hours a week". A
step governs from the ISO week holding its day until the next step begins; before the
first step the grant's own band applies. A week is judged against the ONE band in force,
never a sum of steps.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from mentordesk.domain.dates import parse_date, week_start

Band = tuple[int | None, int | None]  # (min, max) minutes a week; max None = "from min"


@dataclass(frozen=True)
class HoursStep:
    starts_on: date            # the step governs from the ISO week holding this day
    min_minutes: int
    max_minutes: int | None    # None: "from min_minutes", no upper limit

    @property
    def first_monday(self) -> date:
        return week_start(self.starts_on)


def band_in_week(steps: Sequence[HoursStep], grant_band: Band, monday: date) -> Band:
    """The band for the week starting ``monday``: the latest step whose week has begun,
    else the grant's own band. ``steps`` are in date order."""
    band = grant_band
    for step in steps:
        if step.first_monday > monday:
            break
        band = (step.min_minutes, step.max_minutes)
    return band


def step_problem(steps: Sequence[HoursStep], start_on: date, end_on: date | None) -> str:
    """Why the plan cannot be saved (Danish, for the user), or ``""`` when it can: steps in
    date order, one per week, inside the grant period, and min ≤ max."""
    previous: HoursStep | None = None
    for number, step in enumerate(steps, start=1):
        if step.starts_on < start_on or (end_on is not None and step.starts_on > end_on):
            return f"Trin {number} ligger uden for bevillingens periode."
        if step.min_minutes < 0 or (step.max_minutes is not None
                                    and step.max_minutes < step.min_minutes):
            return f"Trin {number}: det mindste timetal må ikke være større end det højeste."
        if previous is not None and step.first_monday <= previous.first_monday:
            return (f"Trin {number} skal begynde i en senere uge end trin {number - 1} "
                    "(trinene står i datoorden, ét pr. uge).")
        previous = step
    return ""


_WEEK = re.compile(r"^\s*(?:uge\s*)?(\d{1,2})\s*$", re.IGNORECASE)
_HOURS = re.compile(r"^\s*(\d{1,3})(?:[,.](\d{1,2}))?\s*(?:t|timer)?\s*$", re.IGNORECASE)


def parse_step_start(text: str, grant_start: date) -> date:
    """A step's first day from what a mentor types: a date (``02-03-2026``) or a week
    number (``uge 10`` / ``10``: the Monday of the first week 10 from the grant's start,
    or the start itself when week 10 is the grant's first week). ``ValueError`` in Danish."""
    match = _WEEK.match(text or "")
    if match is None:
        return parse_date(text)
    number = int(match[1])
    if not 1 <= number <= 53:
        raise ValueError(f"Uge {number} findes ikke. Skriv et ugenummer fra 1 til 53 "
                         "eller en dato.")
    monday = week_start(grant_start)
    for _week in range(53 * 2):  # within two years a week number always comes round
        if monday.isocalendar().week == number:
            return max(monday, grant_start)
        monday += timedelta(days=7)
    raise ValueError(f"Uge {number} findes ikke i bevillingens periode.")


def parse_hours(text: str) -> int | None:
    """Hours as typed (``7``, ``7,5``, ``7.5 t``) → minutes; empty → None."""
    if not (text or "").strip():
        return None
    match = _HOURS.match(text)
    if match is None:
        raise ValueError(f"»{text.strip()}« er ikke et timetal. Skriv fx 7 eller 7,5.")
    fraction = match[2] or "0"
    return int(match[1]) * 60 + round(int(fraction) * 60 / 10 ** len(fraction))
