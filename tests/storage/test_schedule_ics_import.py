"""ICS import of a mentor's Outlook calendar: local times across DST, UTC, all-day, weekly
rules, no duplicates on re-import, malformed files refused with nothing changed."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from schedule_support import add_citizen, add_user
from sqlalchemy import func, select

from mentordesk.domain.codes import Role
from mentordesk.errors import AccessDenied, InvalidInput
from mentordesk.kernel.context import Context
from mentordesk.schedule import (
    AppointmentInput,
    calendar_items,
    create_appointment,
    import_ics,
)
from mentordesk.services.team import resolve_actor
from mentordesk.storage.models import Appointment, AuditEvent

pytestmark = pytest.mark.both_backends

TODAY = date(2027, 3, 1)
SPRING = (date(2027, 3, 1), date(2027, 4, 30))


def ics(*events: str) -> bytes:
    body = "".join(f"BEGIN:VEVENT\r\nDTSTAMP:20270101T000000Z\r\n{e.strip()}\r\nEND:VEVENT\r\n"
                   for e in events)
    return ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//Outlook//DA\r\n" + body
            + "END:VCALENDAR\r\n").encode("utf-8")


# Outlook names the Danish zone "Romance Standard Time"; the night of the DST change
# (28-03-2027, 02:00 → 03:00) the meeting 01:30–03:30 lasts one real hour.
DST_NIGHT = """UID:dst-1@outlook
SUMMARY:Natteberedskab
DTSTART;TZID=Romance Standard Time:20270328T013000
DTEND;TZID=Romance Standard Time:20270328T033000"""
# New York changed to summer time on 14-03, Denmark not until 28-03: 09:00 EDT = 14:00 here.
NEW_YORK = """UID:ny-1@outlook
SUMMARY:Videomøde med New York
DTSTART;TZID=America/New_York:20270320T090000
DTEND;TZID=America/New_York:20270320T100000"""
UTC_EVENT = """UID:utc-1@outlook
SUMMARY:<b>Supervision</b> =1+1
DTSTART:20270401T080000Z
DTEND:20270401T093000Z"""
ALL_DAY = """UID:allday-1@outlook
SUMMARY:Kursusdag
DTSTART;VALUE=DATE:20270405
DTEND;VALUE=DATE:20270406"""
WEEKLY = """UID:weekly-1@outlook
SUMMARY:Teammøde
DTSTART;TZID=Europe/Copenhagen:20270323T090000
DTEND;TZID=Europe/Copenhagen:20270323T100000
RRULE:FREQ=WEEKLY;COUNT=4
EXDATE;TZID=Europe/Copenhagen:20270330T090000"""
# A weekly rule fixed in UTC moves an hour in Danish time at the DST change: expanded.
WEEKLY_UTC = """UID:weekly-utc@outlook
SUMMARY:Ugentligt opkald
DTSTART:20270316T080000Z
DTEND:20270316T083000Z
RRULE:FREQ=WEEKLY;COUNT=3"""
CANCELLED = """UID:cancel-1@outlook
SUMMARY:Aflyst
STATUS:CANCELLED
DTSTART:20270402T080000Z
DTEND:20270402T090000Z"""

FILE = ics(DST_NIGHT, NEW_YORK, UTC_EVENT, ALL_DAY, WEEKLY, WEEKLY_UTC, CANCELLED)


@pytest.fixture
def mentor(database):
    return add_user(database, "mona", "Mona Mentor")


def blocks(database, admin, mentor):
    context = Context(database, admin)
    return sorted((i.starts_at, i.duration_minutes, i.place, i.citizen_id) for i in
                  calendar_items(context, *SPRING, mentor_ids=[mentor], today=TODAY))


def appointment_count(database) -> int:
    with database.session() as session:
        return session.scalar(select(func.count()).select_from(Appointment))


def test_events_become_busy_blocks_at_danish_local_times(database, admin, mentor):
    result = import_ics(Context(database, admin), mentor, FILE, today=TODAY).value

    assert (result.imported, result.already_imported, result.ignored) == (8, 0, 1)
    assert blocks(database, admin, mentor) == [
        (datetime(2027, 3, 16, 9, 0), 30, "Ugentligt opkald", None),
        (datetime(2027, 3, 20, 14, 0), 60, "Videomøde med New York", None),
        (datetime(2027, 3, 23, 9, 0), 30, "Ugentligt opkald", None),
        (datetime(2027, 3, 23, 9, 0), 60, "Teammøde", None),
        (datetime(2027, 3, 28, 1, 30), 120, "Natteberedskab", None),
        (datetime(2027, 3, 30, 10, 0), 30, "Ugentligt opkald", None),
        (datetime(2027, 4, 1, 10, 0), 90, "<b>Supervision</b> =1+1", None),
        (datetime(2027, 4, 5, 0, 0), 1440, "Kursusdag", None),
        (datetime(2027, 4, 6, 9, 0), 60, "Teammøde", None),
        (datetime(2027, 4, 13, 9, 0), 60, "Teammøde", None),
    ]


def test_simple_weekly_rule_is_stored_as_a_rule_with_its_exdate(database, admin, mentor):
    import_ics(Context(database, admin), mentor, FILE, today=TODAY)

    with database.session() as session:
        row = session.scalars(select(Appointment).where(Appointment.place == "Teammøde")).one()
        assert (row.rrule, row.exdates) == ("FREQ=WEEKLY;COUNT=4", "2027-03-30T09:00")
        assert row.note.startswith("[ICS-import:")
        assert "weekly-1" not in row.note  # the UID is hashed, never stored as text


def test_reimport_does_not_duplicate(database, admin, mentor):
    import_ics(Context(database, admin), mentor, FILE, today=TODAY)
    before = blocks(database, admin, mentor)

    again = import_ics(Context(database, admin), mentor, FILE, today=TODAY).value

    assert (again.imported, again.already_imported) == (0, 8)
    assert blocks(database, admin, mentor) == before


def test_overlap_with_a_citizen_appointment_is_flagged(database, admin, mentor):
    citizen = add_citizen(database, "Karl", "Kalender", mentor_id=mentor)
    create_appointment(Context(database, admin), AppointmentInput(
        citizen_id=citizen, mentor_ids=(mentor,), starts_at=datetime(2027, 4, 1, 10, 30),
        duration_minutes=60, form="home_visit"), today=TODAY)

    import_ics(Context(database, admin), mentor, ics(UTC_EVENT), today=TODAY)

    items = calendar_items(Context(database, admin), date(2027, 4, 1), date(2027, 4, 1),
                           mentor_ids=[mentor], today=TODAY)
    assert len(items) == 2 and all(item.conflicts for item in items)


def test_mentor_imports_only_into_own_calendar(database, admin, mentor):
    other = add_user(database, "otto", "Otto Anden")
    mona = resolve_actor(database, "mona")
    assert mona.role is Role.MENTOR

    with pytest.raises(AccessDenied):
        import_ics(Context(database, mona), other, ics(UTC_EVENT), today=TODAY)
    imported = import_ics(Context(database, mona), mentor, ics(UTC_EVENT), today=TODAY)
    assert imported.value.imported == 1


def test_import_is_audited(database, admin, mentor):
    import_ics(Context(database, admin), mentor, ics(UTC_EVENT, ALL_DAY), today=TODAY)

    with database.session() as session:
        details = session.scalars(select(AuditEvent.detail).where(
            AuditEvent.detail.like("ICS-import%"))).all()
    assert details == ["ICS-import for mona: 2 aftaler importeret, 0 allerede importeret, "
                       "0 ignoreret"]


@pytest.mark.parametrize(("data", "message"), [
    (b"\x89PNG\r\n\x1a\n garbage", "ikke en kalender"),
    (b"hello, this is not a calendar", "ikke en kalender"),
    (ics(UTC_EVENT)[:-len(b"END:VCALENDAR\r\n")], "afkortet"),
    (b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART:20270401T080000Z\r\n", "afkortet"),
    (ics(UTC_EVENT) + b" " * (6 * 1024 * 1024), "5 MB"),
    (ics("UID:no-start\r\nSUMMARY:Uden tid"), "DTSTART"),
    (ics(UTC_EVENT).replace(b"20270401T093000Z", b"20270401T070000Z"), "slutter før"),
    (b"", "tom"),
])
def test_malformed_file_is_refused_with_nothing_changed(database, admin, mentor, data, message):
    import_ics(Context(database, admin), mentor, ics(ALL_DAY), today=TODAY)
    count = appointment_count(database)

    with pytest.raises(InvalidInput, match=message) as refused:
        import_ics(Context(database, admin), mentor, data, today=TODAY)

    assert str(refused.value).startswith("Filen er ikke en gyldig kalenderfil (ICS)")
    assert appointment_count(database) == count


def test_one_bad_event_stops_the_whole_file(database, admin, mentor):
    bad = ics(UTC_EVENT, ALL_DAY, "UID:bad\r\nDTSTART:20271301T080000Z")

    with pytest.raises(InvalidInput):
        import_ics(Context(database, admin), mentor, bad, today=TODAY)
    assert appointment_count(database) == 0


def test_complex_rule_is_expanded_over_twelve_months(database, admin, mentor):
    monthly = """UID:monthly@outlook
SUMMARY:Netværksmøde
DTSTART;TZID=Europe/Copenhagen:20270105T150000
DTEND;TZID=Europe/Copenhagen:20270105T160000
RRULE:FREQ=MONTHLY;BYDAY=1TU"""

    result = import_ics(Context(database, admin), mentor, ics(monthly), today=TODAY).value

    with database.session() as session:
        starts = session.scalars(select(Appointment.starts_at).order_by(
            Appointment.starts_at)).all()
    assert result.imported == 12
    assert starts[0] == datetime(2027, 3, 2, 15, 0)      # past dates left out
    assert starts[-1] == datetime(2028, 2, 1, 15, 0)     # 12 months ahead


def test_moved_and_cancelled_dates_of_a_series_replace_its_dates(database, admin, mentor):
    moved = """UID:weekly-1@outlook
RECURRENCE-ID;TZID=Europe/Copenhagen:20270406T090000
SUMMARY:Teammøde (flyttet)
DTSTART;TZID=Europe/Copenhagen:20270407T140000
DTEND;TZID=Europe/Copenhagen:20270407T150000"""
    cancelled = """UID:weekly-1@outlook
RECURRENCE-ID;TZID=Europe/Copenhagen:20270413T090000
STATUS:CANCELLED
DTSTART;TZID=Europe/Copenhagen:20270413T090000
DTEND;TZID=Europe/Copenhagen:20270413T100000"""

    result = import_ics(Context(database, admin), mentor, ics(WEEKLY, moved, cancelled),
                        today=TODAY).value

    assert (result.imported, result.ignored) == (2, 1)
    assert blocks(database, admin, mentor) == [
        (datetime(2027, 3, 23, 9, 0), 60, "Teammøde", None),
        (datetime(2027, 4, 7, 14, 0), 60, "Teammøde (flyttet)", None),
    ]


def test_subject_is_one_clean_line(database, admin, mentor):
    event = UTC_EVENT.replace("SUMMARY:<b>Supervision</b> =1+1",
                              "SUMMARY:Linje 1\\nLinje 2\u200b\u202e  slut")

    import_ics(Context(database, admin), mentor, ics(event), today=TODAY)

    [(_, _, place, _)] = blocks(database, admin, mentor)
    assert place == "Linje 1 Linje 2 slut"


def test_busy_blocks_do_not_count_as_planned_hours(database, admin, mentor):
    from mentordesk.schedule.hours import mentor_weeks

    import_ics(Context(database, admin), mentor, FILE, today=TODAY)
    with database.session() as session:
        weeks = mentor_weeks(session, [mentor], *SPRING, today=TODAY)
    # The all-day course and the meetings are in the mentor's calendar, not citizen work.
    assert [week.planned_minutes for week in weeks if week.week == "2027-W14"] == [0]
