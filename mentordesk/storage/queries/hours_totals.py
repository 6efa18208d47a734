"""Per-citizen totals of a period of weeks, summed by the database.

The period tab of the hours overview shows one line per citizen: weeks granted, delivered,
weeks under and over the grant. Building a row per citizen per week in Python for that
cost a team's year about 120 000 objects (seconds at 2 500 citizens); here the database
returns one row per citizen. The date arithmetic is storage/queries/portable.py's, so the
same statement runs on the file and the team server.

The rules are those of :func:`mentordesk.schedule.hours.citizen_weeks` and
``weekly_flag``: a week's band is the ONE grant with hours running on most of its days
(on a tie the later start, then the older grant), its delivered minutes come from the
per-week sums (``delivered_citizen_week``), a finished week below the minimum is under,
and a week above the maximum (and not under) is over. Planned minutes never change these
two counts: they only decide between "under" and "på vej" in weeks not yet finished,
which are not counted as under. ``tests/storage/test_hours_totals.py`` compares the
result with the week-by-week rows and with a recount of the contacts.

Why stretches of weeks, not weeks: choosing the governing grant for every citizen-week
(2 500 citizens × a year = ~100 000 grant-weeks, each with its step looked up, then
ranked) was most of a year-to-date total. The band can only change in a week where one of
the citizen's grants starts or ends, the week after, or a week where a step begins. So
those weeks cut the period into *stretches* (``_stretches``) in which the same grant
governs with the same band every week; the grant is chosen once per stretch, at its first
week, with the rule above. The per-week comparison with the delivered minutes then reads
only the ``delivered_citizen_week`` rows the stretch holds (a range of its primary key):
a week without a row delivered 0 minutes, so it is counted from the stretch's length.
The cost is a few rows per grant plus the weeks that had contacts, never the whole log.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from sqlalchemy import (
    CTE,
    ColumnElement,
    Date,
    Integer,
    ScalarSelect,
    Select,
    SQLColumnExpression,
    Subquery,
    and_,
    case,
    cast,
    func,
    literal,
    select,
    union,
)
from sqlalchemy.orm import aliased

from mentordesk.storage.models import DeliveredCitizenWeek, Grant, GrantHoursStep
from mentordesk.storage.queries.periods import overlaps
from mentordesk.storage.queries.portable import (
    days_after,
    days_between,
    earliest,
    latest,
    week_monday,
)


def governed_week_totals(citizen_ids: Sequence[int], first_monday: date, last_monday: date,
                         today: date) -> Select[tuple[int, int, int | None, int, int]]:
    """(citizen, minimum minutes summed, maximum minutes summed or None when a week has no
    maximum, finished weeks under, weeks over) over the weeks with a band, starting
    ``first_monday``..``last_monday``. A citizen without a grant with hours has no row."""
    judged = _stretches_judged(citizen_ids, first_monday, last_monday, today)
    weeks, low, high = judged.c.weeks, judged.c.low, judged.c.high
    every_week_has_a_maximum = func.count(high) == func.count()
    # A week without a delivered row delivered 0 minutes: judged once for all of them.
    nothing = literal(0, Integer)
    weeks_without_row = weeks - judged.c.rows
    finished_without_row = judged.c.finished_weeks - judged.c.finished_rows
    return (
        select(judged.c.citizen_id, func.sum(low * weeks),
               case((every_week_has_a_maximum, func.sum(high * weeks)), else_=None),
               func.sum(judged.c.rows_under
                        + finished_without_row * _as_count(_under(nothing, low))),
               func.sum(judged.c.rows_over
                        + weeks_without_row * _as_count(_over(nothing, low, high))))
        .group_by(judged.c.citizen_id))


def delivered_totals(citizen_ids: Sequence[int], first_monday: date,
                     last_monday: date) -> Select[tuple[int, int]]:
    """(citizen, attended minutes) of the weeks starting ``first_monday``..``last_monday``,
    from the per-week sums: a row per citizen-week read, never the contact log."""
    return (select(DeliveredCitizenWeek.citizen_id, func.sum(DeliveredCitizenWeek.minutes))
            .where(DeliveredCitizenWeek.citizen_id.in_(list(citizen_ids)),
                   DeliveredCitizenWeek.week_start.between(first_monday, last_monday))
            .group_by(DeliveredCitizenWeek.citizen_id))


def _stretches_judged(citizen_ids: Sequence[int], first_monday: date, last_monday: date,
                      today: date) -> Subquery:
    """Per stretch with a band: (citizen, low, high, weeks, finished weeks, and of the
    delivered rows it holds: all, finished ones, finished ones under, ones over)."""
    granted = _grants_in_period(citizen_ids, first_monday, last_monday)
    governed = _governing_band(granted, _stretches(granted, first_monday, last_monday))
    # The Monday of the last week whose Sunday lies before today.
    last_finished = literal(today - timedelta(days=today.weekday() + 7), Date)
    finished_until = earliest(governed.c.last_monday, last_finished)
    row = DeliveredCitizenWeek
    delivered, finished_row = row.minutes, row.week_start <= last_finished
    return (
        select(governed.c.citizen_id, governed.c.low, governed.c.high,
               _weeks_from(governed.c.first_monday, governed.c.last_monday).label("weeks"),
               latest(_weeks_from(governed.c.first_monday, finished_until), 0)
               .label("finished_weeks"),
               func.count(row.week_start).label("rows"),
               _count_where(finished_row).label("finished_rows"),
               _count_where(and_(finished_row, _under(delivered, governed.c.low)))
               .label("rows_under"),
               _count_where(_over(delivered, governed.c.low, governed.c.high))
               .label("rows_over"))
        .select_from(governed)
        .outerjoin(row, and_(row.citizen_id == governed.c.citizen_id,
                             row.week_start.between(governed.c.first_monday,
                                                    governed.c.last_monday)))
        .group_by(governed.c.citizen_id, governed.c.first_monday, governed.c.last_monday,
                  governed.c.low, governed.c.high)
    ).subquery("judged")


def _grants_in_period(citizen_ids: Sequence[int], first_monday: date,
                      last_monday: date) -> CTE:
    """The citizens' grants running in the weeks, with the Mondays of their first and
    last weeks (computed once; the ids are bound once: SQLite takes at most 32 766 values
    in a statement)."""
    return (select(Grant.id, Grant.citizen_id, Grant.start_on, Grant.end_on,
                   Grant.hours_min_minutes, Grant.hours_max_minutes,
                   week_monday(Grant.start_on).label("start_monday"),
                   week_monday(Grant.end_on).label("end_monday"))
            .where(Grant.citizen_id.in_(list(citizen_ids)),
                   overlaps(Grant, first_monday, last_monday + timedelta(days=6)))
            .cte("granted").prefix_with("MATERIALIZED"))


def _stretches(granted: CTE, first_monday: date, last_monday: date) -> Subquery:
    """(citizen, first Monday, last Monday) of the stretches of weeks in which none of
    the citizen's grants starts or ends and no step begins, except in a stretch's first
    week: each stretch's weeks share one governing grant and band. The period's first
    week begins a stretch for every citizen with a grant in the period."""
    starts, ends = granted.c.start_monday, granted.c.end_monday
    has_end = granted.c.end_on.is_not(None)
    cut = union(
        select(granted.c.citizen_id, literal(first_monday, Date).label("monday")),
        select(granted.c.citizen_id, starts),
        # A grant starting or ending mid-week runs part of that week only: the next week
        # is judged apart.
        select(granted.c.citizen_id, days_after(starts, 7)),
        select(granted.c.citizen_id, ends).where(has_end),
        select(granted.c.citizen_id, days_after(ends, 7)).where(has_end),
        select(granted.c.citizen_id, week_monday(GrantHoursStep.starts_on))
        .join(GrantHoursStep, GrantHoursStep.grant_id == granted.c.id),
    ).subquery("cut")
    next_cut = func.lead(cut.c.monday).over(partition_by=cut.c.citizen_id,
                                            order_by=cut.c.monday)
    # The WHERE applies before lead(): the next cut is the next one inside the period.
    return (select(cut.c.citizen_id, cut.c.monday.label("first_monday"),
                   func.coalesce(days_after(next_cut, -7), literal(last_monday, Date))
                   .label("last_monday"))
            .where(cut.c.monday.between(first_monday, last_monday))).subquery("stretch")


def _governing_band(granted: CTE, stretch: Subquery) -> Subquery:
    """Per stretch that has one, (citizen, first and last Monday, low, high): the band of
    the grant governing its first week, and so every week of it."""
    running = _bands_in_force(granted, stretch)
    ranked = select(
        running, func.row_number().over(
            partition_by=(running.c.citizen_id, running.c.first_monday),
            order_by=(running.c.days.desc(), running.c.start_on.desc(), running.c.grant_id)
        ).label("rank")).subquery("ranked")
    return (select(ranked.c.citizen_id, ranked.c.first_monday, ranked.c.last_monday,
                   ranked.c.low, ranked.c.high)
            .where(ranked.c.rank == 1)).subquery("governed")


def _bands_in_force(granted: CTE, stretch: Subquery) -> Subquery:
    """Each grant with hours running in each stretch's first week: (citizen, grant, start,
    days it runs that week, first and last Monday, the band in force as low and high).
    The one place that says which band a grant has in a week, as ``hours.citizen_weeks``
    does: the latest step of a stepped plan whose week has begun (its day falls on or
    before the week's Sunday), else the grant's own band."""
    monday = stretch.c.first_monday
    sunday = days_after(monday, 6)
    days_run = days_between(latest(granted.c.start_on, monday),
                            earliest(func.coalesce(granted.c.end_on, sunday), sunday))
    step = aliased(GrantHoursStep)
    stepped = step.id.is_not(None)
    return (
        select(granted.c.citizen_id, granted.c.id.label("grant_id"), granted.c.start_on,
               days_run.label("days"), monday, stretch.c.last_monday,
               case((stepped, step.min_minutes), else_=granted.c.hours_min_minutes)
               .label("low"),
               case((stepped, step.max_minutes), else_=granted.c.hours_max_minutes)
               .label("high"))
        .join(stretch, and_(stretch.c.citizen_id == granted.c.citizen_id,
                            granted.c.start_on <= sunday,
                            granted.c.end_on.is_(None) | (granted.c.end_on >= monday)))
        .outerjoin(step, step.id == _step_in_force(granted.c.id, sunday))
        # A grant without hours cannot be under- or over-delivered: it sets no band.
        .where(granted.c.hours_min_minutes.is_not(None) | stepped)
    ).subquery("running")


def _step_in_force(grant_id: ColumnElement[int],
                   sunday: ColumnElement[date]) -> ScalarSelect[int]:
    """The id of the grant's step governing the week ending ``sunday``, or NULL before its
    first step."""
    return (select(GrantHoursStep.id)
            .where(GrantHoursStep.grant_id == grant_id, GrantHoursStep.starts_on <= sunday)
            .order_by(GrantHoursStep.starts_on.desc())
            .limit(1)
            .scalar_subquery())


def _under(delivered: SQLColumnExpression[int],
           low: ColumnElement[int]) -> ColumnElement[bool]:
    """``weekly_flag``'s "under" (only finished weeks are counted)."""
    return delivered < low


def _over(delivered: SQLColumnExpression[int], low: ColumnElement[int],
          high: ColumnElement[int]) -> ColumnElement[bool]:
    """``weekly_flag``'s "over": above the maximum and not under."""
    return and_(delivered >= low, high.is_not(None), delivered > high)


def _weeks_from(first_monday: ColumnElement[date],
                last_monday: ColumnElement[date]) -> ColumnElement[int]:
    """How many weeks start ``first_monday``..``last_monday`` (0 or less when none)."""
    return cast(days_between(first_monday, last_monday) / 7 + 1, Integer)


def _as_count(condition: ColumnElement[bool]) -> ColumnElement[int]:
    return case((condition, 1), else_=0)


def _count_where(condition: ColumnElement[bool]) -> ColumnElement[int]:
    return func.sum(_as_count(condition), type_=Integer)
