"""Plan queries: a citizen's goals in plan order."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Select, select

from mentordesk.storage.models import Goal


def goals_in_plan_order(citizen_id: int) -> Select[tuple[Goal]]:
    """The citizen's goals in plan order."""
    return select(Goal).where(Goal.citizen_id == citizen_id).order_by(Goal.position, Goal.id)


def goal_titles(citizen_id: int) -> Select[tuple[int, str]]:
    """(id, title) of the citizen's goals in plan order."""
    return (select(Goal.id, Goal.title).where(Goal.citizen_id == citizen_id)
            .order_by(Goal.position, Goal.id))


def goals_among(citizen_id: int, goal_ids: Iterable[int]) -> Select[tuple[int]]:
    """The ids among ``goal_ids`` that are goals of the citizen."""
    return select(Goal.id).where(Goal.citizen_id == citizen_id, Goal.id.in_(list(goal_ids)))
