"""Round 2 core: the absence manager's list and conflict-checked edits, deleting a group
course without losing registered contacts, and "this and following" on a COUNT series."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest
from schedule_support import add_citizen, add_user
from sqlalchemy import select

from mentordesk.errors import InvalidInput
from mentordesk.kernel.context import Context
from mentordesk.kernel.editing import EditConflict
from mentordesk.schedule import (
    AbsenceInput,
    AppointmentInput,
    EditScope,
    GroupCourseInput,
    absences_to_manage,
    calendar_items,
    create_absence,
    create_appointment,
    create_group_course,
    delete_group_course,
    edit_absence,
    list_group_courses,
    register_attendance,
    registered_attendance,
    remaining_rule,
    update_appointment,
)
from mentordesk.services.team import resolve_actor
from mentordesk.storage.models import AuditEvent, Contact

pytestmark = pytest.mark.both_backends

TODAY = date(2030, 3, 11)


@pytest.fixture
def team(database, admin):
    mette = add_user(database, "mette", "Mette Mentor")
    vera = add_user(database, "vera", "Vera Vikar")
    anna = add_citizen(database, "Anna", "Aktiv", mentor_id=mette)
    return mette, vera, anna


def absence(database, admin, user_id, start, end, kind="holiday", covers=None):
    return create_absence(Context(database, admin), AbsenceInput(
        user_id=user_id, kind=kind, start_on=start, end_on=end, covers=covers or {}),
        today=TODAY).value


def test_manager_lists_current_and_upcoming_first_and_a_mentor_only_her_own(
        database, admin, team):
    mette, vera, _anna = team
    past = absence(database, admin, mette, date(2030, 1, 6), date(2030, 1, 10))
    older = absence(database, admin, mette, date(2029, 6, 1), date(2029, 6, 5))
    later = absence(database, admin, mette, date(2030, 7, 1), date(2030, 7, 20))
    current = absence(database, admin, mette, date(2030, 3, 9), date(2030, 3, 13), "sickness")
    other = absence(database, admin, vera, date(2030, 4, 1), date(2030, 4, 3), "course")
    rows = absences_to_manage(Context(database, admin), today=TODAY)
    assert [row.id for row in rows] == [current, other, later, past, older]
    assert rows[0].kind_label == "Sygdom" and rows[0].period_label == "09-03-2030 – 13-03-2030"
    assert [r.id for r in absences_to_manage(Context(database, admin), user_id=vera, today=TODAY)] \
        == [other]
    as_mette = resolve_actor(database, "mette")
    mine = absences_to_manage(Context(database, as_mette), user_id=vera, today=TODAY)
    assert [row.id for row in mine] == [current, later, past, older]


def test_edit_merges_other_fields_and_reports_a_clash(database, admin, team):
    context = Context(database, admin)
    mette, vera, anna = team
    absence_id = absence(database, admin, mette, date(2030, 3, 16), date(2030, 3, 20))
    [row] = absences_to_manage(context, today=TODAY)
    loaded = row.values()
    # Someone else adds a substitute for Anna (and the version moves on).
    edit_absence(context, absence_id, row.version, {"covers": {anna: vera}}, loaded,
                 today=TODAY)
    # My stale edit of the note merges: their substitute stays.
    edit_absence(context, absence_id, row.version, {"note": "Ferie i Skagen"},
                 loaded, today=TODAY)
    [saved] = absences_to_manage(context, today=TODAY)
    assert (saved.note, saved.covers) == ("Ferie i Skagen", ((anna, vera),))
    assert saved.version == row.version + 2
    # A stale edit of the same field is a conflict carrying both sides; nothing is saved.
    with pytest.raises(EditConflict) as raised:
        edit_absence(context, absence_id, row.version, {"note": "Kursus"}, loaded,
                     today=TODAY)
    [clash] = raised.value.conflicts
    assert (clash.field, clash.mine, clash.theirs) == ("note", "Kursus", "Ferie i Skagen")
    assert raised.value.current_version == saved.version
    # Bad input in an edit: a Danish message, nothing changed.
    with pytest.raises(InvalidInput, match="før den første"):
        edit_absence(context, absence_id, saved.version,
                     {"end_on": date(2030, 3, 1)}, saved.values(), today=TODAY)
    [after] = absences_to_manage(context, today=TODAY)
    assert after.end_on == date(2030, 3, 20) and after.version == saved.version
    with database.read_session() as session:
        details = session.scalars(select(AuditEvent.detail).where(
            AuditEvent.entity == "absence", AuditEvent.citizen_id == anna)).all()
    assert any(detail.startswith("Vikar Vera Vikar") for detail in details)


def test_deleting_a_course_with_attendance_needs_confirmation_and_keeps_contacts(
        database, admin, team):
    mette, _vera, anna = team
    course_id = create_group_course(Context(database, admin), GroupCourseInput(
        name="Madklub", weekday=2, start_time=time(13), duration_minutes=90,
        starts_on=date(2030, 3, 6), leader_ids=(mette,), participant_ids=(anna,)),
        today=TODAY).value
    assert registered_attendance(Context(database, admin), course_id).contacts == 0
    register_attendance(Context(database, admin), course_id, date(2030, 3, 6), [anna], today=TODAY)
    [course] = list_group_courses(Context(database, admin))
    found = registered_attendance(Context(database, admin), course_id)
    assert (found.sessions, found.contacts, found.citizen_ids) == (1, 1, (anna,))
    with pytest.raises(InvalidInput, match="registreret fremmøde for 1 møde"):
        delete_group_course(Context(database, admin), course_id, course.version)
    assert list_group_courses(Context(database, admin))  # refused: still there
    delete_group_course(Context(database, admin), course_id, course.version,
                        keep_registered_contacts=True)
    assert list_group_courses(Context(database, admin)) == []
    with database.read_session() as session:
        [contact] = session.scalars(select(Contact)).all()
    assert (contact.citizen_id, contact.contact_on, contact.duration_minutes,
            contact.group_session_id) == (anna, date(2030, 3, 6), 90, None)


def test_remaining_rule_continues_the_count():
    start = datetime(2030, 1, 7, 10)
    rule = "FREQ=WEEKLY;COUNT=10"
    assert remaining_rule(rule, start, rule, datetime(2030, 1, 21, 10)) \
        == "FREQ=WEEKLY;COUNT=8"
    assert remaining_rule("FREQ=WEEKLY;INTERVAL=2;COUNT=5", start,
                          "FREQ=WEEKLY;INTERVAL=2;COUNT=5", datetime(2030, 2, 4, 10)) \
        == "FREQ=WEEKLY;INTERVAL=2;COUNT=3"
    # A rule the user changed is theirs; no COUNT: unchanged; never below one date.
    assert remaining_rule(rule, start, "FREQ=WEEKLY;COUNT=3", datetime(2030, 1, 21, 10)) \
        == "FREQ=WEEKLY;COUNT=3"
    assert remaining_rule("FREQ=WEEKLY", start, "FREQ=WEEKLY", datetime(2030, 5, 6, 10)) \
        == "FREQ=WEEKLY"
    assert remaining_rule("FREQ=WEEKLY;COUNT=2", start, "FREQ=WEEKLY;COUNT=2",
                          datetime(2030, 3, 4, 10)) == "FREQ=WEEKLY;COUNT=1"


def test_this_and_following_on_a_count_series_keeps_its_end(database, admin, team):
    mette, _vera, anna = team
    series = create_appointment(Context(database, admin), AppointmentInput(
        citizen_id=anna, mentor_ids=(mette,), starts_at=datetime(2030, 1, 7, 10),
        duration_minutes=60, form="phone", rrule="FREQ=WEEKLY;COUNT=5"), today=TODAY).value
    # One date removed before the split still uses up the count (RFC 5545 EXDATE).
    from mentordesk.schedule import delete_appointment, get_appointment

    delete_appointment(Context(database, admin), series,
                       get_appointment(Context(database, admin), series, today=TODAY).version,
                       scope=EditScope.THIS,
                       occurrence_start=datetime(2030, 1, 14, 10), today=TODAY)
    version = get_appointment(Context(database, admin), series, today=TODAY).version
    update_appointment(Context(database, admin), series, version, AppointmentInput(
        citizen_id=anna, mentor_ids=(mette,), starts_at=datetime(2030, 1, 21, 14),
        duration_minutes=60, form="phone", rrule="FREQ=WEEKLY;COUNT=5"),
        scope=EditScope.FOLLOWING, occurrence_start=datetime(2030, 1, 21, 10), today=TODAY)
    items = calendar_items(Context(database, admin), date(2030, 1, 1), date(2030, 3, 31))
    assert [item.starts_at for item in items] == [
        datetime(2030, 1, 7, 10), datetime(2030, 1, 21, 14), datetime(2030, 1, 28, 14),
        datetime(2030, 2, 4, 14)]
