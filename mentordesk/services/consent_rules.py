"""Whether the citizen's consent covers contact with a partner on a given day.

Shared by the contact log (warn before logging a contact with a partner) and reports
(warn before sharing a report): a consent counts from the day it was given until the day
before it expires or is withdrawn.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from mentordesk.storage.models import Consent


def valid_consents(session: Session, citizen_id: int, partner_id: int, on: date) -> list[Consent]:
    """The consents to this partner in force on ``on`` (empty: none)."""
    return list(session.scalars(
        select(Consent).where(
            Consent.citizen_id == citizen_id,
            Consent.partner_id == partner_id,
            Consent.given_on <= on,
            or_(Consent.expires_on.is_(None), Consent.expires_on > on),
            or_(Consent.withdrawn_on.is_(None), Consent.withdrawn_on > on),
        )
    ))


def has_valid_consent(session: Session, citizen_id: int, partner_id: int, on: date) -> bool:
    return bool(valid_consents(session, citizen_id, partner_id, on))
