"""Group courses: cancel and reinstate one session (dialog and calendar menu); deleting a
course with registered attendance says so, and the contacts stay. "This and following"
on a series that ends after N dates keeps its end (the count is the core's)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from PySide6.QtCore import QTime
from PySide6.QtGui import QContextMenuEvent

from mentordesk.kernel.context import Context
from mentordesk.schedule.appointments import (
    AppointmentInput,
    EditScope,
    create_appointment,
    delete_appointment,
    get_appointment,
)
from mentordesk.schedule.calendar import calendar_items
from mentordesk.schedule.groups import (
    GroupCourseInput,
    create_group_course,
    list_group_courses,
    register_attendance,
)
from mentordesk.services.citizens import NewCitizen
from mentordesk.services.contacts import contacts_for_citizen
from ui.views.calendar.groups_dialog import GroupCoursesDialog, select_day
from ui.views.calendar.page import CalendarPage
from ui.workspace import load_workspace

GITTE, HENRIK = 1, 2
TIMEOUT = 10_000


@pytest.fixture
def workspace(database_path, make_database):
    database = make_database(database_path, [
        NewCitizen(first_name="Gitte", last_name="Gram", cpr="0101909003"),
        NewCitizen(first_name="Henrik", last_name="Holm")], keep_open=True)
    return load_workspace(database)


@pytest.fixture
def course(workspace):
    """A weekly course that met two weeks ago (attendance registered) and meets on."""
    first = date.today() - timedelta(weeks=2)
    course_id = create_group_course(Context(workspace.database, workspace.actor), GroupCourseInput(
        name="Madklub", weekday=first.weekday(), start_time=time(13), duration_minutes=90,
        starts_on=first, place="Køkkenet", leader_ids=(workspace.actor.user_id,),
        participant_ids=(GITTE, HENRIK))).value
    register_attendance(Context(workspace.database, workspace.actor), course_id, first, [GITTE])
    return course_id, first


def open_dialog(qtbot, workspace, make_ops, course_id, held_on):
    dialog = GroupCoursesDialog(
        make_ops(workspace), citizens=[(GITTE, "Gitte Gram"), (HENRIK, "Henrik Holm")],
        mentors=[(workspace.actor.user_id, workspace.actor.full_name)],
        course_id=course_id, held_on=held_on)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.sessions_loaded, timeout=TIMEOUT):
        dialog.show()
    return dialog


def test_cancel_and_reinstate_one_session_in_the_dialog(qtbot, workspace, make_ops, course):
    course_id, first = course
    coming = first + timedelta(weeks=3)
    dialog = open_dialog(qtbot, workspace, make_ops, course_id, first)
    assert dialog.session_combo.currentText().endswith("✓")
    assert not dialog.cancel_session_button.isEnabled()  # attendance registered
    select_day(dialog.session_combo, coming)
    assert dialog.cancel_session_button.text() == "Aflys mødet"
    with qtbot.waitSignal(dialog.sessions_loaded, timeout=TIMEOUT):
        dialog.cancel_session_button.click()
    assert dialog.session_combo.currentData() == coming
    assert dialog.session_combo.currentText().endswith("(aflyst)")
    assert dialog.message_label.text().endswith("er aflyst.")
    assert dialog.cancel_session_button.text() == "Genoptag mødet"
    assert not dialog.register_button.isEnabled()
    context = Context(workspace.database, workspace.actor)
    [item] = [i for i in calendar_items(context, coming, coming) if i.kind == "group"]
    assert item.cancelled
    with qtbot.waitSignal(dialog.sessions_loaded, timeout=TIMEOUT):
        dialog.cancel_session_button.click()
    assert "(aflyst)" not in dialog.session_combo.currentText()
    [item] = [i for i in calendar_items(context, coming, coming) if i.kind == "group"]
    assert not item.cancelled


def test_cancel_a_session_from_the_calendar_menu(qtbot, workspace, make_ops, course):
    _course_id, first = course
    coming = first + timedelta(weeks=3)
    page = CalendarPage(make_ops(workspace), "Kalender", today=coming)
    qtbot.addWidget(page)
    page.resize(1300, 900)
    with qtbot.waitSignals([page.scene_loaded, page.choices_loaded], timeout=TIMEOUT):
        page.show()
    [block] = page.scene.blocks
    assert block.occurrence.title == "Madklub" and block.occurrence.status == "group"
    centre = page.time_grid.body.block_centre(block.occurrence.key)
    page.time_grid.body.contextMenuEvent(QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, centre, page.time_grid.body.mapToGlobal(centre)))
    texts = {action.text(): action for action in page.calendar_actions.menu.actions()}
    with qtbot.waitSignal(page.scene_loaded, timeout=TIMEOUT):
        texts["Aflys mødet"].trigger()
    page.calendar_actions.menu.close()
    [block] = page.scene.blocks
    assert block.occurrence.status == "cancelled"


def test_deleting_a_course_with_attendance_warns_and_keeps_contacts(qtbot, workspace,
                                                                    make_ops, course):
    course_id, first = course
    dialog = open_dialog(qtbot, workspace, make_ops, course_id, first)
    assert dialog.delete_course_button.isEnabled()
    dialog.delete_course_button.click()
    qtbot.waitUntil(lambda: dialog.question is not None and dialog.question.isVisible(),
                    timeout=TIMEOUT)
    box = dialog.question
    assert box.text().startswith("Slet gruppeforløbet »Madklub« og alle dets møder?")
    assert "Der er registreret fremmøde for 1 møde(r): 2 kontakt(er)." in box.text()
    assert "bliver i borgernes journal" in box.text()
    box.button(box.StandardButton.Cancel).click()
    assert len(list_group_courses(Context(workspace.database, workspace.actor))) == 1

    dialog.delete_course_button.click()
    qtbot.waitUntil(lambda: dialog.question is not box and dialog.question.isVisible(),
                    timeout=TIMEOUT)
    delete = next(b for b in dialog.question.buttons() if b.text() == "Slet forløb")
    with qtbot.waitSignal(dialog.courses_loaded, timeout=TIMEOUT):
        delete.click()
    assert dialog.message_label.text() == "Gruppeforløbet »Madklub« er slettet."
    assert dialog.course_combo.count() == 0
    assert list_group_courses(Context(workspace.database, workspace.actor)) == []
    gitte = contacts_for_citizen(Context(workspace.database, workspace.actor), GITTE)
    henrik = contacts_for_citizen(Context(workspace.database, workspace.actor), HENRIK)
    assert [(c.contact_on, c.attended, c.form_code) for c in gitte] == [(first, True, "group")]
    assert [c.attended for c in henrik] == [False]


def test_this_and_following_keeps_a_count_series_end(qtbot, workspace, make_ops):
    actor = workspace.actor
    series = create_appointment(Context(workspace.database, actor), AppointmentInput(
        citizen_id=GITTE, mentor_ids=(actor.user_id,), starts_at=datetime(2030, 1, 7, 10),
        duration_minutes=60, form="phone", rrule="FREQ=WEEKLY;COUNT=5")).value
    # 14-01 is taken out first: it still uses up one of the five dates.
    delete_appointment(Context(workspace.database, actor), series,
                       get_appointment(Context(workspace.database, actor), series).version,
                       scope=EditScope.THIS, occurrence_start=datetime(2030, 1, 14, 10))
    page = CalendarPage(make_ops(workspace), "Kalender", today=date(2030, 1, 21))
    qtbot.addWidget(page)
    page.resize(1300, 900)
    with qtbot.waitSignals([page.scene_loaded, page.choices_loaded], timeout=TIMEOUT):
        page.show()
    [block] = page.scene.blocks
    page.calendar_actions.edit_occurrence(block.occurrence)
    qtbot.waitUntil(lambda: page.calendar_actions.dialog is not None
                    and page.calendar_actions.dialog.isVisible(), timeout=TIMEOUT)
    edit = page.calendar_actions.dialog
    assert edit.count_spin.value() == 5 and edit.date_edit.text() == "21-01-2030"
    edit.time_edit.setTime(QTime(14, 0))
    edit.save_button.click()
    with qtbot.waitSignal(page.scene_loaded, timeout=TIMEOUT):
        edit.following_button.click()
    items = calendar_items(Context(workspace.database, actor), date(2030, 1, 1), date(2030, 3, 31))
    assert [item.starts_at for item in items] == [
        datetime(2030, 1, 7, 10), datetime(2030, 1, 21, 14), datetime(2030, 1, 28, 14),
        datetime(2030, 2, 4, 14)]
