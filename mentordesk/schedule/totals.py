"""Per-citizen totals of a period (the hours page's month or year), summed by the database.

The same figures as ``period_totals(citizen_weeks(...))`` (the export and the ``hours``
command still lay the weeks out one by one), without building a row per citizen per week:
the database sums the bands and delivered minutes and counts the weeks under and over
(:mod:`mentordesk.storage.queries.hours_totals`); only the still-booked appointments, a
few weeks ahead at most, are expanded here.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date, timedelta

from sqlalchemy.orm import Session

from mentordesk.domain.dates import iso_week_codes_between, week_start
from mentordesk.schedule.hours import HoursTotal, planned_by_citizen
from mentordesk.schedule.recurrence import Occurrence
from mentordesk.storage.queries import hours_totals as queries

# SQLite takes at most 32 766 bound values; a team is far below, a chunk keeps it so.
_CHUNK = 5000


def citizen_totals(session: Session, citizen_ids: Sequence[int], start: date, end: date, *,
                   today: date, booked: Sequence[Occurrence] | None = None
                   ) -> list[HoursTotal]:
    """One total per citizen over the ISO weeks touched by ``start..end``, by citizen.
    ``booked``: the team's ``team_bookings`` of the span, if the caller has them already."""
    ids = sorted(set(citizen_ids))
    if not ids or end < start:
        return []
    first_monday, last_monday = week_start(start), week_start(end)
    weeks = len(iso_week_codes_between(start, end))
    banded: dict[int, tuple[int, int | None, int, int]] = {}
    delivered: dict[int, int] = defaultdict(int)
    for chunk in (ids[i:i + _CHUNK] for i in range(0, len(ids), _CHUNK)):
        for citizen_id, low, high, under, over in session.execute(
                queries.governed_week_totals(chunk, first_monday, last_monday, today)):
            banded[citizen_id] = (int(low), None if high is None else int(high), int(under),
                                  int(over))
        for citizen_id, minutes in session.execute(
                queries.delivered_totals(chunk, first_monday, last_monday)):
            delivered[citizen_id] = int(minutes)
    planned: dict[int, int] = defaultdict(int)
    for (citizen_id, _week), minutes in planned_by_citizen(
            session, ids, first_monday, last_monday + timedelta(days=6), today,
            booked).items():
        planned[citizen_id] += minutes
    return [_total(citizen_id, weeks, banded.get(citizen_id), delivered[citizen_id],
                   planned[citizen_id]) for citizen_id in ids]


def _total(citizen_id: int, weeks: int, banded: tuple[int, int | None, int, int] | None,
           delivered: int, planned: int) -> HoursTotal:
    if banded is None:  # no grant with hours in the period: nothing to be under or over
        return HoursTotal(citizen_id, weeks, None, None, delivered, planned, 0, 0)
    low, high, under, over = banded
    return HoursTotal(citizen_id, weeks, low, high, delivered, planned, under, over)
