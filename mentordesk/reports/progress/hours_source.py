"""Hours granted vs delivered per grant and ISO week, for reports.

The hours area owns the rules (``mentordesk.schedule.hours.grant_weeks``): each grant's
own band against the contacts attributed to it, counted inside the report's period only,
so the weekly table and the contact table of a report give one total. Reports keep their
own small frozen copy of each week (``WeekFigures``) so a report's data never holds
another area's objects. A week carries the practice hours logged for that grant (LAB
practice courses), read per grant so a report never shows another grant's.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from mentordesk.domain.dates import week_start
from mentordesk.domain.hours_plan import HoursStep
from mentordesk.schedule.hours import GrantWeek, grant_weeks, steps_by_grant
from mentordesk.storage.queries.hours_plan import practice_weeks


@dataclass(frozen=True)
class WeekFigures:
    """The fields reports read from a ``GrantWeek``."""

    grant_id: int
    week: str
    week_start: date
    granted_min_minutes: int | None
    granted_max_minutes: int | None
    delivered_minutes: int
    planned_minutes: int
    flag: str
    partial: bool = False
    practice_minutes: int | None = None  # the citizen's hours in practice; None: not logged


def weeks_for(session: Session, grant_ids: Sequence[int], start: date, end: date, *,
              today: date) -> dict[int, list[WeekFigures]]:
    """Per grant, the ISO weeks in which it runs within ``start``..``end``, in order."""
    grouped: dict[int, list[WeekFigures]] = defaultdict(list)
    practice = {(grant_id, monday): minutes for grant_id, monday, minutes in session.execute(
        practice_weeks(list(grant_ids), week_start(start), end))}
    for row in grant_weeks(session, list(grant_ids), start, end, today=today):
        grouped[row.grant_id].append(_figures(row, practice.get((row.grant_id,
                                                                 row.week_start))))
    for rows in grouped.values():
        rows.sort(key=lambda row: row.week_start)
    return grouped


def plans_for(session: Session, grant_ids: Sequence[int]) -> dict[int, tuple[HoursStep, ...]]:
    """The stepped hours plan of each grant that has one."""
    return steps_by_grant(session, list(grant_ids))


def _figures(row: GrantWeek, practice_minutes: int | None) -> WeekFigures:
    return WeekFigures(row.grant_id, row.week, row.week_start, row.granted_min_minutes,
                       row.granted_max_minutes, row.delivered_minutes, row.planned_minutes,
                       row.flag, row.partial, practice_minutes)
