"""Hours granted vs delivered per ISO week, for reports.

The hours area owns the rules (``mentordesk.schedule.hours.citizen_weeks``); reports use
them as they are, so the report and the hours view can never show different figures.
Reports keep their own small frozen copy of each week (``WeekFigures``) so a report's
data never holds another area's objects.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from mentordesk.schedule.hours import CitizenWeek, citizen_weeks


@dataclass(frozen=True)
class WeekFigures:
    """The fields reports read from a ``CitizenWeek``."""

    citizen_id: int
    week: str
    week_start: date
    granted_min_minutes: int | None
    granted_max_minutes: int | None
    delivered_minutes: int
    planned_minutes: int
    flag: str


def weeks_for(session: Session, citizen_ids: Sequence[int], start: date, end: date, *,
              today: date) -> dict[int, list[WeekFigures]]:
    """Per citizen, the ISO weeks touching ``start``..``end`` in order."""
    grouped: dict[int, list[WeekFigures]] = defaultdict(list)
    for row in citizen_weeks(session, list(citizen_ids), start, end, today=today):
        grouped[row.citizen_id].append(_figures(row))
    for rows in grouped.values():
        rows.sort(key=lambda row: row.week_start)
    return grouped


def _figures(row: CitizenWeek) -> WeekFigures:
    return WeekFigures(row.citizen_id, row.week, row.week_start, row.granted_min_minutes,
                       row.granted_max_minutes, row.delivered_minutes, row.planned_minutes,
                       row.flag)
