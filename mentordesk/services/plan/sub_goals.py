"""Sub-goals (*delmål*): add, edit, delete and reorder; positions stay 0..n-1.

Each sub-goal's history carries the goal it belongs to (a hidden ``_goal`` field), so
the goal's history still shows a sub-goal after it was deleted.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from mentordesk import audit
from mentordesk.kernel.changes import NOTHING, Result
from mentordesk.kernel.context import Context
from mentordesk.kernel.editing import checked_edit, require_version
from mentordesk.services import history
from mentordesk.services.plan.rows import (
    GOAL_TAG,
    SUB_GOAL_FIELD_LABELS,
    SUB_GOAL_FIELDS,
    check_sub_goal,
    history_renderers,
    plan_changed,
    sub_goal_columns,
    sub_goal_item,
    visible_goal,
    visible_sub_goal,
)
from mentordesk.services.plan.values import SubGoalInput, SubGoalItem
from mentordesk.storage.models import SubGoal
from mentordesk.storage.queries.plan import sub_goals_in_order


def add_sub_goal(context: Context, goal_id: int,
                 new: SubGoalInput) -> Result[SubGoalItem]:
    """Add a sub-goal as the goal's last step."""
    with context.session() as session:
        goal = visible_goal(session, context.actor, goal_id)
        values = check_sub_goal(sub_goal_columns(new))
        sub = SubGoal(goal_id=goal.id, position=len(_ordered(session, goal.id)), **values)
        session.add(sub)
        session.flush()
        history.record_created(session, context.actor, citizen_id=goal.citizen_id,
                               entity="sub_goal", entity_id=sub.id,
                               values={GOAL_TAG: str(goal.id), **values},
                               renderers=history_renderers(session))
        audit.record(session, context.actor.login, audit.Action.CREATE, entity="sub_goal",
                     entity_id=sub.id, citizen_id=goal.citizen_id,
                     detail=f"Delmål oprettet under indsatsmål {goal.id}")
        item = sub_goal_item(sub)
        changes = plan_changed(goal.citizen_id)
    return Result(item, changes)


def update_sub_goal(context: Context, sub_goal_id: int, expected_version: int,
                    new: SubGoalInput,
                    original: SubGoalInput | None = None) -> Result[SubGoalItem]:
    """Save against ``expected_version``; ``EditConflict`` on a clashing stale edit."""
    with context.session() as session:
        sub, goal = visible_sub_goal(session, context.actor, sub_goal_id)
        diff = checked_edit(
            session, sub, expected_version, sub_goal_columns(new),
            sub_goal_columns(original) if original is not None else None, SUB_GOAL_FIELDS,
            check_sub_goal)
        if diff:
            history.record_changes(session, context.actor, citizen_id=goal.citizen_id,
                                   entity="sub_goal", entity_id=sub.id, changes=diff,
                                   renderers=history_renderers(session))
            audit.record(session, context.actor.login, audit.Action.UPDATE, entity="sub_goal",
                         entity_id=sub.id, citizen_id=goal.citizen_id,
                         detail="Delmål ændret: "
                         + ", ".join(SUB_GOAL_FIELD_LABELS[field].lower() for field in diff))
        item = sub_goal_item(sub)
        changes = plan_changed(goal.citizen_id) if diff else NOTHING
    return Result(item, changes)


def delete_sub_goal(context: Context, sub_goal_id: int,
                    expected_version: int) -> Result[None]:
    """Delete a sub-goal (``StaleEdit`` if it changed meanwhile); the rest close ranks."""
    with context.session() as session:
        sub, goal = visible_sub_goal(session, context.actor, sub_goal_id)
        require_version(sub, expected_version, "Delmålet")
        text = sub.text
        session.delete(sub)
        session.flush()
        _renumber(session, _ordered(session, goal.id))
        history.record_deleted(session, context.actor, citizen_id=goal.citizen_id,
                               entity="sub_goal", entity_id=sub_goal_id, summary=text)
        audit.record(session, context.actor.login, audit.Action.DELETE, entity="sub_goal",
                     entity_id=sub_goal_id, citizen_id=goal.citizen_id, detail="Delmål slettet")
        changes = plan_changed(goal.citizen_id)
    return Result(None, changes)


def move_sub_goal(context: Context, sub_goal_id: int,
                  new_index: int) -> Result[list[SubGoalItem]]:
    """Move a sub-goal to ``new_index`` (clamped to the list); its value is the goal's
    sub-goals in their new order, positions 0..n-1.

    A move is not checked against a version: it cannot overwrite anyone's text, and the
    other sub-goals keep their relative order whatever happened meanwhile.
    """
    with context.session() as session:
        sub, goal = visible_sub_goal(session, context.actor, sub_goal_id)
        ordered = [row for row in _ordered(session, goal.id) if row.id != sub.id]
        index = max(0, min(new_index, len(ordered)))
        old_position = sub.position
        changes = NOTHING
        ordered.insert(index, sub)
        _renumber(session, ordered)
        if old_position != sub.position:
            history.record_changes(session, context.actor, citizen_id=goal.citizen_id,
                                   entity="sub_goal", entity_id=sub.id,
                                   changes={"position": (old_position, sub.position)},
                                   renderers=history_renderers(session))
            audit.record(session, context.actor.login, audit.Action.UPDATE, entity="sub_goal",
                         entity_id=sub.id, citizen_id=goal.citizen_id,
                         detail=f"Delmål flyttet til plads {sub.position + 1}")
            changes = plan_changed(goal.citizen_id)
        items = [sub_goal_item(row) for row in ordered]
    return Result(items, changes)


def _ordered(session: Session, goal_id: int) -> list[SubGoal]:
    return list(session.scalars(sub_goals_in_order([goal_id])))


def _renumber(session: Session, ordered: list[SubGoal]) -> None:
    # Each changed row gets a new version: an open edit form then notices the move
    # only if it also changed that row's fields (the three-way merge keeps both).
    for position, row in enumerate(ordered):
        if row.position != position:
            row.position = position
    session.flush()
