"""Nothing lost on close or lock: the main window asks before closing over unsaved edits
(the citizen's case form, the economy sheet, a report draft), and auto-lock keeps them.
Real encrypted files, the real window and application controller."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from qt_support import PASSPHRASE, show_record_tab

from mentordesk.economy import load_sheet
from mentordesk.errors import MentorDeskError
from mentordesk.kernel.context import Context
from mentordesk.services.case_record import get_citizen_record
from mentordesk.services.citizens import NewCitizen
from ui.operations import ChangeHub, Operations
from ui.views.main_window import MainWindow
from ui.workspace import load_workspace

TIMEOUT = 10_000
ECONOMY = 6
REPORTS = 7


@pytest.fixture
def database(database_path, make_database):
    return make_database(database_path, [NewCitizen(first_name="Bodil", last_name="Bæk")],
                         keep_open=True)


@pytest.fixture
def window(qtbot, database, runner):
    main_window = MainWindow.of(Operations(load_workspace(database), runner, ChangeHub()))
    qtbot.addWidget(main_window)
    main_window.show()
    qtbot.waitExposed(main_window)
    return main_window


def open_record(qtbot, window) -> None:
    with qtbot.waitSignal(window.citizens_view.record_loaded, timeout=TIMEOUT):
        window.open_citizen(1)


def close_question(qtbot, window) -> QMessageBox:
    qtbot.waitUntil(lambda: window.close_question is not None
                    and window.close_question.isVisible(), timeout=TIMEOUT)
    return window.close_question


def test_closing_over_an_edited_case_form_asks_and_cancel_keeps_it(qtbot, window,
                                                                   database, admin):
    open_record(qtbot, window)
    overview = window.citizens_view.record.overview
    overview.fields["phone"].setText("12345678")
    window.citizens_view.record.tabs.setCurrentIndex(1)  # on "Mentorer" …
    window.switch_area(4)  # … in another area than the edits

    window.close()

    box = close_question(qtbot, window)
    assert window.isVisible()
    assert box.text().startswith("Der er ændringer, som ikke er gemt:")
    assert "• Borgere: Bodil Bæk (Oversigt)" in box.text()
    assert sorted(button.text() for button in box.buttons()) == ["Annuller", "Gem",
                                                                 "Gem ikke"]
    assert box.defaultButton() is window.cancel_close_button  # Enter keeps the edits
    qtbot.mouseClick(window.cancel_close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.close_question is None, timeout=TIMEOUT)
    assert window.isVisible()
    assert window.current_area() == 0  # shown where the edits are
    assert window.citizens_view.record.tabs.currentWidget() is overview
    assert overview.fields["phone"].text() == "12345678"

    with qtbot.waitSignal(window.closed, timeout=TIMEOUT):
        window.close()
        close_question(qtbot, window)
        qtbot.mouseClick(window.discard_button, Qt.MouseButton.LeftButton)
    assert not window.isVisible()
    assert get_citizen_record(Context(database, admin), 1).phone == ""  # not saved: discarded


def test_closing_without_edits_does_not_ask(qtbot, window):
    open_record(qtbot, window)
    with qtbot.waitSignal(window.closed, timeout=TIMEOUT):
        window.close()
    assert window.close_question is None and not window.isVisible()


def test_closing_over_an_edited_economy_sheet_asks(qtbot, window):
    window.switch_area(ECONOMY)
    qtbot.waitUntil(lambda: window.pages.widget(ECONOMY).page is not None, timeout=TIMEOUT)
    page = window.pages.widget(ECONOMY).page
    qtbot.waitUntil(lambda: page.picker.citizen_list.count() == 1, timeout=TIMEOUT)
    with qtbot.waitSignal(page.editor.loaded, timeout=TIMEOUT):
        page.choose_citizen(1)
    page.editor.add_expense_action.trigger()
    assert page.has_unsaved_changes()
    window.switch_area(0)

    window.close()

    box = close_question(qtbot, window)
    assert "• Økonomi" in box.text()
    qtbot.mouseClick(window.cancel_close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.close_question is None, timeout=TIMEOUT)
    assert window.isVisible() and window.current_area() == ECONOMY
    assert page.has_unsaved_changes()

    with qtbot.waitSignal(window.closed, timeout=TIMEOUT):
        window.close()
        close_question(qtbot, window)
        qtbot.mouseClick(window.discard_button, Qt.MouseButton.LeftButton)
    assert not window.isVisible()


def economy_page_with_a_new_line(qtbot, window):
    """The Økonomi page, Bodil's sheet with an expense line added and not saved."""
    window.switch_area(ECONOMY)
    qtbot.waitUntil(lambda: window.pages.widget(ECONOMY).page is not None, timeout=TIMEOUT)
    page = window.pages.widget(ECONOMY).page
    qtbot.waitUntil(lambda: page.picker.citizen_list.count() == 1, timeout=TIMEOUT)
    with qtbot.waitSignal(page.editor.loaded, timeout=TIMEOUT):
        page.choose_citizen(1)
    page.editor.add_expense_action.trigger()
    row = page.editor.view.currentIndex().row()
    page.editor.model.setData(page.editor.model.index(row, 0), "Husleje")
    assert page.has_unsaved_changes()
    return page


def answer_close_question(qtbot, window, button_text: str) -> None:
    box = close_question(qtbot, window)
    button = next(button for button in box.buttons() if button.text() == button_text)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.close_question is None, timeout=TIMEOUT)


def test_save_in_the_close_question_saves_the_economy_sheet_and_closes(
        qtbot, window, database, admin):
    page = economy_page_with_a_new_line(qtbot, window)
    window.switch_area(0)

    window.close()
    box = close_question(qtbot, window)
    assert sorted(button.text() for button in box.buttons()) == ["Annuller", "Gem",
                                                                 "Gem ikke"]
    with qtbot.waitSignal(window.closed, timeout=TIMEOUT):
        answer_close_question(qtbot, window, "Gem")

    assert not window.isVisible()
    assert not page.has_unsaved_changes()
    saved = load_sheet(Context(database, admin), 1, page.editor.year)
    assert [line.label for line in saved.lines] == ["Husleje"]


def test_a_failed_save_from_the_close_question_keeps_the_window_open_with_the_error(
        qtbot, window, database, admin, monkeypatch):
    from ui.views.economy import editor as editor_module

    def refused(*_args, **_kwargs):
        raise MentorDeskError("Databasen er låst af en anden proces.")

    monkeypatch.setattr(editor_module, "save_sheet", refused)
    page = economy_page_with_a_new_line(qtbot, window)
    window.switch_area(0)

    window.close()
    answer_close_question(qtbot, window, "Gem")

    qtbot.waitUntil(lambda: window.saving_to_close is None, timeout=TIMEOUT)
    assert window.isVisible()
    assert window.current_area() == ECONOMY  # shown where the edits are …
    assert page.editor.message_label.text() == "Databasen er låst af en anden proces."
    assert page.editor.message_label.isVisible()  # … with why they were not saved
    assert page.has_unsaved_changes()
    assert load_sheet(Context(database, admin), 1, page.editor.year).lines == ()


def test_dont_save_and_cancel_in_the_close_question_for_the_economy_sheet(
        qtbot, window, database, admin):
    page = economy_page_with_a_new_line(qtbot, window)
    window.switch_area(0)

    window.close()
    answer_close_question(qtbot, window, "Annuller")
    assert window.isVisible() and window.current_area() == ECONOMY
    assert page.has_unsaved_changes()

    with qtbot.waitSignal(window.closed, timeout=TIMEOUT):
        window.close()
        answer_close_question(qtbot, window, "Gem ikke")
    assert not window.isVisible()
    assert load_sheet(Context(database, admin), 1, page.editor.year).lines == ()


def test_quit_action_asks_too(qtbot, window):
    open_record(qtbot, window)
    window.citizens_view.record.overview.note_edit.setPlainText("Ny note")
    window.quit_action.trigger()
    close_question(qtbot, window)
    assert window.isVisible()
    qtbot.mouseClick(window.cancel_close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.close_question is None, timeout=TIMEOUT)
    assert window.isVisible()


# -- auto-lock ----------------------------------------------------------------------------


def _wal(path: Path) -> Path:
    return path.with_name(path.name + "-wal")


def test_lock_keeps_unsaved_edits_hidden_and_unlock_brings_them_back(
        controller, qtbot, database_path, make_database):
    make_database(database_path, [NewCitizen(first_name="Låsine", last_name="Skærmsen")],
                  remember=True)
    controller.flow.open_path(database_path)
    qtbot.waitUntil(lambda: controller.main_window is not None
                    and controller.guard.session_id is not None, timeout=15_000)
    window = controller.main_window
    open_record(qtbot, window)
    overview = window.citizens_view.record.overview
    overview.fields["phone"].setText("87654321")

    controller.lock_shortcut.activated.emit()

    qtbot.waitUntil(lambda: controller.guard.is_locked, timeout=TIMEOUT)
    screen = controller.guard.lock_screen
    assert not window.isVisible()  # nothing on screen …
    # … and the database closed: the last connection folded the log back.
    qtbot.waitUntil(lambda: not _wal(database_path).exists(), timeout=TIMEOUT)
    assert "Ændringer, som ikke er gemt, er bevaret" in screen.info_label.text()
    assert "Borgere: Låsine Skærmsen" in screen.info_label.text()

    screen.passphrase_edit.setText(PASSPHRASE)
    qtbot.mouseClick(screen.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.isVisible() and controller.guard.window is window,
                    timeout=15_000)
    assert controller.main_window is window
    assert overview.fields["phone"].text() == "87654321"
    # The kept window works on the database again: its save reaches the file.
    with qtbot.waitSignal(overview.saved, timeout=TIMEOUT):
        overview.save()
    workspace = window.workspace
    assert get_citizen_record(Context(workspace.database, workspace.actor), 1).phone == "87654321"
    assert not [widget for widget in QApplication.topLevelWidgets()
                if isinstance(widget, MainWindow) and widget is not window
                and widget.isVisible()]


def test_closing_over_an_edited_report_draft_asks(qtbot, window):
    window.switch_area(REPORTS)
    qtbot.waitUntil(lambda: window.pages.widget(REPORTS).page is not None, timeout=TIMEOUT)
    editor = window.pages.widget(REPORTS).page.editor
    qtbot.waitUntil(lambda: editor.citizen_id() == 1 and editor.start_edit.text() != "",
                    timeout=TIMEOUT)
    with qtbot.waitSignal(editor.report_opened, timeout=TIMEOUT):
        editor.new_button.click()
    assert not editor.has_unsaved_changes()  # a fresh draft, as saved
    editor.assessment_edit.setPlainText("Bodil møder stabilt op.")
    assert editor.has_unsaved_changes()

    window.close()

    assert "• Rapporter" in close_question(qtbot, window).text()
    qtbot.mouseClick(window.cancel_close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.close_question is None, timeout=TIMEOUT)
    with qtbot.waitSignal(editor.report_opened, timeout=TIMEOUT):
        editor.save_button.click()
    assert not editor.has_unsaved_changes()
    with qtbot.waitSignal(window.closed, timeout=TIMEOUT):
        window.close()  # saved: no question


def test_a_contact_note_being_written_keeps_the_record_open_and_asks_on_close(
        qtbot, window, database, admin):
    from mentordesk.services.contacts import contacts_for_citizen

    open_record(qtbot, window)
    record = window.citizens_view.record
    contacts_tab = show_record_tab(record, "Kontakter")
    qtbot.waitUntil(lambda: contacts_tab.citizen_id == 1, timeout=TIMEOUT)
    contacts_tab.form.note_edit.setPlainText("Halvt skrevet note om mødet")
    assert record.has_unsaved_changes()

    window.close()

    box = close_question(qtbot, window)
    assert "• Borgere: Bodil Bæk (Kontakter)" in box.text()
    qtbot.mouseClick(window.cancel_close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.close_question is None, timeout=TIMEOUT)
    assert contacts_tab.form.note_edit.toPlainText() == "Halvt skrevet note om mødet"
    assert contacts_for_citizen(Context(database, admin), 1) == []  # nothing saved behind the back


def test_save_in_the_close_question_logs_the_contact_being_written(qtbot, window, database,
                                                                   admin):
    from mentordesk.services.contacts import contacts_for_citizen

    open_record(qtbot, window)
    record = window.citizens_view.record
    contacts_tab = show_record_tab(record, "Kontakter")
    qtbot.waitUntil(lambda: contacts_tab.citizen_id == 1, timeout=TIMEOUT)
    contacts_tab.form.note_edit.setPlainText("Bodil kom til tiden")
    window.close()

    with qtbot.waitSignal(window.closed, timeout=TIMEOUT):
        answer_close_question(qtbot, window, "Gem")

    [contact] = contacts_for_citizen(Context(database, admin), 1)
    assert contact.note == "Bodil kom til tiden"
