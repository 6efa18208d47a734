"""The read-only queries behind a batch of reports: one per table for the whole batch.

Rows come back as small named tuples grouped by citizen (or goal), so assembling 250
reports costs a handful of statements instead of thousands. The statements themselves are
``storage.queries.reports``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

from sqlalchemy.orm import Session

from mentordesk.domain.codes import GoalStatus
from mentordesk.storage.queries import reports as queries

_CHUNK = 500  # SQLite limits the bound parameters of one statement
_FINISHED = tuple(status.value for status in GoalStatus if status.is_finished)


class CitizenRow(NamedTuple):
    id: int
    first_name: str
    last_name: str
    alias: str
    is_anonymous: bool
    cpr: str | None


class GrantRow(NamedTuple):
    citizen_id: int
    id: int
    authority_id: int | None
    basis_code: str
    basis_name: str
    course_type: str | None
    authority: str | None
    caseworker: str
    caseworker_contact: str
    start_on: date
    end_on: date | None
    hours_min_minutes: int | None
    hours_max_minutes: int | None
    purpose: str
    authority_goals: str


class GoalRow(NamedTuple):
    id: int
    citizen_id: int
    title: str
    description: str
    theme_code: str
    subtheme_code: str
    goal_type: str
    status: str
    grant_id: int | None


class SubGoalRow(NamedTuple):
    goal_id: int
    text: str
    status: str
    deadline: date | None
    done_on: date | None


class AssessmentRow(NamedTuple):
    goal_id: int
    on: date
    level: int | None
    citizen_view: str
    support_need: int | None
    mentor_note: str


# A dataclass, not a NamedTuple: a NamedTuple field may not be called ``count``.
@dataclass(frozen=True)
class ContactRow:
    citizen_id: int
    grant_id: int | None
    form: str
    attended: bool
    count: int
    minutes: int


@dataclass
class RawBatch:
    citizens: dict[int, CitizenRow] = field(default_factory=dict)
    mentors: dict[int, str] = field(default_factory=dict)
    grants: dict[int, list[GrantRow]] = field(default_factory=lambda: defaultdict(list))
    goals: dict[int, list[GoalRow]] = field(default_factory=lambda: defaultdict(list))
    sub_goals: dict[int, list[SubGoalRow]] = field(default_factory=lambda: defaultdict(list))
    assessments: dict[int, list[AssessmentRow]] = field(
        default_factory=lambda: defaultdict(list))
    contacts: dict[int, list[ContactRow]] = field(default_factory=lambda: defaultdict(list))


def load(session: Session, citizen_ids: Sequence[int], start: date, end: date) -> RawBatch:
    raw = RawBatch()
    for chunk in _chunks(citizen_ids):
        _citizens(session, chunk, raw)
        _mentors(session, chunk, start, end, raw)
        _grants(session, chunk, start, end, raw)
        goal_ids = _goals(session, chunk, end, raw)
        for goal_chunk in _chunks(goal_ids):
            _assessments(session, goal_chunk, start, end, raw)
            _sub_goals(session, goal_chunk, raw)
        _contacts(session, chunk, start, end, raw)
    _drop_idle_finished_goals(raw, start, end)
    return raw


def _chunks(ids: Sequence[int]) -> Iterator[list[int]]:
    for first in range(0, len(ids), _CHUNK):
        yield list(ids[first:first + _CHUNK])


def _citizens(session: Session, chunk: list[int], raw: RawBatch) -> None:
    for row in session.execute(queries.citizen_names(chunk)):
        raw.citizens[row.id] = CitizenRow(*row)


def _mentors(session: Session, chunk: list[int], start: date, end: date,
             raw: RawBatch) -> None:
    # The primary mentor at the end of the period: the latest primary assignment in it.
    for citizen_id, name in session.execute(
            queries.primary_mentors_in_period(chunk, start, end)):
        raw.mentors[citizen_id] = name


def _grants(session: Session, chunk: list[int], start: date, end: date,
            raw: RawBatch) -> None:
    for row in session.execute(queries.grants_in_period(chunk, start, end)):
        raw.grants[row[0]].append(GrantRow(*row))


def _goals(session: Session, chunk: list[int], end: date, raw: RawBatch) -> list[int]:
    ids = []
    for row in session.execute(queries.goals_started_by(chunk, end)):
        raw.goals[row.citizen_id].append(GoalRow(*row))
        ids.append(row.id)
    return ids


def _assessments(session: Session, goal_ids: list[int], start: date, end: date,
                 raw: RawBatch) -> None:
    for row in session.execute(queries.assessments_between(goal_ids, start, end)):
        raw.assessments[row.goal_id].append(AssessmentRow(*row))


def _sub_goals(session: Session, goal_ids: list[int], raw: RawBatch) -> None:
    for row in session.execute(queries.sub_goals_of(goal_ids)):
        raw.sub_goals[row.goal_id].append(SubGoalRow(*row))


def _contacts(session: Session, chunk: list[int], start: date, end: date,
              raw: RawBatch) -> None:
    for row in session.execute(queries.contact_totals(chunk, start, end)):
        raw.contacts[row[0]].append(ContactRow(*row))


def _drop_idle_finished_goals(raw: RawBatch, start: date, end: date) -> None:
    """A goal finished before the period with nothing happening in it is old history."""
    for citizen_id, goals in raw.goals.items():
        raw.goals[citizen_id] = [
            goal for goal in goals
            if goal.status not in _FINISHED or raw.assessments.get(goal.id)
            or any(sub.done_on and start <= sub.done_on <= end
                   for sub in raw.sub_goals.get(goal.id, []))
        ]
