"""Staff absence (*fravær*): holiday, sickness, course, with a named substitute per citizen.

While an absence lasts, each named substitute sees the citizens they cover
(``services.access.visible_citizen_ids`` reads ``absence_cover``), so the substitute can
log contacts without a coordinator creating temporary assignments.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from types import SimpleNamespace
from typing import Any

from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from mentordesk import audit
from mentordesk.domain.dates import format_date
from mentordesk.domain.labels import LabeledStrEnum
from mentordesk.errors import AccessDenied, InvalidInput, NotFound
from mentordesk.kernel.access import require_citizen, require_coordinator
from mentordesk.kernel.actor import Actor
from mentordesk.kernel.changes import Changes, Kind, Result
from mentordesk.kernel.cleaning import clean_note
from mentordesk.kernel.context import Context
from mentordesk.kernel.editing import EditConflict, require_version, stale_conflict
from mentordesk.schedule.changed import team_schedule
from mentordesk.storage.models import Absence, AbsenceCover
from mentordesk.storage.queries import schedule as queries

ENTITY = "absence"
# The fields an edit form sends; ``covers`` is a {citizen_id: substitute_id} mapping.
EDIT_FIELDS = ("user_id", "kind", "start_on", "end_on", "note", "covers")
PAST_DAYS = 365  # the manager also lists last year's absences, after the current ones


class AbsenceKind(LabeledStrEnum):
    HOLIDAY = "holiday", "Ferie"
    SICKNESS = "sickness", "Sygdom"
    COURSE = "course", "Kursus"


@dataclass(frozen=True)
class AbsenceInput:
    user_id: int
    kind: str                                   # AbsenceKind code
    start_on: date
    end_on: date
    note: str = ""
    covers: Mapping[int, int] = field(default_factory=dict)  # citizen_id → substitute user id


@dataclass(frozen=True)
class AbsenceRow:
    id: int
    version: int
    user_id: int
    user_name: str
    kind: str
    start_on: date
    end_on: date
    note: str
    covers: tuple[tuple[int, int], ...]         # (citizen_id, substitute_id)

    @property
    def kind_label(self) -> str:
        return AbsenceKind(self.kind).label

    @property
    def period_label(self) -> str:
        return f"{format_date(self.start_on)} – {format_date(self.end_on)}"

    def values(self) -> dict[str, Any]:
        """The editable fields, as an edit form holds them (``EDIT_FIELDS``)."""
        return {"user_id": self.user_id, "kind": self.kind, "start_on": self.start_on,
                "end_on": self.end_on, "note": self.note, "covers": dict(self.covers)}


def create_absence(context: Context, data: AbsenceInput,
                   *, today: date | None = None) -> Result[int]:
    """Register an absence; a mentor may register their own, a coordinator anyone's."""
    today = today or date.today()
    with context.session() as session:
        _check(session, context.actor, data, today)
        row = Absence(user_id=data.user_id, kind=data.kind, start_on=data.start_on,
                      end_on=data.end_on, note=clean_note(data.note))
        session.add(row)
        session.flush()
        _write_covers(session, context.actor, row, data.covers)
        return Result(row.id, _absence_changed(data.covers))


def update_absence(context: Context, absence_id: int, expected_version: int,
                   data: AbsenceInput, *, today: date | None = None) -> Result[None]:
    today = today or date.today()
    with context.session() as session:
        row = _require_absence(session, context.actor, absence_id)
        require_version(row, expected_version, "Fraværet")
        _check(session, context.actor, data, today)
        return Result(None, _apply(session, context.actor, row, data))


def edit_absence(context: Context, absence_id: int, expected_version: int,
                 changes: Mapping[str, Any], original: Mapping[str, Any],
                 *, today: date | None = None) -> Result[None]:
    """Save a form's changes made against ``original`` (loaded at ``expected_version``).

    If someone saved meanwhile, fields only they changed are kept and mine are merged in;
    a field we both changed raises ``EditConflict`` so the form can ask which to keep.
    """
    today = today or date.today()
    unknown = set(changes) - set(EDIT_FIELDS)
    if unknown:
        raise ValueError(f"Unknown fields: {sorted(unknown)}")
    with context.session() as session:
        row = _require_absence(session, context.actor, absence_id)
        current = _current_values(session, row)
        mine = {name: value for name, value in changes.items()
                if name not in original or original[name] != value}
        if row.version != expected_version:
            stale = stale_conflict(SimpleNamespace(**current, version=row.version),
                                   mine, original)
            if stale.conflicts:
                raise EditConflict("Absence", row.version, stale.conflicts, stale.merged)
        merged = {**current, **mine}
        data = AbsenceInput(**{**merged, "covers": dict(merged["covers"])})
        _check(session, context.actor, data, today)
        return Result(None, _apply(session, context.actor, row, data))


def delete_absence(context: Context, absence_id: int,
                   expected_version: int) -> Result[None]:
    with context.session() as session:
        row = _require_absence(session, context.actor, absence_id)
        require_version(row, expected_version, "Fraværet")
        covers = list(session.scalars(queries.covers_of([row.id])))
        for cover in covers:
            audit.record(session, context.actor.login, audit.Action.DELETE, entity=ENTITY,
                         entity_id=row.id, citizen_id=cover.citizen_id,
                         detail="Vikar ophørt: fravær slettet")
        audit.record(session, context.actor.login, audit.Action.DELETE, entity=ENTITY,
                     entity_id=row.id, detail=f"Fravær slettet: {_period(row)}")
        session.delete(row)
        return Result(None, _absence_changed([cover.citizen_id for cover in covers]))


def list_absences(context: Context, first: date, last: date,
                  *, user_ids: Sequence[int] | None = None) -> list[AbsenceRow]:
    """Absences overlapping ``first..last`` (every user's: the calendar shades them)."""
    with context.session() as session:
        rows = absences_between(session, first, last, user_ids=user_ids)
        audit.record(session, context.actor.login, audit.Action.LIST, entity=ENTITY,
                     detail=f"Fravær {format_date(first)} – {format_date(last)}")
        return rows


def absences_to_manage(context: Context, *, user_id: int | None = None,
                       today: date | None = None) -> list[AbsenceRow]:
    """The absence manager's list: current and upcoming first (soonest first), then the
    past year's (latest first). A mentor sees only their own; ``user_id`` narrows to one."""
    today = today or date.today()
    if not context.actor.sees_all_citizens:
        user_id = context.actor.user_id
    with context.session() as session:
        rows = absences_between(session, today - timedelta(days=PAST_DAYS), date(9999, 12, 31),
                                user_ids=None if user_id is None else [user_id])
        audit.record(session, context.actor.login, audit.Action.LIST, entity=ENTITY,
                     detail="Fraværsliste" + (f" ({_user_name(session, user_id)})"
                                              if user_id is not None else ""))
    ahead = [row for row in rows if row.end_on >= today]
    past = sorted((row for row in rows if row.end_on < today),
                  key=lambda row: (row.start_on, row.id), reverse=True)
    return ahead + past


def absences_between(session: Session, first: date, last: date, *,
                     user_ids: Sequence[int] | None = None) -> list[AbsenceRow]:
    """Session-level: absences overlapping ``first..last``, ordered by start."""
    rows = session.execute(queries.absences_between(first, last, user_ids=user_ids)).all()
    covers: dict[int, list[tuple[int, int]]] = {}
    ids = [absence.id for absence, _name in rows]
    if ids:
        for cover in session.scalars(queries.covers_of(ids)):
            covers.setdefault(cover.absence_id, []).append(
                (cover.citizen_id, cover.substitute_id))
    return [AbsenceRow(a.id, a.version, a.user_id, name, a.kind, a.start_on, a.end_on,
                       a.note, tuple(sorted(covers.get(a.id, []))))
            for a, name in rows]


# --- helpers ---------------------------------------------------------------------------------


def _check(session: Session, actor: Actor, data: AbsenceInput, today: date) -> None:
    if data.user_id != actor.user_id:
        require_coordinator(actor)
    if data.kind not in {kind.value for kind in AbsenceKind}:
        raise InvalidInput("Vælg typen af fravær: ferie, sygdom eller kursus.")
    if not isinstance(data.start_on, date) or not isinstance(data.end_on, date):
        raise InvalidInput("Angiv fraværets første og sidste dag.")
    if data.end_on < data.start_on:
        raise InvalidInput("Fraværets sidste dag ligger før den første.")
    users = set(session.scalars(queries.active_user_ids()))
    if data.user_id not in users:
        raise InvalidInput("Medarbejderen findes ikke i teamet.")
    for citizen_id, substitute_id in data.covers.items():
        if substitute_id not in users:
            raise InvalidInput("Den valgte vikar findes ikke i teamet.")
        if substitute_id == data.user_id:
            raise InvalidInput("Vikaren kan ikke være den fraværende selv.")
        require_citizen(session, actor, citizen_id, today)


def _current_values(session: Session, row: Absence) -> dict[str, Any]:
    covers = {cover.citizen_id: cover.substitute_id
              for cover in session.scalars(queries.covers_of([row.id]))}
    return {"user_id": row.user_id, "kind": row.kind, "start_on": row.start_on,
            "end_on": row.end_on, "note": row.note, "covers": covers}


def _apply(session: Session, actor: Actor, row: Absence, data: AbsenceInput) -> Changes:
    """Write a checked edit; the version always moves on (also when only substitutes
    changed), so another open form sees that it is stale."""
    before = _current_values(session, row)
    row.user_id, row.kind = data.user_id, data.kind
    row.start_on, row.end_on, row.note = data.start_on, data.end_on, clean_note(data.note)
    flag_modified(row, "note")
    for citizen_id in sorted(set(before["covers"]) - set(data.covers)):
        audit.record(session, actor.login, audit.Action.DELETE, entity=ENTITY,
                     entity_id=row.id, citizen_id=citizen_id,
                     detail="Vikar ophørt: fravær ændret")
    session.execute(queries.clear_covers(row.id))
    session.flush()
    _write_covers(session, actor, row, data.covers, audit.Action.UPDATE)
    return _absence_changed({*before["covers"], *data.covers})


def _absence_changed(covered_citizens: Collection[int]) -> Changes:
    """The calendar shades absences for the whole team, so the change is team-wide; a
    substitute cover also changes who may see the covered citizens (their substitutes)."""
    if not covered_citizens:
        return team_schedule()
    return Changes.of(Kind.SCHEDULE, Kind.ASSIGNMENTS)


def _write_covers(session: Session, actor: Actor, row: Absence,
                  covers: Mapping[int, int],
                  action: audit.Action = audit.Action.CREATE) -> None:
    audit.record(session, actor.login, action, entity=ENTITY, entity_id=row.id,
                 detail=f"Fravær: {AbsenceKind(row.kind).label} {_period(row)}")
    for citizen_id, substitute_id in sorted(covers.items()):
        session.add(AbsenceCover(absence_id=row.id, citizen_id=citizen_id,
                                 substitute_id=substitute_id))
        audit.record(session, actor.login, action, entity=ENTITY,
                     entity_id=row.id, citizen_id=citizen_id,
                     detail=f"Vikar {_user_name(session, substitute_id)} {_period(row)}")
    session.flush()


def _require_absence(session: Session, actor: Actor, absence_id: int) -> Absence:
    row = session.get(Absence, absence_id)
    if row is None:
        raise NotFound("Fraværet findes ikke længere.")
    if row.user_id != actor.user_id and not actor.sees_all_citizens:
        raise AccessDenied("Kun en koordinator kan ændre andres fravær.")
    return row


def _user_name(session: Session, user_id: int) -> str:
    return session.scalar(queries.user_name(user_id)) or ""


def _period(row: Absence) -> str:
    return f"{format_date(row.start_on)} – {format_date(row.end_on)}"
