"""Team members and who is acting: the OS login decides, the role limits.

Only admins manage users (login = OS login, name, role, weekly capacity, volunteer,
active); the last active admin is protected. Mentor assignments: ``assignments``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from mentordesk import audit
from mentordesk.domain.codes import RECOVERY_LOGIN, Role
from mentordesk.domain.duration import hours_number
from mentordesk.errors import AccessDenied, InvalidInput, NotFound, NotOnTeam
from mentordesk.kernel.access import require_admin
from mentordesk.kernel.actor import Actor
from mentordesk.kernel.changes import NOTHING, Changes, Kind, Result
from mentordesk.kernel.cleaning import check_lengths
from mentordesk.kernel.context import Context
from mentordesk.kernel.editing import apply_edit
from mentordesk.storage.database import Database
from mentordesk.storage.models import User
from mentordesk.storage.queries.assignments import caseload_size
from mentordesk.storage.queries.team import (
    other_active_users_with_role,
    server_login,
    team_with_caseloads,
    user_count,
    user_with_login,
    user_with_login_any_case,
)

MAX_WEEKLY_HOURS = 7 * 24


@dataclass(frozen=True)
class TeamMember:
    """A user as the team page shows and edits it."""

    id: int
    version: int
    login: str
    full_name: str
    role: Role
    weekly_capacity_minutes: int
    is_volunteer: bool
    active: bool
    caseload: int  # citizens currently assigned (primary or substitute)

    def editable(self) -> dict[str, Any]:
        """The editable fields as stored: the ``original`` of an edit."""
        return {"login": self.login, "full_name": self.full_name, "role": self.role.value,
                "weekly_capacity_minutes": self.weekly_capacity_minutes,
                "is_volunteer": self.is_volunteer, "active": self.active}


@dataclass(frozen=True)
class NewUser:
    login: str
    full_name: str
    role: Role = Role.MENTOR
    weekly_capacity_minutes: int = 0
    is_volunteer: bool = False
    active: bool = True


USER_LABELS = {
    "login": "Login", "full_name": "Navn", "role": "Rolle",
    "weekly_capacity_minutes": "Timer pr. uge", "is_volunteer": "Frivillig", "active": "Aktiv",
}


# -- who is acting --------------------------------------------------------------------------


def register_first_admin(database: Database, login: str, full_name: str) -> Actor:
    """The first user of a new database is its administrator."""
    with database.session() as session:
        if session.scalar(user_count()):
            raise ValueError("The database already has users")
        user = User(login=login, full_name=full_name, role=Role.ADMIN.value)
        session.add(user)
        session.flush()
        audit.record(session, login, audit.Action.CREATE, entity="user", entity_id=user.id,
                     detail=f"Første bruger oprettet som administrator: {login}")
        return _actor(user)


def resolve_actor(database: Database, login: str) -> Actor:
    """The acting user for this OS login; an unknown login joins as a mentor without
    citizens, so opening the file never exposes data to someone not on the team.
    A deactivated user is refused. On a team server see :func:`_server_user`."""
    with database.session() as session:
        if database.is_server:
            user = _server_user(session, login)
        else:
            user = session.scalar(user_with_login(login)) or _first_use(session, login)
        if not user.active:
            audit.record(session, user.login, audit.Action.UNLOCK_FAILED, entity="user",
                         entity_id=user.id, detail="Brugeren er deaktiveret")
        else:
            audit.record(session, user.login, audit.Action.UNLOCK, entity="database")
        actor = _actor(user)
    if not user.active:
        # Raised after the transaction so the refusal itself stays in the log.
        refusal = NotOnTeam if database.is_server else AccessDenied
        raise refusal("Din bruger er deaktiveret i denne database. "
                      "Kontakt en administrator i teamet.")
    return actor


def _server_user(session: Session, login: str) -> User:
    """On a team server the person is the login the server authenticated
    (``current_user``), never a name the PC claims, and must already be on the team
    (``server add-user``): a login role without a user row is refused. Only a superuser
    connection (IT's maintenance, the test cluster) acts as ``login``, as on a file: it
    could do anything directly anyway."""
    connected, is_superuser = session.execute(server_login()).one()
    if is_superuser:
        return session.scalar(user_with_login(login)) or _first_use(session, login)
    user = session.scalar(user_with_login(connected))
    if user is None:
        raise NotOnTeam(f"Login {connected} er ikke bruger i teamet på denne server. "
                        "Bed en administrator om at oprette dig.")
    return user


def _first_use(session: Session, login: str) -> User:
    """A login unlocking for the first time. The recovery key acts as an administrator
    of its own (reserved) name; anyone else joins as a mentor without citizens."""
    recovery = login == RECOVERY_LOGIN
    user = User(login=login, full_name="Gendannelsesnøgle" if recovery else login,
                role=(Role.ADMIN if recovery else Role.MENTOR).value)
    session.add(user)
    session.flush()
    audit.record(session, login, audit.Action.CREATE, entity="user", entity_id=user.id,
                 detail="Gendannelsesnøglen er brugt for første gang" if recovery else
                 "Ny bruger tilføjet ved første åbning (mentor uden borgere)")
    return user


def _actor(user: User) -> Actor:
    return Actor(user_id=user.id, login=user.login, full_name=user.full_name,
                 role=Role(user.role))


# -- users ----------------------------------------------------------------------------------


def list_users(context: Context, *, active_only: bool = False,
               today: date | None = None) -> list[TeamMember]:
    """Everyone on the team, by name; with each one's current number of citizens."""
    today = today or date.today()
    query = team_with_caseloads(today, active_only=active_only)
    with context.read() as session:
        return [_member(user, count) for user, count in session.execute(query)]


# Team members are shown by name wherever they work on a case: a team-wide change.
_TEAM_CHANGED = Changes.of(Kind.TEAM)


def create_user(context: Context, new: NewUser) -> Result[int]:
    """Add a team member (admins only). The login is the member's OS login."""
    require_admin(context.actor)
    values = _checked_user_values({
        "login": new.login, "full_name": new.full_name, "role": new.role,
        "weekly_capacity_minutes": new.weekly_capacity_minutes,
        "is_volunteer": new.is_volunteer, "active": new.active,
    })
    with context.session() as session:
        _refuse_taken_login(session, values["login"], None)
        user = User(**values)
        session.add(user)
        session.flush()
        audit.record(session, context.actor.login, audit.Action.CREATE, entity="user",
                     entity_id=user.id,
                     detail=f"Bruger oprettet: {user.login} ({Role(user.role).label})")
        user_id = user.id
    return Result(user_id, _TEAM_CHANGED)


def update_user(context: Context, user_id: int, expected_version: int,
                changes: Mapping[str, Any],
                original: Mapping[str, Any] | None = None) -> Result[TeamMember]:
    """Edit a team member (admins only) against the version the admin loaded.

    Raises ``EditConflict`` when someone saved meanwhile; the last active admin can be
    neither demoted nor deactivated (the team would lose its user management).
    """
    require_admin(context.actor)
    unknown = set(changes) - set(USER_LABELS)
    if unknown:
        raise ValueError(f"Not editable user fields: {sorted(unknown)}")
    checked = _checked_user_values(dict(changes))
    with context.session() as session:
        user = session.get(User, user_id)
        if user is None:
            raise NotFound("Brugeren findes ikke.")
        if "login" in checked:
            _refuse_taken_login(session, checked["login"], user.id)
        _protect_last_admin(session, user, checked)
        diff = apply_edit(session, user, expected_version, checked, original)
        if diff:
            audit.record(session, context.actor.login, audit.Action.UPDATE, entity="user",
                         entity_id=user.id, detail="Bruger ændret: "
                         + ", ".join(label for field, label in USER_LABELS.items()
                                     if field in diff))
        member = _member(user, _caseload(session, user.id, date.today()))
    return Result(member, _TEAM_CHANGED if diff else NOTHING)


def parse_weekly_hours(text: str) -> int:
    """``"37"``, ``"37,5"`` or ``"7.5"`` hours a week → minutes (InvalidInput otherwise)."""
    cleaned = text.strip().replace(",", ".")
    if not cleaned:
        return 0
    try:
        hours = float(cleaned)
    except ValueError:
        raise InvalidInput("Timer pr. uge skal være et tal, fx 37 eller 7,5.") from None
    if not 0 <= hours <= MAX_WEEKLY_HOURS:
        raise InvalidInput(f"Timer pr. uge skal være mellem 0 og {MAX_WEEKLY_HOURS}.")
    return round(hours * 60)


def format_weekly_hours(minutes: int) -> str:
    """Minutes → hours the Danish way: ``2250`` → ``"37,5"``, ``2220`` → ``"37"``; the number
    the capacity field is typed as, so without the unit of the one hour format."""
    return hours_number(minutes)


def _checked_user_values(values: dict[str, Any]) -> dict[str, Any]:
    checked = dict(values)
    if "login" in checked:
        checked["login"] = checked["login"].strip()
        if not checked["login"]:
            raise InvalidInput("Angiv brugerens login (brugernavnet på pc'en).")
        if checked["login"].casefold() == RECOVERY_LOGIN:
            raise InvalidInput(f"»{RECOVERY_LOGIN}« er forbeholdt gendannelsesnøglen.")
    if "full_name" in checked:
        checked["full_name"] = checked["full_name"].strip()
        if not checked["full_name"]:
            raise InvalidInput("Angiv brugerens navn.")
    if "role" in checked:
        try:
            checked["role"] = Role(checked["role"]).value
        except ValueError:
            raise InvalidInput("Ukendt rolle.") from None
    minutes = checked.get("weekly_capacity_minutes", 0)
    if not 0 <= minutes <= MAX_WEEKLY_HOURS * 60:
        raise InvalidInput(f"Timer pr. uge skal være mellem 0 og {MAX_WEEKLY_HOURS}.")
    check_lengths(User, checked, USER_LABELS)
    return checked


def _refuse_taken_login(session: Session, login: str, user_id: int | None) -> None:
    if session.scalar(user_with_login_any_case(login, other_than=user_id)) is not None:
        raise InvalidInput(f"Der findes allerede en bruger med login »{login}«.")


def _protect_last_admin(session: Session, user: User, changes: Mapping[str, Any]) -> None:
    is_admin_now = user.role == Role.ADMIN.value and user.active
    stays_admin = (changes.get("role", user.role) == Role.ADMIN.value
                   and changes.get("active", user.active))
    if not is_admin_now or stays_admin:
        return
    others = session.scalar(other_active_users_with_role(Role.ADMIN.value, user.id))
    if not others:
        raise InvalidInput("Teamet skal have mindst én aktiv administrator. Gør en anden "
                           "bruger til administrator først.")


def _member(user: User, caseload: int) -> TeamMember:
    return TeamMember(
        id=user.id, version=user.version, login=user.login, full_name=user.full_name,
        role=Role(user.role), weekly_capacity_minutes=user.weekly_capacity_minutes or 0,
        is_volunteer=bool(user.is_volunteer), active=bool(user.active), caseload=caseload or 0,
    )


def _caseload(session: Session, user_id: int, today: date) -> int:
    return session.scalar(caseload_size(user_id, today)) or 0




# -- input limits (shared by the citizen services) ------------------------------------------


