"""Statements for a grant's stepped hours plan and the practice hours logged per week."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import Delete, Select, delete, func, select

from mentordesk.storage.models import GrantHoursStep, GrantPracticeWeek


def hours_steps(grant_ids: Sequence[int]
                ) -> Select[tuple[int, date, int, int | None]]:
    """(grant, starts on, min minutes, max minutes) of the grants' steps, in date order."""
    return (select(GrantHoursStep.grant_id, GrantHoursStep.starts_on,
                   GrantHoursStep.min_minutes, GrantHoursStep.max_minutes)
            .where(GrantHoursStep.grant_id.in_(list(grant_ids)))
            .order_by(GrantHoursStep.grant_id, GrantHoursStep.starts_on))


def step_counts(grant_ids: Sequence[int]) -> Select[tuple[int, int]]:
    """(grant, number of steps) of the grants that have a stepped plan."""
    return (select(GrantHoursStep.grant_id, func.count())
            .where(GrantHoursStep.grant_id.in_(list(grant_ids)))
            .group_by(GrantHoursStep.grant_id))


def delete_hours_steps(grant_id: int) -> Delete:
    """Remove the grant's plan (it is saved whole, never step by step)."""
    return delete(GrantHoursStep).where(GrantHoursStep.grant_id == grant_id)


def practice_weeks(grant_ids: Sequence[int], first: date, last: date
                   ) -> Select[tuple[int, date, int]]:
    """(grant, Monday, minutes) of the practice hours logged for weeks starting in
    ``first``–``last``, in week order."""
    return (select(GrantPracticeWeek.grant_id, GrantPracticeWeek.week_start,
                   GrantPracticeWeek.minutes)
            .where(GrantPracticeWeek.grant_id.in_(list(grant_ids)),
                   GrantPracticeWeek.week_start.between(first, last))
            .order_by(GrantPracticeWeek.grant_id, GrantPracticeWeek.week_start))
