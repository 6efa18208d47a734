"""Team queries: the team members to choose from."""

from __future__ import annotations

from sqlalchemy import Select, select

from mentordesk.storage.models import User


def active_user_names() -> Select[tuple[int, str]]:
    """(id, full name) of every active team member (callers sort in Danish order)."""
    return select(User.id, User.full_name).where(User.active.is_(True))


def user_name(user_id: int) -> Select[tuple[str]]:
    """The team member's full name."""
    return select(User.full_name).where(User.id == user_id)
