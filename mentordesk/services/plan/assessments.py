"""Progress assessments: the functional level, support need, the citizen's own view and
the mentor's note for one goal on one date. The series over time is the goal's chart."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from mentordesk import audit
from mentordesk.kernel.actor import Actor
from mentordesk.kernel.changes import NOTHING, Result
from mentordesk.kernel.context import Context
from mentordesk.kernel.editing import checked_edit, require_version
from mentordesk.services import history
from mentordesk.services.plan.rows import (
    ASSESSMENT_FIELD_LABELS,
    ASSESSMENT_FIELDS,
    GOAL_TAG,
    assessment_columns,
    assessment_item,
    check_assessment,
    history_renderers,
    plan_changed,
    visible_assessment,
    visible_goal,
)
from mentordesk.services.plan.values import AssessmentInput, AssessmentItem
from mentordesk.storage.models import Assessment, Goal, User
from mentordesk.storage.queries.plan import level_series as level_series_of


def record_assessment(context: Context, goal_id: int,
                      new: AssessmentInput) -> Result[AssessmentItem]:
    """Record the goal's level, support need, the citizen's view and the mentor's note."""
    with context.session() as session:
        goal = visible_goal(session, context.actor, goal_id)
        assessment = add_assessment(session, context.actor, goal, new)
        audit.record(session, context.actor.login, audit.Action.CREATE, entity="assessment",
                     entity_id=assessment.id, citizen_id=goal.citizen_id,
                     detail=f"Vurdering registreret for indsatsmål {goal.id}")
        item = assessment_item(assessment, context.actor.full_name)
        changes = plan_changed(goal.citizen_id)
    return Result(item, changes)


def add_assessment(session: Session, actor: Actor, goal: Goal,
                   new: AssessmentInput) -> Assessment:
    """Checked insert with its history, in the caller's transaction (no audit)."""
    values = check_assessment(assessment_columns(new))
    assessment = Assessment(goal_id=goal.id, author_id=actor.user_id, **values)
    session.add(assessment)
    session.flush()
    history.record_created(session, actor, citizen_id=goal.citizen_id, entity="assessment",
                           entity_id=assessment.id, values={GOAL_TAG: str(goal.id), **values},
                           renderers=history_renderers(session))
    return assessment


def update_assessment(context: Context, assessment_id: int,
                      expected_version: int, new: AssessmentInput,
                      original: AssessmentInput | None = None) -> Result[AssessmentItem]:
    """Save against ``expected_version``; ``EditConflict`` on a clashing stale edit."""
    with context.session() as session:
        assessment, goal = visible_assessment(session, context.actor, assessment_id)
        diff = checked_edit(
            session, assessment, expected_version, assessment_columns(new),
            assessment_columns(original) if original is not None else None,
            ASSESSMENT_FIELDS, check_assessment)
        if diff:
            history.record_changes(session, context.actor, citizen_id=goal.citizen_id,
                                   entity="assessment", entity_id=assessment.id, changes=diff,
                                   renderers=history_renderers(session))
            audit.record(session, context.actor.login, audit.Action.UPDATE, entity="assessment",
                         entity_id=assessment.id, citizen_id=goal.citizen_id,
                         detail="Vurdering ændret: " + ", ".join(
                             ASSESSMENT_FIELD_LABELS[field].lower() for field in diff))
        item = assessment_item(assessment, _author(session, assessment))
        changes = plan_changed(goal.citizen_id) if diff else NOTHING
    return Result(item, changes)


def delete_assessment(context: Context, assessment_id: int,
                      expected_version: int) -> Result[None]:
    """Delete an assessment (``StaleEdit`` if it changed meanwhile)."""
    from mentordesk.domain.dates import format_date

    with context.session() as session:
        assessment, goal = visible_assessment(session, context.actor, assessment_id)
        require_version(assessment, expected_version, "Vurderingen")
        summary = format_date(assessment.assessed_on)
        session.delete(assessment)
        session.flush()
        history.record_deleted(session, context.actor, citizen_id=goal.citizen_id,
                               entity="assessment", entity_id=assessment_id, summary=summary)
        audit.record(session, context.actor.login, audit.Action.DELETE, entity="assessment",
                     entity_id=assessment_id, citizen_id=goal.citizen_id,
                     detail="Vurdering slettet")
        changes = plan_changed(goal.citizen_id)
    return Result(None, changes)


def level_series(context: Context, goal_id: int) -> list[tuple[date, int | None]]:
    """``(assessed_on, level)`` oldest first, for the chart; ``None`` = ikke vurderet
    (a gap in the line, never a score). Audited READ."""
    with context.session() as session:
        goal = visible_goal(session, context.actor, goal_id)
        series = [(day, level) for day, level in session.execute(level_series_of(goal.id))]
        audit.record(session, context.actor.login, audit.Action.READ, entity="goal",
                     entity_id=goal.id, citizen_id=goal.citizen_id,
                     detail=f"Udvikling i funktionsevne vist ({len(series)} vurderinger)")
    return series


def _author(session: Session, assessment: Assessment) -> str:
    if assessment.author_id is None:
        return ""
    author = session.get(User, assessment.author_id)
    return author.full_name if author else ""
