"""Consent queries. A consent counts from the day it was given until the day before it
expires or is withdrawn (unlike grant periods, its end date is exclusive)."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, or_, select

from mentordesk.storage.models import Consent, Partner


def in_force(day: date) -> ColumnElement[bool]:
    """The consent was given by ``day`` and has neither expired nor been withdrawn."""
    return and_(Consent.given_on <= day, not_lapsed(day),
                or_(Consent.withdrawn_on.is_(None), Consent.withdrawn_on > day))


def not_lapsed(day: date) -> ColumnElement[bool]:
    """The consent has no expiry date, or expires after ``day``."""
    return or_(Consent.expires_on.is_(None), Consent.expires_on > day)


def consents_to_partner(citizen_id: int, partner_id: int) -> Select[tuple[Consent]]:
    return select(Consent).where(Consent.citizen_id == citizen_id,
                                 Consent.partner_id == partner_id)


def consents_in_force_to_partner(citizen_id: int, partner_id: int,
                                 day: date) -> Select[tuple[Consent]]:
    """The citizen's consents to the partner that are in force on ``day``."""
    return consents_to_partner(citizen_id, partner_id).where(in_force(day))


def citizen_consents(citizen_id: int) -> Select[Any]:
    """(Consent, Partner) rows of the citizen's consents."""
    return (select(Consent, Partner).join(Partner, Partner.id == Consent.partner_id)
            .where(Consent.citizen_id == citizen_id))
