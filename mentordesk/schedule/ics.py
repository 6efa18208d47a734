"""Outlook: RFC 5545 ICS export of the calendar, and a strict reader for round trips.

An ICS file leaves the program (mail, phones, Outlook's cloud), so by default an event
carries only the citizen's initials (or alias) and the contact form — never CPR, diagnosis,
address or note text. ``include_details`` adds name, place and note; the UI warns first.
Series are written as their dates (one event each): EXDATEs and "this one" edits are then
exactly what the calendar shows, with no rule for Outlook to interpret differently.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from mentordesk import audit
from mentordesk.domain.codes import ContactForm
from mentordesk.domain.dates import format_date
from mentordesk.errors import InvalidInput, NotFound
from mentordesk.files import write_atomically
from mentordesk.kernel.context import Context
from mentordesk.schedule.calendar import APPOINTMENT, BUSY, CalendarItem, calendar_items_in_session
from mentordesk.schedule.labels import citizen_initials, citizens_by_id
from mentordesk.storage.queries.schedule import user_id_by_login

ZONE = "Europe/Copenhagen"
# A CPR number typed into a note or place (ddmmyy-xxxx) never leaves in an ICS file.
_CPR_LIKE = re.compile(r"(?<!\d)\d{6}[- ]?\d{4}(?!\d)")
MAX_ICS_BYTES = 10 * 1024 * 1024
_BAD_FILE = "Filen er ikke en gyldig kalenderfil (ICS)"


@dataclass(frozen=True)
class IcsEvent:
    uid: str
    summary: str
    starts_at: datetime          # local wall-clock time (Europe/Copenhagen), naive
    ends_at: datetime
    location: str = ""
    description: str = ""


def export_ics(context: Context, first: date, last: date, *,
               mentor_login: str | None = None, include_details: bool = False,
               today: date | None = None) -> bytes:
    """The calendar ``first..last`` of one mentor (by login) or the whole team, as ICS."""
    if last < first:
        raise InvalidInput("Periodens slutdato ligger før startdatoen.")
    today = today or date.today()
    with context.read() as session:
        mentor_ids = None
        if mentor_login:
            mentor_id = session.scalar(user_id_by_login(mentor_login))
            if mentor_id is None:
                raise NotFound(f"Medarbejderen »{mentor_login}« findes ikke i teamet.")
            mentor_ids = [mentor_id]
        items = [i for i in calendar_items_in_session(
            session, context.actor, first, last, mentor_ids=mentor_ids, citizen_ids=None,
            today=today) if not i.cancelled]
        citizens = citizens_by_id(session, (i.citizen_id for i in items if not i.restricted))
    # Rendered outside any transaction; only the audit events take the write lock.
    data = _calendar(items, citizens, include_details).to_ical()
    shown = sorted({i.citizen_id for i in items if i.citizen_id and not i.restricted})
    with context.session() as session:
        for citizen_id in shown if include_details else []:
            audit.record(session, context.actor.login, audit.Action.EXPORT, entity="calendar",
                         citizen_id=citizen_id, detail="ICS med detaljer")
        audit.record(session, context.actor.login, audit.Action.EXPORT, entity="calendar",
                     detail=f"ICS {mentor_login or 'hele teamet'} {format_date(first)} – "
                     f"{format_date(last)}: {len(items)} aftaler, {len(shown)} borgere"
                     + (", med detaljer" if include_details else ""))
    return data


def write_ics(context: Context, path: Path, first: date, last: date, *,
              mentor_login: str | None = None, include_details: bool = False,
              today: date | None = None) -> Path:
    data = export_ics(context, first, last, mentor_login=mentor_login,
                      include_details=include_details, today=today)
    return write_atomically(Path(path), data)


def read_ics(data: bytes) -> list[IcsEvent]:
    """The events of an ICS file; InvalidInput with a Danish message if it is malformed."""
    from icalendar import Calendar

    if not isinstance(data, bytes | bytearray) or not data.strip():
        raise InvalidInput(f"{_BAD_FILE}: filen er tom.")
    if len(data) > MAX_ICS_BYTES:
        raise InvalidInput(f"{_BAD_FILE}: filen er større end 10 MB.")
    if not bytes(data).lstrip(b"\xef\xbb\xbf \r\n\t").upper().startswith(b"BEGIN:VCALENDAR"):
        raise InvalidInput(f"{_BAD_FILE}: den begynder ikke med BEGIN:VCALENDAR.")
    try:
        calendar = Calendar.from_ical(bytes(data))
        return [_event(component) for component in calendar.walk("VEVENT")]
    except InvalidInput:
        raise
    except Exception as error:  # icalendar raises ValueError, KeyError, IndexError …
        raise InvalidInput(f"{_BAD_FILE}: {type(error).__name__}.") from None


# --- writing ------------------------------------------------------------------------------


def _calendar(items: Sequence[CalendarItem], citizens: dict, include_details: bool):
    from zoneinfo import ZoneInfo

    from icalendar import Calendar, Event

    zone = ZoneInfo(ZONE)
    calendar = Calendar()
    calendar.add("prodid", "-//MentorDesk//Kalender//DA")
    calendar.add("version", "2.0")
    calendar.add("x-wr-timezone", ZONE)
    stamp = datetime.now(zone).replace(microsecond=0)
    for item in items:
        event = Event()
        event.add("uid", _uid(item))
        event.add("dtstamp", stamp)
        event.add("dtstart", item.starts_at.replace(tzinfo=zone))
        event.add("dtend", item.ends_at.replace(tzinfo=zone))
        event.add("summary", _summary(item, citizens, include_details))
        if item.kind != APPOINTMENT and item.place:
            event.add("location", item.place)
        elif include_details and not item.restricted:
            if item.place:
                event.add("location", _without_cpr(item.place))
            if item.note:
                event.add("description", _without_cpr(item.note))
        calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar


def _without_cpr(text: str) -> str:
    return _CPR_LIKE.sub("[CPR fjernet]", text)


def _summary(item: CalendarItem, citizens: dict, include_details: bool) -> str:
    if item.kind != APPOINTMENT:
        return item.title
    if item.restricted:
        return BUSY
    form = _form_label(item.form)
    citizen = citizens.get(item.citizen_id) if item.citizen_id is not None else None
    if citizen is None:
        return f"Intern aftale – {form}"
    who = item.title if include_details else citizen_initials(citizen)
    return f"{who} – {form}"


def _form_label(code: str) -> str:
    try:
        return ContactForm(code).label
    except ValueError:
        return code


def _uid(item: CalendarItem) -> str:
    ident = item.appointment_id or item.group_course_id or 0
    return f"{item.kind}-{ident}-{item.occurrence_start:%Y%m%dT%H%M}@mentordesk"


# --- reading --------------------------------------------------------------------------------


def _event(component) -> IcsEvent:
    start = component.get("dtstart")
    if start is None:
        raise InvalidInput(f"{_BAD_FILE}: en aftale mangler starttidspunkt (DTSTART).")
    starts_at = _local(start.dt)
    end = component.get("dtend")
    if end is not None:
        ends_at = _local(end.dt)
    elif component.get("duration") is not None:
        ends_at = starts_at + component.get("duration").dt
    else:
        ends_at = starts_at
    if ends_at < starts_at:
        raise InvalidInput(f"{_BAD_FILE}: en aftale slutter før den begynder.")
    return IcsEvent(uid=str(component.get("uid", "")), summary=str(component.get("summary", "")),
                    starts_at=starts_at, ends_at=ends_at,
                    location=str(component.get("location", "")),
                    description=str(component.get("description", "")))


def _local(value: object) -> datetime:
    from zoneinfo import ZoneInfo

    if isinstance(value, datetime):
        if value.tzinfo is None:
            return value
        return value.astimezone(ZoneInfo(ZONE)).replace(tzinfo=None)
    if isinstance(value, date):
        return datetime.combine(value, datetime.min.time())
    raise InvalidInput(f"{_BAD_FILE}: et tidspunkt kunne ikke læses.")


