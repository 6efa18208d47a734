"""Appointments: series edits "this one" / "this and following", deletes, stale versions,
midnight-spanning bookings, leap days, conflicts, mark done / not attended, audit."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest
from schedule_support import add_citizen, add_user
from sqlalchemy import select

from mentordesk.errors import InvalidInput, StaleEdit
from mentordesk.kernel.context import Context
from mentordesk.schedule import (
    AbsenceInput,
    AppointmentInput,
    EditScope,
    calendar_items,
    create_absence,
    create_appointment,
    delete_appointment,
    get_appointment,
    mark_done,
    mark_not_attended,
    preview_conflicts,
    update_appointment,
    weekly_rule,
)
from mentordesk.schedule.recurrence import series_starts
from mentordesk.storage.models import AuditEvent, Contact

pytestmark = pytest.mark.both_backends

TODAY = date(2026, 11, 1)
NOVEMBER = (date(2026, 11, 1), date(2026, 11, 30))


@pytest.fixture
def people(database):
    mentor = add_user(database, "tove", "Tove Tirsdag")
    citizen = add_citizen(database, "Karl", "Kalender", cpr="0101909001", mentor_id=mentor)
    return mentor, citizen


def data(citizen, mentor, start, minutes=60, rule="", place="Hjemme", note="") -> AppointmentInput:
    return AppointmentInput(citizen_id=citizen, mentor_ids=(mentor,), starts_at=start,
                            duration_minutes=minutes, form="home_visit", place=place,
                            note=note, rrule=rule)


def starts(database, admin, **filters):
    return [(i.starts_at, i.appointment_id) for i in
            calendar_items(Context(database, admin), *NOVEMBER, today=TODAY, **filters)]


def test_this_and_following_splits_the_series(database, admin, people):
    context = Context(database, admin)
    mentor, citizen = people
    series = create_appointment(context, data(citizen, mentor, datetime(2026, 11, 3, 10),
                                              rule=weekly_rule()), today=TODAY).value
    version = get_appointment(context, series).version
    new_id = update_appointment(
        context, series, version, data(citizen, mentor, datetime(2026, 11, 17, 14),
                                       rule=weekly_rule()),
        scope=EditScope.FOLLOWING, occurrence_start=datetime(2026, 11, 17, 10), today=TODAY).value

    assert new_id != series
    assert starts(database, admin) == [
        (datetime(2026, 11, 3, 10), series), (datetime(2026, 11, 10, 10), series),
        (datetime(2026, 11, 17, 14), new_id), (datetime(2026, 11, 24, 14), new_id)]
    old = get_appointment(context, series)
    assert "UNTIL=20261117T095959" in old.rrule
    # The stale version is refused, nothing changes.
    with pytest.raises(StaleEdit):
        update_appointment(context, series, version,
                           data(citizen, mentor, datetime(2026, 11, 3, 8), rule=weekly_rule()),
                           today=TODAY)


def test_this_one_edit_and_delete_use_exdates(database, admin, people):
    context = Context(database, admin)
    mentor, citizen = people
    series = create_appointment(context, data(citizen, mentor, datetime(2026, 11, 3, 10),
                                              rule=weekly_rule(count=4)), today=TODAY).value
    version = get_appointment(context, series).version
    delete_appointment(context, series, version, scope=EditScope.THIS,
                       occurrence_start=datetime(2026, 11, 10, 10), today=TODAY)
    version = get_appointment(context, series).version
    moved = update_appointment(context, series, version,
                               data(citizen, mentor, datetime(2026, 11, 25, 11)),
                               scope=EditScope.THIS,
                               occurrence_start=datetime(2026, 11, 24, 10), today=TODAY).value

    assert starts(database, admin) == [
        (datetime(2026, 11, 3, 10), series), (datetime(2026, 11, 17, 10), series),
        (datetime(2026, 11, 25, 11), moved)]
    detail = get_appointment(context, series)
    assert detail.exdates == (datetime(2026, 11, 10, 10), datetime(2026, 11, 24, 10))
    assert get_appointment(context, moved).recurrence_id == datetime(2026, 11, 24, 10)
    with pytest.raises(InvalidInput, match="hører ikke til"):
        update_appointment(context, series, detail.version,
                           data(citizen, mentor, datetime(2026, 11, 5, 9)),
                           scope=EditScope.THIS, occurrence_start=datetime(2026, 11, 5, 10),
                           today=TODAY)


def test_spanning_midnight_and_leap_day(database, admin, people):
    context = Context(database, admin)
    mentor, citizen = people
    night = create_appointment(context, data(citizen, mentor,
                                             datetime(2026, 12, 31, 23), 120),
                               today=TODAY).value
    items = calendar_items(context, date(2027, 1, 1), date(2027, 1, 1), today=TODAY)
    assert [(i.appointment_id, i.ends_at) for i in items] == [(night, datetime(2027, 1, 1, 1))]
    yearly = series_starts("FREQ=YEARLY", datetime(2028, 2, 29, 9), (),
                           datetime(2028, 1, 1), datetime(2034, 1, 1))
    assert yearly == [datetime(2028, 2, 29, 9), datetime(2032, 2, 29, 9)]


def test_conflicts_double_booking_holiday_and_absence(database, admin, people):
    context = Context(database, admin)
    mentor, citizen = people
    first = create_appointment(context, data(
        citizen, mentor, datetime(2026, 12, 1, 10), 60), today=TODAY).value
    second = create_appointment(context, data(citizen, mentor,
                                              datetime(2026, 12, 1, 10, 30), 60),
                                today=TODAY).value
    create_appointment(context, data(citizen, mentor, datetime(2026, 12, 1, 11, 30)),
                       today=TODAY)
    christmas = create_appointment(context, data(citizen, mentor,
                                                 datetime(2026, 12, 25, 10)),
                                   today=TODAY).value
    create_absence(context, AbsenceInput(user_id=mentor, kind="holiday",
                                         start_on=date(2026, 12, 21),
                                         end_on=date(2026, 12, 23)), today=TODAY)
    during = create_appointment(context, data(citizen, mentor,
                                              datetime(2026, 12, 22, 9)), today=TODAY).value

    items = {i.appointment_id: i for i in calendar_items(
        context, date(2026, 12, 1), date(2026, 12, 31), today=TODAY)}
    kinds = {aid: [c.kind for c in item.conflicts] for aid, item in items.items()}
    assert kinds[first] == ["double_booking"] and kinds[second] == ["double_booking"]
    assert sum(not k for k in kinds.values()) == 1          # 11:30 touches 10:30–11:30 only
    assert kinds[christmas] == ["holiday"]
    assert "Juledag" in items[christmas].conflicts[0].message
    assert kinds[during] == ["absence"]
    assert "ferie" in items[during].conflicts[0].message
    warned = preview_conflicts(context, data(citizen, mentor, datetime(2026, 12, 1, 9),
                                             90))
    assert [c.kind for _s, c in warned] == ["double_booking"]


def test_mark_done_and_not_attended_create_linked_contacts(database, admin, people):
    context = Context(database, admin)
    mentor, citizen = people
    series = create_appointment(context, data(citizen, mentor, datetime(2026, 11, 3, 10),
                                              45, rule=weekly_rule()), today=TODAY).value
    done = mark_done(context, series, datetime(2026, 11, 3, 10),
                     today=date(2026, 11, 5)).value
    missed = mark_not_attended(context, series, datetime(2026, 11, 10, 10),
                               today=date(2026, 11, 12)).value
    with pytest.raises(InvalidInput, match="allerede"):
        mark_done(context, series, datetime(2026, 11, 3, 10), today=date(2026, 11, 5))
    with pytest.raises(InvalidInput, match="fremtiden"):
        mark_done(context, series, datetime(2026, 11, 24, 10), today=date(2026, 11, 5))
    with database.read_session() as session:
        contacts = {c.id: c for c in session.scalars(select(Contact))}
        events = session.scalars(select(AuditEvent.detail).where(
            AuditEvent.citizen_id == citizen, AuditEvent.entity == "contact")).all()
    assert (contacts[done].duration_minutes, contacts[done].attended,
            contacts[done].contact_on, contacts[done].start_time,
            contacts[done].appointment_id) == (45, True, date(2026, 11, 3), time(10), series)
    assert contacts[missed].attended is False
    assert len(events) == 2
    items = {i.starts_at.date(): i for i in calendar_items(context, *NOVEMBER,
                                                           today=TODAY)}
    assert items[date(2026, 11, 3)].logged and items[date(2026, 11, 3)].attended
    assert items[date(2026, 11, 10)].attended is False
    assert not items[date(2026, 11, 17)].logged


def test_bad_input_is_refused_in_danish(database, admin, people):
    context = Context(database, admin)
    mentor, citizen = people
    with pytest.raises(InvalidInput, match="Varigheden"):
        create_appointment(context, data(citizen, mentor, datetime(2026, 11, 3), 0))
    with pytest.raises(InvalidInput, match="Gentagelsen"):
        create_appointment(context, data(citizen, mentor, datetime(2026, 11, 3),
                                         rule="FREQ=MINUTELY"))
    with pytest.raises(InvalidInput, match="mentor"):
        create_appointment(context, AppointmentInput(
            citizen_id=citizen, mentor_ids=(), starts_at=datetime(2026, 11, 3),
            duration_minutes=30, form="home_visit"))


def test_deleting_the_series_from_a_moved_date_removes_everything(database, admin, people):
    context = Context(database, admin)
    mentor, citizen = people
    series = create_appointment(context, data(citizen, mentor, datetime(2026, 11, 3, 10),
                                              rule=weekly_rule()), today=TODAY).value
    moved = update_appointment(context, series,
                               get_appointment(context, series).version,
                               data(citizen, mentor, datetime(2026, 11, 11, 9)),
                               scope=EditScope.THIS,
                               occurrence_start=datetime(2026, 11, 10, 10), today=TODAY).value
    stale = get_appointment(context, moved).version
    delete_appointment(context, moved, stale, scope=EditScope.FOLLOWING, today=TODAY)
    assert starts(database, admin) == [(datetime(2026, 11, 3, 10), series)]
    delete_appointment(context, series, get_appointment(context, series).version,
                       scope=EditScope.ALL, today=TODAY)
    assert starts(database, admin) == []
