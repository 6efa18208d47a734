"""The team's keys through the real windows: the admin hands a mentor a one-time code on
the Team page, the mentor unlocks with it once, chooses a passphrase of their own and sees
only their own citizens, and the admin later removes them."""

from __future__ import annotations

import pytest
import sqlcipher3
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from qt_support import PASSPHRASE

from mentordesk import vault
from mentordesk.errors import CannotOpenDatabase
from mentordesk.kernel.context import Context
from mentordesk.services.assignments import assign_mentor
from mentordesk.services.citizens import NewCitizen, create_citizen
from mentordesk.services.team import NewUser, create_user, resolve_actor
from ui import settings
from ui.app import AppController
from ui.tasks import TaskRunner

MONA_PASSPHRASE = "Monas helt egen sætning"
TIMEOUT = 20_000


def _open_team_page(controller, qtbot, path):
    controller.flow.open_path(path)
    qtbot.waitUntil(lambda: controller.main_window is not None
                    and controller.main_window.isVisible(), timeout=TIMEOUT)
    window = controller.main_window
    window.switch_area(window.area_names().index("Team"))
    page = window.pages.currentWidget().page
    qtbot.waitUntil(lambda: "mona" in [member.login for member in page.rows()], timeout=TIMEOUT)
    return window, page


def _select(page, login):
    row = next(index for index, member in enumerate(page.rows()) if member.login == login)
    page.table.selectRow(row)


def _team_with_mona(make_database, database_path) -> None:
    database = make_database(database_path, remember=True, keep_open=True)
    admin = resolve_actor(database, vault.current_login())
    context = Context(database, admin)
    mona_id = create_user(context, NewUser(login="mona", full_name="Mona Mentor")).value
    hers = create_citizen(context, NewCitizen(first_name="Hanne", last_name="Hendes")).value
    create_citizen(context, NewCitizen(first_name="Ole", last_name="Other"))
    assign_mentor(context, hers, mona_id, "primary")
    database.close()


def test_admin_enrols_a_mentor_who_unlocks_as_herself_then_is_removed(
        controller, qtbot, database_path, make_database, keystore):
    _team_with_mona(make_database, database_path)
    window, page = _open_team_page(controller, qtbot, database_path)
    _select(page, "mona")
    assert page.code_button.isEnabled() and page.leave_button.isEnabled()
    qtbot.mouseClick(page.code_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.code_box is not None and page.code_box.isVisible(),
                    timeout=TIMEOUT)
    code = page.code_box.text().split("\n\n")[1]
    page.code_box.close()
    controller.shutdown()

    # Mona, on her own PC: first time, the code once and a passphrase of her own.
    monas_pc = AppController(TaskRunner(), keystore)
    try:
        monas_pc.flow.show_unlock(database_path)
        dialog = monas_pc.flow.unlock_dialog
        dialog.login_edit.setText("mona")
        dialog.first_time_check.setChecked(True)
        assert not dialog.passphrase_edit.isVisible() and dialog.code_edit.isVisible()
        dialog.code_edit.setText(code)
        dialog.new_passphrase.passphrase_edit.setText(MONA_PASSPHRASE)
        dialog.new_passphrase.repeat_edit.setText(MONA_PASSPHRASE)
        qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: monas_pc.main_window is not None, timeout=TIMEOUT)
        workspace = monas_pc.main_window.workspace
        assert workspace.actor.login == "mona" and workspace.actor.role.value == "mentor"
        citizens = monas_pc.main_window.citizens_view
        qtbot.waitUntil(lambda: citizens.model.total_count() == 1, timeout=TIMEOUT)
        assert citizens.model.row_at(0).display_name == "Hanne Hendes"  # not Ole Other
    finally:
        monas_pc.shutdown()
    # Her code is spent, her passphrase is hers.
    with pytest.raises(CannotOpenDatabase):
        vault.unlock_with_passphrase(database_path, code, login="mona")
    vault.unlock_with_passphrase(database_path, MONA_PASSPHRASE, login="mona").close()

    # Back on the admin's PC (which remembers the admin's login, not Mona's): Mona leaves.
    settings.remember_login(vault.current_login())
    admins_pc = AppController(TaskRunner(), keystore)
    try:
        _window, page = _open_team_page(admins_pc, qtbot, database_path)
        _select(page, "mona")
        qtbot.mouseClick(page.leave_button, Qt.MouseButton.LeftButton)
        assert "Databasenøglen skiftes" in page.confirm_box.text()
        page.confirm_box.button(QMessageBox.StandardButton.Yes).click()
        qtbot.waitUntil(lambda: "mona er fjernet" in page.info_label.text(), timeout=TIMEOUT)
        qtbot.waitUntil(lambda: not next(m for m in page.rows() if m.login == "mona").active,
                        timeout=TIMEOUT)
    finally:
        admins_pc.shutdown()
    with pytest.raises(CannotOpenDatabase):
        vault.unlock_with_passphrase(database_path, MONA_PASSPHRASE, login="mona")
    vault.unlock_with_passphrase(database_path, PASSPHRASE).close()


def test_opening_a_file_whose_log_was_tampered_with_warns_loudly(controller, qtbot,
                                                                 database_path, make_database):
    """Someone with the key removed the log's update guard with a SQLCipher tool: the next
    open says so, and the warning goes into the log itself."""
    database = make_database(database_path, remember=True, keep_open=True)
    connection = sqlcipher3.connect(str(database_path), isolation_level=None)
    connection.execute(f'PRAGMA key = "{database.raw_key.pragma_value()}"')
    connection.execute("DROP TRIGGER audit_event_no_update")
    connection.close()
    database.close()
    controller.flow.open_path(database_path)
    qtbot.waitUntil(lambda: controller.flow.rollback_box is not None
                    and controller.flow.rollback_box.isVisible(), timeout=TIMEOUT)
    text = controller.flow.rollback_box.text()
    assert "ikke, som den skal være" in text and "audit_event_no_update mangler" in text
    controller.flow.rollback_box.close()
