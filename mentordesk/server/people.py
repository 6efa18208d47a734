"""The team's people as login roles on the server, after ``server import`` and
``server restore``: every user row gets a role in its group (mentor, coordinator,
admin); a deactivated person's role cannot log in.

A new role gets no password: PostgreSQL's SCRAM then refuses every login, so moving a
file or restoring a backup opens nothing until IT gives each person a password
(``server set-password``). A role that already exists on the cluster (``server init``'s
first admin, a restore onto the cluster the backup came from) is reused and keeps its
password; one with rights beyond a person's (a superuser, say) never becomes one.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Connection

from mentordesk.domain.codes import RECOVERY_LOGIN, Role
from mentordesk.server.import_errors import InvalidLogins
from mentordesk.server.provision import is_valid_login
from mentordesk.storage import server_roles

# (login, role, active) of a user row, as ``server_roles.team_people`` reads them.
UserRow = tuple[str, str, bool]


@dataclass(frozen=True)
class PersonLogin:
    """A user row and the role it becomes: ``login`` is the role's name and, on the
    server, the user row's login (the file's, lower-cased when only that made it valid)."""

    login: str
    file_login: str
    role: Role
    active: bool


@dataclass(frozen=True)
class GivenLogin:
    person: PersonLogin
    created: bool
    has_password: bool

    def describe(self) -> str:
        """One line for IT: who, which group, and whether they can log in yet."""
        person = self.person
        state = ("deaktiveret, kan ikke logge ind" if not person.active
                 else "har adgangskode" if self.has_password
                 else "mangler adgangskode")
        renamed = f" (i filen: {person.file_login})" if person.login != person.file_login else ""
        return f"{person.login}{renamed}: {person.role.label.lower()}, {state}"


def plan_logins(users: Iterable[UserRow]) -> list[PersonLogin]:
    """The role each user row becomes; ``InvalidLogins`` lists every login that cannot
    become one (nothing is written before this has passed)."""
    planned: list[PersonLogin] = []
    problems: list[str] = []
    taken: dict[str, str] = {}
    for login, role, active in users:
        # The recovery key's row acts for the file's key slot, which a server has none of.
        if login == RECOVERY_LOGIN:
            continue
        name = role_name_for(login)
        if name is None:
            problems.append(f"{login}: ikke et gyldigt login-navn")
        elif name in taken:
            problems.append(f"{login}: bliver til {name} ligesom {taken[name]}")
        else:
            taken[name] = login
            planned.append(PersonLogin(name, login, Role(role), active))
    if problems:
        raise InvalidLogins(problems)
    return planned


def role_name_for(login: str) -> str | None:
    """The login itself when it is a valid role name, else lower-cased if that is."""
    for candidate in (login, login.lower()):
        if is_valid_login(candidate):
            return candidate
    return None


def give_logins(connection: Connection, people: list[PersonLogin]) -> list[GivenLogin]:
    """A role in its group for every person (created or reused), in the caller's
    transaction; user rows whose login had to be lower-cased are renamed to match."""
    privileged = [person.login for person in people
                  if server_roles.role_exists(connection, person.login)
                  and server_roles.role_is_privileged(connection, person.login)]
    if privileged:
        raise InvalidLogins([f"{login}: findes allerede på serveren som en rolle med flere "
                             "rettigheder end en medarbejders (fx superbruger)"
                             for login in privileged])
    server_roles.create_group_roles(connection)
    given = []
    for person in people:
        if person.login != person.file_login:
            server_roles.rename_user(connection, person.file_login, person.login)
        given.append(_give_login(connection, person))
    return given


def logins_of_the_team(connection: Connection) -> list[GivenLogin]:
    """Every user row on the server given its role (``server restore``)."""
    return give_logins(connection, plan_logins(server_roles.team_people(connection)))


def _give_login(connection: Connection, person: PersonLogin) -> GivenLogin:
    if not server_roles.role_exists(connection, person.login):
        server_roles.create_person_role(connection, person.login, person.role,
                                        can_log_in=person.active)
        return GivenLogin(person, created=True, has_password=False)
    server_roles.join_group(connection, person.login, person.role)
    server_roles.allow_login(connection, person.login, person.active)
    return GivenLogin(person, created=False,
                      has_password=server_roles.role_has_password(connection, person.login))
