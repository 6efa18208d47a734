"""Indstillinger → Sikkerhed: passphrase change, restore, recovery sheet, who else."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from qt_support import PASSPHRASE

from mentordesk import vault
from mentordesk.kernel.context import Context
from mentordesk.security import lock
from mentordesk.security.backups import backup_now
from mentordesk.services.citizens import NewCitizen, create_citizen, list_citizens
from mentordesk.services.team import resolve_actor

NEW_PASSPHRASE = "et helt nyt kodeord til teamet"


def _open(controller, qtbot, path: Path):
    controller.flow.open_path(path)
    qtbot.waitUntil(lambda: controller.main_window is not None
                    and controller.main_window.isVisible(), timeout=15_000)
    qtbot.waitUntil(lambda: controller.guard.session_id is not None, timeout=10_000)
    window = controller.main_window
    window.switch_area(window.area_names().index("Indstillinger"))
    page = window.pages.currentWidget().page
    page.tabs.setCurrentWidget(page.security)
    return window, page.security


def _names(database) -> list[str]:
    actor = resolve_actor(database, vault.current_login())
    return [row.display_name for row in list_citizens(Context(database, actor))]


def test_security_tab_shows_who_else_and_refreshes(controller, qtbot, database_path,
                                                   make_database):
    database = make_database(database_path, remember=True, keep_open=True)
    colleague = lock.register(database, "kollega", host="PC-17", process_id=4242)
    _window, tab = _open(controller, qtbot, database_path)
    qtbot.waitUntil(lambda: tab.others_label.text() == "kollega på PC-17", timeout=10_000)
    assert tab.idle_spin.value() == 10 and tab.idle_spin.suffix() == " min."
    qtbot.waitUntil(lambda: "Også åben hos: kollega" in controller.guard.others_label.text(),
                    timeout=10_000)
    lock.release(database, colleague)
    qtbot.mouseClick(tab.refresh_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.others_label.text() == "Ingen andre lige nu.", timeout=10_000)


def test_change_passphrase_in_the_gui(controller, qtbot, database_path, make_database,
                                      tmp_path, pdf_text):
    make_database(database_path, [NewCitizen(first_name="Rita", last_name="Rekey")],
                  remember=True)
    window, tab = _open(controller, qtbot, database_path)
    sheet = tmp_path / "nyt-ark.pdf"
    tab.choose_save_path = lambda *_args: sheet
    qtbot.mouseClick(tab.rekey_button, Qt.MouseButton.LeftButton)
    dialog = tab.rekey_dialog
    dialog.passphrase_edit.setText("kort")
    dialog.repeat_edit.setText("kort")
    qtbot.mouseClick(dialog.change_button, Qt.MouseButton.LeftButton)
    assert "mindst 12 tegn" in dialog.error_label.text()
    dialog.passphrase_edit.setText(NEW_PASSPHRASE)
    dialog.repeat_edit.setText(NEW_PASSPHRASE)
    qtbot.mouseClick(dialog.change_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: sheet.exists(), timeout=20_000)
    assert "Adgangskoden er skiftet" in tab.status_label.text() or "gemt" in \
        tab.status_label.text()
    assert NEW_PASSPHRASE not in pdf_text(sheet)
    # The window goes on working on the re-keyed file.
    database = window.workspace.database
    assert _names(database) == ["Rita Rekey"]
    controller.shutdown()
    vault.unlock_with_passphrase(database_path, NEW_PASSPHRASE).close()


def test_restore_in_the_gui(controller, qtbot, database_path, make_database, tmp_path):
    database = make_database(database_path, [NewCitizen(first_name="Før", last_name="Kopien")],
                             remember=True, keep_open=True)
    backup = tmp_path / "kopi.mentordesk"
    backup_now(database, backup)
    create_citizen(Context(database, resolve_actor(database, vault.current_login())),
                   NewCitizen(first_name="Efter", last_name="Kopien"))
    database.close()
    window, tab = _open(controller, qtbot, database_path)
    tab.choose_open_path = lambda *_args: backup
    qtbot.mouseClick(tab.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.confirm_box is not None and tab.confirm_box.isVisible(),
                    timeout=20_000)
    assert "bestod alle kontroller" in tab.confirm_box.text()
    tab.confirm_box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: controller.main_window is not window
                    and controller.main_window is not None
                    and controller.main_window.isVisible(), timeout=30_000)
    assert _names(controller.main_window.workspace.database) == ["Før Kopien"]
    kept = list((database_path.parent / "team-backups").glob("*foer-gendannelse*"))
    assert len(kept) == 1


def test_change_passphrase_refused_while_a_colleague_is_in(controller, qtbot, database_path,
                                                           make_database):
    database = make_database(database_path, remember=True, keep_open=True)
    _window, tab = _open(controller, qtbot, database_path)
    lock.register(database, "kollega", host="PC-17", process_id=4242)
    qtbot.mouseClick(tab.rekey_button, Qt.MouseButton.LeftButton)
    dialog = tab.rekey_dialog
    dialog.passphrase_edit.setText(NEW_PASSPHRASE)
    dialog.repeat_edit.setText(NEW_PASSPHRASE)
    qtbot.mouseClick(dialog.change_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "åben hos kollega på PC-17" in dialog.error_label.text(),
                    timeout=20_000)
    assert dialog.buttons.isEnabled() and dialog.isVisible()
    controller.shutdown()
    vault.unlock_with_passphrase(database_path, PASSPHRASE).close()  # the old key still opens


def test_restore_refused_when_a_colleague_opens_meanwhile(controller, qtbot, database_path,
                                                          make_database, tmp_path):
    database = make_database(database_path, [NewCitizen(first_name="Før", last_name="Kopien")],
                             remember=True, keep_open=True)
    backup = tmp_path / "kopi.mentordesk"
    backup_now(database, backup)
    create_citizen(Context(database, resolve_actor(database, vault.current_login())),
                   NewCitizen(first_name="Efter", last_name="Kopien"))
    window, tab = _open(controller, qtbot, database_path)
    tab.choose_open_path = lambda *_args: backup
    qtbot.mouseClick(tab.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.confirm_box is not None and tab.confirm_box.isVisible(),
                    timeout=20_000)
    lock.register(database, "kollega", host="PC-17", process_id=4242)  # arrives meanwhile
    tab.confirm_box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: controller.main_window is not window
                    and controller.main_window is not None
                    and controller.main_window.isVisible(), timeout=30_000)
    qtbot.waitUntil(lambda: any(
        isinstance(widget, QMessageBox) and widget.isVisible()
        and "åben hos kollega på PC-17" in widget.text()
        for widget in QApplication.topLevelWidgets() + controller.main_window.findChildren(
            QMessageBox)), timeout=10_000)
    # Nothing was replaced: the window works on the database as it was.
    assert sorted(_names(controller.main_window.workspace.database)) == [
        "Efter Kopien", "Før Kopien"]
    assert not list(database_path.parent.rglob("*foer-gendannelse*"))


def test_restore_backup_with_old_passphrase_asks_for_it(controller, qtbot, database_path,
                                                        make_database, tmp_path):
    database = make_database(database_path, remember=True, keep_open=True)
    backup = tmp_path / "gammel.mentordesk"
    backup_now(database, backup)
    vault.rekey(database, NEW_PASSPHRASE).close()
    _window, tab = _open(controller, qtbot, database_path)
    asked = []
    tab.choose_open_path = lambda *_args: backup
    tab.ask_passphrase = lambda *_args: asked.append(True) or PASSPHRASE
    qtbot.mouseClick(tab.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.confirm_box is not None and tab.confirm_box.isVisible(),
                    timeout=20_000)
    assert asked == [True]
    tab.confirm_box.button(QMessageBox.StandardButton.No).click()


def test_sync_folder_warning_and_backup_on_close(controller, qtbot, tmp_path, make_database):
    path = tmp_path / "OneDrive - Kommunen" / "team.mentordesk"
    make_database(path, remember=True)
    controller.flow.open_path(path)
    qtbot.waitUntil(lambda: controller.main_window is not None, timeout=15_000)
    qtbot.waitUntil(lambda: any(
        isinstance(widget, QMessageBox) and widget.isVisible()
        and "synkroniseres til skyen" in widget.text()
        for widget in QApplication.topLevelWidgets()), timeout=5_000)
    controller.shutdown()
    daily = list((path.parent / "team-backups" / "automatisk").glob("team-dagligt-*"))
    assert len(daily) == 1
    vault.unlock_with_passphrase(daily[0], PASSPHRASE).close()


def test_restoring_another_team_s_backup_asks_with_a_warning(controller, qtbot, database_path,
                                                            make_database, tmp_path):
    from mentordesk.services import new_team

    make_database(database_path, [NewCitizen(first_name="Vores", last_name="Borger")],
                  remember=True)
    other = new_team.create_database(tmp_path / "nabo" / "team.mentordesk", PASSPHRASE,
                                     team_name="Naboteamet")
    foreign = backup_now(other, tmp_path / "nabo-kopi.mentordesk")
    other.close()
    window, tab = _open(controller, qtbot, database_path)
    tab.choose_open_path = lambda *_args: foreign
    tab.ask_passphrase = lambda *_args: PASSPHRASE
    qtbot.mouseClick(tab.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.confirm_box is not None and tab.confirm_box.isVisible(),
                    timeout=20_000)
    assert tab.confirm_box.text().startswith(
        "Advarsel: Sikkerhedskopien er af en ANDEN database (teamet »Naboteamet«)")
    tab.confirm_box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: controller.main_window is not window
                    and controller.main_window is not None
                    and controller.main_window.isVisible(), timeout=30_000)
    assert _names(controller.main_window.workspace.database) == []
    assert controller.main_window.workspace.database.meta("team_name") == "Naboteamet"
