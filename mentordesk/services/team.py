"""Team members and who is acting: the OS login decides, the role limits."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from mentordesk import audit
from mentordesk.domain.codes import Role
from mentordesk.storage.database import Database
from mentordesk.storage.models import User


@dataclass(frozen=True)
class Actor:
    """The user on whose behalf a service runs."""

    user_id: int
    login: str
    full_name: str
    role: Role

    @property
    def sees_all_citizens(self) -> bool:
        return self.role in (Role.COORDINATOR, Role.ADMIN)


def register_first_admin(database: Database, login: str, full_name: str) -> Actor:
    """The first user of a new database is its administrator."""
    with database.session() as session:
        if session.scalar(select(func.count()).select_from(User)):
            raise ValueError("The database already has users")
        user = User(login=login, full_name=full_name, role=Role.ADMIN.value)
        session.add(user)
        session.flush()
        audit.record(session, login, audit.Action.CREATE, entity="user", entity_id=user.id,
                     detail=f"Første bruger oprettet som administrator: {login}")
        return _actor(user)


def resolve_actor(database: Database, login: str) -> Actor:
    """The acting user for this OS login; an unknown login joins as a mentor without
    citizens, so opening the file never exposes data to someone not on the team."""
    with database.session() as session:
        user = session.scalar(select(User).where(User.login == login))
        if user is None:
            user = User(login=login, full_name=login, role=Role.MENTOR.value)
            session.add(user)
            session.flush()
            audit.record(session, login, audit.Action.CREATE, entity="user", entity_id=user.id,
                         detail="Ny bruger tilføjet ved første åbning (mentor uden borgere)")
        audit.record(session, login, audit.Action.UNLOCK, entity="database")
        return _actor(user)


def _actor(user: User) -> Actor:
    return Actor(user_id=user.id, login=user.login, full_name=user.full_name,
                 role=Role(user.role))
