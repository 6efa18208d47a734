"""Worker-thread side of the calendar: call the schedule services, prepare the scene.

``load_scene`` and ``load_choices`` are operations run through ``ops.run`` (never on the
GUI thread). Views never query the database; this module calls the services and turns
their rows into plain paint lists.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from mentordesk.domain.codes import ContactForm, Role
from mentordesk.kernel.context import Context
from mentordesk.schedule.absence import AbsenceKind, list_absences
from mentordesk.schedule.calendar import BUSY, CalendarItem, calendar_items, holidays_between
from mentordesk.schedule.ics_import import is_imported_block
from mentordesk.schedule.staffed import staffed_hours
from mentordesk.services.citizens import list_citizens
from mentordesk.services.team import list_users
from mentordesk.storage.database import Database
from ui.views.calendar.scene import (
    CalendarScene,
    DayFacts,
    Occurrence,
    build_scene,
    build_team_day,
)


def staffed_minutes(database: Database) -> dict[int, tuple[int, int] | None]:
    """The team's staffed hours per weekday (0 = Monday) as minutes from midnight."""
    hours = staffed_hours(database)
    return {weekday: None if (span := hours.span(weekday)) is None
            else (span[0].hour * 60 + span[0].minute, span[1].hour * 60 + span[1].minute)
            for weekday in range(7)}


def short_title(item: CalendarItem) -> str:
    """Initials or alias + form: "AB · Hjemmebesøg". A one-word title is an alias (a cover
    name already) or "Optaget", shown as it is."""
    if item.kind != "group" and is_imported_block(item.citizen_id, item.note):
        return f"Outlook: {item.place}"  # booked elsewhere: the subject says what
    words = item.title.split()
    if item.kind == "group" or item.restricted or item.title == BUSY or len(words) < 2:
        who = item.title
    else:
        who = "".join(word[0].upper() for word in words if word[0].isalpha())
    form = ContactForm(item.form).label if item.form in ContactForm._value2member_map_ else ""
    return f"{who} · {form}" if form and item.kind != "group" else who


def _status(item: CalendarItem) -> str:
    if item.kind == "group":
        return "group"
    if not item.logged:
        return ""
    return "done" if item.attended else "no_show"


def occurrence_for(item: CalendarItem, *, team_view: bool) -> Occurrence:
    conflicts = tuple(conflict.message for conflict in item.conflicts)
    return Occurrence(
        key=item, starts_at=item.starts_at, duration_minutes=item.duration_minutes,
        title=short_title(item), mentor_id=item.mentor_ids[0] if item.mentor_ids else None,
        mentor_text=", ".join(name for name in item.mentor_names if name) if team_view else "",
        place=item.place, conflicts=conflicts, recurring=item.recurring,
        status="cancelled" if item.cancelled else _status(item))


def load_scene(context: Context, first: date, last: date, *, scope: str,
               chosen: int | None, today: date, team_view: bool,
               by_mentor: bool = False) -> CalendarScene:
    """The period's appointments, holidays, staffed hours and absences, prepared for
    painting. ``by_mentor`` (the team's day): one column per mentor instead of per day."""
    mentor_ids = [chosen] if scope == "mentor" and chosen is not None else None
    citizen_ids = [chosen] if scope == "citizen" and chosen is not None else None
    items = calendar_items(context, first, last, mentor_ids=mentor_ids,
                           citizen_ids=citizen_ids, today=today)
    holidays = holidays_between(first, last)
    staffed = staffed_minutes(context.database)
    absent: dict[date, list[str]] = {}
    for absence in list_absences(context, first, last, user_ids=mentor_ids):
        day = max(absence.start_on, first)
        while day <= min(absence.end_on, last):
            absent.setdefault(day, []).append(
                f"{absence.user_name}: {AbsenceKind(absence.kind).label.lower()}")
            day += timedelta(days=1)
    days = []
    day = first
    while day <= last:
        days.append(DayFacts(day, holidays.get(day, ""), staffed.get(day.weekday()),
                             tuple(absent.get(day, ()))))
        day += timedelta(days=1)
    if by_mentor:
        return build_team_day(days[0], _per_mentor(items), team_columns(context, items))
    occurrences = [occurrence_for(item, team_view=team_view) for item in items]
    return build_scene(first, last, occurrences, days)


def _per_mentor(items: list[CalendarItem]) -> list[Occurrence]:
    """An appointment with two mentors goes in both their columns."""
    return [replace(occurrence_for(item, team_view=False), mentor_id=mentor_id)
            for item in items for mentor_id in item.mentor_ids]


def team_columns(context: Context, items: list[CalendarItem]) -> list[tuple[int, str]]:
    """Who gets a column in the team's day: every active mentor and coordinator, and
    anyone else (an administrator) with an appointment that day. Those with appointments
    come first, so the day's work is on screen before the columns scroll; each by name."""
    booked = {mentor_id for item in items for mentor_id in item.mentor_ids}
    members = [member for member in list_users(context, active_only=True)
               if member.role is not Role.ADMIN or member.id in booked]
    members.sort(key=lambda member: member.id not in booked)  # stable: names stay sorted
    return [(member.id, member.full_name) for member in members]


def load_choices(context: Context) -> tuple[list[tuple[int, str]], list[tuple[int, str]],
                                            dict[int, str]]:
    """(mentors, citizens) the filters and dialogs offer, as (id, name), and the citizens'
    aliases by id (the citizen picker finds a citizen by alias too)."""
    # Everyone on the team: a mentor books a colleague along or looks at their week.
    mentors = [(member.id, member.full_name)
               for member in list_users(context, active_only=True)]
    rows = list_citizens(context)
    citizens = [(row.id, row.display_name) for row in rows]
    return mentors, citizens, {row.id: row.alias for row in rows if row.alias}
