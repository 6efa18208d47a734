"""Which citizens a team member may see: the one visibility rule of the app.

A mentor sees the citizens they are currently assigned to (primary or substitute) and
those they cover while a colleague is absent, for the days the absence lasts.
Coordinators and admins see every case (``user_id=None`` here). The team server's
row-level security applies the same rule.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import ColumnElement, or_, select, true

from mentordesk.storage.models import Absence, AbsenceCover, Assignment, Citizen
from mentordesk.storage.queries.periods import covers


def visible_citizens(user_id: int | None, today: date) -> ColumnElement[bool]:
    """Condition on ``Citizen.id``; ``user_id=None`` means the whole team's cases."""
    if user_id is None:
        return true()
    assigned = select(Assignment.citizen_id).where(
        Assignment.user_id == user_id, covers(Assignment, today))
    covering = select(AbsenceCover.citizen_id).join(
        Absence, Absence.id == AbsenceCover.absence_id).where(
        AbsenceCover.substitute_id == user_id, Absence.start_on <= today,
        Absence.end_on >= today)
    return or_(Citizen.id.in_(assigned), Citizen.id.in_(covering))
