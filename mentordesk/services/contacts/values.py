"""The contact log's plain values: what the UI sends in and gets back, and its errors."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time
from typing import Any, NamedTuple

from mentordesk.domain.codes import Attendance, ContactForm
from mentordesk.domain.dates import format_date
from mentordesk.domain.duration import hours_text
from mentordesk.domain.grant_choice import NOT_ATTRIBUTED_LABEL, SUGGESTED, GrantPick
from mentordesk.errors import MentorDeskError

MAX_DURATION_MINUTES = 24 * 60
MAX_TRAVEL_KM = 2_000  # a day's driving; more is a typo (metres, or a year's total)
PLACE_MAX_CHARS = 200  # the column's width
NOTE_MAX_CHARS = 20_000
REASON_MAX_CHARS = 2_000

# Fields an edit may change, in domain terms (see ContactDetail.editable_values).
EDITABLE_FIELDS = ("contact_on", "start_time", "duration_minutes", "form", "place",
                   "attendance", "note", "partner_id", "consent_override_reason", "goal_ids",
                   "grant_id", "travel_minutes", "travel_km", "indirect_minutes")


class ContactInputError(MentorDeskError):
    """Bad input, nothing saved; ``field`` names the input to correct."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


class ConsentMissing(MentorDeskError):
    """No valid consent covers contact with the partner that day: a reason is required."""

    def __init__(self, partner_name: str, on: date) -> None:
        super().__init__(
            f"Borgeren har ikke et gyldigt samtykke til kontakt med {partner_name} "
            f"den {format_date(on)}. Angiv en begrundelse for at registrere kontakten alligevel."
        )
        self.partner_name = partner_name
        self.on = on


@dataclass(frozen=True)
class NewContact:
    """A contact to log. The mentor defaults to the actor, the date to today."""

    citizen_id: int
    duration_minutes: int
    form: ContactForm
    contact_on: date | None = None
    start_time: time | None = None
    place: str = ""
    attendance: Attendance = Attendance.ATTENDED
    note: str = ""
    goal_ids: tuple[int, ...] = ()
    partner_id: int | None = None
    consent_override_reason: str = ""
    mentor_id: int | None = None
    # The grant whose hours this is: an id, None ("Ikke tilknyttet") or the rule's choice.
    grant_id: GrantPick = SUGGESTED
    # Around the contact, never part of duration_minutes (the face-to-face time).
    travel_minutes: int = 0
    travel_km: int = 0
    indirect_minutes: int = 0  # forberedelse, dokumentation, koordinering


@dataclass(frozen=True)
class ContactFilters:
    period_from: date | None = None
    period_to: date | None = None
    form: ContactForm | None = None
    attendance: Attendance | None = None


def format_duration(minutes: int) -> str:
    """A contact's length in the program's one hour format: ``90`` → ``"1,5 t"``."""
    return hours_text(minutes)


def around_text(travel_minutes: int, travel_km: int, indirect_minutes: int) -> str:
    parts = []
    if travel_minutes or travel_km:
        travel = [hours_text(travel_minutes)] if travel_minutes else []
        travel += [f"{travel_km} km"] if travel_km else []
        parts.append("kørsel " + ", ".join(travel))
    if indirect_minutes:
        parts.append(f"indirekte {hours_text(indirect_minutes)}")
    return " · ".join(parts)


def format_time(moment: time | None) -> str:
    return moment.strftime("%H:%M") if moment is not None else ""


class ContactRow(NamedTuple):
    """One line of a contact list, straight from the query's columns."""

    id: int
    citizen_id: int
    citizen_name: str
    mentor_id: int
    mentor_name: str
    contact_on: date
    start_time: time | None
    duration_minutes: int
    form_code: str
    place: str
    attended: bool
    note: str
    partner_name: str
    version: int
    grant_code: str = ""  # legal basis of the contact's grant; "" when not attributed
    travel_minutes: int = 0
    travel_km: int = 0
    indirect_minutes: int = 0

    @property
    def grant_text(self) -> str:
        return self.grant_code or NOT_ATTRIBUTED_LABEL

    @property
    def form(self) -> ContactForm:
        return ContactForm(self.form_code)

    @property
    def attendance(self) -> Attendance:
        return Attendance.ATTENDED if self.attended else Attendance.NO_SHOW

    @property
    def date_text(self) -> str:
        return format_date(self.contact_on)

    @property
    def time_text(self) -> str:
        return format_time(self.start_time)

    @property
    def duration_text(self) -> str:
        return format_duration(self.duration_minutes)

    @property
    def around_text(self) -> str:
        """Travel and indirect time beside the face-to-face time: "kørsel 0,5 t, 12 km ·
        indirekte 0,25 t", "" when there is none."""
        return around_text(self.travel_minutes, self.travel_km, self.indirect_minutes)

    @property
    def note_first_line(self) -> str:
        return self.note.strip().split("\n", 1)[0].strip() if self.note.strip() else ""


@dataclass(frozen=True)
class ContactDetail:
    """One contact as an edit form shows it; ``version`` is what to save against."""

    id: int
    citizen_id: int
    mentor_id: int
    mentor_name: str
    contact_on: date
    start_time: time | None
    duration_minutes: int
    form: ContactForm
    place: str
    attendance: Attendance
    note: str
    partner_id: int | None
    partner_name: str
    consent_override_reason: str
    goal_ids: tuple[int, ...]
    version: int
    grant_id: int | None = None  # None: "Ikke tilknyttet"
    travel_minutes: int = 0
    travel_km: int = 0
    indirect_minutes: int = 0

    def editable_values(self) -> dict[str, Any]:
        """What the user starts editing from: the ``original`` of ``update_contact``."""
        return {name: getattr(self, name) for name in EDITABLE_FIELDS}


class AttendanceRate(NamedTuple):
    """Attendance stability over in-person meetings; ``rate`` is None with none planned."""

    attended: int
    no_shows: int
    rate: float | None

    @property
    def planned(self) -> int:
        return self.attended + self.no_shows


class GoalChoice(NamedTuple):
    id: int
    title: str


class PartnerChoice(NamedTuple):
    id: int
    name: str
    organisation: str


class MentorChoice(NamedTuple):
    id: int
    full_name: str
