"""Recurring appointments: RFC 5545 rules (dateutil.rrule) expanded into occurrences.

Times are local wall-clock times without a zone (what the mentor agreed with the citizen:
"Tuesdays at 10"). Expanding a naive rule keeps 10:00 across the DST change, which is what
people mean; the ICS export attaches Europe/Copenhagen so Outlook agrees.

A series is one ``appointment`` row with ``rrule`` and ``series_id`` = its own id.
"This one" edits are separate rows with ``series_id`` = the series and ``recurrence_id`` =
the start they replace, plus an EXDATE on the series. One-off appointments have neither.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from typing import Any

from sqlalchemy import Row
from sqlalchemy.orm import Session

from mentordesk.errors import InvalidInput
from mentordesk.storage.queries import schedule as queries
from mentordesk.storage.queries.schedule import BookingRow

MAX_DURATION_MINUTES = 24 * 60
_ALLOWED_FREQ = ("DAILY", "WEEKLY", "MONTHLY", "YEARLY")
_RULE_HINT = "Gentagelsen kunne ikke forstås. Vælg fx »hver uge« eller »hver 2. uge«."


@dataclass(frozen=True)
class Occurrence:
    """One appointment as it happens on one day (a one-off, or one date of a series)."""

    appointment_id: int              # the row to edit (series row for series dates)
    series_id: int | None            # the series this belongs to, if any
    occurrence_start: datetime       # the start in the series (key for "this one" edits)
    starts_at: datetime              # actual start (differs if moved)
    duration_minutes: int
    citizen_id: int | None
    mentor_ids: tuple[int, ...]      # the responsible mentor first
    form: str
    place: str
    note: str
    recurring: bool                  # part of a series (incl. an occurrence edited apart)
    cancelled: bool
    version: int
    contact_id: int | None = None    # the contact logged for this occurrence ("done")
    attended: bool | None = None

    @property
    def ends_at(self) -> datetime:
        return self.starts_at + timedelta(minutes=self.duration_minutes)

    @property
    def logged(self) -> bool:
        return self.contact_id is not None

    @property
    def key(self) -> tuple[int, datetime]:
        return self.appointment_id, self.occurrence_start


# --- rules ---------------------------------------------------------------------------------


def weekly_rule(*, interval: int = 1, until: date | None = None, count: int | None = None,
                weekdays: Sequence[int] = ()) -> str:
    """RRULE text for "every ``interval`` weeks", optionally ending ``until`` or after ``count``.

    ``weekdays`` (0 = Monday) repeats on several days of the week; empty = the start's day.
    """
    parts = ["FREQ=WEEKLY"]
    if interval != 1:
        parts.append(f"INTERVAL={int(interval)}")
    if weekdays:
        names = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
        parts.append("BYDAY=" + ",".join(names[day] for day in sorted(set(weekdays))))
    if until is not None:
        parts.append(f"UNTIL={until:%Y%m%d}T235959")
    elif count is not None:
        parts.append(f"COUNT={int(count)}")
    return ";".join(parts)


def check_rule(text: str, dtstart: datetime) -> str:
    """The cleaned rule text, or InvalidInput with a Danish message.

    Hourly and finer rules are refused: a mentor never meets "every minute", and such a
    rule would make each calendar view expand millions of occurrences.
    """
    cleaned = (text or "").strip()
    if cleaned.upper().startswith("RRULE:"):
        cleaned = cleaned[6:]
    if not cleaned:
        return ""
    fields = dict(part.split("=", 1) for part in cleaned.split(";") if "=" in part)
    if fields.get("FREQ", "").upper() not in _ALLOWED_FREQ:
        raise InvalidInput(_RULE_HINT)
    try:
        _rule(cleaned, dtstart)
    except (ValueError, TypeError):
        raise InvalidInput(_RULE_HINT) from None
    return cleaned


def until_before(rule_text: str, moment: datetime) -> str:
    """The rule, ended just before ``moment`` (UNTIL replaces any COUNT or UNTIL)."""
    parts = [part for part in rule_text.split(";")
             if part and not part.upper().startswith(("UNTIL=", "COUNT="))]
    parts.append(f"UNTIL={moment - timedelta(seconds=1):%Y%m%dT%H%M%S}")
    return ";".join(parts)


def remaining_rule(series_rule: str, series_start: datetime, rule: str,
                   occurrence_start: datetime) -> str:
    """The rule for "this and following" from ``occurrence_start``.

    An unchanged COUNT means "end where the series ended": the new series gets only the
    dates still to come, not the full count again. Dates before ``occurrence_start``
    that were removed (EXDATE) still used up the count (RFC 5545), so they are counted.
    A changed rule, or one without COUNT, is what the user asked for and stays as it is.
    """
    if not rule or rule != series_rule:
        return rule
    parts = rule.split(";")
    counts = [i for i, part in enumerate(parts) if part.upper().startswith("COUNT=")]
    if not counts:
        return rule
    count = int(parts[counts[0]].split("=", 1)[1])
    starts = _rule(series_rule, series_start).between(series_start, occurrence_start,
                                                       inc=True)
    before = sum(1 for start in starts if start < occurrence_start)
    parts[counts[0]] = f"COUNT={max(count - before, 1)}"
    return ";".join(parts)


def parse_exdates(text: str) -> set[datetime]:
    return {datetime.fromisoformat(item) for item in (text or "").split(",") if item.strip()}


def format_exdates(moments: Iterable[datetime]) -> str:
    return ",".join(sorted(moment.isoformat(timespec="minutes") for moment in set(moments)))


def series_starts(rule_text: str, dtstart: datetime, exdates: Iterable[datetime],
                  window_start: datetime, window_end: datetime) -> list[datetime]:
    """Starts of the series in ``[window_start, window_end)``, without the EXDATEs."""
    if window_end <= window_start:
        return []
    skipped = set(exdates)
    evenly = _evenly_spaced(rule_text, dtstart)
    if evenly is not None:
        period, until = evenly
        return [start for start in _every(period, dtstart, window_start, window_end, until)
                if start not in skipped]
    rule = _rule(rule_text, dtstart)
    later_start = _start_near(rule_text, dtstart, window_start)
    if later_start != dtstart:
        rule = rule.replace(dtstart=later_start)
    starts = rule.between(window_start, window_end, inc=True)
    return [start for start in starts if start < window_end and start not in skipped]


# Rules whose dates repeat every INTERVAL weeks (or days) however far from the start: a
# later start, whole periods on, yields the same dates from there.
_SHIFTABLE_FREQ = {"WEEKLY": 7, "DAILY": 1}
_SHIFTABLE_PARTS = {"FREQ", "INTERVAL", "BYDAY", "UNTIL", "WKST"}


def _start_near(rule_text: str, dtstart: datetime, window_start: datetime) -> datetime:
    """A start whole repeat periods after ``dtstart`` and at least one period before the
    window, so a series from years ago is not walked week by week from its first date on
    every expansion (1 ms a series at five years; the team's week expands a thousand).

    Only where the dates from there on are the same: weekly or daily rules without COUNT
    (which counts from the true start) or any other part that could anchor them."""
    fields = {key.upper(): value for key, _, value in
              (part.partition("=") for part in rule_text.split(";") if part)}
    days = _SHIFTABLE_FREQ.get(fields.get("FREQ", "").upper())
    if days is None or not set(fields) <= _SHIFTABLE_PARTS:
        return dtstart
    period = days * int(fields.get("INTERVAL") or 1)
    periods = (window_start - dtstart).days // period - 1
    return dtstart + timedelta(days=periods * period) if periods > 0 else dtstart


_WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_UNTIL = re.compile(r"^\d{8}T\d{6}$")


@lru_cache(maxsize=4096)
def _evenly_spaced(rule_text: str, dtstart: datetime
                   ) -> tuple[timedelta, datetime | None] | None:
    """(period, last start allowed) of a rule whose dates are simply the start, then every
    period after it: "every n weeks" on the start's own weekday (the common series: the
    calendar's "hver uge", "hver 2. uge"), or "every n days". None for any other rule,
    which dateutil expands. Stepping by the period is a tenth of dateutil's cost, and a
    team's month expands six hundred series."""
    fields = {key.upper(): value.upper() for key, _, value in
              (part.partition("=") for part in rule_text.split(";") if part)}
    days = _SHIFTABLE_FREQ.get(fields.get("FREQ", ""))
    if days is None or not set(fields) <= _SHIFTABLE_PARTS:
        return None
    if "BYDAY" in fields and (days != 7 or fields["BYDAY"] != _WEEKDAYS[dtstart.weekday()]):
        return None
    interval = fields.get("INTERVAL", "1")
    until = fields.get("UNTIL")
    if not interval.isdigit() or int(interval) < 1 or (
            until is not None and not _UNTIL.match(until)):
        return None
    return (timedelta(days=days * int(interval)),
            None if until is None else datetime.strptime(until, "%Y%m%dT%H%M%S"))


def _every(period: timedelta, dtstart: datetime, window_start: datetime,
           window_end: datetime, until: datetime | None) -> list[datetime]:
    """The starts ``dtstart + k × period`` in ``[window_start, window_end)``, up to
    ``until``."""
    steps = max(0, -(-(window_start - dtstart) // period))  # the first not before the window
    starts = []
    start = dtstart + steps * period
    while start < window_end and (until is None or start <= until):
        starts.append(start)
        start += period
    return starts


@lru_cache(maxsize=4096)
def _rule(rule_text: str, dtstart: datetime):
    # Parsing dominates expanding a team's week; a parsed rule is never mutated here.
    from dateutil.rrule import rrulestr

    return rrulestr(rule_text, dtstart=dtstart, ignoretz=True)


# --- expansion over stored rows ------------------------------------------------------------


def expand_appointments(session: Session, window_start: datetime, window_end: datetime, *,
                        citizen_ids: Sequence[int] | None = None,
                        mentor_ids: Sequence[int] | None = None) -> list[Occurrence]:
    """Every occurrence overlapping ``[window_start, window_end)``, ordered by start.

    Cancelled ones are included (the calendar shows them struck out); callers that count
    hours skip them.
    """
    rows = _candidate_rows(session, window_start, window_end, citizen_ids, mentor_ids)
    extra = _extra_mentors(session, [row.id for row in rows])
    occurrences: list[Occurrence] = []
    for row in rows:
        mentors = (row.mentor_id, *sorted(extra.get(row.id, set()) - {row.mentor_id}))
        occurrences.extend(_row_occurrences(row, mentors, window_start, window_end))
    occurrences = _with_contacts(session, occurrences)
    occurrences.sort(key=lambda o: (o.starts_at, o.appointment_id))
    return occurrences


def _candidate_rows(session: Session, window_start: datetime, window_end: datetime,
                    citizen_ids: Sequence[int] | None,
                    mentor_ids: Sequence[int] | None) -> list[Row[BookingRow]]:
    earliest = window_start - timedelta(minutes=MAX_DURATION_MINUTES)
    return list(session.execute(queries.appointments_reaching(
        window_end, earliest, citizen_ids=citizen_ids, mentor_ids=mentor_ids)))


def _extra_mentors(session: Session, ids: list[int]) -> dict[int, set[int]]:
    found: dict[int, set[int]] = {}
    for chunk_start in range(0, len(ids), 500):
        chunk = ids[chunk_start:chunk_start + 500]
        for appointment_id, user_id in session.execute(queries.extra_mentors(chunk)):
            found.setdefault(appointment_id, set()).add(user_id)
    return found


def _row_occurrences(row: Row[BookingRow], mentors: tuple[int, ...], window_start: datetime,
                     window_end: datetime) -> list[Occurrence]:
    # Unpacked once: reading a Row's fields by name for each of a series' dates was a
    # third of expanding a team's month.
    (appointment_id, series_id, starts_at, minutes, citizen_id, _responsible, form, place,
     note, rule, exdates, recurrence_id, cancelled, version) = row

    def occurrence(original: datetime, start: datetime, recurring: bool) -> Occurrence:
        return Occurrence(appointment_id, series_id, original, start, minutes, citizen_id,
                          mentors, form, place, note, recurring, cancelled, version)

    length = timedelta(minutes=minutes)
    if not rule:
        if starts_at + length <= window_start and minutes > 0:
            return []
        if starts_at < window_start and minutes == 0:
            return []
        return [occurrence(recurrence_id or starts_at, starts_at, series_id is not None)]
    starts = series_starts(rule, starts_at, parse_exdates(exdates),
                           window_start - length + timedelta(seconds=1), window_end)
    return [occurrence(start, start, True) for start in starts]


def _with_contacts(session: Session, occurrences: list[Occurrence]) -> list[Occurrence]:
    """Attach the contact logged for each occurrence (matched by appointment and day)."""
    ids = sorted({o.appointment_id for o in occurrences})
    if not ids:
        return occurrences
    first = min(o.starts_at for o in occurrences).date()
    last = max(o.starts_at for o in occurrences).date()
    logged: dict[tuple[int, date], tuple[int, bool]] = {}
    for chunk_start in range(0, len(ids), 500):
        query = queries.contacts_logged_for(ids[chunk_start:chunk_start + 500], first, last)
        for appointment_id, day, contact_id, attended in session.execute(query):
            logged[(appointment_id, day)] = (contact_id, attended)
    result = []
    for occurrence in occurrences:
        match = logged.get((occurrence.appointment_id, occurrence.starts_at.date()))
        if match is not None:
            occurrence = _replace(occurrence, contact_id=match[0], attended=match[1])
        result.append(occurrence)
    return result


def _replace(occurrence: Occurrence, **changes: Any) -> Occurrence:
    from dataclasses import replace

    return replace(occurrence, **changes)


def day_window(first: date, last: date) -> tuple[datetime, datetime]:
    """``[first 00:00, day after last 00:00)``: a window covering whole days."""
    return datetime.combine(first, time.min), datetime.combine(last + timedelta(days=1), time.min)
