"""Partner register queries."""

from __future__ import annotations

from sqlalchemy import Select, func, select

from mentordesk.storage.models import Consent, Contact, Partner


def active_partner_names() -> Select[tuple[int, str, str]]:
    """(id, name, organisation) of the active partners (callers sort in Danish order)."""
    return select(Partner.id, Partner.name, Partner.organisation).where(Partner.active)


def all_partners() -> Select[tuple[Partner]]:
    return select(Partner)


def partner_uses(partner_id: int) -> Select[tuple[int]]:
    """How many consents and contacts name the partner."""
    consents = select(func.count()).where(Consent.partner_id == partner_id).scalar_subquery()
    contacts = select(func.count()).where(Contact.partner_id == partner_id).scalar_subquery()
    return select(consents + contacts)
