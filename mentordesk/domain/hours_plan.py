"""A grant's stepped hours plan: which weekly band governs which week.

Practice courses (seed 003) raise the hours over the period ("Efter aftale kan timetallet
øges over perioden"): the grant holds steps "from this day, min–max hours a week". A
step governs from the ISO week holding its day until the next step begins; before the
first step the grant's own band applies. A week is judged against the ONE band in force,
never a sum of steps.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from mentordesk.domain.dates import week_start

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
