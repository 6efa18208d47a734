"""Opening an existing database: keyring first, passphrase dialog otherwise."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from qt_support import PASSPHRASE, TEAM_NAME

from ui import settings


def open_existing(controller, qtbot, path):
    controller.flow.open_path(path)
    qtbot.waitUntil(
        lambda: controller.main_window is not None
        or (controller.flow.unlock_dialog is not None
            and controller.flow.unlock_dialog.isVisible()),
        timeout=10_000,
    )


def submit(qtbot, dialog, passphrase: str) -> None:
    dialog.passphrase_edit.clear()
    qtbot.keyClicks(dialog.passphrase_edit, passphrase)
    qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)


def test_unlock_dialog_shows_file_name_and_hides_the_passphrase(
    controller, qtbot, database_path, make_database
):
    make_database(database_path)
    open_existing(controller, qtbot, database_path)

    dialog = controller.flow.unlock_dialog
    assert dialog.file_label.text() == "team.mentordesk"
    assert dialog.passphrase_edit.echoMode() == QLineEdit.EchoMode.Password
    assert dialog.remember_check.text() == "Husk på denne pc"
    assert controller.main_window is None


def test_wrong_passphrase_shows_danish_error_and_leaves_file_identical(
    controller, qtbot, database_path, make_database
):
    make_database(database_path)
    before = database_path.read_bytes()
    side_files_before = sorted(database_path.parent.iterdir())
    open_existing(controller, qtbot, database_path)
    dialog = controller.flow.unlock_dialog

    submit(qtbot, dialog, "helt forkert adgangskode")
    qtbot.waitUntil(lambda: dialog.error_label.isVisible(), timeout=10_000)

    assert "Forkert login eller adgangskode" in dialog.error_label.text()
    assert dialog.isVisible()
    assert dialog.passphrase_edit.text() == ""
    assert database_path.read_bytes() == before
    assert sorted(database_path.parent.iterdir()) == side_files_before
    assert controller.main_window is None


def test_right_passphrase_opens_the_main_window(
    controller, qtbot, database_path, make_database
):
    make_database(database_path)
    open_existing(controller, qtbot, database_path)
    dialog = controller.flow.unlock_dialog
    submit(qtbot, dialog, "forkert forkert forkert")
    qtbot.waitUntil(lambda: dialog.error_label.isVisible(), timeout=10_000)

    submit(qtbot, dialog, PASSPHRASE)
    qtbot.waitUntil(lambda: controller.main_window is not None, timeout=10_000)

    assert not dialog.isVisible()
    assert controller.main_window.windowTitle() == f"MentorDesk – {TEAM_NAME}"
    assert settings.last_database() == database_path


def test_remember_on_this_pc_skips_the_dialog_next_time(
    qtbot, database_path, make_database, keystore, memory_keyring
):
    from ui.app import AppController
    from ui.tasks import TaskRunner

    make_database(database_path)
    first = AppController(TaskRunner(), keystore)
    try:
        open_existing(first, qtbot, database_path)
        dialog = first.flow.unlock_dialog
        dialog.remember_check.setChecked(True)
        submit(qtbot, dialog, PASSPHRASE)
        qtbot.waitUntil(lambda: first.main_window is not None, timeout=10_000)
    finally:
        first.shutdown()
    assert memory_keyring.secrets

    second = AppController(TaskRunner(), keystore)
    try:
        second.start()  # the remembered path, opened with the remembered key
        qtbot.waitUntil(lambda: second.main_window is not None, timeout=10_000)
        assert second.flow.unlock_dialog is None
        assert second.flow.first_run_dialog is None
    finally:
        second.shutdown()


def test_cancel_unlock_goes_back_to_first_run(controller, qtbot, database_path, make_database):
    make_database(database_path)
    open_existing(controller, qtbot, database_path)

    controller.flow.unlock_dialog.reject()

    assert controller.flow.first_run_dialog.isVisible()


def test_not_a_database_shows_error_and_offers_first_run(controller, qtbot, tmp_path):
    from PySide6.QtWidgets import QApplication, QMessageBox

    path = tmp_path / "noter.mentordesk"
    path.write_text("Dette er bare en tekstfil.\n" * 40, encoding="utf-8")
    before = path.read_bytes()

    controller.flow.open_path(path)
    qtbot.waitUntil(lambda: controller.flow.first_run_dialog is not None
                    and controller.flow.first_run_dialog.isVisible(), timeout=10_000)

    boxes = [w for w in QApplication.topLevelWidgets()
             if isinstance(w, QMessageBox) and w.isVisible()]
    assert any("tekstfil" in box.text() for box in boxes)
    assert path.read_bytes() == before


def test_open_existing_uses_the_file_chooser(controller, qtbot, database_path, make_database):
    make_database(database_path)
    controller.flow.choose_file = lambda _parent, _title, _filter: database_path
    controller.start()
    first_run = controller.flow.first_run_dialog

    qtbot.mouseClick(first_run.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: controller.flow.unlock_dialog is not None
                    and controller.flow.unlock_dialog.isVisible(), timeout=10_000)

    assert not first_run.isVisible()


def test_unlock_dialog_says_why_the_key_was_not_used(
    controller, qtbot, database_path, make_database
):
    make_database(database_path)
    open_existing(controller, qtbot, database_path)

    info = controller.flow.unlock_dialog.info_label
    assert info.isVisible()
    assert "Indtast adgangskoden" in info.text()


def test_shutdown_closes_the_database_and_stops_the_worker(
    controller, qtbot, database_path, make_database
):
    make_database(database_path, remember=True)
    open_existing(controller, qtbot, database_path)
    view = controller.main_window.citizens_view
    qtbot.waitUntil(lambda: view.count_label.text() == "0 borgere", timeout=5_000)
    engine = controller.workspaces[0].database.engine
    assert engine.pool.checkedin() >= 1  # pooled connections are open

    controller.shutdown()

    assert engine.pool.checkedin() == 0  # disposed: every connection closed
    assert not controller.runner._worker.isRunning()
    assert not controller.main_window.isVisible()
