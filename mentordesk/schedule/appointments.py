"""Appointments: create, edit and delete one-offs and recurring series.

Edits of a series take a scope, as in Outlook: the whole series, "this one" (a separate
row replacing one date, with an EXDATE on the series) or "this and following" (the old
series ends with UNTIL just before the date, a new series starts there). Each change is
checked against the version the user loaded, and audited with the citizen.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy.orm import Session

from mentordesk import audit
from mentordesk.domain.codes import ContactForm
from mentordesk.domain.grant_choice import SUGGESTED, GrantPick
from mentordesk.errors import InvalidInput, NotFound
from mentordesk.kernel.access import require_citizen
from mentordesk.kernel.actor import Actor
from mentordesk.kernel.changes import Changes, Result
from mentordesk.kernel.cleaning import clean_line, clean_note
from mentordesk.kernel.context import Context
from mentordesk.kernel.editing import apply_edit, require_version
from mentordesk.schedule.changed import schedule_of
from mentordesk.schedule.recurrence import (
    MAX_DURATION_MINUTES,
    check_rule,
    format_exdates,
    parse_exdates,
    remaining_rule,
    series_starts,
    until_before,
)
from mentordesk.services.grant_attribution import resolve_grant
from mentordesk.storage.models import Appointment
from mentordesk.storage.queries import schedule as queries

ENTITY = "appointment"


class EditScope(StrEnum):
    """Which dates of a series an edit or delete applies to."""

    ALL = "all"              # the whole series (or the one-off itself)
    THIS = "this"            # only the chosen date
    FOLLOWING = "following"  # the chosen date and all later ones


@dataclass(frozen=True)
class AppointmentInput:
    """What the appointment dialog sends. ``rrule`` is RFC 5545 RRULE text ('' = one-off),
    e.g. ``weekly_rule()`` → ``"FREQ=WEEKLY"``."""

    citizen_id: int | None
    mentor_ids: tuple[int, ...]      # the responsible mentor first; at least one
    starts_at: datetime              # local wall-clock time, no tzinfo
    duration_minutes: int
    form: str                        # domain ContactForm code
    place: str = ""
    note: str = ""
    rrule: str = ""
    cancelled: bool = False
    # The grant the time is booked under: an id, None ("Ikke tilknyttet") or the rule's choice.
    grant_id: GrantPick = SUGGESTED


@dataclass(frozen=True)
class AppointmentDetail(AppointmentInput):
    id: int = 0
    version: int = 0
    series_id: int | None = None
    recurrence_id: datetime | None = None
    exdates: tuple[datetime, ...] = field(default_factory=tuple)

    @property
    def is_series(self) -> bool:
        return bool(self.rrule)


# --- public service functions ---------------------------------------------------------------


def create_appointment(context: Context, data: AppointmentInput,
                       *, today: date | None = None) -> Result[int]:
    """Book an appointment or a series; returns the new row's id."""
    today = today or date.today()
    with context.session() as session:
        values = _checked(session, context.actor, data, today)
        row = _insert(session, values, data.mentor_ids)
        _audit(session, context.actor, audit.Action.CREATE, row, "Aftale oprettet")
        return Result(row.id, schedule_of([row.citizen_id]))


def get_appointment(context: Context, appointment_id: int,
                    *, today: date | None = None) -> AppointmentDetail:
    """The stored appointment (a series row, an edited date or a one-off)."""
    with context.session() as session:
        row = require_appointment(session, context.actor, appointment_id, today or date.today())
        detail = _detail(session, row)
        _audit(session, context.actor, audit.Action.READ, row, "Aftale vist")
        return detail


def update_appointment(context: Context, appointment_id: int,
                       expected_version: int, data: AppointmentInput, *,
                       scope: EditScope = EditScope.ALL,
                       occurrence_start: datetime | None = None,
                       today: date | None = None) -> Result[int]:
    """Save an edit; returns the id of the row that now holds it.

    For THIS/FOLLOWING ``occurrence_start`` is the chosen date's start in the series
    (``Occurrence.occurrence_start``). Raises StaleEdit/EditConflict if the row moved on.
    """
    today = today or date.today()
    with context.session() as session:
        row = require_appointment(session, context.actor, appointment_id, today)
        # Moving an appointment to another citizen changes both citizens' schedules.
        changes = schedule_of([row.citizen_id, data.citizen_id])
        values = _checked(session, context.actor, data, today)
        row, scope, occurrence_start = _resolve_scope(session, row, scope, occurrence_start)
        changes |= _series_schedules(session, row)
        if scope is EditScope.THIS:
            held_by = _edit_this(session, context.actor, row, expected_version, values, data,
                                 occurrence_start)
        elif scope is EditScope.FOLLOWING:
            held_by = _edit_following(session, context.actor, row, expected_version, values,
                                      data, occurrence_start)
        else:
            held_by = _edit_all(session, context.actor, row, expected_version, values, data)
        return Result(held_by, changes)


def delete_appointment(context: Context, appointment_id: int,
                       expected_version: int, *, scope: EditScope = EditScope.ALL,
                       occurrence_start: datetime | None = None,
                       today: date | None = None) -> Result[None]:
    """Delete a one-off, a series, one date of it, or a date and all later ones.

    Contacts already logged for it stay in the journal (their link is cleared).
    """
    today = today or date.today()
    with context.session() as session:
        row = require_appointment(session, context.actor, appointment_id, today)
        changes = schedule_of([row.citizen_id])
        if row.series_id not in (None, row.id):
            # An edited date: its EXDATE stays on the series, so the date stays removed.
            require_version(row, expected_version, "Aftalen")
            if scope is EditScope.THIS:
                _audit(session, context.actor, audit.Action.DELETE, row, "Aftale slettet (denne)")
                session.delete(row)
                return Result(None, changes)
            series = session.get(Appointment, row.series_id)
            if series is None:
                session.delete(row)
                return Result(None, changes)
            # FOLLOWING / ALL from an edited date act on its series, checked by this row.
            scope, occurrence_start = EditScope(scope), row.recurrence_id
            row = series
            expected_version = series.version
        row, scope, occurrence_start = _resolve_scope(session, row, scope, occurrence_start)
        changes |= _series_schedules(session, row)
        require_version(row, expected_version, "Aftalen")
        if scope is EditScope.THIS:
            _add_exdate(row, occurrence_start)
            _audit(session, context.actor, audit.Action.DELETE, row,
                   f"Aftale slettet (denne: {occurrence_start:%d-%m-%Y %H:%M})")
        elif scope is EditScope.FOLLOWING:
            _end_series_before(session, row, occurrence_start)
            _audit(session, context.actor, audit.Action.DELETE, row,
                   f"Aftale slettet (denne og følgende fra {occurrence_start:%d-%m-%Y})")
        else:
            _audit(session, context.actor, audit.Action.DELETE, row, "Aftale slettet")
            session.execute(queries.delete_dates_edited_apart(row.id))
            session.delete(row)
        return Result(None, changes)


def require_appointment(session: Session, actor: Actor, appointment_id: int,
                        today: date) -> Appointment:
    """The appointment, if the actor may see its citizen (or takes part in it)."""
    row = session.get(Appointment, appointment_id)
    if row is None:
        raise NotFound("Aftalen findes ikke længere; den kan være slettet af en anden.")
    if row.citizen_id is not None:
        require_citizen(session, actor, row.citizen_id, today)
    elif not actor.sees_all_citizens and actor.user_id not in mentor_ids_of(session, row):
        raise NotFound("Aftalen findes ikke længere; den kan være slettet af en anden.")
    return row


def _series_schedules(session: Session, row: Appointment) -> Changes:
    """The schedules a series edit can reach: dates edited apart may name another citizen."""
    return schedule_of([row.citizen_id, *session.scalars(queries.series_citizen_ids(row.id))])


def mentor_ids_of(session: Session, row: Appointment) -> tuple[int, ...]:
    extra = {user_id for _id, user_id in session.execute(queries.extra_mentors([row.id]))}
    return (row.mentor_id, *sorted(extra - {row.mentor_id}))


# --- validation ------------------------------------------------------------------------------


def _checked(session: Session, actor: Actor, data: AppointmentInput,
             today: date) -> dict[str, Any]:
    if data.citizen_id is not None:
        require_citizen(session, actor, data.citizen_id, today)
    _check_mentors(session, data.mentor_ids)
    starts_at = data.starts_at
    if not isinstance(starts_at, datetime):
        raise InvalidInput("Angiv dato og klokkeslæt for aftalen.")
    if starts_at.tzinfo is not None:
        raise InvalidInput("Angiv aftalens tid som lokal tid (uden tidszone).")
    starts_at = starts_at.replace(second=0, microsecond=0)
    duration = data.duration_minutes
    if not isinstance(duration, int) or isinstance(duration, bool) \
            or not 1 <= duration <= MAX_DURATION_MINUTES:
        raise InvalidInput("Varigheden skal være mellem 1 minut og 24 timer.")
    if data.form not in {form.value for form in ContactForm}:
        raise InvalidInput("Vælg en kontaktform for aftalen.")
    return {
        "citizen_id": data.citizen_id, "starts_at": starts_at, "duration_minutes": duration,
        "form": data.form, "place": clean_line(Appointment, "place", data.place, "Sted"),
        "note": clean_note(data.note), "rrule": check_rule(data.rrule, starts_at),
        "cancelled": bool(data.cancelled),
        "grant_id": None if data.citizen_id is None
        else resolve_grant(session, data.citizen_id, data.grant_id, starts_at.date()),
    }


def _check_mentors(session: Session, mentor_ids: tuple[int, ...]) -> None:
    if not mentor_ids:
        raise InvalidInput("Vælg mindst én mentor til aftalen.")
    known = set(session.scalars(queries.active_user_ids(mentor_ids)))
    if known != set(mentor_ids):
        raise InvalidInput("En af de valgte mentorer findes ikke i teamet.")


# --- scopes -----------------------------------------------------------------------------------


def _resolve_scope(session: Session, row: Appointment, scope: EditScope,
                   occurrence_start: datetime | None
                   ) -> tuple[Appointment, EditScope, datetime]:
    """Normalise: a one-off is always ALL; an edited date with FOLLOWING acts on its series;
    FOLLOWING from the first date is ALL."""
    scope = EditScope(scope)
    if row.series_id not in (None, row.id):
        if scope is EditScope.FOLLOWING:
            series = session.get(Appointment, row.series_id)
            if series is not None and row.recurrence_id is not None:
                return _resolve_scope(session, series, scope, row.recurrence_id)
        return row, EditScope.ALL, row.starts_at
    if not row.rrule:
        return row, EditScope.ALL, row.starts_at
    if scope is EditScope.ALL:
        return row, scope, row.starts_at
    # A date already edited apart (an EXDATE) can still start "this and following".
    if occurrence_start is None or not _in_series(
            row, occurrence_start, with_exdates=scope is EditScope.FOLLOWING):
        raise InvalidInput("Den valgte dato hører ikke til aftaleserien.")
    if scope is EditScope.FOLLOWING and occurrence_start <= row.starts_at:
        return row, EditScope.ALL, row.starts_at
    return row, scope, occurrence_start


def _in_series(row: Appointment, moment: datetime, *, with_exdates: bool = False) -> bool:
    skipped = () if with_exdates else parse_exdates(row.exdates)
    return moment in series_starts(row.rrule, row.starts_at, skipped, moment,
                                   moment + timedelta(seconds=1))


def _edit_all(session: Session, actor: Actor, row: Appointment, expected_version: int,
              values: dict[str, Any], data: AppointmentInput) -> int:
    shift = values["starts_at"] - row.starts_at
    if row.rrule and values["rrule"] and shift and row.exdates:
        # Moving the whole series moves its removed dates along with it.
        values["exdates"] = format_exdates(d + shift for d in parse_exdates(row.exdates))
    apply_edit(session, row, expected_version, values)
    _set_mentors(session, row, data.mentor_ids)
    _audit(session, actor, audit.Action.UPDATE, row, "Aftale ændret")
    return row.id


def _edit_this(session: Session, actor: Actor, series: Appointment, expected_version: int,
               values: dict[str, Any], data: AppointmentInput,
               occurrence_start: datetime) -> int:
    require_version(series, expected_version, "Aftalen")
    _add_exdate(series, occurrence_start)
    values.update(rrule="", series_id=series.id, recurrence_id=occurrence_start)
    detached = _insert(session, values, data.mentor_ids)
    day = occurrence_start.date()
    session.execute(queries.relink_contacts(series.id, detached.id, day, day))
    _audit(session, actor, audit.Action.UPDATE, detached,
           f"Aftale ændret (denne: {occurrence_start:%d-%m-%Y %H:%M})")
    return detached.id


def _edit_following(session: Session, actor: Actor, series: Appointment,
                    expected_version: int, values: dict[str, Any], data: AppointmentInput,
                    occurrence_start: datetime) -> int:
    require_version(series, expected_version, "Aftalen")
    values["rrule"] = remaining_rule(series.rrule, series.starts_at, values["rrule"],
                                     occurrence_start)
    shift = values["starts_at"] - occurrence_start
    moved = [d + shift for d in parse_exdates(series.exdates) if d >= occurrence_start]
    _end_series_before(session, series, occurrence_start)
    values["exdates"] = format_exdates(moved) if values["rrule"] else ""
    new_series = _insert(session, values, data.mentor_ids)
    session.execute(queries.relink_contacts(series.id, new_series.id, occurrence_start.date()))
    _audit(session, actor, audit.Action.UPDATE, new_series,
           f"Aftale ændret (denne og følgende fra {occurrence_start:%d-%m-%Y})")
    return new_series.id


def _end_series_before(session: Session, series: Appointment, moment: datetime) -> None:
    """End the series just before ``moment``; dates edited apart after it go too."""
    series.rrule = until_before(series.rrule, moment)
    series.exdates = format_exdates(d for d in parse_exdates(series.exdates) if d < moment)
    session.execute(queries.delete_dates_edited_apart(series.id, from_moment=moment))
    session.flush()


def _add_exdate(series: Appointment, moment: datetime) -> None:
    series.exdates = format_exdates(parse_exdates(series.exdates) | {moment})


# --- rows ---------------------------------------------------------------------------------------


def _insert(session: Session, values: dict[str, Any], mentor_ids: tuple[int, ...]
            ) -> Appointment:
    row = Appointment(mentor_id=mentor_ids[0], **values)
    session.add(row)
    session.flush()
    if row.rrule and row.series_id is None:
        row.series_id = row.id
    _set_mentors(session, row, mentor_ids)
    session.flush()
    return row


def _set_mentors(session: Session, row: Appointment, mentor_ids: tuple[int, ...]) -> None:
    row.mentor_id = mentor_ids[0]
    session.execute(queries.clear_extra_mentors(row.id))
    extra = [m for m in dict.fromkeys(mentor_ids) if m != mentor_ids[0]]
    if extra:
        session.execute(queries.add_extra_mentors(), [
            {"appointment_id": row.id, "user_id": m} for m in extra])


def _detail(session: Session, row: Appointment) -> AppointmentDetail:
    return AppointmentDetail(
        citizen_id=row.citizen_id, mentor_ids=mentor_ids_of(session, row),
        starts_at=row.starts_at, duration_minutes=row.duration_minutes, form=row.form,
        place=row.place, note=row.note, rrule=row.rrule, cancelled=row.cancelled,
        grant_id=row.grant_id, id=row.id, version=row.version, series_id=row.series_id,
        recurrence_id=row.recurrence_id,
        exdates=tuple(sorted(parse_exdates(row.exdates))))


def _audit(session: Session, actor: Actor, action: audit.Action, row: Appointment,
           what: str) -> None:
    audit.record(session, actor.login, action, entity=ENTITY, entity_id=row.id,
                 citizen_id=row.citizen_id, detail=f"{what}: {row.starts_at:%d-%m-%Y %H:%M}")
