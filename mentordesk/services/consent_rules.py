"""Whether the citizen's consent covers contact with a partner on a given day.

Shared by the contact log (warn before logging a contact with a partner) and reports
(warn before sharing a report): a consent counts from the day it was given until the day
before it expires or is withdrawn.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from mentordesk.storage.models import Consent
from mentordesk.storage.queries.consents import consents_in_force_to_partner


def valid_consents(session: Session, citizen_id: int, partner_id: int, on: date) -> list[Consent]:
    """The consents to this partner in force on ``on`` (empty: none)."""
    return list(session.scalars(consents_in_force_to_partner(citizen_id, partner_id, on)))


def has_valid_consent(session: Session, citizen_id: int, partner_id: int, on: date) -> bool:
    return bool(valid_consents(session, citizen_id, partner_id, on))
