"""Kalender: "Importér fra Outlook (ICS)…" → busy blocks in the week, the count message,
no duplicates on a second import, a malformed file refused with a Danish message box."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from mentordesk.services.citizens import NewCitizen
from ui.views.calendar.page import CalendarPage
from ui.workspace import load_workspace


@pytest.fixture
def workspace(database_path, make_database):
    database = make_database(database_path, [
        NewCitizen(first_name="Gitte", last_name="Gram")], keep_open=True)
    return load_workspace(database)


def outlook_file(path, monday: date):
    tuesday = monday + timedelta(days=1)
    path.write_bytes((
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//Outlook//DA\r\n"
        "BEGIN:VEVENT\r\nUID:a@outlook\r\nDTSTAMP:20260101T000000Z\r\nSUMMARY:Lægebesøg\r\n"
        f"DTSTART;TZID=Europe/Copenhagen:{monday:%Y%m%d}T100000\r\n"
        f"DTEND;TZID=Europe/Copenhagen:{monday:%Y%m%d}T113000\r\n"
        "END:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:b@outlook\r\nDTSTAMP:20260101T000000Z\r\nSUMMARY:Kursus\r\n"
        f"DTSTART;VALUE=DATE:{tuesday:%Y%m%d}\r\n"
        "END:VEVENT\r\nEND:VCALENDAR\r\n").encode())
    return path


def open_calendar(qtbot, workspace, make_ops) -> CalendarPage:
    page = CalendarPage(make_ops(workspace), "Kalender", today=date.today())
    qtbot.addWidget(page)
    page.resize(1300, 900)
    with qtbot.waitSignals([page.scene_loaded, page.choices_loaded], timeout=10_000):
        page.show()
    return page


def import_through_the_action(qtbot, page, path, *, adds_blocks: bool = True):
    page.import_button.click()
    dialog = page.calendar_actions.dialog
    assert dialog.windowTitle() == "Importér fra Outlook (ICS)"
    dialog.import_button.click()  # "Vælg fil…" opens the file dialog
    assert dialog.file_dialog is not None and dialog.file_dialog.isVisible()
    # The calendar reloads from the change hub, only when the import added blocks.
    if adds_blocks:
        with qtbot.waitSignals([dialog.finished, page.scene_loaded], timeout=10_000):
            dialog.file_dialog.fileSelected.emit(str(path))
    else:
        with qtbot.assertNotEmitted(page.scene_loaded, wait=300):
            with qtbot.waitSignal(dialog.finished, timeout=10_000):
                dialog.file_dialog.fileSelected.emit(str(path))
    return dialog


def test_import_shows_busy_blocks_in_the_week(qtbot, workspace, make_ops, tmp_path):
    page = open_calendar(qtbot, workspace, make_ops)
    assert page.import_button.text() == "Importér fra Outlook (ICS)…"
    monday = page.today - timedelta(days=page.today.weekday())
    path = outlook_file(tmp_path / "outlook.ics", monday)

    dialog = import_through_the_action(qtbot, page, path)

    assert dialog.result_box.text() == (
        "2 aftaler importeret, 0 sprunget over (allerede importeret).")
    blocks = sorted((b.day, b.start_minute, b.end_minute, b.occurrence.title)
                    for b in page.scene.blocks)
    assert blocks == [(monday, 600, 690, "Outlook: Lægebesøg"),
                      (monday + timedelta(days=1), 0, 1440, "Outlook: Kursus")]
    dialog.result_box.close()

    again = import_through_the_action(qtbot, page, path, adds_blocks=False)
    assert again.result_box.text() == (
        "0 aftaler importeret, 2 sprunget over (allerede importeret).")
    assert len(page.scene.blocks) == 2


def test_malformed_file_shows_a_danish_message(qtbot, workspace, make_ops, tmp_path):
    page = open_calendar(qtbot, workspace, make_ops)
    path = tmp_path / "broken.ics"
    path.write_bytes(b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\n")
    page.import_button.click()
    dialog = page.calendar_actions.dialog

    dialog.import_from(path)

    def error_box() -> QMessageBox:
        boxes = [w for w in QApplication.topLevelWidgets()
                 if isinstance(w, QMessageBox) and w.isVisible()]
        assert boxes
        return boxes[-1]

    qtbot.waitUntil(lambda: error_box() is not None, timeout=10_000)
    assert "Filen er ikke en gyldig kalenderfil (ICS)" in error_box().text()
    assert "afkortet" in error_box().text()
    assert len(page.scene.blocks) == 0
