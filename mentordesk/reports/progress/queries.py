"""The read-only queries behind a batch of reports: one per table for the whole batch.

Rows come back as small named tuples grouped by citizen (or goal), so assembling 250
reports costs a handful of statements instead of thousands.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from mentordesk.domain.codes import GoalStatus
from mentordesk.storage.models import (
    Assessment,
    Assignment,
    Authority,
    Citizen,
    Contact,
    CourseType,
    Goal,
    Grant,
    LegalBasis,
    SubGoal,
    User,
)

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


class GoalRow(NamedTuple):
    id: int
    citizen_id: int
    title: str
    description: str
    theme_code: str
    subtheme_code: str
    goal_type: str
    status: str


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


# A dataclass, not a NamedTuple: a NamedTuple field may not be called ``count``.
@dataclass(frozen=True)
class ContactRow:
    citizen_id: int
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
    for row in session.execute(
        select(Citizen.id, Citizen.first_name, Citizen.last_name, Citizen.alias,
               Citizen.is_anonymous, Citizen.cpr).where(Citizen.id.in_(chunk))
    ):
        raw.citizens[row.id] = CitizenRow(*row)


def _mentors(session: Session, chunk: list[int], start: date, end: date,
             raw: RawBatch) -> None:
    # The primary mentor at the end of the period: the latest primary assignment in it.
    for citizen_id, name in session.execute(
        select(Assignment.citizen_id, User.full_name)
        .join(User, User.id == Assignment.user_id)
        .where(Assignment.citizen_id.in_(chunk), Assignment.kind == "primary",
               Assignment.start_on <= end,
               or_(Assignment.end_on.is_(None), Assignment.end_on >= start))
        .order_by(Assignment.start_on, Assignment.id)
    ):
        raw.mentors[citizen_id] = name


def _grants(session: Session, chunk: list[int], start: date, end: date,
            raw: RawBatch) -> None:
    for row in session.execute(
        select(Grant.citizen_id, LegalBasis.code, LegalBasis.name, CourseType.name,
               Authority.name, Grant.caseworker_name, Grant.caseworker_contact,
               Grant.start_on, Grant.end_on, Grant.hours_min_minutes, Grant.hours_max_minutes)
        .join(LegalBasis, LegalBasis.id == Grant.legal_basis_id)
        .outerjoin(CourseType, CourseType.id == Grant.course_type_id)
        .outerjoin(Authority, Authority.id == Grant.authority_id)
        .where(Grant.citizen_id.in_(chunk), Grant.start_on <= end,
               or_(Grant.end_on.is_(None), Grant.end_on >= start))
        .order_by(Grant.start_on, Grant.id)
    ):
        raw.grants[row[0]].append(GrantRow(*row))


def _goals(session: Session, chunk: list[int], end: date, raw: RawBatch) -> list[int]:
    ids = []
    for row in session.execute(
        select(Goal.id, Goal.citizen_id, Goal.title, Goal.description, Goal.theme_code,
               Goal.subtheme_code, Goal.goal_type, Goal.status)
        .where(Goal.citizen_id.in_(chunk), or_(Goal.start_on.is_(None), Goal.start_on <= end))
        .order_by(Goal.position, Goal.id)
    ):
        raw.goals[row.citizen_id].append(GoalRow(*row))
        ids.append(row.id)
    return ids


def _assessments(session: Session, goal_ids: list[int], start: date, end: date,
                 raw: RawBatch) -> None:
    for row in session.execute(
        select(Assessment.goal_id, Assessment.assessed_on, Assessment.level,
               Assessment.citizen_view)
        .where(Assessment.goal_id.in_(goal_ids), Assessment.assessed_on >= start,
               Assessment.assessed_on <= end)
        .order_by(Assessment.assessed_on, Assessment.id)
    ):
        raw.assessments[row.goal_id].append(AssessmentRow(*row))


def _sub_goals(session: Session, goal_ids: list[int], raw: RawBatch) -> None:
    for row in session.execute(
        select(SubGoal.goal_id, SubGoal.text, SubGoal.status, SubGoal.deadline,
               SubGoal.done_on)
        .where(SubGoal.goal_id.in_(goal_ids))
        .order_by(SubGoal.position, SubGoal.id)
    ):
        raw.sub_goals[row.goal_id].append(SubGoalRow(*row))


def _contacts(session: Session, chunk: list[int], start: date, end: date,
              raw: RawBatch) -> None:
    for row in session.execute(
        select(Contact.citizen_id, Contact.form, Contact.attended, func.count(),
               func.coalesce(func.sum(Contact.duration_minutes), 0))
        .where(Contact.citizen_id.in_(chunk), Contact.contact_on >= start,
               Contact.contact_on <= end)
        .group_by(Contact.citizen_id, Contact.form, Contact.attended)
    ):
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
