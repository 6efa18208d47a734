"""The calendar as views show it: appointments and group sessions with their conflicts.

A mentor looking at the team calendar sees colleagues' bookings, but a citizen outside
their caseload shows only as "Optaget" (busy) without note or place: need-to-know.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy.orm import Session

from mentordesk import audit
from mentordesk.domain.dates import format_date
from mentordesk.domain.public_holidays import danish_public_holidays
from mentordesk.kernel.actor import Actor
from mentordesk.kernel.context import Context
from mentordesk.schedule.appointments import AppointmentInput
from mentordesk.schedule.conflicts import Conflict, Slot, find_conflicts
from mentordesk.schedule.groups import GroupSlot, group_slots
from mentordesk.schedule.labels import citizen_name, citizens_by_id, user_names
from mentordesk.schedule.recurrence import (
    Occurrence,
    check_rule,
    day_window,
    expand_appointments,
    series_starts,
)
from mentordesk.storage.models import Citizen
from mentordesk.storage.queries.schedule import visible_among

APPOINTMENT = "appointment"
GROUP = "group"
BUSY = "Optaget"
PREVIEW_WEEKS = 26  # how far ahead a new series is checked for conflicts


@dataclass(frozen=True)
class CalendarItem:
    """One block in the calendar."""

    kind: str                        # APPOINTMENT | GROUP
    starts_at: datetime
    duration_minutes: int
    title: str                       # citizen name / "Optaget" / course name
    form: str                        # ContactForm code ("group" for group sessions)
    place: str
    note: str                        # "" when restricted
    citizen_id: int | None
    mentor_ids: tuple[int, ...]
    mentor_names: tuple[str, ...]
    recurring: bool
    cancelled: bool
    restricted: bool                 # the actor may not see this citizen
    conflicts: tuple[Conflict, ...]
    occurrence_start: datetime       # key for "this one" edits
    appointment_id: int | None = None
    version: int = 0
    logged: bool = False             # marked done / not attended
    attended: bool | None = None
    group_course_id: int | None = None
    group_session_id: int | None = None

    @property
    def ends_at(self) -> datetime:
        return self.starts_at + timedelta(minutes=self.duration_minutes)

    @property
    def key(self) -> tuple[str, int, datetime]:
        return (self.kind, self.appointment_id or self.group_course_id or 0,
                self.occurrence_start)


def calendar_items(context: Context, first: date, last: date, *,
                   mentor_ids: Sequence[int] | None = None,
                   citizen_ids: Sequence[int] | None = None,
                   today: date | None = None) -> list[CalendarItem]:
    """Everything booked ``first..last`` (whole days), filtered by mentors and/or citizens;
    ``None`` = the whole team. Ordered by start."""
    today = today or date.today()
    # Expanding a team's series takes a while: read without holding other writers up.
    with context.read() as session:
        items = calendar_items_in_session(session, context.actor, first, last,
                                          mentor_ids=mentor_ids, citizen_ids=citizen_ids,
                                          today=today)
    shown = sorted({i.citizen_id for i in items if i.citizen_id and not i.restricted})
    with context.session() as session:
        audit.record(session, context.actor.login, audit.Action.LIST, entity="calendar",
                     citizen_id=shown[0] if len(shown) == 1 else None,
                     detail=f"Kalender {format_date(first)} – {format_date(last)}: "
                     f"{len(items)} aftaler, {len(shown)} borgere")
    return items


def calendar_items_in_session(session: Session, actor: Actor, first: date, last: date, *,
                              mentor_ids: Sequence[int] | None,
                              citizen_ids: Sequence[int] | None,
                              today: date) -> list[CalendarItem]:
    if citizen_ids is not None:
        # Filtering by a citizen the actor may not see would list that citizen's bookings.
        citizen_ids = sorted(_visible(session, actor, set(citizen_ids), today))
    window_start, window_end = day_window(first, last)
    occurrences = expand_appointments(session, window_start, window_end,
                                      citizen_ids=citizen_ids, mentor_ids=mentor_ids)
    groups = group_slots(session, first, last, mentor_ids=mentor_ids, citizen_ids=citizen_ids)
    mentors = {m for o in occurrences for m in o.mentor_ids} | {
        m for g in groups for m in g.leader_ids}
    if mentor_ids is None and citizen_ids is None:
        # The whole team is already loaded: every other booking is among them.
        others, other_groups = occurrences, groups
    else:
        others = expand_appointments(session, window_start, window_end,
                                     mentor_ids=sorted(mentors)) if mentors else []
        other_groups = group_slots(session, first, last, mentor_ids=sorted(mentors))
    names = user_names(session)
    slots = [_slot(o) for o in occurrences] + [_group_slot(g) for g in groups]
    conflicts = find_conflicts(session, slots, names=names, others=[
        *(_slot(o) for o in others), *(_group_slot(g) for g in other_groups)])
    visible = _visible(session, actor, {o.citizen_id for o in occurrences}, today)
    citizens = citizens_by_id(session, visible)
    items = [_appointment_item(o, citizens, names, conflicts) for o in occurrences]
    items += [_group_item(g, names, conflicts) for g in groups]
    items.sort(key=lambda i: (i.starts_at, i.kind, i.appointment_id or 0))
    return items


def preview_conflicts(context: Context, data: AppointmentInput, *,
                      ignore_appointment_id: int | None = None) -> list[tuple[datetime,
                                                                              Conflict]]:
    """Conflicts the proposed appointment would have (a series: its next 26 weeks), for the
    dialog to warn before saving. Nothing is written or audited (no citizen data is read)."""
    start = data.starts_at.replace(second=0, microsecond=0)
    rule = check_rule(data.rrule, start)
    horizon = start + timedelta(weeks=PREVIEW_WEEKS)
    starts = series_starts(rule, start, (), start, horizon) if rule else [start]
    if not starts or not data.mentor_ids:
        return []
    proposed = [Slot(("new", s), s, data.duration_minutes, tuple(data.mentor_ids))
                for s in starts]
    with context.read() as session:
        window_start, window_end = day_window(starts[0].date(), starts[-1].date()
                                              + timedelta(days=1))
        others = [o for o in expand_appointments(session, window_start, window_end,
                                                 mentor_ids=list(data.mentor_ids))
                  if ignore_appointment_id is None
                  or ignore_appointment_id not in (o.appointment_id, o.series_id)]
        groups = group_slots(session, window_start.date(), window_end.date(),
                             mentor_ids=list(data.mentor_ids))
        found = find_conflicts(session, proposed, names=user_names(session), others=[
            *(_slot(o) for o in others), *(_group_slot(g) for g in groups)])
    return [(slot.starts_at, conflict) for slot in proposed
            for conflict in found.get(slot.key, ())]


def holidays_between(first: date, last: date) -> dict[date, str]:
    """Danish public holidays ``first..last`` with their Danish names, for shading."""
    found: dict[date, str] = {}
    for year in range(first.year, last.year + 1):
        found.update({d: n for d, n in danish_public_holidays(year).items()
                      if first <= d <= last})
    return dict(sorted(found.items()))


# --- internals ---------------------------------------------------------------------------------


def _slot(o: Occurrence) -> Slot:
    return Slot((APPOINTMENT, o.appointment_id, o.occurrence_start), o.starts_at,
                o.duration_minutes, o.mentor_ids, o.cancelled)


def _group_slot(g: GroupSlot) -> Slot:
    return Slot((GROUP, g.group_course_id, g.starts_at), g.starts_at, g.duration_minutes,
                g.leader_ids, g.cancelled)


def _visible(session: Session, actor: Actor, ids: set[int | None], today: date) -> set[int]:
    wanted = sorted(i for i in ids if i is not None)
    if not wanted:
        return set()
    if actor.sees_all_citizens:
        return set(wanted)
    return set(session.scalars(visible_among(wanted, actor.user_id, today)))


def _appointment_item(o: Occurrence, citizens: dict[int, Citizen], names: dict[int, str],
                      conflicts: dict[object, tuple[Conflict, ...]]) -> CalendarItem:
    citizen = citizens.get(o.citizen_id) if o.citizen_id is not None else None
    restricted = o.citizen_id is not None and citizen is None
    title = BUSY if restricted else (citizen_name(citizen) if citizen else "Intern aftale")
    return CalendarItem(
        kind=APPOINTMENT, starts_at=o.starts_at, duration_minutes=o.duration_minutes,
        title=title, form=o.form, place="" if restricted else o.place,
        note="" if restricted else o.note,
        citizen_id=None if restricted else o.citizen_id,  # "busy" must not say whose case
        mentor_ids=o.mentor_ids,
        mentor_names=tuple(names.get(m, "") for m in o.mentor_ids), recurring=o.recurring,
        cancelled=o.cancelled, restricted=restricted,
        conflicts=conflicts.get((APPOINTMENT, o.appointment_id, o.occurrence_start), ()),
        occurrence_start=o.occurrence_start, appointment_id=o.appointment_id,
        version=o.version, logged=o.logged, attended=o.attended)


def _group_item(g: GroupSlot, names: dict[int, str],
                conflicts: dict[object, tuple[Conflict, ...]]) -> CalendarItem:
    return CalendarItem(
        kind=GROUP, starts_at=g.starts_at, duration_minutes=g.duration_minutes,
        title=g.course_name, form="group", place=g.place, note="", citizen_id=None,
        mentor_ids=g.leader_ids, mentor_names=tuple(names.get(m, "") for m in g.leader_ids),
        recurring=True, cancelled=g.cancelled, restricted=False,
        conflicts=conflicts.get((GROUP, g.group_course_id, g.starts_at), ()),
        occurrence_start=g.starts_at, group_course_id=g.group_course_id,
        group_session_id=g.session_id)
