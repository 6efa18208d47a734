"""How the schedule names citizens and mentors: full name for the calendar, initials or
alias for anything that leaves the program (ICS files land in Outlook and on phones)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from sqlalchemy.orm import Session

from mentordesk.storage.models import Citizen
from mentordesk.storage.queries import schedule as queries


class NamedCitizen(Protocol):
    """A citizen or a row of ``citizen_names_with_ids``: what a name is made of."""

    first_name: str
    last_name: str
    alias: str
    is_anonymous: bool


def citizen_name(citizen: NamedCitizen) -> str:
    """"Anna Berg"; an anonymous (§99) citizen by alias only."""
    if citizen.is_anonymous or not (citizen.first_name or citizen.last_name):
        return citizen.alias or "Anonym"
    return f"{citizen.first_name} {citizen.last_name}".strip()


def citizen_initials(citizen: Citizen) -> str:
    """"AB" for Anna Berg; the alias for an anonymous citizen (it is already a cover name)."""
    if citizen.is_anonymous or not (citizen.first_name or citizen.last_name):
        return citizen.alias or "Anonym"
    parts = f"{citizen.first_name} {citizen.last_name}".split()
    return "".join(part[0].upper() for part in parts if part)


def citizens_by_id(session: Session, ids: Iterable[int | None]) -> dict[int, Citizen]:
    wanted = sorted({i for i in ids if i is not None})
    found: dict[int, Citizen] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start:start + 500]
        found.update({c.id: c for c in session.scalars(queries.citizens_with_ids(chunk))})
    return found


def user_names(session: Session, ids: Iterable[int] | None = None) -> dict[int, str]:
    query = queries.user_names(None if ids is None else sorted(set(ids)))
    return dict(session.execute(query).tuples().all())
