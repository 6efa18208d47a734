"""The team's staffed hours (*åbningstid*), shaded in the calendar.

Kept as JSON in ``app_meta`` (no schema change for one small team setting).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import time

from mentordesk import audit
from mentordesk.errors import InvalidInput
from mentordesk.kernel.access import require_coordinator
from mentordesk.kernel.changes import Changes, Kind, Result
from mentordesk.kernel.context import Context
from mentordesk.storage.database import Database
from mentordesk.storage.models import AppMeta

META_KEY = "schedule.staffed_hours"
_WEEKDAYS = ("Mandag", "Tirsdag", "Onsdag", "Torsdag", "Fredag", "Lørdag", "Søndag")


@dataclass(frozen=True)
class StaffedHours:
    """Per weekday (0 = Monday) the staffed span, or None for a closed day."""

    days: tuple[tuple[time, time] | None, ...]

    @classmethod
    def default(cls) -> StaffedHours:
        """Weekdays 7–19, Friday to 15 (DOMAIN.md), weekends closed."""
        week = (time(7), time(19))
        return cls((week, week, week, week, (time(7), time(15)), None, None))

    def span(self, weekday: int) -> tuple[time, time] | None:
        return self.days[weekday]

    def to_json(self) -> str:
        return json.dumps([None if d is None else [f"{d[0]:%H:%M}", f"{d[1]:%H:%M}"]
                           for d in self.days])

    @classmethod
    def from_json(cls, text: str) -> StaffedHours:
        raw = json.loads(text)
        if not isinstance(raw, list) or len(raw) != 7:
            raise ValueError("seven days expected")
        return cls(tuple(None if d is None else (time.fromisoformat(d[0]),
                                                 time.fromisoformat(d[1])) for d in raw))


def staffed_hours(database: Database) -> StaffedHours:
    """The stored staffed hours; the default when none (or something unreadable) is stored."""
    text = database.meta(META_KEY)
    if not text:
        return StaffedHours.default()
    try:
        return StaffedHours.from_json(text)
    except (ValueError, TypeError, IndexError):
        return StaffedHours.default()


def set_staffed_hours(context: Context, hours: StaffedHours) -> Result[None]:
    require_coordinator(context.actor)
    if len(hours.days) != 7:
        raise InvalidInput("Angiv åbningstid for alle ugens syv dage.")
    for name, span in zip(_WEEKDAYS, hours.days, strict=True):
        if span is not None and span[1] <= span[0]:
            raise InvalidInput(f"{name}: sluttiden skal ligge efter starttiden.")
    with context.session() as session:
        session.merge(AppMeta(key=META_KEY, value=hours.to_json()))
        audit.record(session, context.actor.login, audit.Action.UPDATE, entity="settings",
                     detail="Teamets åbningstid ændret")
    return Result(None, Changes.of(Kind.SETTINGS))
