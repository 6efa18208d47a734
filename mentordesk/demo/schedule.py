"""The demo's calendar extras: the team's staffed hours, and a few series dates moved
"this one" (a detached row plus an EXDATE), as happens every week in a real team.

The appointments, group courses and absences themselves come from ``journal``. This phase
uses its own ``Random`` so adding it left what earlier seeds produce unchanged.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from mentordesk.demo.state import DemoState
from mentordesk.schedule.recurrence import format_exdates, parse_exdates, series_starts
from mentordesk.schedule.staffed import META_KEY, StaffedHours
from mentordesk.storage import models as m

MOVED_SERIES = 6


def add_schedule_extras(state: DemoState, session: Session) -> None:
    session.merge(m.AppMeta(key=META_KEY, value=StaffedHours.default().to_json()))
    rng = random.Random(state.seed * 7919 + 5)
    series = list(session.scalars(select(m.Appointment).where(m.Appointment.rrule != "")
                                  .order_by(m.Appointment.id).limit(MOVED_SERIES)))
    soon = datetime.combine(state.today, datetime.min.time()) + timedelta(days=1)
    for row in series:
        upcoming = series_starts(row.rrule, row.starts_at, parse_exdates(row.exdates), soon,
                                 soon + timedelta(weeks=3))
        if not upcoming:
            continue
        original = upcoming[0]
        moved = original + timedelta(hours=rng.choice((-1, 1, 2)))
        row.exdates = format_exdates(parse_exdates(row.exdates) | {original})
        if row.series_id is None:
            row.series_id = row.id
        session.add(m.Appointment(
            citizen_id=row.citizen_id, mentor_id=row.mentor_id, starts_at=moved,
            duration_minutes=row.duration_minutes, form=row.form, place=row.place,
            note="Flyttet denne ene gang.", series_id=row.id, recurrence_id=original))
    session.flush()
