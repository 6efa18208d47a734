"""Partner register queries."""

from __future__ import annotations

from sqlalchemy import Select, select

from mentordesk.storage.models import Partner


def active_partner_names() -> Select[tuple[int, str, str]]:
    """(id, name, organisation) of the active partners (callers sort in Danish order)."""
    return select(Partner.id, Partner.name, Partner.organisation).where(Partner.active)
