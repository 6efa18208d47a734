"""Auto-lock, the lock screen, the clipboard guard and the stale keyring entry, on the
real application controller with real encrypted files."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox
from qt_support import PASSPHRASE

from mentordesk import vault
from mentordesk.keys import keyfile
from mentordesk.keys.crypto import PersonKeys
from mentordesk.services.citizens import NewCitizen
from ui.views.security import preferences
from ui.views.security.clipboard import ClipboardGuard


def _open(controller, qtbot, path: Path) -> None:
    controller.flow.open_path(path)
    qtbot.waitUntil(lambda: controller.main_window is not None
                    and controller.main_window.isVisible(), timeout=15_000)
    qtbot.waitUntil(lambda: controller.guard.session_id is not None, timeout=10_000)


def _wal(path: Path) -> Path:
    return path.with_name(path.name + "-wal")


def _lock_by_idle(controller, qtbot) -> None:
    controller.guard.idle.set_timeout_ms(300)
    qtbot.waitUntil(lambda: controller.guard.is_locked, timeout=10_000)


def test_idle_locks_hides_data_closes_database_and_unlock_restores(
        controller, qtbot, database_path, make_database):
    make_database(database_path, [NewCitizen(first_name="Låsine", last_name="Skærmsen")],
                  remember=True)
    _open(controller, qtbot, database_path)
    window = controller.main_window
    window.switch_area(2)
    assert _wal(database_path).exists()  # open: the write-ahead log is live

    _lock_by_idle(controller, qtbot)
    screen = controller.guard.lock_screen
    assert screen.windowTitle() == "MentorDesk er låst"
    # No window with personal data is left: the main window is gone, not just hidden.
    qtbot.waitUntil(lambda: not any(
        widget.isVisible() and widget is not screen and widget.windowTitle().startswith(
            "MentorDesk –") for widget in QApplication.topLevelWidgets()), timeout=5_000)
    # The last connection closed: SQLite folded the log back and removed it.
    qtbot.waitUntil(lambda: not _wal(database_path).exists(), timeout=10_000)
    assert screen.keyring_button.isVisible()  # this PC remembers the key

    controller.guard.idle.set_timeout_ms(600_000)
    screen.passphrase_edit.setText("forkert forkert forkert")
    qtbot.mouseClick(screen.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.error_label.isVisible(), timeout=10_000)
    assert controller.guard.is_locked

    screen.passphrase_edit.setText(PASSPHRASE)
    qtbot.mouseClick(screen.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: controller.main_window is not window
                    and controller.main_window.isVisible(), timeout=15_000)
    assert controller.main_window.current_area() == 2
    assert not controller.guard.is_locked


def test_ctrl_l_locks_and_saved_key_unlocks(controller, qtbot, database_path,
                                            make_database):
    make_database(database_path, remember=True)
    _open(controller, qtbot, database_path)
    window = controller.main_window
    controller.lock_shortcut.activated.emit()
    qtbot.waitUntil(lambda: controller.guard.is_locked, timeout=5_000)
    qtbot.mouseClick(controller.guard.lock_screen.keyring_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: controller.main_window is not window
                    and controller.main_window.isVisible(), timeout=15_000)


def test_idle_minutes_setting_defaults_to_ten_and_is_kept():
    assert preferences.idle_minutes() == 10
    preferences.set_idle_minutes(3)
    assert preferences.idle_minutes() == 3
    preferences.set_idle_minutes(0)
    assert preferences.idle_minutes() == preferences.MIN_IDLE_MINUTES


def test_copied_text_is_cleared_but_only_if_still_ours(qtbot):
    guard = ClipboardGuard(clear_after_ms=300)
    field = QLineEdit("0101909001")
    field.show()
    field.activateWindow()
    active = Qt.ApplicationState.ApplicationActive
    qtbot.waitUntil(lambda: QApplication.applicationState() == active)
    clipboard = QApplication.clipboard()
    try:
        field.selectAll()
        field.copy()
        assert clipboard.text() == "0101909001"
        qtbot.waitUntil(lambda: clipboard.text() == "", timeout=3_000)
        # Copied here, then replaced by something from another program: left alone.
        field.selectAll()
        field.copy()
        field.hide()
        QApplication.processEvents()
        guard._copied_here = lambda: False  # the next copy happens elsewhere
        clipboard.setText("fra et andet program")
        qtbot.wait(600)
        assert clipboard.text() == "fra et andet program"
    finally:
        guard.stop()
        field.close()


def test_stale_keyring_entry_asks_and_remembers_again(controller, qtbot, database_path,
                                                      make_database, memory_keyring):
    make_database(database_path, remember=True)
    entry = f"{keyfile.load(database_path).file_id}:{vault.current_login().casefold()}"
    somebody_elses = PersonKeys.generate().to_text()
    memory_keyring.set_password(vault.KEYRING_SERVICE, entry, somebody_elses)
    listing = sorted(database_path.parent.iterdir())
    controller.flow.open_path(database_path)
    qtbot.waitUntil(lambda: controller.flow.unlock_dialog is not None
                    and controller.flow.unlock_dialog.isVisible(), timeout=10_000)
    dialog = controller.flow.unlock_dialog
    assert "åbner ikke længere" in dialog.info_label.text()
    assert dialog.remember_check.isChecked()
    assert sorted(database_path.parent.iterdir()) == listing  # no new file
    dialog.passphrase_edit.setText(PASSPHRASE)
    qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: controller.main_window is not None, timeout=15_000)
    assert memory_keyring.get_password(vault.KEYRING_SERVICE, entry) not in (None,
                                                                            somebody_elses)


def test_first_run_creates_the_team_shows_the_recovery_key_once_and_writes_no_secret(
        controller, qtbot, tmp_path, pdf_text):
    controller.flow.show_first_run()
    qtbot.mouseClick(controller.flow.first_run_dialog.create_button, Qt.MouseButton.LeftButton)
    create = controller.flow.create_dialog
    path = tmp_path / "ny" / "hold.mentordesk"
    create.path_edit.setText(str(path))
    create.team_edit.setText("Mentorteam Vest")
    assert create.login_edit.text() == vault.current_login()  # only a default
    create.login_edit.setText("tove.teamleder")
    create.passphrase_edit.setText(PASSPHRASE)
    create.repeat_edit.setText(PASSPHRASE)
    qtbot.mouseClick(create.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: controller.recovery_dialog is not None
                    and controller.recovery_dialog.isVisible(), timeout=15_000)
    window = controller.main_window
    assert window.workspace.actor.login == "tove.teamleder"
    assert window.workspace.actor.role.value == "admin"
    dialog = controller.recovery_dialog
    recovery_key = dialog.key_edit.text()
    assert len(recovery_key.split("-")) == 6
    on_disk = [file for file in tmp_path.rglob("*") if file.is_file()]
    assert not [file for file in on_disk if recovery_key.encode() in file.read_bytes()
                or PASSPHRASE.encode() in file.read_bytes()]
    printed = []
    dialog.print_document = lambda _parent, document: printed.append(
        document.toPlainText()) or True
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    assert recovery_key in printed[0] and "Mentorteam Vest" in printed[0]
    # Saving a PDF is a choice, after a warning.
    sheet = tmp_path / "valgt" / "ark.pdf"
    dialog.choose_path = lambda *_args: sheet
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "slet filen bagefter" in dialog.warning_box.text()
    dialog.warning_box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(sheet.exists, timeout=15_000)
    assert recovery_key in pdf_text(sheet)
    dialog.accept()

