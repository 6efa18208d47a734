"""Per-citizen totals of a period of weeks, summed by the database.

The period tab of the hours overview shows one line per citizen: weeks granted, delivered,
weeks under and over the grant. Building a row per citizen per week in Python for that
cost a team's year about 120 000 objects (seconds at 2 500 citizens); here the database
walks the weeks itself and returns one row per citizen. The date arithmetic is
storage/queries/portable.py's, so the same statement runs on the file and the team server.

The rules are those of :func:`mentordesk.schedule.hours.citizen_weeks` and
``weekly_flag``: a week's band is the ONE grant with hours running on most of its days
(on a tie the later start, then the older grant), its delivered minutes come from the
per-week sums (``delivered_citizen_week``), a finished week below the minimum is under,
and a week above the maximum (and not under) is over. Planned minutes never change these
two counts: they only decide between "under" and "på vej" in weeks not yet finished,
which are not counted as under. ``tests/storage/test_hours_totals.py`` compares the
result with the week-by-week rows and with a recount of the contacts.
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
    Subquery,
    and_,
    case,
    func,
    literal,
    select,
)
from sqlalchemy.orm import aliased

from mentordesk.storage.models import DeliveredCitizenWeek, Grant, GrantHoursStep
from mentordesk.storage.queries.portable import days_after, days_between, earliest, latest


def governed_week_totals(citizen_ids: Sequence[int], first_monday: date, last_monday: date,
                         today: date) -> Select[tuple[int, int, int | None, int, int]]:
    """(citizen, minimum minutes summed, maximum minutes summed or None when a week has no
    maximum, finished weeks under, weeks over) over the weeks with a band, starting
    ``first_monday``..``last_monday``. A citizen without a grant with hours has no row."""
    running = _bands_in_force(citizen_ids, _weeks(first_monday, last_monday))
    banded = select(
        running.c.citizen_id, running.c.monday, running.c.sunday, running.c.low,
        running.c.high, func.row_number().over(
            partition_by=(running.c.citizen_id, running.c.monday),
            order_by=(running.c.days.desc(), running.c.start_on.desc(), running.c.grant_id)
        ).label("rank")).subquery("banded")
    delivered = func.coalesce(DeliveredCitizenWeek.minutes, 0)
    every_week_has_a_maximum = func.count(banded.c.high) == func.count()
    return (
        select(banded.c.citizen_id, func.sum(banded.c.low),
               case((every_week_has_a_maximum, func.sum(banded.c.high)), else_=None),
               _count_where(and_(delivered < banded.c.low, banded.c.sunday < today)),
               _count_where(and_(delivered >= banded.c.low, banded.c.high.is_not(None),
                                 delivered > banded.c.high)))
        .select_from(banded)
        .outerjoin(DeliveredCitizenWeek,
                   and_(DeliveredCitizenWeek.citizen_id == banded.c.citizen_id,
                        DeliveredCitizenWeek.week_start == banded.c.monday))
        .where(banded.c.rank == 1)
        .group_by(banded.c.citizen_id))


def delivered_totals(citizen_ids: Sequence[int], first_monday: date,
                     last_monday: date) -> Select[tuple[int, int]]:
    """(citizen, attended minutes) of the weeks starting ``first_monday``..``last_monday``,
    from the per-week sums: a row per citizen-week read, never the contact log."""
    return (select(DeliveredCitizenWeek.citizen_id, func.sum(DeliveredCitizenWeek.minutes))
            .where(DeliveredCitizenWeek.citizen_id.in_(list(citizen_ids)),
                   DeliveredCitizenWeek.week_start.between(first_monday, last_monday))
            .group_by(DeliveredCitizenWeek.citizen_id))


def _bands_in_force(citizen_ids: Sequence[int], week: CTE) -> Subquery:
    """Each grant with hours running in each week: (citizen, grant, start, days it runs
    that week, monday, sunday, the band in force that week as low and high). The one
    place that says which band a grant has in a week, as ``hours.citizen_weeks`` does:
    the latest step of a stepped plan whose week has begun (its day falls on or before
    the week's Sunday), else the grant's own band."""
    days_run = days_between(latest(Grant.start_on, week.c.monday),
                            earliest(func.coalesce(Grant.end_on, week.c.sunday), week.c.sunday))
    step = aliased(GrantHoursStep)
    stepped = step.id.is_not(None)
    return (
        select(Grant.citizen_id, Grant.id.label("grant_id"), Grant.start_on,
               days_run.label("days"), week.c.monday, week.c.sunday,
               case((stepped, step.min_minutes), else_=Grant.hours_min_minutes).label("low"),
               case((stepped, step.max_minutes), else_=Grant.hours_max_minutes).label("high"))
        .join(week, and_(Grant.start_on <= week.c.sunday,
                         (Grant.end_on.is_(None)) | (Grant.end_on >= week.c.monday)))
        .outerjoin(step, step.id == _step_in_force(week))
        # A grant without hours cannot be under- or over-delivered: it sets no band.
        .where(Grant.citizen_id.in_(list(citizen_ids)),
               Grant.hours_min_minutes.is_not(None) | stepped)
    ).subquery("running")


def _step_in_force(week: CTE) -> ScalarSelect[int]:
    """The id of the grant's step governing the week, or NULL before its first step."""
    return (select(GrantHoursStep.id)
            .where(GrantHoursStep.grant_id == Grant.id,
                   GrantHoursStep.starts_on <= week.c.sunday)
            .order_by(GrantHoursStep.starts_on.desc())
            .limit(1)
            .correlate(Grant, week)
            .scalar_subquery())


def _weeks(first_monday: date, last_monday: date) -> CTE:
    """(monday, sunday) of every week from ``first_monday`` to ``last_monday``.
    MATERIALIZED: the weeks are computed once into a table, not again for every grant
    they are joined with (six times faster for a team's year)."""
    anchor = select(literal(first_monday, Date).label("monday"),
                    literal(first_monday + timedelta(days=6), Date).label("sunday"))
    week = anchor.cte("week", recursive=True).prefix_with("MATERIALIZED")
    return week.union_all(select(days_after(week.c.monday, 7), days_after(week.c.sunday, 7))
                          .where(week.c.monday < last_monday))


def _count_where(condition: ColumnElement[bool]) -> ColumnElement[int]:
    return func.sum(case((condition, 1), else_=0), type_=Integer)
