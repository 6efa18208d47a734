"""Which of a citizen's grants one progression report is about.

A report goes to one ordering authority, which has a basis to see its own grant and no
other: a jobcenter never sees a §99 grant from social services, its caseworker, its goals,
its contacts or its hours. So every report has a scope — one grant, or all of one
authority's grants for the citizen — and everything a report shows is filtered through
it: grants, goals (linked to a grant in scope; a goal linked to none only when the author
ticked it), contacts and hours (attributed to a grant in scope).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from mentordesk.errors import InvalidInput
from mentordesk.storage.queries import reports as queries


@dataclass(frozen=True)
class ReportScope:
    """One grant (``grant_id``), else every grant of ``authority_id`` (None: the grants
    registered without an authority)."""

    authority_id: int | None = None
    grant_id: int | None = None
    include_unlinked_goals: bool = False

    def covers(self, grant_id: int, authority_id: int | None) -> bool:
        if self.grant_id is not None:
            return grant_id == self.grant_id
        return authority_id == self.authority_id


# A report for one citizen within one scope: the unit a batch makes, prints and audits.
ReportKey = tuple[int, ReportScope]

UNLINKED_GOALS_WARNING = ("Rapporten medtager indsatsmål, der ikke er knyttet til en "
                          "bevilling. Kontrollér, at modtageren må se dem.")


def authority_scopes(session: Session, citizen_ids: list[int], start: date, end: date,
                     include_unlinked_goals: bool = False) -> list[ReportKey]:
    """One scope per citizen and authority with a grant in the period (citizens without
    a grant get the empty no-authority scope, which shows that there is none)."""
    seen: dict[int, list[int | None]] = {citizen: [] for citizen in citizen_ids}
    for citizen_id, _grant, authority_id in session.execute(
            queries.grant_authorities(citizen_ids, start, end)):
        if authority_id not in seen[citizen_id]:
            seen[citizen_id].append(authority_id)
    return [(citizen, ReportScope(authority, None, include_unlinked_goals))
            for citizen, authorities in seen.items() for authority in (authorities or [None])]


def single_scope(session: Session, citizen_id: int, start: date, end: date, *,
                 authority_id: int | None = None, grant_id: int | None = None,
                 include_unlinked_goals: bool = False) -> ReportScope:
    """The scope of one report: the grant or authority asked for, else the citizen's one
    authority in the period. With grants from several authorities a choice is required:
    guessing would send one authority's data to another."""
    if grant_id is not None or authority_id is not None:
        return ReportScope(authority_id, grant_id, include_unlinked_goals)
    authorities = {authority for _citizen, _grant, authority in session.execute(
        queries.grant_authorities([citizen_id], start, end))}
    if len(authorities) > 1:
        raise InvalidInput("Borgeren har bevillinger fra flere myndigheder i perioden. "
                           "Vælg bevillingen, rapporten handler om.")
    return ReportScope(next(iter(authorities), None), None, include_unlinked_goals)


def scope_authority(session: Session, scope: ReportScope) -> tuple[int | None, str]:
    """(id, name) of the authority a report in ``scope`` goes to ("" when none)."""
    if scope.grant_id is not None:
        row = session.execute(queries.grant_authority(scope.grant_id)).first()
        return (row[0], row[1] or "") if row else (None, "")
    if scope.authority_id is None:
        return None, ""
    return scope.authority_id, session.scalar(queries.authority_name(scope.authority_id)) or ""
