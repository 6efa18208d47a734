"""The weekly hours overview as a service: access check, audit, names, totals.

One call gives the hours view, the ``hours`` command and the xlsx export the same
numbers: rows from :func:`mentordesk.schedule.hours.citizen_weeks` and ``mentor_weeks``.
The page's month or period needs only a total per citizen: ``hours_totals`` has the
database sum them (:mod:`mentordesk.schedule.totals`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy.orm import Session

from mentordesk import audit
from mentordesk.domain.dates import format_date, parse_iso_week
from mentordesk.errors import InvalidInput
from mentordesk.kernel.actor import Actor
from mentordesk.kernel.context import Context
from mentordesk.schedule.hours import (
    FLAG_UNDER,
    CitizenWeek,
    HoursTotal,
    MentorWeek,
    citizen_weeks,
    mentor_weeks,
    shared_team_bookings,
    team_bookings,
)
from mentordesk.schedule.labels import citizen_name
from mentordesk.schedule.recurrence import Occurrence
from mentordesk.schedule.totals import citizen_totals
from mentordesk.storage.queries import hours as queries
from mentordesk.storage.queries.schedule import citizen_names_with_ids


@dataclass(frozen=True)
class HoursOverview:
    start: date
    end: date
    citizen_weeks: list[CitizenWeek]
    mentor_weeks: list[MentorWeek]
    citizen_names: dict[int, str]
    citizen_mentor: dict[int, int | None]        # primary mentor today, if any
    mentor_names: dict[int, str]

    @property
    def weeks(self) -> list[str]:
        return sorted({row.week for row in self.citizen_weeks} | {
            row.week for row in self.mentor_weeks})

    def citizen_totals(self) -> list[HoursTotal]:
        """The whole period per citizen."""
        return period_totals(self.citizen_weeks)

    def month_totals(self) -> dict[str, list[HoursTotal]]:
        """Per month ("2026-11") per citizen; a week belongs to the month of its Thursday,
        the ISO rule, so every week is counted exactly once."""
        by_month: dict[str, list[CitizenWeek]] = defaultdict(list)
        for row in self.citizen_weeks:
            thursday = date.fromordinal(row.week_start.toordinal() + 3)
            by_month[f"{thursday:%Y-%m}"].append(row)
        return {month: period_totals(rows) for month, rows in sorted(by_month.items())}


def period_totals(rows: Sequence[CitizenWeek]) -> list[HoursTotal]:
    grouped: dict[int, list[CitizenWeek]] = defaultdict(list)
    for row in rows:
        grouped[row.citizen_id].append(row)
    totals = []
    for citizen_id, weeks in sorted(grouped.items()):
        granted = [w for w in weeks if w.granted_min_minutes is not None]
        low = sum(w.granted_min_minutes or 0 for w in granted) if granted else None
        high = (None if not granted or any(w.granted_max_minutes is None for w in granted)
                else sum(w.granted_max_minutes or 0 for w in granted))
        totals.append(HoursTotal(
            citizen_id, len(weeks), low, high, sum(w.delivered_minutes for w in weeks),
            sum(w.planned_minutes for w in weeks),
            sum(w.flag == FLAG_UNDER and w.finished for w in weeks),
            sum(w.flag == "over" for w in weeks)))
    return totals


def weekly_hours(context: Context, start: date, end: date, *,
                 citizen_ids: Sequence[int] | None = None, today: date | None = None
                 ) -> HoursOverview:
    """Granted vs delivered vs planned for the actor's citizens (those with a grant or a
    contact in the period), and capacity per mentor, for ``start..end``."""
    today = today or date.today()
    _check_period(start, end)
    # A team's year of weeks takes a while: read without holding other writers up.
    with context.read() as session:
        # A coordinator's citizens and mentors are the whole team: its bookings expanded
        # once serve both. A mentor's few are cheaper read apart.
        booked = (team_bookings(session, start, end, today=today)
                  if context.actor.sees_all_citizens else None)
        ids = _citizens_in_period(session, context.actor, start, end, citizen_ids, today)
        overview = _overview(session, context.actor, start, end, ids, today, booked,
                             _names(session, ids))
    _record_listing(context, ids, start, end)
    return overview


@dataclass(frozen=True)
class PeriodTotals:
    """The hours page's month or period: one total per citizen."""

    start: date
    end: date
    totals: list[HoursTotal]
    citizen_names: dict[int, str]


def hours_totals(context: Context, start: date, end: date, *,
                 citizen_ids: Sequence[int] | None = None, today: date | None = None
                 ) -> PeriodTotals:
    """Per citizen over ``start..end`` the same totals as ``weekly_hours(...)
    .citizen_totals()``, summed by the database: a team's year costs a row per citizen,
    not a row per citizen per week."""
    today = today or date.today()
    _check_period(start, end)
    with context.read() as session:
        ids = _citizens_in_period(session, context.actor, start, end, citizen_ids, today)
        totals = _period_totals(session, start, end, ids, today, None, _names(session, ids))
    _record_listing(context, ids, start, end)
    return totals


def week_and_period_hours(context: Context, monday: date, first: date, last: date, *,
                          today: date | None = None) -> tuple[HoursOverview, PeriodTotals]:
    """The Timer page's load: ``weekly_hours`` of the week from ``monday`` and
    ``hours_totals`` of ``first..last``, the same figures, with a coordinator's bookings
    expanded once for both (the week lies in the period it shows beside it) and the
    citizens named once."""
    today = today or date.today()
    sunday = monday + timedelta(days=6)
    _check_period(monday, sunday)
    _check_period(first, last)
    with context.read() as session:
        week_booked = period_booked = None
        if context.actor.sees_all_citizens:
            week_booked, period_booked = shared_team_bookings(
                session, [(monday, sunday), (first, last)], today=today)
        week_ids = _citizens_in_period(session, context.actor, monday, sunday, None, today)
        period_ids = _citizens_in_period(session, context.actor, first, last, None, today)
        names = _names(session, sorted(set(week_ids) | set(period_ids)))
        week = _overview(session, context.actor, monday, sunday, week_ids, today,
                         week_booked, _among(names, week_ids))
        totals = _period_totals(session, first, last, period_ids, today, period_booked,
                                _among(names, period_ids))
    _record_listing(context, week_ids, monday, sunday)
    _record_listing(context, period_ids, first, last)
    return week, totals


def weekly_hours_for_week(context: Context, week: str, *,
                          today: date | None = None) -> HoursOverview:
    """The overview of one ISO week, ``"2026-W48"``; a bad week is InvalidInput."""
    try:
        monday, sunday = parse_iso_week(week)
    except ValueError as error:
        raise InvalidInput(str(error)) from None
    return weekly_hours(context, monday, sunday, today=today)


# --- internals ---------------------------------------------------------------------------------


def _overview(session: Session, actor: Actor, start: date, end: date, ids: list[int],
              today: date, booked: Sequence[Occurrence] | None, names: dict[int, str]
              ) -> HoursOverview:
    mentors = _mentors(session, actor)
    overview = HoursOverview(
        start=start, end=end,
        citizen_weeks=citizen_weeks(session, ids, start, end, today=today, booked=booked),
        mentor_weeks=mentor_weeks(session, list(mentors), start, end, today=today,
                                  booked=booked),
        citizen_names=names, citizen_mentor=_primary(session, ids, today),
        mentor_names=mentors)
    return overview


def _period_totals(session: Session, start: date, end: date, ids: list[int], today: date,
                   booked: Sequence[Occurrence] | None, names: dict[int, str]
                   ) -> PeriodTotals:
    return PeriodTotals(start, end, citizen_totals(session, ids, start, end, today=today,
                                                   booked=booked), names)


def _among(names: dict[int, str], ids: Sequence[int]) -> dict[int, str]:
    return {citizen_id: names[citizen_id] for citizen_id in ids if citizen_id in names}


def _check_period(start: date, end: date) -> None:
    if end < start:
        raise InvalidInput("Periodens slutdato ligger før startdatoen.")
    if (end - start).days > 3 * 366:
        raise InvalidInput("Vælg en periode på højst tre år.")


def _record_listing(context: Context, ids: Sequence[int], start: date, end: date) -> None:
    with context.session() as session:
        audit.record(session, context.actor.login, audit.Action.LIST, entity="hours",
                     citizen_id=ids[0] if len(ids) == 1 else None,
                     detail=f"Timeoverblik {format_date(start)} – {format_date(end)}: "
                     f"{len(ids)} borgere")


def _citizens_in_period(session: Session, actor: Actor, start: date, end: date,
                        wanted: Sequence[int] | None, today: date) -> list[int]:
    return sorted(session.scalars(queries.citizens_with_grant_or_contact(
        start, end, user_id=None if actor.sees_all_citizens else actor.user_id, today=today,
        among=wanted)))


def _mentors(session: Session, actor: Actor) -> dict[int, str]:
    """Coordinators see the whole team's capacity; a mentor sees their own."""
    query = queries.active_members_by_name(None if actor.sees_all_citizens else actor.user_id)
    return dict(session.execute(query).tuples().all())


def _names(session: Session, ids: Sequence[int]) -> dict[int, str]:
    names: dict[int, str] = {}
    for start in range(0, len(ids), 500):
        for citizen in session.execute(citizen_names_with_ids(ids[start:start + 500])):
            names[citizen.id] = citizen_name(citizen)
    return names


def _primary(session: Session, ids: Sequence[int], today: date) -> dict[int, int | None]:
    found: dict[int, int | None] = dict.fromkeys(ids)
    for start in range(0, len(ids), 500):
        for citizen_id, user_id in session.execute(
                queries.primary_mentors(ids[start:start + 500], today)):
            found[citizen_id] = user_id
    return found
