"""Who may see and change what: the role rules every service applies.

Coordinators and admins see every case; a mentor sees the citizens they are currently
assigned to as primary mentor or substitute, and the citizens they cover while a colleague
is absent (``absence_cover``, only for the days the absence lasts). Only admins manage
users and catalogues.
(The file's passphrase is the real boundary; these rules keep daily work need-to-know.)
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import and_, or_, select, true
from sqlalchemy.orm import Session

from mentordesk.domain.codes import Role
from mentordesk.errors import AccessDenied, NotFound
from mentordesk.services.team import Actor
from mentordesk.storage.models import Absence, AbsenceCover, Assignment, Citizen


def assignment_current(today: date):  # type: ignore[no-untyped-def]
    """SQL condition: the assignment covers ``today``."""
    return and_(
        Assignment.start_on <= today,
        or_(Assignment.end_on.is_(None), Assignment.end_on >= today),
    )


def visible_citizen_ids(actor: Actor, today: date):  # type: ignore[no-untyped-def]
    """SQL condition on ``Citizen.id`` limiting a query to the actor's caseload."""
    if actor.sees_all_citizens:
        return true()
    assigned = select(Assignment.citizen_id).where(
        Assignment.user_id == actor.user_id, assignment_current(today)
    )
    covering = select(AbsenceCover.citizen_id).join(
        Absence, Absence.id == AbsenceCover.absence_id).where(
        AbsenceCover.substitute_id == actor.user_id, Absence.start_on <= today,
        Absence.end_on >= today)
    return or_(Citizen.id.in_(assigned), Citizen.id.in_(covering))


def require_citizen(session: Session, actor: Actor, citizen_id: int,
                    today: date | None = None) -> Citizen:
    """The citizen, if the actor may work on the case; otherwise NotFound (no hint that
    a case the actor may not see exists)."""
    citizen = session.scalar(
        select(Citizen).where(Citizen.id == citizen_id,
                              visible_citizen_ids(actor, today or date.today()))
    )
    if citizen is None:
        raise NotFound("Borgeren findes ikke, eller du har ikke adgang til sagen.")
    return citizen


def require_admin(actor: Actor) -> None:
    if actor.role is not Role.ADMIN:
        raise AccessDenied("Kun en administrator kan ændre dette.")


def require_coordinator(actor: Actor) -> None:
    if actor.role not in (Role.COORDINATOR, Role.ADMIN):
        raise AccessDenied("Kun en koordinator kan gøre dette.")
