"""Plan queries: a citizen's goals in plan order."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, func, select

from mentordesk.storage.models import Assessment, Goal, SubGoal, User


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


def last_goal_position(citizen_id: int) -> Select[tuple[int | None]]:
    """The highest position in the citizen's plan (None: no goals yet)."""
    highest: ColumnElement[int | None] = func.max(Goal.position)
    return select(highest).where(Goal.citizen_id == citizen_id)


def sub_goals_in_order(goal_ids: Iterable[int]) -> Select[tuple[SubGoal]]:
    """The goals' sub-goals, each goal's in its order."""
    return (select(SubGoal).where(SubGoal.goal_id.in_(list(goal_ids)))
            .order_by(SubGoal.position, SubGoal.id))


def assessments_with_authors(goal_ids: Iterable[int]) -> Select[Any]:
    """(Assessment, author name or None) of the goals, oldest first."""
    return (select(Assessment, User.full_name)
            .outerjoin(User, User.id == Assessment.author_id)
            .where(Assessment.goal_id.in_(list(goal_ids)))
            .order_by(Assessment.assessed_on, Assessment.id))


def level_series(goal_id: int) -> Select[tuple[date, int | None]]:
    """(assessed on, level) of the goal's assessments, oldest first."""
    return (select(Assessment.assessed_on, Assessment.level)
            .where(Assessment.goal_id == goal_id)
            .order_by(Assessment.assessed_on, Assessment.id))


def sub_goal_texts(sub_goal_ids: Iterable[int]) -> Select[tuple[int, str]]:
    return select(SubGoal.id, SubGoal.text).where(SubGoal.id.in_(list(sub_goal_ids)))


def assessment_dates(assessment_ids: Iterable[int]) -> Select[tuple[int, date]]:
    return (select(Assessment.id, Assessment.assessed_on)
            .where(Assessment.id.in_(list(assessment_ids))))
