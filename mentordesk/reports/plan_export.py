"""The printable plan for the citizen (audited PRINT)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy.orm import Session

from mentordesk import audit
from mentordesk.kernel.access import require_citizen
from mentordesk.kernel.context import Context
from mentordesk.services.plan.goals import citizen_goals, overview_row
from mentordesk.services.plan.rows import citizen_label, goal_items, grant_choices
from mentordesk.services.plan.values import Plan
from mentordesk.storage.database import TEAM_NAME_KEY
from mentordesk.storage.queries.assignments import primary_mentor_name
from mentordesk.storage.queries.grants import grants_covering


def plan_pdf(context: Context, citizen_id: int, printed_at: datetime) -> bytes:
    """The current handleplan as a 1–2 page A4 PDF to hand to the citizen: name or alias
    (no CPR), the grant(s) it runs under, each goal with its sub-goals and latest level,
    and signature lines. Audited as PRINT in the same transaction as the read."""
    from mentordesk.reports.plan_pdf import render_plan_pdf  # reportlab: only when printing

    team_name = context.database.meta(TEAM_NAME_KEY)
    with context.session() as session:
        citizen = require_citizen(session, context.actor, citizen_id)
        goals = goal_items(session, citizen_goals(session, citizen_id))
        plan = Plan(citizen_id, citizen_label(citizen), goals,
                    [overview_row(goal) for goal in goals], grant_choices(session, citizen_id))
        grants = _plan_grants(session, plan, printed_at.date())
        mentor = _primary_mentor(session, citizen_id, printed_at.date())
        audit.record(session, context.actor.login, audit.Action.PRINT, entity="plan",
                     citizen_id=citizen_id,
                     detail=f"Handleplan udskrevet som PDF ({len(goals)} mål)")
    return render_plan_pdf(plan, team_name=team_name, printed_at=printed_at,
                           grant_labels=grants, mentor_name=mentor)


def _plan_grants(session: Session, plan: Plan, today: date) -> list[str]:
    """The grants the open goals belong to; else the grants running today; else the newest."""
    labels = {choice.id: choice.label for choice in plan.grants}
    used = [goal.grant_id for goal in plan.goals if goal.is_open and goal.grant_id in labels]
    if not used:
        used = list(session.scalars(grants_covering(plan.citizen_id, today)))
    if not used and plan.grants:
        used = [plan.grants[0].id]
    return [labels[grant_id] for grant_id in dict.fromkeys(used) if grant_id in labels]


def _primary_mentor(session: Session, citizen_id: int, today: date) -> str:
    return session.scalar(primary_mentor_name(citizen_id, today)) or ""
