"""Kalender: book an appointment in the dialog → it shows in the week → mark it done →
the Timer page shows the delivered hours; "this and following" edits from the UI;
holidays shaded and named; keyboard navigation and the Danish week title."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from PySide6.QtCore import Qt, QTime
from PySide6.QtGui import QColor, QContextMenuEvent

from mentordesk.kernel.context import Context
from mentordesk.schedule.appointments import AppointmentInput, create_appointment
from mentordesk.schedule.calendar import calendar_items
from mentordesk.services.catalogue_admin import load_catalogue
from mentordesk.services.citizens import NewCitizen
from mentordesk.services.grants import GrantInput, create_grant
from ui.views.calendar.page import CalendarPage
from ui.views.calendar.time_grid import GUTTER, HEADER_HEIGHT, HOLIDAY_FILL, tooltip_for
from ui.views.common.form_fields import select_data
from ui.views.hours.page import HoursPage
from ui.workspace import load_workspace

GITTE = 1  # citizen id, the first created


@pytest.fixture
def workspace(database_path, make_database):
    database = make_database(database_path, [
        NewCitizen(first_name="Gitte", last_name="Gram", cpr="0101909003")], keep_open=True)
    workspace = load_workspace(database)
    basis = next(b.id for b in load_catalogue(database).legal_bases if b.code == "SEL §85")
    create_grant(Context(database, workspace.actor), GITTE, GrantInput(
        legal_basis_id=basis, start_on=date(2026, 1, 5), hours_min_minutes=2 * 60,
        hours_max_minutes=4 * 60))
    return workspace


def open_calendar(qtbot, workspace, make_ops, today: date | None = None) -> CalendarPage:
    page = CalendarPage(make_ops(workspace), "Kalender", today=today)
    qtbot.addWidget(page)
    page.resize(1300, 900)
    with qtbot.waitSignals([page.scene_loaded, page.choices_loaded], timeout=10_000):
        page.show()
    return page


def blocks_titled(page: CalendarPage, title: str):
    return [block for block in page.scene.blocks if block.occurrence.title == title]


def test_book_show_mark_done_and_hours_follow(qtbot, workspace, make_ops):
    today = date.today()
    page = open_calendar(qtbot, workspace, make_ops)
    hours = HoursPage(make_ops(workspace), "Timer")
    qtbot.addWidget(hours)
    with qtbot.waitSignal(hours.loaded, timeout=10_000):
        hours.show()
    assert hours.citizen_model.rowCount() == 1
    row = hours.citizen_model.row_at(0)
    assert hours.citizen_model.index(0, 2).data() == "2–4 t"
    assert (hours.citizen_model.index(0, 3).data(), row.week.planned_minutes) == ("0 t", 0)
    assert hours.citizen_model.index(0, 5).data() == "Under (mangler 2 t)"

    dialog = page.calendar_actions.new_appointment(datetime.combine(today, time(0, 5)))
    assert dialog.windowTitle() == "Ny aftale"
    select_data(dialog.citizen_combo, GITTE)
    dialog.duration_spin.setValue(90)
    select_data(dialog.form_combo, "home_visit")
    dialog.place_edit.setText("Hjemme hos Gitte")
    with qtbot.waitSignal(page.scene_loaded, timeout=10_000):
        dialog.save_button.click()

    [block] = blocks_titled(page, "GG · Hjemmebesøg")
    assert block.day == today and block.start_minute == 5 and block.end_minute == 95
    assert page.status_label.text().startswith("1 aftale")
    centre = page.time_grid.body.block_centre(block.occurrence.key)
    assert centre is not None
    with qtbot.waitSignal(hours.loaded, timeout=10_000):
        hours.refresh()
    assert hours.citizen_model.index(0, 4).data() == "1,5 t"  # planned, not yet delivered
    assert hours.citizen_model.index(0, 3).data() == "0 t"

    # Right-click the block: the menu offers "Markér som gennemført" for a past appointment.
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, centre,
                              page.time_grid.body.mapToGlobal(centre))
    page.time_grid.body.contextMenuEvent(event)
    menu = page.calendar_actions.menu
    texts = {action.text(): action for action in menu.actions()}
    assert {"Markér som gennemført", "Ikke mødt", "Slet…"} <= set(texts)
    assert texts["Markér som gennemført"].isEnabled()
    with qtbot.waitSignal(page.scene_loaded, timeout=10_000):
        texts["Markér som gennemført"].trigger()
    menu.close()
    [block] = blocks_titled(page, "GG · Hjemmebesøg")
    assert block.occurrence.status == "done"

    with qtbot.waitSignal(hours.loaded, timeout=10_000):
        hours.refresh()
    assert hours.citizen_model.index(0, 3).data() == "1,5 t"
    assert hours.citizen_model.index(0, 4).data() == "0 t"
    assert hours.citizen_model.index(0, 5).data() == "Under (mangler 0,5 t)"


def test_recurring_this_and_following_from_the_dialog(qtbot, workspace, make_ops):
    page = open_calendar(qtbot, workspace, make_ops)
    dialog = page.calendar_actions.new_appointment(datetime(2030, 1, 7, 10, 0))
    select_data(dialog.citizen_combo, GITTE)
    dialog.repeat_check.setChecked(True)
    select_data(dialog.end_combo, "count")
    dialog.count_spin.setValue(4)
    with qtbot.waitSignal(page.scene_loaded, timeout=10_000):
        dialog.save_button.click()

    with qtbot.waitSignal(page.scene_loaded, timeout=10_000):
        page.go_to(date(2030, 1, 14))
    assert page.period_label.text() == "Uge 3 · 14.–20. januar 2030"
    [block] = page.scene.blocks
    centre = page.time_grid.body.block_centre(block.occurrence.key)
    qtbot.mouseDClick(page.time_grid.body, Qt.MouseButton.LeftButton, pos=centre)
    qtbot.waitUntil(lambda: page.calendar_actions.dialog is not dialog
                    and page.calendar_actions.dialog.isVisible(), timeout=10_000)
    edit = page.calendar_actions.dialog
    assert edit.date_edit.text() == "14-01-2030"  # the date clicked, not the series start
    assert edit.repeat_check.isChecked() and edit.count_spin.value() == 4
    edit.time_edit.setTime(QTime(11, 0))
    edit.save_button.click()
    box = edit.scope_box
    assert box is not None and box.isVisible()
    assert {edit.only_this_button.text(), edit.following_button.text()} == {
        "Kun denne", "Denne og følgende"}
    with qtbot.waitSignal(page.scene_loaded, timeout=10_000):
        edit.following_button.click()

    items = calendar_items(Context(workspace.database, workspace.actor), date(2030, 1, 1),
                           date(2030, 2, 28))
    assert [item.starts_at for item in items] == [
        datetime(2030, 1, 7, 10), datetime(2030, 1, 14, 11), datetime(2030, 1, 21, 11),
        datetime(2030, 1, 28, 11)]
    [block] = page.scene.blocks
    assert block.occurrence.starts_at == datetime(2030, 1, 14, 11)


def test_holiday_is_shaded_and_named_in_the_week(qtbot, workspace, make_ops):
    page = open_calendar(qtbot, workspace, make_ops, today=date(2026, 12, 21))
    assert page.period_label.text() == "Uge 52 · 21.–27. december 2026"
    christmas = page.scene.facts(date(2026, 12, 25))
    assert christmas.holiday == "Juledag"
    assert page.scene.facts(date(2026, 12, 26)).holiday == "Anden juledag"
    assert page.scene.facts(date(2026, 12, 23)).holiday == ""
    header = page.time_grid.header
    image = header.grab().toImage()
    friday = GUTTER + (header.body.width() - GUTTER) / 7 * 4.5
    assert QColor(image.pixel(int(friday), HEADER_HEIGHT - 2)) == HOLIDAY_FILL
    wednesday = GUTTER + (header.body.width() - GUTTER) / 7 * 2.5
    assert QColor(image.pixel(int(wednesday), HEADER_HEIGHT - 2)) != HOLIDAY_FILL


def test_keyboard_moves_weeks_and_t_returns_to_today(qtbot, workspace, make_ops):
    page = open_calendar(qtbot, workspace, make_ops, today=date(2026, 11, 23))
    assert page.period_label.text() == "Uge 48 · 23.–29. november 2026"
    page.activateWindow()
    page.time_grid.body.setFocus()
    with qtbot.waitSignal(page.scene_loaded, timeout=10_000):
        qtbot.keyClick(page.time_grid.body, Qt.Key.Key_PageDown)
    assert page.period_label.text() == "Uge 49 · 30. november – 6. december 2026"
    with qtbot.waitSignal(page.scene_loaded, timeout=10_000):
        qtbot.keyClick(page.time_grid.body, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert page.period_label.text().startswith("Uge 50 ·")
    with qtbot.waitSignal(page.scene_loaded, timeout=10_000):
        qtbot.keyClick(page.time_grid.body, Qt.Key.Key_T)
    assert page.period_label.text() == "Uge 48 · 23.–29. november 2026"
    with qtbot.waitSignal(page.scene_loaded, timeout=10_000):
        page.set_view("month")
    assert page.period_label.text() == "November 2026"
    assert page.scene.first == date(2026, 10, 26) and page.scene.last == date(2026, 12, 6)


def test_double_booking_is_marked_with_its_reason(qtbot, workspace, make_ops):
    start = datetime(2030, 3, 5, 9, 0)
    for minutes in (0, 30):
        create_appointment(Context(workspace.database, workspace.actor), AppointmentInput(
            citizen_id=GITTE, mentor_ids=(workspace.actor.user_id,),
            starts_at=start + timedelta(minutes=minutes), duration_minutes=60,
            form="phone"))
    page = open_calendar(qtbot, workspace, make_ops, today=date(2030, 3, 4))
    assert len(page.scene.blocks) == 2
    assert {block.lanes for block in page.scene.blocks} == {2}  # side by side
    for block in page.scene.blocks:
        assert block.occurrence.conflicts
        assert "⚠" in tooltip_for(block)
    assert "2 konflikter" in page.status_label.text()

    # Booking a third at the same time warns in the dialog before saving.
    dialog = page.calendar_actions.new_appointment(start)
    with qtbot.waitSignal(dialog.conflicts_previewed, timeout=10_000) as signal:
        select_data(dialog.citizen_combo, GITTE)
    assert signal.args == [2]
    assert dialog.conflict_label.isVisible()
    assert dialog.conflict_label.text().startswith("⚠ 2 konflikter på dette tidspunkt:\n"
                                                   "05-03-2030 09:00: ")


def test_delete_only_this_date_and_filter_by_citizen_in_day_view(qtbot, workspace, make_ops):
    create_appointment(Context(workspace.database, workspace.actor), AppointmentInput(
        citizen_id=GITTE, mentor_ids=(workspace.actor.user_id,),
        starts_at=datetime(2030, 4, 1, 9, 0), duration_minutes=45, form="online",
        rrule="FREQ=WEEKLY;COUNT=3"))
    page = open_calendar(qtbot, workspace, make_ops, today=date(2030, 4, 8))
    page.scope_combo.setCurrentIndex(page.scope_combo.findData("citizen"))
    with qtbot.waitSignal(page.scene_loaded, timeout=10_000):
        select_data(page.choice_combo, GITTE)
    with qtbot.waitSignal(page.scene_loaded, timeout=10_000):
        page.set_view("day")
    assert page.period_label.text() == "mandag 8. april 2030 · uge 15"
    [block] = page.scene.blocks
    assert block.occurrence.title == "GG · Online" and block.occurrence.recurring
    centre = page.time_grid.body.block_centre(block.occurrence.key)
    page.time_grid.body.contextMenuEvent(QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, centre, page.time_grid.body.mapToGlobal(centre)))
    texts = {action.text(): action for action in page.calendar_actions.menu.actions()}
    assert not texts["Markér som gennemført"].isEnabled()  # in the future
    texts["Slet…"].trigger()
    page.calendar_actions.menu.close()
    box = page.calendar_actions.question
    buttons = {button.text(): button for button in box.buttons()}
    assert {"Kun denne", "Denne og følgende", "Hele serien"} <= set(buttons)
    with qtbot.waitSignal(page.scene_loaded, timeout=10_000):
        buttons["Kun denne"].click()
    assert page.scene.blocks == []
    items = calendar_items(Context(workspace.database, workspace.actor), date(2030, 3, 1),
                           date(2030, 5, 1))
    assert [item.starts_at.date() for item in items] == [date(2030, 4, 1), date(2030, 4, 15)]


def test_a_mentor_starts_on_their_own_calendar_and_sees_no_billing(qtbot, workspace, make_ops):
    from mentordesk.services.team import NewUser, create_user

    create_user(Context(workspace.database, workspace.actor), NewUser("mette", "Mette Mentor"))
    mentor = load_workspace(workspace.database, login="mette")
    page = open_calendar(qtbot, mentor, make_ops)
    assert page.scope_combo.currentText() == "Mentor"
    assert page.choice_combo.currentText() == "Mette Mentor"
    assert page.scope() == ("mentor", mentor.actor.user_id)
    hours = HoursPage(make_ops(mentor), "Timer")
    qtbot.addWidget(hours)
    with qtbot.waitSignal(hours.loaded, timeout=10_000):
        hours.show()
    assert not hours.billing_button.isVisible()
    assert hours.citizen_model.rowCount() == 0  # Gitte is not hers


def test_a_second_visit_reads_nothing_again_until_the_schedule_changes(qtbot, workspace,
                                                                        make_ops, hub):
    import time as clock

    from PySide6.QtWidgets import QApplication

    from mentordesk.kernel.changes import Changes, Kind

    def settle() -> None:
        deadline = clock.monotonic() + 0.4
        while clock.monotonic() < deadline:
            QApplication.processEvents()
            clock.sleep(0.02)

    page = open_calendar(qtbot, workspace, make_ops)
    read = []
    page.scene_loaded.connect(read.append)
    page.hide()
    page.show()
    settle()
    assert read == []  # the week on screen is still true: no second read of the team's week

    page.hide()
    hub.publish(Changes.of(Kind.SCHEDULE, citizen=GITTE))
    settle()
    assert read == []  # hidden: noted, read when shown
    with qtbot.waitSignal(page.scene_loaded, timeout=10_000):
        page.show()
    settle()
    assert len(read) == 1
