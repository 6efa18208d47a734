"""Kalender → Fravær… opens the absence manager: current and upcoming first, edit (kind,
dates, note, substitute per citizen), a stale edit opens the conflict dialog, and delete
asks first. Also the staffed-hours editor and its repainted shading."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest
from PySide6.QtGui import QColor

from mentordesk.kernel.context import Context
from mentordesk.schedule.absence import (
    AbsenceInput,
    absences_to_manage,
    create_absence,
    edit_absence,
)
from mentordesk.schedule.staffed import StaffedHours, staffed_hours
from mentordesk.services.assignments import assign_mentor
from mentordesk.services.citizens import NewCitizen
from mentordesk.services.team import NewUser, create_user
from ui.views.calendar.absence_manager import AbsenceManagerDialog
from ui.views.calendar.page import CalendarPage
from ui.views.calendar.staffed_dialog import StaffedHoursDialog
from ui.views.calendar.time_grid import CLOSED_FILL, GUTTER, HOUR_HEIGHT
from ui.views.common.form_fields import select_data
from ui.workspace import load_workspace

GITTE = 1
TIMEOUT = 10_000


@pytest.fixture
def workspace(database_path, make_database):
    database = make_database(database_path, [
        NewCitizen(first_name="Gitte", last_name="Gram", cpr="0101909003")], keep_open=True)
    workspace = load_workspace(database)
    assign_mentor(Context(database, workspace.actor), GITTE, workspace.actor.user_id, "primary")
    return workspace


@pytest.fixture
def vera(workspace):
    return create_user(Context(workspace.database, workspace.actor),
                       NewUser("vikar", "Vera Vikar")).value


def open_calendar(qtbot, workspace, make_ops, today: date | None = None) -> CalendarPage:
    page = CalendarPage(make_ops(workspace), "Kalender", today=today)
    qtbot.addWidget(page)
    page.resize(1300, 900)
    with qtbot.waitSignals([page.scene_loaded, page.choices_loaded], timeout=TIMEOUT):
        page.show()
    return page


def open_manager(qtbot, page) -> AbsenceManagerDialog:
    page.absence_button.click()
    manager = page.calendar_actions.dialog
    assert isinstance(manager, AbsenceManagerDialog)
    qtbot.waitUntil(lambda: manager.table.rowCount() > 0, timeout=TIMEOUT)
    return manager


def cells(manager, row: int) -> list[str]:
    return [manager.table.item(row, column).text() for column in range(5)]


def test_manager_lists_edits_and_deletes_absences(qtbot, workspace, make_ops, vera):
    actor, today = workspace.actor, date.today()
    past = create_absence(Context(workspace.database, actor), AbsenceInput(
        actor.user_id, "holiday", today - timedelta(days=40), today - timedelta(days=30))).value
    coming = create_absence(Context(workspace.database, actor), AbsenceInput(
        actor.user_id, "course", today + timedelta(days=10), today + timedelta(days=12),
        note="Førstehjælp")).value
    page = open_calendar(qtbot, workspace, make_ops)
    manager = open_manager(qtbot, page)
    assert manager.windowTitle() == "Fravær"
    assert [row.id for row in manager.rows] == [coming, past]  # upcoming first
    assert cells(manager, 0)[1:] == ["Kursus", absences_to_manage(
        Context(workspace.database, actor))[0].period_label, "", "Førstehjælp"]

    # Edit the upcoming one: sickness, one more day, a note and a substitute for Gitte.
    manager.table.selectRow(0)
    assert manager.edit_button.isEnabled()
    manager.edit_button.click()
    editor = manager.editor
    assert editor.windowTitle() == "Ret fravær"
    qtbot.waitUntil(lambda: GITTE in editor.cover_combos, timeout=TIMEOUT)
    assert editor.note_edit.toPlainText() == "Førstehjælp"
    select_data(editor.kind_combo, "sickness")
    editor.to_edit.set_date(today + timedelta(days=13))
    editor.note_edit.setPlainText("Sygemeldt")
    select_data(editor.cover_combos[GITTE], vera)
    with qtbot.waitSignal(manager.loaded, timeout=TIMEOUT):
        editor.save_button.click()
    assert manager.message_label.text() == "Fraværet er gemt."
    assert cells(manager, 0)[1] == "Sygdom"
    assert cells(manager, 0)[3] == "Gitte Gram → Vera Vikar"
    saved = next(r for r in absences_to_manage(Context(workspace.database, actor))
                 if r.id == coming)
    assert (saved.kind, saved.end_on, saved.note, saved.covers) == (
        "sickness", today + timedelta(days=13), "Sygemeldt", ((GITTE, vera),))

    # Delete the past one: asked first; cancelling keeps it.
    manager.table.selectRow(1)
    box = manager.delete_selected()
    assert "Slet fraværet for" in box.text() and "ferie" in box.text()
    box.button(box.StandardButton.Cancel).click()
    assert len(absences_to_manage(Context(workspace.database, actor))) == 2
    manager.table.selectRow(1)
    box = manager.delete_selected()
    delete = next(b for b in box.buttons() if b.text() == "Slet")
    with qtbot.waitSignal(manager.loaded, timeout=TIMEOUT):
        delete.click()
    assert [row.id for row in manager.rows] == [coming]
    assert manager.message_label.text() == "Fraværet er slettet."

    # "Nyt fravær…" from the manager: registered and listed.
    manager.new_button.click()
    editor = manager.editor
    assert editor.windowTitle() == "Fravær"
    editor.from_edit.set_date(today + timedelta(days=1))
    editor.to_edit.set_date(today + timedelta(days=2))
    with qtbot.waitSignal(manager.loaded, timeout=TIMEOUT):
        editor.save_button.click()
    assert len(manager.rows) == 2 and manager.rows[0].start_on == today + timedelta(days=1)


def test_stale_edit_opens_the_conflict_dialog(qtbot, workspace, make_ops, vera):
    actor, today = workspace.actor, date.today()
    absence_id = create_absence(Context(workspace.database, actor), AbsenceInput(
        actor.user_id, "holiday", today + timedelta(days=3), today + timedelta(days=5),
        note="Sommerhus")).value
    page = open_calendar(qtbot, workspace, make_ops)
    manager = open_manager(qtbot, page)
    manager.table.selectRow(0)
    editor = manager.edit_selected()
    qtbot.waitUntil(lambda: GITTE in editor.cover_combos, timeout=TIMEOUT)
    # Meanwhile a colleague changes the note.
    [row] = absences_to_manage(Context(workspace.database, actor))
    edit_absence(Context(workspace.database, actor), absence_id, row.version,
                 {"note": "Sommerhus i Thy"}, row.values())
    editor.note_edit.setPlainText("Sommerhus, ring ikke")
    editor.save_button.click()
    qtbot.waitUntil(lambda: editor.conflict_dialog is not None, timeout=TIMEOUT)
    conflict = editor.conflict_dialog
    assert conflict.isVisible()
    [choice] = conflict.choices
    assert choice.value() == "Sommerhus i Thy\n\nSommerhus, ring ikke"  # both kept
    with qtbot.waitSignal(manager.loaded, timeout=TIMEOUT):
        conflict.save_button.click()
    [saved] = absences_to_manage(Context(workspace.database, actor))
    assert saved.note == "Sommerhus i Thy\n\nSommerhus, ring ikke"


def test_a_mentor_manages_only_her_own_and_sees_no_staffed_hours_button(
        qtbot, workspace, make_ops, vera):
    create_absence(Context(workspace.database, workspace.actor), AbsenceInput(
        workspace.actor.user_id, "holiday", date.today(), date.today()))
    mine = create_absence(Context(workspace.database, workspace.actor), AbsenceInput(
        vera, "course", date.today(), date.today() + timedelta(days=1))).value
    mentor = load_workspace(workspace.database, login="vikar")
    page = open_calendar(qtbot, mentor, make_ops)
    assert not page.staffed_button.isVisible()
    manager = open_manager(qtbot, page)
    assert [manager.mentor_combo.itemText(i) for i in range(manager.mentor_combo.count())] \
        == ["Vera Vikar"]
    assert [row.id for row in manager.rows] == [mine]


def saturday_at_eleven(page) -> QColor:
    """The painted colour in Saturday's column at 11:30 (the week starts on Monday)."""
    body = page.time_grid.body
    x = GUTTER + (body.width() - GUTTER) / 7 * 5.5
    return QColor(body.grab().toImage().pixel(int(x), int(11.5 * HOUR_HEIGHT)))


def test_staffed_hours_editor_saves_and_the_calendar_repaints(qtbot, workspace, make_ops):
    page = open_calendar(qtbot, workspace, make_ops, today=date(2030, 4, 1))  # a Monday
    monday = page.scene.facts(date(2030, 4, 1))
    saturday = page.scene.facts(date(2030, 4, 6))
    assert (monday.staffed, saturday.staffed) == ((7 * 60, 19 * 60), None)
    assert saturday_at_eleven(page) == CLOSED_FILL
    assert page.staffed_button.isVisible() and page.staffed_button.text() == "Åbningstid…"
    page.staffed_button.click()
    dialog = page.calendar_actions.dialog
    assert isinstance(dialog, StaffedHoursDialog)
    qtbot.waitUntil(dialog.save_button.isEnabled, timeout=TIMEOUT)
    assert dialog.closed_checks[5].isChecked() and not dialog.from_edits[5].isEnabled()
    # Bad input: the end before the start is refused in Danish, nothing saved.
    dialog.from_edits[0].setTime(dialog.from_edits[0].time().fromString("16:00", "HH:mm"))
    dialog.to_edits[0].setTime(dialog.to_edits[0].time().fromString("09:00", "HH:mm"))
    dialog.save_button.click()
    qtbot.waitUntil(lambda: bool(dialog.error_label.text()), timeout=TIMEOUT)
    assert dialog.error_label.text() == "Mandag: sluttiden skal ligge efter starttiden."
    assert staffed_hours(workspace.database) == StaffedHours.default()
    # Monday 8:30–16, Saturday open 10–13, Friday closed.
    dialog.from_edits[0].setTime(dialog.from_edits[0].time().fromString("08:30", "HH:mm"))
    dialog.to_edits[0].setTime(dialog.to_edits[0].time().fromString("16:00", "HH:mm"))
    dialog.closed_checks[5].setChecked(False)
    dialog.from_edits[5].setTime(dialog.from_edits[5].time().fromString("10:00", "HH:mm"))
    dialog.to_edits[5].setTime(dialog.to_edits[5].time().fromString("13:00", "HH:mm"))
    dialog.closed_checks[4].setChecked(True)
    with qtbot.waitSignal(page.scene_loaded, timeout=TIMEOUT):
        dialog.save_button.click()
    assert page.scene.facts(date(2030, 4, 1)).staffed == (8 * 60 + 30, 16 * 60)
    assert page.scene.facts(date(2030, 4, 6)).staffed == (10 * 60, 13 * 60)
    assert page.scene.facts(date(2030, 4, 5)).staffed is None
    assert saturday_at_eleven(page) != CLOSED_FILL  # repainted: Saturday is open now
    assert staffed_hours(workspace.database).span(0) == (time(8, 30), time(16))
