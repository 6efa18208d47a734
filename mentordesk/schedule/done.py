"""From plan to log: mark a past appointment done (or not attended) in one action.

The contact gets the appointment's date, time, form, place and duration and is linked by
``appointment_id``; the weekly hours count contacts, so the hours view moves only now.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from mentordesk import audit
from mentordesk.domain.dates import format_date
from mentordesk.domain.grant_choice import SUGGESTED
from mentordesk.errors import InvalidInput
from mentordesk.kernel.changes import Result
from mentordesk.kernel.context import Context
from mentordesk.schedule.appointments import require_appointment
from mentordesk.schedule.changed import contacts_logged
from mentordesk.schedule.recurrence import parse_exdates, series_starts
from mentordesk.services.contacts.rules import ENTITY as CONTACT_ENTITY
from mentordesk.services.contacts.rules import validated
from mentordesk.services.contacts.values import format_duration
from mentordesk.services.grant_attribution import resolve_grant
from mentordesk.storage.models import Appointment, Contact
from mentordesk.storage.queries.schedule import contact_logged_for


def mark_done(context: Context, appointment_id: int,
              occurrence_start: datetime | None = None, *,
              duration_minutes: int | None = None, note: str = "",
              today: date | None = None) -> Result[int]:
    """Log the appointment (one date of a series) as held; returns the new contact's id."""
    return _log(context, appointment_id, occurrence_start, attended=True,
                duration_minutes=duration_minutes, note=note, today=today)


def mark_not_attended(context: Context, appointment_id: int,
                      occurrence_start: datetime | None = None, *, note: str = "",
                      today: date | None = None) -> Result[int]:
    """Log that the citizen did not come (counts in attendance, not in hours)."""
    return _log(context, appointment_id, occurrence_start, attended=False,
                duration_minutes=None, note=note, today=today)


def _log(context: Context, appointment_id: int,
         occurrence_start: datetime | None, *, attended: bool,
         duration_minutes: int | None, note: str, today: date | None) -> Result[int]:
    today = today or date.today()
    with context.session() as session:
        row = require_appointment(session, context.actor, appointment_id, today)
        if row.citizen_id is None:
            raise InvalidInput("En intern aftale uden borger kan ikke registreres som kontakt.")
        if row.cancelled:
            raise InvalidInput("Aftalen er aflyst og kan ikke registreres som afholdt.")
        start = _actual_start(row, occurrence_start)
        if start.date() > today:
            raise InvalidInput(f"Aftalen den {format_date(start.date())} ligger i fremtiden. "
                               "Den kan registreres, når den har fundet sted.")
        taken = session.scalar(contact_logged_for(row.id, start.date()))
        if taken is not None:
            raise InvalidInput("Aftalen er allerede registreret i kontaktloggen.")
        values = validated({
            "contact_on": start.date(), "start_time": start.time(),
            "duration_minutes": row.duration_minutes if duration_minutes is None
            else duration_minutes, "note": note}, today)
        contact = Contact(
            citizen_id=row.citizen_id, mentor_id=row.mentor_id, contact_on=start.date(),
            start_time=values["start_time"], duration_minutes=values["duration_minutes"],
            form=row.form, place=row.place, attended=attended, note=values["note"],
            appointment_id=row.id,
            grant_id=resolve_grant(session, row.citizen_id, SUGGESTED, start.date(),
                                   inherited=row.grant_id))
        session.add(contact)
        session.flush()
        what = "afholdt" if attended else "ikke fremmødt"
        audit.record(session, context.actor.login, audit.Action.CREATE, entity=CONTACT_ENTITY,
                     entity_id=contact.id, citizen_id=row.citizen_id,
                     detail=f"Aftale {what}: {format_date(start.date())}, "
                     f"{format_duration(values['duration_minutes'])}")
        return Result(contact.id, contacts_logged([row.citizen_id]))


def _actual_start(row: Appointment, occurrence_start: datetime | None) -> datetime:
    if not row.rrule:
        return row.starts_at
    if occurrence_start is None:
        raise InvalidInput("Vælg hvilken dato i serien, der skal registreres.")
    found = series_starts(row.rrule, row.starts_at, parse_exdates(row.exdates),
                          occurrence_start, occurrence_start + timedelta(seconds=1))
    if not found:
        raise InvalidInput("Den valgte dato hører ikke til aftaleserien.")
    return found[0]
