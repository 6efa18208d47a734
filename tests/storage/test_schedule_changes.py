"""What schedule operations tell the views to refresh (``Result.changes``).

Seen from the user's side: after an action, the views showing the data it changed refresh
(for the citizens it concerns) and no other view does.
"""

from __future__ import annotations

from datetime import date, datetime, time

import pytest
from schedule_support import add_citizen, add_user

from mentordesk.kernel.changes import Kind
from mentordesk.kernel.context import Context
from mentordesk.schedule import (
    AbsenceInput,
    AppointmentInput,
    GroupCourseInput,
    StaffedHours,
    create_absence,
    create_appointment,
    create_group_course,
    delete_appointment,
    delete_group_course,
    get_appointment,
    import_ics,
    mark_done,
    mark_not_attended,
    register_attendance,
    set_staffed_hours,
    update_appointment,
)

pytestmark = pytest.mark.both_backends

DAY = date(2026, 11, 4)
AFTER = date(2026, 11, 10)
ICS = b"""BEGIN:VCALENDAR\r
VERSION:2.0\r
PRODID:-//Test//EN\r
BEGIN:VEVENT\r
UID:busy-1@outlook\r
DTSTART:20261105T090000Z\r
DTEND:20261105T100000Z\r
SUMMARY:Tandlaege\r
END:VEVENT\r
END:VCALENDAR\r
"""


@pytest.fixture
def team(database, admin):
    mentor = add_user(database, "tove", "Tove Tirsdag")
    karl = add_citizen(database, "Karl", "Kalender", mentor_id=mentor)
    lise = add_citizen(database, "Lise", "Liste", mentor_id=mentor)
    return Context(database, admin), mentor, karl, lise


def _visit(citizen: int | None, mentor: int, hour: int = 10) -> AppointmentInput:
    return AppointmentInput(citizen_id=citizen, mentor_ids=(mentor,),
                            starts_at=datetime.combine(DAY, time(hour)), duration_minutes=60,
                            form="home_visit")


def test_marking_done_refreshes_that_citizens_contacts_and_hours_only(team):
    context, mentor, karl, lise = team
    visit = create_appointment(context, _visit(karl, mentor), today=DAY).value
    done = mark_done(context, visit, today=AFTER).changes
    assert done.touches(Kind.CONTACTS) and done.touches(Kind.SCHEDULE)
    assert done.concerns(karl) and not done.concerns(lise)
    assert not done.touches(Kind.ECONOMY, Kind.GRANTS, Kind.PLAN)


def test_not_attended_is_logged_as_a_contact_of_that_citizen(team):
    context, mentor, karl, lise = team
    visit = create_appointment(context, _visit(karl, mentor), today=DAY).value
    missed = mark_not_attended(context, visit, today=AFTER).changes
    assert missed.touches(Kind.CONTACTS)
    assert missed.concerns(karl) and not missed.concerns(lise)


def test_booking_changes_the_schedule_of_its_citizen_and_not_the_contact_log(team):
    context, mentor, karl, lise = team
    booked = create_appointment(context, _visit(karl, mentor), today=DAY)
    assert booked.changes.touches(Kind.SCHEDULE) and not booked.changes.touches(Kind.CONTACTS)
    assert booked.changes.concerns(karl) and not booked.changes.concerns(lise)


def test_moving_an_appointment_to_another_citizen_refreshes_both(team):
    context, mentor, karl, lise = team
    visit = create_appointment(context, _visit(karl, mentor), today=DAY).value
    version = get_appointment(context, visit, today=DAY).version
    moved = update_appointment(context, visit, version, _visit(lise, mentor), today=DAY)
    assert moved.changes.concerns(karl) and moved.changes.concerns(lise)
    deleted = delete_appointment(context, visit, version + 1, today=DAY).changes
    assert deleted.concerns(lise) and not deleted.concerns(karl)


def test_an_internal_meeting_refreshes_every_schedule_view(team):
    context, mentor, karl, lise = team
    meeting = create_appointment(context, _visit(None, mentor), today=DAY).changes
    assert meeting.touches(Kind.SCHEDULE)
    assert meeting.concerns(karl) and meeting.concerns(lise)


def test_attendance_refreshes_the_participants_whose_contacts_changed(database, team):
    context, mentor, karl, lise = team
    other = add_citizen(database, "Ole", "Udenfor", mentor_id=mentor)
    course = create_group_course(context, GroupCourseInput(
        name="Madlavning", weekday=DAY.weekday(), start_time=time(13), duration_minutes=90,
        starts_on=DAY, leader_ids=(mentor,), participant_ids=(karl, lise)), today=DAY)
    assert course.changes.concerns(karl) and not course.changes.concerns(other)
    first = register_attendance(context, course.value, DAY, [karl], today=DAY).changes
    assert first.touches(Kind.CONTACTS)
    assert first.concerns(karl) and first.concerns(lise) and not first.concerns(other)
    lise_came = register_attendance(context, course.value, DAY, [karl, lise], today=DAY).changes
    assert lise_came.concerns(lise) and not lise_came.concerns(karl)
    # Registering the same again changes nothing, so no view needs to refresh.
    assert not register_attendance(context, course.value, DAY, [karl, lise], today=DAY).changes


def test_deleting_a_course_with_kept_contacts_refreshes_their_contact_logs(team):
    context, mentor, karl, lise = team
    course = create_group_course(context, GroupCourseInput(
        name="Madlavning", weekday=DAY.weekday(), start_time=time(13), duration_minutes=90,
        starts_on=DAY, leader_ids=(mentor,), participant_ids=(karl, lise)), today=DAY).value
    register_attendance(context, course, DAY, [karl], today=DAY)
    gone = delete_group_course(context, course, 1, keep_registered_contacts=True)
    assert gone.value.contacts == 2
    assert gone.changes.touches(Kind.CONTACTS, Kind.SCHEDULE)
    assert gone.changes.concerns(karl) and gone.changes.concerns(lise)


def test_absence_is_a_team_calendar_change_and_a_cover_changes_substitutes(database, team):
    context, mentor, karl, lise = team
    substitute = add_user(database, "sune", "Sune Vikar")
    plain = create_absence(context, AbsenceInput(mentor, "holiday", DAY, AFTER), today=DAY)
    assert plain.changes.touches(Kind.SCHEDULE) and not plain.changes.touches(Kind.ASSIGNMENTS)
    assert plain.changes.concerns(karl)
    covered = create_absence(context, AbsenceInput(mentor, "sickness", AFTER, AFTER,
                                                   covers={karl: substitute}), today=DAY)
    assert covered.changes.touches(Kind.ASSIGNMENTS) and covered.changes.concerns(karl)


def test_staffed_hours_are_a_team_setting(team):
    context, *_ = team
    week = (time(8), time(16))
    changed = set_staffed_hours(context, StaffedHours((week,) * 5 + (None, None))).changes
    assert changed.touches(Kind.SETTINGS) and not changed.touches(Kind.SCHEDULE)


def test_ics_import_refreshes_the_calendar_once_and_not_again_on_reimport(team):
    context, mentor, karl, _lise = team
    imported = import_ics(context, mentor, ICS, today=DAY)
    assert imported.value.imported == 1
    assert imported.changes.touches(Kind.SCHEDULE) and imported.changes.concerns(karl)
    assert not import_ics(context, mentor, ICS, today=DAY).changes
