"""Need-to-know in the schedule: a mentor sees colleagues' bookings as "Optaget" only,
cannot open or edit them, and reads are audited; staffed hours are a coordinator setting."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest
from schedule_support import add_citizen, add_user
from sqlalchemy import select

from mentordesk.errors import AccessDenied, InvalidInput, NotFound
from mentordesk.kernel.context import Context
from mentordesk.schedule import (
    AppointmentInput,
    StaffedHours,
    calendar_items,
    create_appointment,
    export_ics,
    get_appointment,
    set_staffed_hours,
    staffed_hours,
    weekly_hours,
)
from mentordesk.services.team import resolve_actor
from mentordesk.storage.models import AuditEvent

pytestmark = pytest.mark.both_backends

TODAY = date(2026, 11, 2)


@pytest.fixture
def two_caseloads(database, admin):
    mine = add_user(database, "mia", "Mia Min")
    theirs = add_user(database, "tim", "Tim Teirs")
    my_citizen = add_citizen(database, "Mona", "Mine", mentor_id=mine)
    their_citizen = add_citizen(database, "Tage", "Theirs", mentor_id=theirs)
    ids = {}
    for name, citizen, mentor, hour in (("mine", my_citizen, mine, 9),
                                        ("theirs", their_citizen, theirs, 11)):
        ids[name] = create_appointment(Context(database, admin), AppointmentInput(
            citizen_id=citizen, mentor_ids=(mentor,), starts_at=datetime(2026, 11, 3, hour),
            duration_minutes=60, form="home_visit", place=f"Hjemme hos {name}",
            note=f"Note om {name}"), today=TODAY).value
    return resolve_actor(database, "mia"), ids, my_citizen


def test_colleagues_bookings_show_as_busy(database, two_caseloads):
    mia, ids, _citizen = two_caseloads
    items = {i.appointment_id: i for i in calendar_items(Context(database, mia), date(2026, 11, 3),
                                                         date(2026, 11, 3), today=TODAY)}
    assert (items[ids["mine"]].title, items[ids["mine"]].note) == ("Mona Mine", "Note om mine")
    busy = items[ids["theirs"]]
    assert (busy.title, busy.note, busy.place, busy.restricted) == ("Optaget", "", "", True)
    with pytest.raises(NotFound):
        get_appointment(Context(database, mia), ids["theirs"], today=TODAY)
    ics = export_ics(Context(database, mia), date(2026, 11, 3), date(2026, 11, 3),
                     include_details=True, today=TODAY).decode()
    assert "Tage" not in ics and "Note om theirs" not in ics and "Optaget" in ics


def test_reads_are_audited(database, two_caseloads):
    mia, ids, citizen = two_caseloads
    get_appointment(Context(database, mia), ids["mine"], today=TODAY)
    weekly_hours(Context(database, mia), date(2026, 11, 2), date(2026, 11, 8), today=TODAY)
    with database.read_session() as session:
        events = session.execute(select(AuditEvent.action, AuditEvent.entity,
                                        AuditEvent.citizen_id).where(
            AuditEvent.user_login == "mia")).all()
    assert ("read", "appointment", citizen) in events
    assert any(action == "list" and entity == "hours" for action, entity, _c in events)


def test_staffed_hours_default_and_coordinator_only(database, admin, two_caseloads):
    mia, _ids, _citizen = two_caseloads
    assert staffed_hours(database).span(4) == (time(7), time(15))
    assert staffed_hours(database).span(6) is None
    late = StaffedHours(tuple([(time(8), time(20))] * 5 + [None, None]))
    with pytest.raises(AccessDenied):
        set_staffed_hours(Context(database, mia), late)
    with pytest.raises(InvalidInput, match="Mandag"):
        set_staffed_hours(Context(database, admin),
                          StaffedHours(((time(9), time(8)),) + late.days[1:]))
    set_staffed_hours(Context(database, admin), late)
    assert staffed_hours(database) == late
