"""Conflicts flagged per occurrence: a mentor booked twice, a public holiday, an absence.

Flags, not refusals: a mentor may well meet a citizen on a holiday by agreement; the
calendar shows the flag and the dialog warns before saving.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy.orm import Session

from mentordesk.domain.dates import format_date
from mentordesk.domain.public_holidays import danish_public_holidays
from mentordesk.schedule.absence import AbsenceKind, AbsenceRow, absences_between
from mentordesk.storage.queries.periods import period_overlaps

DOUBLE_BOOKING = "double_booking"
HOLIDAY = "holiday"
ABSENCE = "absence"


@dataclass(frozen=True)
class Conflict:
    kind: str       # DOUBLE_BOOKING | HOLIDAY | ABSENCE
    message: str    # Danish, for a tooltip or a warning


@dataclass(frozen=True)
class Slot:
    """Anything that occupies mentors for a time: an appointment date or a group session."""

    key: object
    starts_at: datetime
    duration_minutes: int
    mentor_ids: tuple[int, ...]
    cancelled: bool = False

    @property
    def ends_at(self) -> datetime:
        return self.starts_at + timedelta(minutes=self.duration_minutes)


def find_conflicts(session: Session, slots: Sequence[Slot], *,
                   others: Sequence[Slot] = (),
                   names: dict[int, str] | None = None) -> dict[object, tuple[Conflict, ...]]:
    """Conflicts of each of ``slots`` (keyed by ``Slot.key``); ``others`` are further
    bookings to compare against (e.g. the mentors' other appointments that week)."""
    live = [slot for slot in slots if not slot.cancelled]
    if not live:
        return {}
    names = names or {}
    first = min(slot.starts_at.date() for slot in live)
    last = max(slot.ends_at.date() for slot in live)
    found: dict[object, list[Conflict]] = defaultdict(list)
    _holidays(live, first, last, found)
    mentors = sorted({m for slot in live for m in slot.mentor_ids})
    _absences(live, absences_between(session, first, last, user_ids=mentors), found)
    _double_bookings(live, [s for s in others if not s.cancelled], names, found)
    return {key: tuple(conflicts) for key, conflicts in found.items()}


def _holidays(slots: Sequence[Slot], first: date, last: date,
              found: dict[object, list[Conflict]]) -> None:
    holidays: dict[date, str] = {}
    for year in range(first.year, last.year + 1):
        holidays.update(danish_public_holidays(year))
    for slot in slots:
        name = holidays.get(slot.starts_at.date())
        if name:
            found[slot.key].append(Conflict(HOLIDAY, f"Helligdag: {name}"))


def _absences(slots: Sequence[Slot], absences: list[AbsenceRow],
              found: dict[object, list[Conflict]]) -> None:
    by_user: dict[int, list[AbsenceRow]] = defaultdict(list)
    for absence in absences:
        by_user[absence.user_id].append(absence)
    for slot in slots:
        day = slot.starts_at.date()
        for mentor_id in slot.mentor_ids:
            for absence in by_user.get(mentor_id, []):
                if period_overlaps(absence.start_on, absence.end_on, day, day):
                    found[slot.key].append(Conflict(ABSENCE, (
                        f"{absence.user_name} er fraværende "
                        f"({AbsenceKind(absence.kind).label.lower()}) "
                        f"{format_date(absence.start_on)} – {format_date(absence.end_on)}")))


def _double_bookings(slots: Sequence[Slot], others: Sequence[Slot], names: dict[int, str],
                     found: dict[object, list[Conflict]]) -> None:
    """A sweep per mentor over all bookings sorted by start: O(n log n), not O(n²)."""
    everything = {slot.key: slot for slot in (*others, *slots)}
    wanted = {slot.key for slot in slots}
    per_mentor: dict[int, list[Slot]] = defaultdict(list)
    for slot in everything.values():
        for mentor_id in slot.mentor_ids:
            per_mentor[mentor_id].append(slot)
    for mentor_id, bookings in per_mentor.items():
        bookings.sort(key=lambda s: s.starts_at)
        active: list[Slot] = []
        for slot in bookings:
            active = [a for a in active if a.ends_at > slot.starts_at]
            for earlier in active:
                if earlier.key == slot.key:
                    continue
                for one, other in ((slot, earlier), (earlier, slot)):
                    if one.key in wanted:
                        found[one.key].append(Conflict(DOUBLE_BOOKING, (
                            f"{names.get(mentor_id, 'Mentoren')} er dobbeltbooket "
                            f"{other.starts_at:%d-%m-%Y %H:%M}–{other.ends_at:%H:%M}")))
            active.append(slot)
