"""Which mentors work on a citizen's case: one current primary mentor (*primær
kontaktperson*) and any number of substitutes (*afløsere*), each for a period.

Coordinators and admins assign; everyone who may see the case may read its mentors.
Every read and change is audited with the citizen's id.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy.orm import Session

from mentordesk import audit
from mentordesk.domain.codes import CitizenStatus
from mentordesk.domain.dates import format_date
from mentordesk.errors import InvalidInput, NotFound
from mentordesk.kernel.access import require_citizen, require_coordinator
from mentordesk.kernel.actor import Actor
from mentordesk.kernel.changes import NOTHING, Changes, Kind, Result
from mentordesk.kernel.context import Context
from mentordesk.kernel.editing import apply_edit
from mentordesk.storage.models import Assignment, User
from mentordesk.storage.queries.assignments import (
    PRIMARY,
    assignments_overlapping,
    assignments_running_after,
    citizen_assignments,
)
from mentordesk.storage.queries.periods import period_overlaps

SUBSTITUTE = "substitute"
ASSIGNMENT_KINDS = {PRIMARY: "Primær kontaktperson", SUBSTITUTE: "Afløser"}


@dataclass(frozen=True)
class AssignmentRow:
    """One mentor's assignment to a citizen, for a period."""

    id: int
    version: int
    citizen_id: int
    user_id: int
    mentor_name: str
    kind: str  # PRIMARY | SUBSTITUTE
    start_on: date
    end_on: date | None

    @property
    def kind_label(self) -> str:
        return ASSIGNMENT_KINDS[self.kind]

    def is_current(self, today: date) -> bool:
        return period_overlaps(self.start_on, self.end_on, today, today)


def assignments_for_citizen(context: Context, citizen_id: int,
                            today: date | None = None) -> list[AssignmentRow]:
    """Every assignment of the citizen, newest period first (audited as a read)."""
    with context.session() as session:
        require_citizen(session, context.actor, citizen_id, today)
        rows = assignment_rows(session, citizen_id)
        audit.record(session, context.actor.login, audit.Action.READ, entity="assignment",
                     citizen_id=citizen_id, detail="Mentorer vist")
    return rows


def assignment_rows(session: Session, citizen_id: int) -> list[AssignmentRow]:
    """The citizen's assignments in the caller's session (callers check access/audit)."""
    return [_assignment_row(assignment, name)
            for assignment, name in session.execute(citizen_assignments(citizen_id))]


def assign_mentor(context: Context, citizen_id: int, user_id: int,
                  kind: str, start_on: date | None = None,
                  end_on: date | None = None) -> Result[int]:
    """Assign a mentor (coordinators and admins). A new primary mentor ends the current
    one the day before ``start_on``, so there is exactly one primary at a time."""
    require_coordinator(context.actor)
    with context.session() as session:
        citizen = require_citizen(session, context.actor, citizen_id)
        if citizen.status == CitizenStatus.CLOSED.value:
            raise InvalidInput("Sagen er afsluttet. Genåbn den, før der tildeles mentorer.")
        assignment_id = add_assignment(session, context.actor, citizen_id, user_id, kind,
                                       start_on or date.today(), end_on)
    return Result(assignment_id, _changed(citizen_id))


def add_assignment(session: Session, actor: Actor, citizen_id: int, user_id: int, kind: str,
                   start_on: date, end_on: date | None) -> int:
    """The assignment rules in the caller's transaction (the caller checks access)."""
    if kind not in ASSIGNMENT_KINDS:
        raise InvalidInput("Vælg primær kontaktperson eller afløser.")
    _check_period(start_on, end_on)
    mentor = _active_user(session, user_id)
    overlapping = _overlapping(session, citizen_id, start_on, end_on)
    if kind == PRIMARY:
        _make_room_for_primary(overlapping, mentor, start_on)
    else:
        _refuse_double_role(overlapping, mentor)
    assignment = Assignment(citizen_id=citizen_id, user_id=mentor.id, kind=kind,
                            start_on=start_on, end_on=end_on)
    session.add(assignment)
    session.flush()
    audit.record(session, actor.login, audit.Action.CREATE, entity="assignment",
                 entity_id=assignment.id, citizen_id=citizen_id,
                 detail=f"{ASSIGNMENT_KINDS[kind]} tildelt: {mentor.full_name} "
                 f"({_period_text(start_on, end_on)})")
    return assignment.id


def end_assignment(context: Context, assignment_id: int,
                   expected_version: int, end_on: date | None = None) -> Result[None]:
    """End an assignment on ``end_on`` (default today); coordinators and admins."""
    with context.session() as session:
        assignment = _assignment_to_change(session, context.actor, assignment_id)
        changed = _change_period(session, context.actor, assignment, expected_version,
                                 assignment.start_on, end_on or date.today())
        changes = _changed(assignment.citizen_id) if changed else NOTHING
    return Result(None, changes)


def change_assignment_period(context: Context, assignment_id: int,
                             expected_version: int, start_on: date,
                             end_on: date | None) -> Result[None]:
    """Set an assignment's period (``end_on`` None: ongoing); coordinators and admins."""
    with context.session() as session:
        assignment = _assignment_to_change(session, context.actor, assignment_id)
        changed = _change_period(session, context.actor, assignment, expected_version,
                                 start_on, end_on)
        changes = _changed(assignment.citizen_id) if changed else NOTHING
    return Result(None, changes)


def remove_assignment(context: Context, assignment_id: int) -> Result[None]:
    """Delete an assignment entered by mistake (ending one keeps its history)."""
    with context.session() as session:
        assignment = _assignment_to_change(session, context.actor, assignment_id)
        citizen_id = assignment.citizen_id
        name = session.get_one(User, assignment.user_id).full_name
        audit.record(session, context.actor.login, audit.Action.DELETE, entity="assignment",
                     entity_id=assignment.id, citizen_id=assignment.citizen_id,
                     detail=f"{ASSIGNMENT_KINDS[assignment.kind]} slettet: {name}")
        session.delete(assignment)
    return Result(None, _changed(citizen_id))


def _changed(citizen_id: int) -> Changes:
    # Who works on a case also decides who sees it: caseload lists refresh on ASSIGNMENTS.
    return Changes.of(Kind.ASSIGNMENTS, citizen=citizen_id)


def end_assignments_on_close(session: Session, citizen_id: int, closed_on: date) -> None:
    """A closed case keeps its mentors' history: running periods end on the closing day,
    periods that had not begun yet are dropped (they never happened)."""
    for assignment in session.scalars(assignments_running_after(citizen_id, closed_on)):
        if assignment.start_on > closed_on:
            session.delete(assignment)
        else:
            assignment.end_on = closed_on


def _assignment_to_change(session: Session, actor: Actor, assignment_id: int) -> Assignment:
    require_coordinator(actor)
    assignment = session.get(Assignment, assignment_id)
    if assignment is None:
        raise NotFound("Tildelingen findes ikke længere.")
    require_citizen(session, actor, assignment.citizen_id)
    return assignment


def _change_period(session: Session, actor: Actor, assignment: Assignment,
                   expected_version: int, start_on: date, end_on: date | None) -> bool:
    """Set the period; whether it changed (the same period again changes nothing)."""
    _check_period(start_on, end_on)
    _refuse_overlap(session, assignment, start_on, end_on)
    diff = apply_edit(session, assignment, expected_version,
                      {"start_on": start_on, "end_on": end_on})
    if diff:
        audit.record(session, actor.login, audit.Action.UPDATE, entity="assignment",
                     entity_id=assignment.id, citizen_id=assignment.citizen_id,
                     detail=f"{ASSIGNMENT_KINDS[assignment.kind]}: periode ændret til "
                     f"{_period_text(start_on, end_on)}")
    return bool(diff)


def _make_room_for_primary(overlapping: list[Assignment], mentor: User, start_on: date) -> None:
    day_before = start_on - timedelta(days=1)
    for other in overlapping:
        if other.kind == PRIMARY and other.user_id == mentor.id:
            raise InvalidInput(f"{mentor.full_name} er allerede primær kontaktperson i "
                               "perioden.")
        if other.kind == SUBSTITUTE and other.user_id != mentor.id:
            continue
        if other.start_on >= start_on:
            raise InvalidInput(
                f"Der er allerede en {ASSIGNMENT_KINDS[other.kind].lower()} fra "
                f"{format_date(other.start_on)}. Ret eller slet den først.")
        # The previous primary (or the new primary's own substitute period) ends the day
        # before: one person never holds both roles, and there is one primary at a time.
        other.end_on = day_before


def _refuse_double_role(overlapping: list[Assignment], mentor: User) -> None:
    for other in overlapping:
        if other.user_id == mentor.id:
            role = ASSIGNMENT_KINDS[other.kind].lower()
            raise InvalidInput(f"{mentor.full_name} er allerede {role} for borgeren i "
                               "perioden.")


def _refuse_overlap(session: Session, assignment: Assignment, start_on: date,
                    end_on: date | None) -> None:
    """A changed period may not give the citizen two primaries, or one person two roles."""
    for other in _overlapping(session, assignment.citizen_id, start_on, end_on):
        if other.id == assignment.id:
            continue
        if other.user_id == assignment.user_id or (
                other.kind == PRIMARY and assignment.kind == PRIMARY):
            raise InvalidInput("Perioden overlapper en anden tildeling "
                               f"({ASSIGNMENT_KINDS[other.kind].lower()} fra "
                               f"{format_date(other.start_on)}).")


def _overlapping(session: Session, citizen_id: int, start_on: date,
                 end_on: date | None) -> list[Assignment]:
    return list(session.scalars(assignments_overlapping(citizen_id, start_on, end_on)))


def _active_user(session: Session, user_id: int) -> User:
    user = session.get(User, user_id)
    if user is None:
        raise NotFound("Brugeren findes ikke.")
    if not user.active:
        raise InvalidInput(f"{user.full_name} er deaktiveret og kan ikke tildeles borgere.")
    return user


def _check_period(start_on: date, end_on: date | None) -> None:
    if end_on is not None and end_on < start_on:
        raise InvalidInput("Slutdatoen ligger før startdatoen.")


def _period_text(start_on: date, end_on: date | None) -> str:
    return f"{format_date(start_on)} – {format_date(end_on) if end_on else 'løbende'}"


def _assignment_row(assignment: Assignment, mentor_name: str) -> AssignmentRow:
    return AssignmentRow(
        id=assignment.id, version=assignment.version, citizen_id=assignment.citizen_id,
        user_id=assignment.user_id, mentor_name=mentor_name, kind=assignment.kind,
        start_on=assignment.start_on, end_on=assignment.end_on,
    )
