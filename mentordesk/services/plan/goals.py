"""Goals (*indsatsmål*): the plan as a whole, one goal, and the goal's change history."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from mentordesk import audit
from mentordesk.domain.codes import GoalStatus
from mentordesk.domain.dates import format_date
from mentordesk.kernel.access import require_citizen
from mentordesk.kernel.changes import NOTHING, Result
from mentordesk.kernel.context import Context
from mentordesk.kernel.editing import checked_edit, require_version
from mentordesk.services import history
from mentordesk.services.plan.rows import (
    ASSESSMENT_FIELD_LABELS,
    GOAL_FIELD_LABELS,
    GOAL_FIELDS,
    GOAL_TAG,
    SUB_GOAL_FIELD_LABELS,
    check_goal,
    citizen_label,
    goal_columns,
    goal_items,
    grant_choices,
    history_renderers,
    plan_changed,
    visible_goal,
)
from mentordesk.services.plan.values import (
    AssessmentItem,
    GoalChoice,
    GoalInput,
    GoalItem,
    HistoryEntry,
    Plan,
    PlanOverviewRow,
)
from mentordesk.storage.models import Goal
from mentordesk.storage.queries.goal_links import goal_has_contacts
from mentordesk.storage.queries.plan import (
    assessment_dates,
    goals_in_plan_order,
    last_goal_position,
    sub_goal_texts,
)


def load_plan(context: Context, citizen_id: int,
              today: date | None = None) -> Plan:
    """The citizen's whole plan: goals (with sub-goals and assessments, oldest first),
    the overview (first/latest level per goal) and the grants for the goal form. Audited READ."""
    with context.session() as session:
        citizen = require_citizen(session, context.actor, citizen_id, today)
        goals = goal_items(session, citizen_goals(session, citizen_id))
        plan = Plan(citizen_id, citizen_label(citizen), goals,
                    [overview_row(goal) for goal in goals], grant_choices(session, citizen_id))
        audit.record(session, context.actor.login, audit.Action.READ, entity="plan",
                     citizen_id=citizen_id, detail=f"Handleplan vist ({len(goals)} mål)")
    return plan


def citizen_goals(session: Session, citizen_id: int) -> list[Goal]:
    return list(session.scalars(goals_in_plan_order(citizen_id)))


def overview_row(goal: GoalItem) -> PlanOverviewRow:
    """First and latest level: from the first and latest assessment that has a level,
    because an *ikke vurderet* round says nothing about progress. A goal assessed only
    as *ikke vurderet* shows that, with the dates."""
    scored = [item for item in goal.assessments if item.level is not None]
    first, latest = _ends(scored or goal.assessments)
    return PlanOverviewRow(
        goal.id, goal.title, goal.theme_label, goal.goal_type_label, goal.status_label,
        first.level if first else None, first.assessed_on if first else None,
        latest.level if latest else None, latest.assessed_on if latest else None,
        goal.review_on,
    )


def _ends(items: list[AssessmentItem]) -> tuple[AssessmentItem | None, AssessmentItem | None]:
    return (items[0], items[-1]) if items else (None, None)


def get_goal(context: Context, goal_id: int) -> GoalItem:
    """One goal with its sub-goals and assessments (audited READ)."""
    with context.session() as session:
        goal = visible_goal(session, context.actor, goal_id)
        item = goal_items(session, [goal])[0]
        audit.record(session, context.actor.login, audit.Action.READ, entity="goal",
                     entity_id=goal.id, citizen_id=goal.citizen_id, detail="Indsatsmål vist")
    return item


def create_goal(context: Context, citizen_id: int, new: GoalInput) -> Result[GoalItem]:
    """Add a goal at the end of the plan. ``InvalidInput`` (Danish) for bad values."""
    with context.session() as session:
        require_citizen(session, context.actor, citizen_id)
        values = check_goal(session, citizen_id, goal_columns(new))
        last = session.scalar(last_goal_position(citizen_id))
        goal = Goal(citizen_id=citizen_id, position=(last + 1) if last is not None else 0,
                    **values)
        session.add(goal)
        session.flush()
        history.record_created(session, context.actor, citizen_id=citizen_id, entity="goal",
                               entity_id=goal.id, values=values,
                               renderers=history_renderers(session))
        audit.record(session, context.actor.login, audit.Action.CREATE, entity="goal",
                     entity_id=goal.id, citizen_id=citizen_id, detail="Indsatsmål oprettet")
        item = goal_items(session, [goal])[0]
    return Result(item, plan_changed(citizen_id))


def update_goal(context: Context, goal_id: int, expected_version: int,
                new: GoalInput, original: GoalInput | None = None) -> Result[GoalItem]:
    """Save ``new`` made against ``expected_version``; ``original`` is what the form loaded
    (three-way merge). Raises ``EditConflict`` when the same fields changed meanwhile."""
    with context.session() as session:
        goal = visible_goal(session, context.actor, goal_id)
        kept = {field: getattr(goal, field) for field in GOAL_FIELDS}
        diff = checked_edit(
            session, goal, expected_version, goal_columns(new),
            goal_columns(original) if original is not None else None, GOAL_FIELDS,
            lambda values: check_goal(session, goal.citizen_id, values, kept))
        if diff:
            history.record_changes(session, context.actor, citizen_id=goal.citizen_id,
                                   entity="goal", entity_id=goal.id, changes=diff,
                                   renderers=history_renderers(session))
            audit.record(session, context.actor.login, audit.Action.UPDATE, entity="goal",
                         entity_id=goal.id, citizen_id=goal.citizen_id,
                         detail="Indsatsmål ændret: "
                         + ", ".join(GOAL_FIELD_LABELS[field].lower() for field in diff))
        item = goal_items(session, [goal])[0]
    return Result(item, plan_changed(item.citizen_id) if diff else NOTHING)


def delete_goal(context: Context, goal_id: int, expected_version: int) -> Result[None]:
    """Delete a goal with its sub-goals and assessments (``StaleEdit`` if it changed).
    Its history stays with the citizen."""
    with context.session() as session:
        goal = visible_goal(session, context.actor, goal_id)
        require_version(goal, expected_version, "Indsatsmålet")
        citizen_id, title = goal.citizen_id, goal.title
        links_contacts = bool(session.scalar(goal_has_contacts(goal_id)))
        # The database cascades to sub-goals, assessments and contact links. The other
        # goals keep their positions (order is all that counts): renumbering them would
        # make every open form on them stale for nothing.
        session.delete(goal)
        session.flush()
        history.record_deleted(session, context.actor, citizen_id=citizen_id, entity="goal",
                               entity_id=goal_id, summary=title)
        audit.record(session, context.actor.login, audit.Action.DELETE, entity="goal",
                     entity_id=goal_id, citizen_id=citizen_id, detail="Indsatsmål slettet")
    return Result(None, plan_changed(citizen_id, contacts=links_contacts))


def goal_choices(context: Context, citizen_id: int) -> list[GoalChoice]:
    """The citizen's open goals, in plan order, for linking a contact to them."""
    finished = [status.value for status in GoalStatus if status.is_finished]
    with context.session() as session:
        require_citizen(session, context.actor, citizen_id)
        goals = [goal for goal in goal_items(session, citizen_goals(session, citizen_id))
                 if goal.status.value not in finished]
        audit.record(session, context.actor.login, audit.Action.READ, entity="goal",
                     citizen_id=citizen_id, detail=f"Åbne indsatsmål vist ({len(goals)})")
    return [GoalChoice(goal.id, goal.title, goal.theme_label) for goal in goals]


# --- history -----------------------------------------------------------------------------------

_LABELS = {"goal": GOAL_FIELD_LABELS, "sub_goal": SUB_GOAL_FIELD_LABELS,
           "assessment": ASSESSMENT_FIELD_LABELS}


def goal_history(context: Context, goal_id: int) -> list[HistoryEntry]:
    """Every change to the goal, its sub-goals and assessments (deleted ones too);
    newest first."""
    with context.session() as session:
        goal = visible_goal(session, context.actor, goal_id)
        tag = str(goal.id)
        ids = {
            "goal": [goal.id],
            "sub_goal": history.entity_ids_tagged(session, goal.citizen_id, "sub_goal",
                                                  GOAL_TAG, tag),
            "assessment": history.entity_ids_tagged(session, goal.citizen_id, "assessment",
                                                    GOAL_TAG, tag),
        }
        rows = history.read_changes(session, goal.citizen_id, ids)
        names = _entity_names(session, rows)
        audit.record(session, context.actor.login, audit.Action.READ, entity="goal",
                     entity_id=goal.id, citizen_id=goal.citizen_id,
                     detail="Historik for indsatsmål vist")
    return [
        HistoryEntry(row.changed_at, row.user_name, names[(row.entity, row.entity_id)],
                     _LABELS[row.entity].get(row.field, row.field), row.old_text, row.new_text)
        for row in rows
    ]


def _entity_names(session: Session, rows: list[history.ChangeRow]) -> dict[tuple[str, int], str]:
    """"Indsatsmål", "Delmål: <its text>", "Vurdering <date>": current values where the row
    still exists, else the newest value the history holds (rows are newest first)."""
    names: dict[tuple[str, int], str] = {}
    sub_texts = dict(session.execute(sub_goal_texts(
        r.entity_id for r in rows if r.entity == "sub_goal")).tuples().all())
    dates = dict(session.execute(assessment_dates(
        r.entity_id for r in rows if r.entity == "assessment")).tuples().all())
    remembered: dict[tuple[str, int], str] = {}
    for row in rows:
        key = (row.entity, row.entity_id)
        if row.field in ("text", "assessed_on") and key not in remembered and row.new_text:
            remembered[key] = row.new_text
        if row.field == history.DELETED:
            remembered.setdefault(key, row.old_text)
    for key in {(row.entity, row.entity_id) for row in rows}:
        entity, entity_id = key
        if entity == "goal":
            names[key] = "Indsatsmål"
        elif entity == "sub_goal":
            names[key] = f"Delmål: {sub_texts.get(entity_id) or remembered.get(key, '')}"
        else:
            day = dates.get(entity_id)
            names[key] = f"Vurdering {format_date(day) if day else remembered.get(key, '')}"
    return names
