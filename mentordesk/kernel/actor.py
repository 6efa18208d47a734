"""Who is acting: the authenticated team member every operation runs for."""

from __future__ import annotations

from dataclasses import dataclass

from mentordesk.domain.codes import Role


@dataclass(frozen=True)
class Actor:
    """The user on whose behalf an operation runs."""

    user_id: int
    login: str
    full_name: str
    role: Role

    @property
    def sees_all_citizens(self) -> bool:
        return self.role in (Role.COORDINATOR, Role.ADMIN)
