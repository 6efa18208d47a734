"""The schedule on demo data: the team week renders from real series, moved dates, group
sessions and absences; hours and the ICS export run over the whole team."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from mentordesk.demo.builder import build_demo
from mentordesk.domain.dates import week_bounds
from mentordesk.kernel.context import Context
from mentordesk.schedule import (
    calendar_items,
    export_ics,
    read_ics,
    staffed_hours,
    weekly_hours,
)
from mentordesk.schedule.staffed import StaffedHours
from mentordesk.services.team import resolve_actor

pytestmark = pytest.mark.file_only(
    reason="the demo is built as an encrypted file")

TODAY = date(2026, 11, 23)


def test_demo_team_week(tmp_path):
    database = build_demo(tmp_path / "demo.mentordesk", "demo-adgangskode 2026", citizens=30,
                          mentors=5, years=1, seed=3, today=TODAY, operator_login="demo.op")
    try:
        context = Context(database, resolve_actor(database, "demo.op"))
        monday, sunday = week_bounds(TODAY + timedelta(days=7))
        items = calendar_items(context, monday, sunday, today=TODAY)
        assert items and all(monday <= i.starts_at.date() <= sunday for i in items)
        assert any(i.kind == "group" for i in items) or any(i.recurring for i in items)
        moved = [i for i in calendar_items(context, TODAY, TODAY + timedelta(weeks=3),
                                           today=TODAY) if i.note == "Flyttet denne ene gang."]
        assert moved
        assert staffed_hours(database) == StaffedHours.default()
        overview = weekly_hours(context, TODAY - timedelta(weeks=8), TODAY, today=TODAY)
        assert overview.citizen_weeks and any(r.delivered_minutes for r in overview.citizen_weeks)
        events = read_ics(export_ics(context, monday, sunday, today=TODAY))
        assert len(events) == len([i for i in items if not i.cancelled])
    finally:
        database.close()
