"""The team's calendar as people read it: the team's day has a column per mentor with the
name in full (at 1366 px too), the week as a compact agenda, and a visible "Markér
gennemført" button (and Ctrl+D) beside the right-click menu."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics

from mentordesk.kernel.context import Context
from mentordesk.schedule.appointments import AppointmentInput, create_appointment
from mentordesk.services.citizens import NewCitizen
from mentordesk.services.team import NewUser, create_user
from ui.views.calendar.page import CalendarPage
from ui.views.calendar.scene import AGENDA, DAY
from ui.views.calendar.time_grid import GUTTER
from ui.views.common.citizen_combo import CitizenCombo
from ui.workspace import load_workspace

GITTE = 1
MONDAY = date(2026, 3, 2)  # in the past: the appointments can be logged
LONG_NAMES = ("Charlotte Marie Mogensen-Kristiansen", "Bjarne Frederiksen Østergaard",
              "Anne-Sofie Holm Rasmussen", "Mikkel Brandt Søndergaard")


@pytest.fixture
def workspace(database_path, make_database):
    database = make_database(database_path, [
        NewCitizen(first_name="Gitte", last_name="Gram", cpr="0101909003")], keep_open=True)
    workspace = load_workspace(database)
    context = Context(database, workspace.actor)
    mentors = [create_user(context, NewUser(login=f"mentor{number}", full_name=name)).value
               for number, name in enumerate(LONG_NAMES)]
    for hour, mentor in enumerate(mentors, start=9):
        create_appointment(context, AppointmentInput(
            citizen_id=GITTE, mentor_ids=(mentor,), starts_at=datetime(2026, 3, 2, hour),
            duration_minutes=45, form="home_visit"))
    create_appointment(context, AppointmentInput(  # a shared visit, two mentors
        citizen_id=GITTE, mentor_ids=(mentors[0], mentors[1]),
        starts_at=datetime(2026, 3, 4, 13), duration_minutes=60, form="phone"))
    return workspace, mentors


def open_calendar(qtbot, workspace, make_ops, view: str) -> CalendarPage:
    page = CalendarPage(make_ops(workspace[0]), "Kalender", today=MONDAY)
    qtbot.addWidget(page)
    page.resize(1366 - 200, 640)  # the page's share of a 1366×728 window
    with qtbot.waitSignals([page.scene_loaded, page.choices_loaded], timeout=10_000):
        page.show()
    with qtbot.waitSignal(page.scene_loaded, timeout=10_000):
        page.set_view(view)
    return page


def test_the_teams_day_has_a_column_per_mentor_with_the_whole_name(qtbot, workspace,
                                                                      make_ops):
    page = open_calendar(qtbot, workspace, make_ops, DAY)

    headings = [column.heading for column in page.scene.columns]
    assert set(LONG_NAMES) <= set(headings)
    by_mentor = {block.column: block for block in page.scene.blocks}
    assert set(workspace[1]) <= set(by_mentor)
    for mentor, hour in zip(workspace[1], range(9, 13), strict=True):
        assert by_mentor[mentor].start_minute == hour * 60  # in that mentor's column

    body = page.time_grid.body
    bold = QFont(page.time_grid.header.font())
    bold.setBold(True)
    column_width = (body.width() - GUTTER) / len(page.scene.columns)
    widest = max(QFontMetrics(bold).horizontalAdvance(name) for name in headings)
    assert column_width >= widest + 8, "a mentor's name would be cut to …"
    assert page.minimumSizeHint().width() < 1000  # it scrolls sideways, the window stays


def test_the_week_as_an_agenda_lists_every_appointment_once(qtbot, workspace, make_ops):
    page = open_calendar(qtbot, workspace, make_ops, AGENDA)

    agenda = page.agenda
    assert page.stack.currentWidget() is agenda
    assert agenda.rowCount() == 5  # the shared visit is one line, with both mentors
    assert [agenda.item(row, 1).text() for row in range(4)] == [
        "09:00–09:45", "10:00–10:45", "11:00–11:45", "12:00–12:45"]
    assert agenda.item(0, 0).text().startswith("man.") and agenda.item(1, 0).text() == ""
    assert agenda.item(4, 3).text() == f"{LONG_NAMES[0]}, {LONG_NAMES[1]}"


def test_mark_as_done_is_a_button_and_ctrl_d(qtbot, workspace, make_ops):
    page = open_calendar(qtbot, workspace, make_ops, DAY)
    assert page.done_button.text() == "Markér gennemført (Ctrl+D)"
    assert page.done_button.isVisible() and not page.done_button.isEnabled()

    first = next(block for block in page.scene.blocks if block.start_minute == 9 * 60)
    body = page.time_grid.body
    qtbot.mouseClick(body, Qt.MouseButton.LeftButton,
                     pos=body.block_centre(first.occurrence.key))
    assert page.done_button.isEnabled()
    with qtbot.waitSignal(page.scene_loaded, timeout=10_000):
        page.done_button.click()
    done = next(block for block in page.scene.blocks if block.start_minute == 9 * 60)
    assert done.occurrence.status == "done"

    second = next(block for block in page.scene.blocks if block.start_minute == 10 * 60)
    qtbot.mouseClick(body, Qt.MouseButton.LeftButton,
                     pos=body.block_centre(second.occurrence.key))
    page.activateWindow()
    body.setFocus()
    with qtbot.waitSignal(page.scene_loaded, timeout=10_000):
        qtbot.keyClick(body, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    done = next(block for block in page.scene.blocks if block.start_minute == 10 * 60)
    assert done.occurrence.status == "done"


def test_the_appointment_dialog_finds_the_citizen_by_typing(qtbot, workspace, make_ops):
    page = open_calendar(qtbot, workspace, make_ops, DAY)
    dialog = page.calendar_actions.new_appointment(None)
    qtbot.addWidget(dialog)

    combo = dialog.citizen_combo
    assert isinstance(combo, CitizenCombo) and combo.isEditable()
    combo.setFocus(Qt.FocusReason.TabFocusReason)
    combo.lineEdit().selectAll()  # as Tab into the field does: typing replaces the text
    qtbot.keyClicks(combo.lineEdit(), "gg")
    model = combo.completer().completionModel()
    assert [model.index(row, 0).data() for row in range(model.rowCount())] == ["Gitte Gram"]
