"""Outlook: import a mentor's own calendar (.ics) as busy blocks in the team calendar.

Each event becomes an appointment without a citizen (so it shows as "Intern aftale" and
takes part in the double-booking check). Only SUMMARY is kept, cleaned, as the place;
LOCATION and DESCRIPTION stay out — they are the mentor's private calendar.

Times: the event's own zone (TZID, UTC or floating) is converted to Danish wall-clock time,
the calendar's convention. A simple weekly RRULE whose wall-clock time does not move
against Danish time is stored as the appointment's rule; any other rule is expanded into
one-offs over the next 12 months.

Re-import without duplicates, without a schema change: the first line of the note holds a
reserved marker ``[ICS-import:<sha256(UID)[:16]>:<start>]`` where ``<start>`` is the
occurrence's original start (RECURRENCE-ID semantics) in local time. The UID is hashed so
a hostile UID never reaches the note as text; the marker is looked up per mentor.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from itertools import islice

from sqlalchemy.orm import Session

from mentordesk import audit
from mentordesk.domain.codes import ContactForm
from mentordesk.errors import AccessDenied, InvalidInput
from mentordesk.kernel.actor import Actor
from mentordesk.kernel.changes import NOTHING, Result
from mentordesk.kernel.cleaning import column_limit
from mentordesk.kernel.context import Context
from mentordesk.schedule.appointments import ENTITY, _insert
from mentordesk.schedule.changed import team_schedule
from mentordesk.schedule.ics import ZONE, read_ics
from mentordesk.schedule.recurrence import MAX_DURATION_MINUTES, check_rule, format_exdates
from mentordesk.storage.models import Appointment, User
from mentordesk.storage.queries.schedule import imported_block_notes

MAX_IMPORT_BYTES = 5 * 1024 * 1024
MAX_BLOCKS = 10_000           # a year of a busy calendar is a few thousand; more is not one
EXPAND_MONTHS = 12
IMPORT_FORM = ContactForm.PUBLIC_SPACE.value  # a busy block needs some form; not a contact
MARKER_PREFIX = "[ICS-import:"
NOTE_TEXT = "Importeret fra Outlook (ICS). Første linje bruges til at genkende aftalen."
DEFAULT_TITLE = "Optaget (Outlook)"
_BAD_FILE = "Filen er ikke en gyldig kalenderfil (ICS)"
_MARKER = re.compile(r"^\[ICS-import:([0-9a-f]{16}):(\d{8}T\d{4})\]")
_SIMPLE_WEEKLY_PARTS = {"FREQ", "INTERVAL", "BYDAY", "UNTIL", "COUNT", "WKST"}
_TOO_FINE = {"SECONDLY", "MINUTELY", "HOURLY"}


@dataclass(frozen=True)
class IcsImportResult:
    imported: int                 # appointment rows created (a weekly series counts once)
    already_imported: int         # blocks found from an earlier import of the same events
    ignored: int                  # cancelled or "free" (transparent) events


@dataclass
class _Block:
    key: str                      # marker text without brackets' prefix
    starts_at: datetime           # local naive
    duration_minutes: int
    title: str
    rrule: str = ""
    exdates: set[datetime] = field(default_factory=set)


# --- public service function ---------------------------------------------------------------


def import_ics(context: Context, mentor_id: int, data: bytes, *,
               today: date | None = None) -> Result[IcsImportResult]:
    """Import ``data`` (an .ics file's bytes) as busy blocks of ``mentor_id``; all or nothing."""
    _check_bytes(data)
    _check_nesting(data)
    read_ics(bytes(data))  # the shared strict reader: InvalidInput for a malformed file
    today = today or date.today()
    blocks, ignored = _blocks(bytes(data), today)
    with context.session() as session:
        login = _require_mentor(session, context.actor, mentor_id)
        known = _known_keys(session, mentor_id)
        new = [b for b in blocks if b.key not in known]
        for block in new:
            _store(session, mentor_id, block)
        audit.record(session, context.actor.login, audit.Action.CREATE, entity=ENTITY,
                     detail=f"ICS-import for {login}: {len(new)} aftaler importeret, "
                     f"{len(blocks) - len(new)} allerede importeret, {ignored} ignoreret")
        # Busy blocks belong to no citizen: every view of the schedule refreshes.
        return Result(IcsImportResult(len(new), len(blocks) - len(new), ignored),
                      team_schedule() if new else NOTHING)


def is_imported_block(citizen_id: int | None, note: str) -> bool:
    """True for a busy block this module created (the calendar titles it by its subject)."""
    return citizen_id is None and bool(_MARKER.match(note or ""))


# --- checks before parsing ----------------------------------------------------------------


def _check_bytes(data: object) -> None:
    if not isinstance(data, bytes | bytearray) or not data.strip():
        raise InvalidInput(f"{_BAD_FILE}: filen er tom.")
    if len(data) > MAX_IMPORT_BYTES:
        raise InvalidInput(f"{_BAD_FILE}: filen er større end 5 MB.")
    head = bytes(data[:64]).lstrip(b"\xef\xbb\xbf \r\n\t").upper()
    if not head.startswith(b"BEGIN:VCALENDAR") or b"\x00" in data:
        raise InvalidInput(f"{_BAD_FILE}: det er ikke en kalender (text/calendar).")
    try:
        bytes(data).decode("utf-8")
    except UnicodeDecodeError:
        raise InvalidInput(f"{_BAD_FILE}: teksten er ikke UTF-8.") from None


def _check_nesting(data: bytes) -> None:
    """Every BEGIN has its END in order: a truncated file is refused, not half-read."""
    stack: list[str] = []
    for raw in data.decode("utf-8").splitlines():
        line = raw.strip().upper()
        if line.startswith("BEGIN:"):
            stack.append(line[6:])
        elif line.startswith("END:"):
            if not stack or stack.pop() != line[4:]:
                raise InvalidInput(f"{_BAD_FILE}: {line} passer ikke til en BEGIN-linje.")
    if stack:
        raise InvalidInput(f"{_BAD_FILE}: filen er afkortet (BEGIN:{stack[-1]} "
                           "mangler sin END-linje).")


def _require_mentor(session: Session, actor: Actor, mentor_id: int) -> str:
    if not actor.sees_all_citizens and mentor_id != actor.user_id:
        raise AccessDenied("Du kan kun importere til din egen kalender.")
    user = session.get(User, mentor_id)
    if user is None or not user.active:
        raise InvalidInput("Den valgte mentor findes ikke i teamet.")
    return user.login


def _known_keys(session: Session, mentor_id: int) -> set[str]:
    notes = session.scalars(imported_block_notes(mentor_id, MARKER_PREFIX))
    return {f"{m.group(1)}:{m.group(2)}" for m in map(_MARKER.match, notes) if m}


def _store(session: Session, mentor_id: int, block: _Block) -> None:
    rrule = check_rule(block.rrule, block.starts_at)
    _insert(session, {
        "citizen_id": None, "starts_at": block.starts_at,
        "duration_minutes": block.duration_minutes, "form": IMPORT_FORM,
        "place": block.title, "note": f"{MARKER_PREFIX}{block.key}]\n{NOTE_TEXT}",
        "rrule": rrule, "exdates": format_exdates(block.exdates) if rrule else "",
        "cancelled": False,
    }, (mentor_id,))


# --- events to blocks ---------------------------------------------------------------------


def _blocks(data: bytes, today: date) -> tuple[list[_Block], int]:
    from icalendar import Calendar

    window = (datetime.combine(today, time()),
              datetime.combine(_add_months(today, EXPAND_MONTHS), time()))
    try:
        events = list(Calendar.from_ical(data).walk("VEVENT"))
        blocks, ignored = _from_events(events, window)
    except InvalidInput:
        raise
    except Exception as error:  # icalendar and dateutil raise ValueError, KeyError …
        raise InvalidInput(f"{_BAD_FILE}: {type(error).__name__}.") from None
    unique = list({b.key: b for b in blocks}.values())
    if len(unique) > MAX_BLOCKS:
        raise InvalidInput(f"Filen indeholder mere end {MAX_BLOCKS} aftaler; "
                           "eksportér en kortere periode fra Outlook.")
    return unique, ignored


def _from_events(events: list, window: tuple[datetime, datetime]) -> tuple[list[_Block], int]:
    # Occurrences moved or cancelled one by one (RECURRENCE-ID) replace the series' dates.
    overrides: dict[str, dict[datetime, object]] = {}
    for event in events:
        if event.get("recurrence-id") is not None:
            moment = _local(event.get("recurrence-id").dt)
            overrides.setdefault(_uid(event), {})[moment] = event
    blocks: list[_Block] = []
    ignored = 0
    for event in events:
        if event.get("recurrence-id") is not None:
            continue
        replaced = overrides.get(_uid(event), {})
        new, skipped = _event_blocks(event, window, set(replaced))
        blocks += new
        ignored += skipped
        for moment, override in replaced.items():
            if _is_busy(override):
                blocks += _pieces(override, moment)
            else:
                ignored += 1
    return blocks, ignored


def _event_blocks(event, window: tuple[datetime, datetime],
                  replaced: set[datetime]) -> tuple[list[_Block], int]:
    if not _is_busy(event):
        return [], 1
    rule = event.get("rrule")
    if rule is None:
        return _pieces(event, _local(event.get("dtstart").dt)), 0
    start = event.get("dtstart").dt
    excluded = _exdates(event) | replaced
    if _is_simple_weekly(rule, start, _span(event)):
        block = _pieces(event, _local(start))[0]
        block.rrule = _local_rule(rule)
        block.exdates = excluded
        return [block], 0
    return _expanded(event, rule, window, excluded)


def _expanded(event, rule, window: tuple[datetime, datetime],
              excluded: set[datetime]) -> tuple[list[_Block], int]:
    from dateutil.rrule import rrulestr

    freq = str(rule.get("FREQ", [""])[0]).upper()
    if freq in _TOO_FINE:
        raise InvalidInput(f"{_BAD_FILE}: en aftale gentages hvert minut eller hver time.")
    start = event.get("dtstart").dt
    dtstart = start if isinstance(start, datetime) else datetime.combine(start, time())
    text = rule.to_ical().decode("utf-8")
    series = rrulestr(_until_like(text, dtstart), dtstart=dtstart)
    blocks: list[_Block] = []
    # Dates already past are left out: the import is about when the mentor is booked.
    for moment in islice(series, MAX_BLOCKS * 2):
        local = _local(moment)
        if local >= window[1]:
            break
        if local >= window[0] and local not in excluded:
            blocks += _pieces(event, local, moment)
    return blocks, 0


def _pieces(event, key_start: datetime,
            actual: object = None) -> list[_Block]:
    """One block per calendar day: an appointment lasts at most 24 hours."""
    start_value = actual if actual is not None else event.get("dtstart").dt
    starts_at = _local(start_value)
    ends_at = _local(_plus(start_value, _span(event)))
    title = _title(event)
    uid_hash = hashlib.sha256(_uid(event).encode("utf-8")).hexdigest()[:16]
    blocks = []
    piece_start = starts_at
    while True:
        piece_end = min(ends_at, datetime.combine(piece_start.date() + timedelta(days=1), time()))
        minutes = int((piece_end - piece_start).total_seconds() // 60)
        key_moment = key_start if piece_start == starts_at else piece_start
        blocks.append(_Block(f"{uid_hash}:{key_moment:%Y%m%dT%H%M}", piece_start,
                             max(1, min(minutes, MAX_DURATION_MINUTES)), title))
        if piece_end >= ends_at:
            return blocks
        piece_start = piece_end


# --- small helpers ------------------------------------------------------------------------


def _is_busy(event) -> bool:
    status = str(event.get("status", "")).upper()
    transparency = str(event.get("transp", "")).upper()
    return status != "CANCELLED" and transparency != "TRANSPARENT"


def _uid(event) -> str:
    uid = str(event.get("uid", "")).strip()
    if uid:
        return uid
    # RFC 5545 requires a UID; without one the event's own content identifies it.
    return "|".join(str(event.get(name, "")) for name in ("summary", "dtstart", "dtend"))


def _title(event) -> str:
    """SUMMARY as plain text on one line: control and format characters removed."""
    text = "".join(" " if unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") else c
                   for c in str(event.get("summary", "")))
    text = " ".join(text.split())
    limit = column_limit(Appointment, "place")
    if len(text) > limit:
        text = text[:limit - 1] + "…"
    return text or DEFAULT_TITLE


def _span(event) -> timedelta:
    start = event.get("dtstart").dt
    if event.get("dtend") is not None:
        end = event.get("dtend").dt
        span = _utc(end) - _utc(start) if isinstance(start, datetime) else end - start
    elif event.get("duration") is not None:
        span = event.get("duration").dt
    else:
        span = timedelta(days=1) if not isinstance(start, datetime) else timedelta(0)
    if span < timedelta(0):
        raise InvalidInput(f"{_BAD_FILE}: en aftale slutter før den begynder.")
    return span


def _plus(start: object, span: timedelta) -> object:
    if isinstance(start, datetime) and start.tzinfo is not None:
        # Elapsed time, not wall-clock time: a 2-hour meeting across the DST change.
        from zoneinfo import ZoneInfo

        return (start.astimezone(ZoneInfo("UTC")) + span).astimezone(start.tzinfo)
    # start is the untyped parser's DTSTART value: a date or a naive datetime.
    return start + span  # type: ignore[operator]


def _utc(value: datetime) -> datetime:
    from zoneinfo import ZoneInfo

    return value.astimezone(ZoneInfo("UTC")) if value.tzinfo is not None else value


def _local(value: object) -> datetime:
    from zoneinfo import ZoneInfo

    if isinstance(value, datetime):
        if value.tzinfo is None:
            return value.replace(second=0, microsecond=0)
        return value.astimezone(ZoneInfo(ZONE)).replace(tzinfo=None, second=0, microsecond=0)
    if isinstance(value, date):
        return datetime.combine(value, time())
    raise InvalidInput(f"{_BAD_FILE}: et tidspunkt kunne ikke læses.")


def _exdates(event) -> set[datetime]:
    found = event.get("exdate")
    if found is None:
        return set()
    lists = found if isinstance(found, list) else [found]
    return {_local(item.dt) for entry in lists for item in entry.dts}


def _is_simple_weekly(rule, start: object, span: timedelta) -> bool:
    """Weekly, plain weekdays, and the same Danish wall-clock time all year."""
    if str(rule.get("FREQ", [""])[0]).upper() != "WEEKLY" or set(rule) - _SIMPLE_WEEKLY_PARTS:
        return False
    if any(not str(day).isalpha() for day in rule.get("BYDAY", [])):
        return False
    if span > timedelta(days=1) or (not isinstance(start, datetime) and span != timedelta(days=1)):
        return False
    if not isinstance(start, datetime) or start.tzinfo is None:
        return True
    from zoneinfo import ZoneInfo

    danish = ZoneInfo(ZONE)
    later = start + timedelta(days=182)  # the other side of a DST change
    return all(moment.utcoffset() == moment.replace(tzinfo=danish).utcoffset()
               for moment in (start, later))


def _local_rule(rule) -> str:
    """The rule as the calendar stores it: naive local times (UNTIL converted)."""
    parts = []
    for name in ("FREQ", "INTERVAL", "BYDAY", "WKST", "COUNT"):
        if rule.get(name):
            parts.append(f"{name}=" + ",".join(str(v) for v in rule[name]))
    if rule.get("UNTIL"):
        until = rule["UNTIL"][0]
        moment = _local(until) if isinstance(until, datetime) else \
            datetime.combine(until, time(23, 59, 59))
        parts.append(f"UNTIL={moment:%Y%m%dT%H%M%S}")
    return ";".join(parts)


def _until_like(text: str, dtstart: datetime) -> str:
    """dateutil wants UNTIL in UTC for a zoned start and naive for a floating one."""
    match = re.search(r"UNTIL=(\d{8})(T\d{6}Z?)?", text)
    if not match:
        return text
    day, clock = match.group(1), match.group(2) or "T235959"
    if dtstart.tzinfo is None:
        if clock.endswith("Z"):
            from zoneinfo import ZoneInfo

            moment = datetime.strptime(day + clock, "%Y%m%dT%H%M%SZ").replace(
                tzinfo=ZoneInfo("UTC"))
            clock = _local(moment).strftime("T%H%M%S")
            day = _local(moment).strftime("%Y%m%d")
        return text.replace(match.group(0), f"UNTIL={day}{clock}")
    if not clock.endswith("Z"):
        naive = datetime.strptime(day + clock, "%Y%m%dT%H%M%S").replace(tzinfo=dtstart.tzinfo)
        return text.replace(match.group(0), f"UNTIL={_utc(naive):%Y%m%dT%H%M%S}Z")
    return text


def _add_months(day: date, months: int) -> date:
    from dateutil.relativedelta import relativedelta

    return day + relativedelta(months=months)
