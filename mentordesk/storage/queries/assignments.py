"""Who works on which case: the assignment queries the citizens list, the deadlines, the
team page and the printed plan share, so "primary mentor" and "caseload" mean one thing."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, func, select
from sqlalchemy.orm import InstrumentedAttribute

from mentordesk.storage.models import Absence, AbsenceCover, Assignment, User
from mentordesk.storage.queries.periods import covers, open_after, overlaps

PRIMARY = "primary"


def primary_mentor_name(citizen_id: ColumnElement[int] | InstrumentedAttribute[int] | int,
                        day: date) -> Select[tuple[str]]:
    """The name of the citizen's primary mentor on ``day`` (the newest, should two
    periods meet); with ``Citizen.id`` and ``.scalar_subquery()``, a per-row column."""
    return (
        select(User.full_name)
        .join(Assignment, Assignment.user_id == User.id)
        .where(Assignment.citizen_id == citizen_id, Assignment.kind == PRIMARY,
               covers(Assignment, day))
        .order_by(Assignment.start_on.desc())
        .limit(1)
    )


def assigned_citizen_ids(user_id: ColumnElement[int] | int, day: date) -> Select[tuple[int]]:
    """The citizens ``user_id`` works on as primary mentor or substitute on ``day``."""
    return select(Assignment.citizen_id).where(Assignment.user_id == user_id,
                                               covers(Assignment, day))


def caseload_size(user_id: ColumnElement[int] | InstrumentedAttribute[int] | int,
                  day: date) -> Select[tuple[int]]:
    """How many citizens ``user_id`` works on on ``day`` (one per citizen, whatever role)."""
    return (select(func.count(func.distinct(Assignment.citizen_id)))
            .where(Assignment.user_id == user_id, covers(Assignment, day)))


def citizen_assignments(citizen_id: int) -> Select[Any]:
    """The citizen's assignments with the mentor's name: primaries first, newest first."""
    return (
        select(Assignment, User.full_name)
        .join(User, User.id == Assignment.user_id)
        .where(Assignment.citizen_id == citizen_id)
        .order_by(Assignment.kind, Assignment.start_on.desc(), User.full_name)
    )


def assignments_overlapping(citizen_id: int, start_on: date,
                            end_on: date | None) -> Select[tuple[Assignment]]:
    """The citizen's assignments sharing a day with ``start_on``–``end_on`` (None: open)."""
    # An open-ended period reaches as far as any date can.
    return select(Assignment).where(Assignment.citizen_id == citizen_id,
                                    overlaps(Assignment, start_on, end_on or date.max))


def assignments_running_after(citizen_id: int, day: date) -> Select[tuple[Assignment]]:
    """The citizen's assignments that have not ended by ``day``."""
    return select(Assignment).where(Assignment.citizen_id == citizen_id,
                                    open_after(Assignment, day))


def assignment_periods_of(user_ids: Iterable[int]
                          ) -> Select[tuple[int, int, date, date | None]]:
    """(user, citizen, start, end) of every assignment, past or present, of these users."""
    return (select(Assignment.user_id, Assignment.citizen_id, Assignment.start_on,
                   Assignment.end_on).where(Assignment.user_id.in_(list(user_ids))))


def cover_periods_of(user_ids: Iterable[int]) -> Select[tuple[int, int, date, date]]:
    """(substitute, citizen, start, end) of every absence cover these users took on."""
    return (select(AbsenceCover.substitute_id, AbsenceCover.citizen_id, Absence.start_on,
                   Absence.end_on).join(Absence, Absence.id == AbsenceCover.absence_id)
            .where(AbsenceCover.substitute_id.in_(list(user_ids))))
