"""The app on a team server: "Forbind til teamserver…", the window on the server's data,
file-only features disabled, and a save cut off by the network keeping the typed text."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from mentordesk.kernel.context import Context
from mentordesk.server.connect import open_server
from mentordesk.server.profiles import load_profiles, remembered_password
from mentordesk.services.citizens import list_citizens
from mentordesk.storage.engine import SERVER_WRITE_LOCK
from tests.server_team import CITIZENS, superuser_connection, team_with_login
from ui.views.contacts import create_citizen_tab
from ui.views.security.security_tab import SecurityTab
from ui.workspace import load_server_workspace

TIMEOUT = 15_000
CUT_OFF_WRITE = ("Forbindelsen til teamserveren blev afbrudt. Dine ændringer er ikke gemt "
                 "endnu — prøv igen.")


@pytest.fixture
def team(server_databases):
    yield from team_with_login(server_databases, name="Kontoret")


def fill_server_dialog(qtbot, dialog, team) -> None:
    profile = team.profile
    qtbot.keyClicks(dialog.name_edit, profile.name)
    qtbot.keyClicks(dialog.host_edit, profile.host)
    dialog.port_spin.setValue(profile.port)
    qtbot.keyClicks(dialog.dbname_edit, profile.dbname)
    qtbot.keyClicks(dialog.login_edit, profile.login)
    dialog.ca_edit.setText(str(profile.ca_file))
    qtbot.keyClicks(dialog.password_edit, team.password)


def open_server_dialog(controller, qtbot):
    controller.start()
    first_run = controller.flow.first_run_dialog
    assert first_run.server_button.text() == "Forbind til teamserver…"
    qtbot.mouseClick(first_run.server_button, Qt.MouseButton.LeftButton)
    dialog = controller.flow.server_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_connecting_through_the_dialog_shows_the_servers_citizens(controller, qtbot, team):
    dialog = open_server_dialog(controller, qtbot)
    fill_server_dialog(qtbot, dialog, team)
    assert dialog.remember_check.text() == "Husk adgangskoden på denne pc"
    dialog.remember_check.setChecked(True)

    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Forbindelsen virker" in dialog.status_label.text(),
                    timeout=TIMEOUT)
    qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: controller.main_window is not None, timeout=TIMEOUT)

    window = controller.main_window
    view = window.citizens_view
    qtbot.waitUntil(lambda: view.count_label.text() == f"{len(CITIZENS)} borgere",
                    timeout=TIMEOUT)
    login, host, dbname = team.profile.login, team.profile.host, team.profile.dbname
    assert window.windowTitle() == f"MentorDesk – Testteamet – {login} @ {host}/{dbname}"
    assert window.workspace.actor.login == login
    assert load_profiles() == [team.profile]
    assert remembered_password(team.profile) == team.password


def test_a_wrong_password_keeps_the_dialog_open_with_a_danish_reason(controller, qtbot, team):
    dialog = open_server_dialog(controller, qtbot)
    fill_server_dialog(qtbot, dialog, team)
    dialog.password_edit.setText("forkert-kode")

    qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: "adgangskode er forkert" in dialog.error_label.text(),
                    timeout=TIMEOUT)
    assert dialog.isVisible() and controller.main_window is None
    assert load_profiles() == []


@pytest.fixture
def workspace(team):
    workspace = load_server_workspace(open_server(team.profile, team.password), team.profile)
    yield workspace
    workspace.database.close()


def test_file_only_security_actions_are_disabled_and_say_why(qtbot, workspace, make_ops):
    tab = SecurityTab(make_ops(workspace))
    qtbot.addWidget(tab)

    for button in (tab.rekey_button, tab.backup_button, tab.recovery_button,
                   tab.restore_button, tab.refresh_button):
        assert not button.isEnabled()
        assert "it-support" in button.toolTip()
    assert tab.location_label.text() == f"Teamserver: {workspace.server_title}"


def test_a_save_whose_connection_is_killed_says_so_and_keeps_the_typed_text(
        qtbot, workspace, make_ops, team):
    citizen_id = list_citizens(Context(workspace.database, workspace.actor))[0].id
    tab = create_citizen_tab(make_ops(workspace))
    qtbot.addWidget(tab)
    tab.show()
    with qtbot.waitSignal(tab.contacts_loaded, timeout=TIMEOUT):
        tab.show_citizen(citizen_id)
    tab.form.note_edit.setPlainText("Langt notat, skrevet med omhu")
    tab.form.place_edit.setText("Biblioteket")

    with superuser_connection(team.superuser) as owner, owner.transaction():
        # Hold the writers' lock: the save waits inside its write transaction, and
        # its connection is killed there, as a dropped network would.
        owner.execute(b"SELECT pg_advisory_xact_lock(%s)", (SERVER_WRITE_LOCK,))
        tab.save()
        waiting = wait_for_waiting_writer(owner, team.profile.login)
        owner.execute(b"SELECT pg_terminate_backend(%s)", (waiting,))

    qtbot.waitUntil(lambda: tab.form.error_label.isVisible(), timeout=TIMEOUT)
    assert tab.form.error_label.text() == CUT_OFF_WRITE
    assert tab.form.note_edit.toPlainText() == "Langt notat, skrevet med omhu"
    assert tab.form.place_edit.text() == "Biblioteket"
    assert tab.count_label.text() == "0 kontakter"


def wait_for_waiting_writer(owner, login: str) -> int:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + TIMEOUT / 1000
    while time.monotonic() < deadline:
        QApplication.processEvents()
        row = owner.execute(
            b"SELECT pid FROM pg_stat_activity WHERE usename = %s AND wait_event = 'advisory'",
            (login,)).fetchone()
        if row:
            return int(row[0])
        time.sleep(0.05)
    raise AssertionError("the save never waited for the writers' lock")


def connect_through_dialog(controller, qtbot, team):
    dialog = open_server_dialog(controller, qtbot)
    fill_server_dialog(qtbot, dialog, team)
    qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: controller.main_window is not None, timeout=TIMEOUT)
    return controller.main_window


def test_a_lock_hides_the_window_and_only_the_same_login_with_its_password_unlocks(
        controller, qtbot, team):
    window = connect_through_dialog(controller, qtbot, team)

    controller.guard.lock()

    screen = controller.guard.lock_screen
    assert screen.windowTitle() == "MentorDesk er låst"
    assert not screen.login_edit.isEnabled() and not screen.host_edit.isEnabled()
    assert screen.login_edit.text() == team.profile.login
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=TIMEOUT)

    screen.password_edit.setText("forkert-kode")
    qtbot.mouseClick(screen.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "adgangskode er forkert" in screen.error_label.text(),
                    timeout=TIMEOUT)
    assert controller.guard.is_locked

    screen.password_edit.setText(team.password)
    qtbot.mouseClick(screen.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: controller.main_window is not window
                    and controller.main_window.isVisible(), timeout=TIMEOUT)
    view = controller.main_window.citizens_view
    qtbot.waitUntil(lambda: view.count_label.text() == f"{len(CITIZENS)} borgere",
                    timeout=TIMEOUT)
    assert not controller.guard.is_locked


def test_a_lock_with_unsaved_edits_keeps_them_and_the_window_works_on_after_unlock(
        controller, qtbot, team):
    window = connect_through_dialog(controller, qtbot, team)
    view = window.citizens_view
    qtbot.waitUntil(lambda: len(view.visible_names()) == len(CITIZENS), timeout=TIMEOUT)
    with qtbot.waitSignal(view.record_loaded, timeout=TIMEOUT):
        view.table.selectRow(0)
    view.record.overview.fields["city"].setText("Thisted")

    controller.guard.lock()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=TIMEOUT)
    screen = controller.guard.lock_screen
    screen.password_edit.setText(team.password)
    qtbot.mouseClick(screen.connect_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(window.isVisible, timeout=TIMEOUT)
    assert controller.main_window is window
    assert view.record.overview.fields["city"].text() == "Thisted"
    # Its database (whose connections the lock closed) reconnects when next used.
    with qtbot.waitSignal(view.rows_loaded, timeout=TIMEOUT):
        view.refresh()
    assert len(view.visible_names()) == len(CITIZENS)
