"""Who may see and change what: the role rules every operation applies.

Coordinators and admins see every case; a mentor sees the citizens they are currently
assigned to as primary mentor or substitute, and the citizens they cover while a colleague
is absent (``absence_cover``, only for the days the absence lasts). Only admins manage
users and catalogues. The rule itself is ``storage.queries.visibility``.
(In file mode the key is the real boundary; these rules keep daily work need-to-know.)
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import ColumnElement
from sqlalchemy.orm import Session

from mentordesk.domain.codes import Role
from mentordesk.errors import AccessDenied, NotFound
from mentordesk.kernel.actor import Actor
from mentordesk.storage.models import Citizen
from mentordesk.storage.queries.citizens import visible_citizen
from mentordesk.storage.queries.visibility import visible_citizens


def visible_citizen_ids(actor: Actor, today: date) -> ColumnElement[bool]:
    """SQL condition on ``Citizen.id`` limiting a query to the actor's caseload."""
    return visible_citizens(None if actor.sees_all_citizens else actor.user_id, today)


def require_citizen(session: Session, actor: Actor, citizen_id: int,
                    today: date | None = None) -> Citizen:
    """The citizen, if the actor may work on the case; otherwise NotFound (no hint that
    a case the actor may not see exists)."""
    citizen = session.scalar(
        visible_citizen(citizen_id, visible_citizen_ids(actor, today or date.today())))
    if citizen is None:
        raise NotFound("Borgeren findes ikke, eller du har ikke adgang til sagen.")
    return citizen


def require_admin(actor: Actor) -> None:
    if actor.role is not Role.ADMIN:
        raise AccessDenied("Kun en administrator kan ændre dette.")


def require_coordinator(actor: Actor) -> None:
    if actor.role not in (Role.COORDINATOR, Role.ADMIN):
        raise AccessDenied("Kun en koordinator kan gøre dette.")
