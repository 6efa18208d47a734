"""A grant's stepped hours plan and the practice hours logged per week (seed 003).

The plan is saved whole: the steps the editor shows replace the stored ones in one
transaction, checked first (in date order, one per week, inside the grant period, min ≤
max) so a bad plan saves nothing. Saving moves the grant's version on, so a second editor
holding the old plan meets a conflict instead of overwriting it.

Practice hours (*praktiktimer*) are the hours the citizen was in practice in an ISO week,
entered by the mentor for LAB practice courses; the progression report of that grant — and
only that grant — shows them. They are not contacts and never count as delivered time.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from mentordesk import audit
from mentordesk.domain.catalogue import MINUTES_PER_HOUR
from mentordesk.domain.dates import format_date, iso_week_label, week_start
from mentordesk.domain.duration import hours_text
from mentordesk.domain.hours_plan import HoursStep, step_problem
from mentordesk.errors import InvalidInput, NotFound
from mentordesk.kernel.access import require_citizen
from mentordesk.kernel.changes import Changes, Kind, Result
from mentordesk.kernel.context import Context
from mentordesk.kernel.editing import require_version
from mentordesk.services.grants import weekly_hours_label
from mentordesk.storage.models import Grant, GrantHoursStep, GrantPracticeWeek
from mentordesk.storage.queries.hours_plan import delete_hours_steps, hours_steps, practice_weeks

MAX_WEEK_MINUTES = 7 * 24 * MINUTES_PER_HOUR


@dataclass(frozen=True)
class HoursPlan:
    """A grant's plan as the editor loads it: the grant's period and version with it."""

    grant_id: int
    version: int
    start_on: date
    end_on: date | None
    steps: tuple[HoursStep, ...]


@dataclass(frozen=True)
class PracticeWeek:
    week_start: date   # Monday of the ISO week
    minutes: int


def hours_plan(context: Context, grant_id: int) -> HoursPlan:
    with context.session() as session:
        grant = _visible_grant(session, context, grant_id)
        plan = _plan(session, grant)
        audit.record(session, context.actor.login, audit.Action.READ, entity="grant",
                     entity_id=grant.id, citizen_id=grant.citizen_id,
                     detail=f"Timeplan vist ({len(plan.steps)} trin)")
    return plan


def save_hours_plan(context: Context, grant_id: int, expected_version: int,
                    steps: Sequence[HoursStep]) -> Result[HoursPlan]:
    """Replace the grant's steps; ``InvalidInput`` (nothing saved) for a bad plan,
    ``StaleEdit`` when the grant was saved by someone else meanwhile."""
    ordered = tuple(steps)
    with context.session() as session:
        grant = _visible_grant(session, context, grant_id)
        require_version(grant, expected_version, "Bevillingen")
        problem = step_problem(ordered, grant.start_on, grant.end_on)
        if problem:
            raise InvalidInput(problem)
        for step in ordered:
            _check_minutes(step.min_minutes)
            if step.max_minutes is not None:
                _check_minutes(step.max_minutes)
        session.execute(delete_hours_steps(grant.id))
        session.add_all(GrantHoursStep(grant_id=grant.id, starts_on=step.starts_on,
                                       min_minutes=step.min_minutes,
                                       max_minutes=step.max_minutes) for step in ordered)
        # The steps belong to the grant: a plan saved is a new version of the grant.
        flag_modified(grant, "hours_min_minutes")
        session.flush()
        audit.record(session, context.actor.login, audit.Action.UPDATE, entity="grant",
                     entity_id=grant.id, citizen_id=grant.citizen_id,
                     detail=f"Timeplan gemt ({len(ordered)} trin)")
        plan = _plan(session, grant)
    return Result(plan, Changes.of(Kind.GRANTS, citizen=grant.citizen_id))


def practice_hours(context: Context, grant_id: int) -> list[PracticeWeek]:
    """The practice hours logged for the grant, per week in order."""
    with context.session() as session:
        grant = _visible_grant(session, context, grant_id)
        weeks = _practice_weeks(session, grant.id)
        audit.record(session, context.actor.login, audit.Action.READ, entity="grant",
                     entity_id=grant.id, citizen_id=grant.citizen_id,
                     detail=f"Praktiktimer vist ({len(weeks)} uger)")
    return weeks


def log_practice_hours(context: Context, grant_id: int,
                       weeks: Mapping[date, int | None]) -> Result[list[PracticeWeek]]:
    """Set the practice hours of the ISO weeks holding the given days (None or 0 clears a
    week), all or none; returns the grant's practice weeks after the change. Only the
    weeks given are written, so another mentor's entries for other weeks stay."""
    with context.session() as session:
        grant = _visible_grant(session, context, grant_id)
        changed = []
        for day, minutes in sorted(weeks.items()):
            monday = week_start(day)
            _check_week(grant, monday)
            _set_practice_week(session, grant.id, monday, minutes)
            changed.append(f"{iso_week_label(monday)}: "
                           f"{hours_text(minutes) if minutes else 'ingen'}")
        session.flush()
        audit.record(session, context.actor.login, audit.Action.UPDATE, entity="grant",
                     entity_id=grant.id, citizen_id=grant.citizen_id,
                     detail="Praktiktimer " + "; ".join(changed))
        stored = _practice_weeks(session, grant.id)
    return Result(stored, Changes.of(Kind.GRANTS, citizen=grant.citizen_id))


def step_label(step: HoursStep) -> str:
    """"Fra 05-01-2026 (uge 2): 2–5 timer/uge", as the editor and the report write it."""
    return (f"Fra {format_date(step.starts_on)} ({iso_week_label(step.starts_on)}): "
            f"{weekly_hours_label(step.min_minutes, step.max_minutes)}")


def _plan(session: Session, grant: Grant) -> HoursPlan:
    steps = tuple(HoursStep(starts_on, low, high)
                  for _grant, starts_on, low, high in session.execute(hours_steps([grant.id])))
    return HoursPlan(grant.id, grant.version, grant.start_on, grant.end_on, steps)


def _practice_weeks(session: Session, grant_id: int) -> list[PracticeWeek]:
    return [PracticeWeek(monday, minutes) for _grant, monday, minutes in session.execute(
        practice_weeks([grant_id], date.min, date.max))]


def _check_week(grant: Grant, monday: date) -> None:
    if monday + timedelta(days=6) < grant.start_on or (
            grant.end_on is not None and monday > grant.end_on):
        raise InvalidInput(f"{iso_week_label(monday)} ligger uden for bevillingens periode.")


def _set_practice_week(session: Session, grant_id: int, monday: date,
                       minutes: int | None) -> None:
    row = session.get(GrantPracticeWeek, (grant_id, monday))
    if not minutes:
        if row is not None:
            session.delete(row)
        return
    _check_minutes(minutes)
    if row is None:
        session.add(GrantPracticeWeek(grant_id=grant_id, week_start=monday, minutes=minutes))
    else:
        row.minutes = minutes


def _visible_grant(session: Session, context: Context, grant_id: int) -> Grant:
    grant = session.get(Grant, grant_id)
    if grant is None:
        raise NotFound("Bevillingen findes ikke længere.")
    require_citizen(session, context.actor, grant.citizen_id)
    return grant


def _check_minutes(minutes: int) -> None:
    if not 0 <= minutes <= MAX_WEEK_MINUTES:
        raise InvalidInput("Timetallet pr. uge skal ligge mellem 0 og 168 timer.")
