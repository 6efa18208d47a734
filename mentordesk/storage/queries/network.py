"""Network queries: a citizen's relatives."""

from __future__ import annotations

from sqlalchemy import Select, select

from mentordesk.storage.models import Relative


def citizen_relatives(citizen_id: int) -> Select[tuple[Relative]]:
    """The citizen's relatives by name."""
    return (select(Relative).where(Relative.citizen_id == citizen_id)
            .order_by(Relative.name, Relative.id))
