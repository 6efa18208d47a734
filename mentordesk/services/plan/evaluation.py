"""The 3-month evaluation: one assessment for every open goal, in one transaction.

The deadline dashboard asks for an evaluation about every three months (see
``mentordesk.domain.deadlines``); completing it records the round for all open goals at
once, so no goal is forgotten and the deadline moves on by itself.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import date

from mentordesk import audit
from mentordesk.domain.codes import GoalStatus
from mentordesk.domain.dates import format_date
from mentordesk.errors import InvalidInput
from mentordesk.kernel.access import require_citizen
from mentordesk.kernel.changes import Result
from mentordesk.kernel.context import Context
from mentordesk.services.plan.assessments import add_assessment
from mentordesk.services.plan.goals import citizen_goals
from mentordesk.services.plan.rows import goal_items, plan_changed
from mentordesk.services.plan.values import AssessmentInput, GoalItem
from mentordesk.storage.models import Goal

_FINISHED = frozenset(status.value for status in GoalStatus if status.is_finished)


def evaluation_goals(context: Context, citizen_id: int) -> list[GoalItem]:
    """The open goals an evaluation covers, in plan order, with their assessments
    (the latest is what the dialog starts from). Audited READ."""
    with context.session() as session:
        require_citizen(session, context.actor, citizen_id)
        goals = [goal for goal in goal_items(session, citizen_goals(session, citizen_id))
                 if goal.is_open]
        audit.record(session, context.actor.login, audit.Action.READ, entity="plan",
                     citizen_id=citizen_id, detail=f"Evaluering åbnet ({len(goals)} mål)")
    return goals


def complete_evaluation(context: Context, citizen_id: int, on: date,
                        assessments: Mapping[int, AssessmentInput]) -> Result[list[int]]:
    """Record one assessment per open goal dated ``on``; its value is the new
    assessment ids in plan order.

    Every open goal must be in ``assessments`` (its level may be ``None``, *ikke
    vurderet*); achieved, changed or given-up goals are refused. All or nothing: one bad
    value saves none of them.
    """
    with context.session() as session:
        require_citizen(session, context.actor, citizen_id)
        goals = citizen_goals(session, citizen_id)
        open_goals = [goal for goal in goals if goal.status not in _FINISHED]
        if not open_goals:
            raise InvalidInput("Borgeren har ingen åbne indsatsmål at evaluere.")
        _check_covered(goals, open_goals, assessments)
        ids = [
            add_assessment(session, context.actor, goal,
                           replace(assessments[goal.id], assessed_on=on)).id
            for goal in open_goals
        ]
        audit.record(session, context.actor.login, audit.Action.CREATE, entity="assessment",
                     citizen_id=citizen_id,
                     detail=f"Evaluering {format_date(on)}: {len(ids)} mål vurderet")
    # The deadline dashboard's evaluation due date follows the latest assessments.
    return Result(ids, plan_changed(citizen_id))


def _check_covered(goals: list[Goal], open_goals: list[Goal],
                   assessments: Mapping[int, AssessmentInput]) -> None:
    titles = {goal.id: goal.title for goal in goals}
    unknown = set(assessments) - set(titles)
    if unknown:
        raise InvalidInput("Evalueringen nævner et indsatsmål, der ikke hører til borgeren.")
    finished = set(assessments) - {goal.id for goal in open_goals}
    if finished:
        title = titles[min(finished)]
        raise InvalidInput(f"Målet »{title}« er afsluttet og skal ikke evalueres.")
    missing = [goal.title for goal in open_goals if goal.id not in assessments]
    if missing:
        raise InvalidInput(f"Vurder alle åbne mål – mangler: »{missing[0]}«.")

