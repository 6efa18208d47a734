"""Team queries: the team members to choose from."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Select, func, select, text

from mentordesk.domain.codes import RECOVERY_LOGIN
from mentordesk.storage.models import User
from mentordesk.storage.queries.assignments import caseload_size


def active_user_names(only: int | None = None) -> Select[tuple[int, str]]:
    """(id, full name) of every active team member, or only of member ``only`` (callers
    sort in Danish order)."""
    query = select(User.id, User.full_name).where(User.active.is_(True))
    return query if only is None else query.where(User.id == only)


def user_name(user_id: int) -> Select[tuple[str]]:
    """The team member's full name."""
    return select(User.full_name).where(User.id == user_id)


def active_user_logins() -> Select[tuple[int, str, str]]:
    """(id, login, full name) of every active team member."""
    return select(User.id, User.login, User.full_name).where(User.active.is_(True))


def every_user() -> Select[tuple[User]]:
    """Every team member, active or not (the log and a citizen's data name former staff)."""
    return select(User)


def names_by_login() -> Select[tuple[str, str]]:
    """(login, full name) of every team member, active or not."""
    return select(User.login, User.full_name)


def user_count() -> Select[tuple[int]]:
    return select(func.count()).select_from(User)


def server_login() -> Select[tuple[str, bool]]:
    """On a team server: the connected login role (``current_user``) and whether it is a
    superuser (IT's own connection)."""
    login = func.current_user()
    return select(login, select(text("rolsuper")).select_from(text("pg_roles"))
                  .where(text("rolname = current_user")).scalar_subquery())


def user_with_login(login: str) -> Select[tuple[User]]:
    """The user with exactly this login (as the operating system spells it)."""
    return select(User).where(User.login == login)


def user_with_login_any_case(login: str, other_than: int | None = None) -> Select[tuple[int]]:
    """The id of a user whose login equals ``login`` ignoring case (besides
    ``other_than``): logins differing only in case would be the same person."""
    query = select(User.id).where(func.lower(User.login) == login.lower())
    if other_than is not None:
        query = query.where(User.id != other_than)
    return query


def other_active_users_with_role(role: str, user_id: int) -> Select[tuple[int]]:
    """How many active team members besides ``user_id`` have ``role`` (the recovery key,
    an administrator for emergencies, is not a member who could run the team)."""
    return select(func.count()).select_from(User).where(
        User.role == role, User.active.is_(True), User.id != user_id,
        User.login != RECOVERY_LOGIN)


def team_with_caseloads(day: date, *, active_only: bool = False) -> Select[Any]:
    """(User, current caseload) of every team member (or every active one), by name."""
    query = (select(User, caseload_size(User.id, day).scalar_subquery())
             .order_by(User.full_name, User.login))
    return query.where(User.active.is_(True)) if active_only else query
