"""First run: no database remembered → three choices; creating one opens the window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from qt_support import PASSPHRASE

from mentordesk.storage.engine import SQLITE_PLAIN_HEADER
from ui import settings


def start_first_run(controller, qtbot):
    controller.start()
    dialog = controller.flow.first_run_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_first_run_offers_three_danish_choices(controller, qtbot):
    dialog = start_first_run(controller, qtbot)

    assert dialog.create_button.text() == "Opret ny database"
    assert dialog.open_button.text() == "Åbn eksisterende"
    assert dialog.demo_button.text() == "Åbn demodatabase"


def open_create_dialog(controller, qtbot):
    dialog = start_first_run(controller, qtbot)
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    create = controller.flow.create_dialog
    assert create is not None and create.isVisible()
    return create


def fill_create_form(qtbot, create, path: Path, passphrase: str, repeat: str | None = None):
    create.path_edit.setText(str(path))
    qtbot.keyClicks(create.team_edit, "Mentorteam Syd")
    qtbot.keyClicks(create.passphrase_edit, passphrase)
    qtbot.keyClicks(create.repeat_edit, passphrase if repeat is None else repeat)


def test_create_new_database_writes_encrypted_file_and_shows_empty_window(
    controller, qtbot, tmp_path, keystore, memory_keyring
):
    create = open_create_dialog(controller, qtbot)
    path = tmp_path / "ny" / "team.mentordesk"
    fill_create_form(qtbot, create, path, PASSPHRASE)
    assert create.strength_label.text() == "Adgangskoden er stærk nok."
    create.remember_check.setChecked(True)

    qtbot.mouseClick(create.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: controller.main_window is not None, timeout=10_000)

    window = controller.main_window
    view = window.citizens_view
    qtbot.waitUntil(lambda: view.count_label.text() == "0 borgere", timeout=5_000)
    assert path.read_bytes()[:16] != SQLITE_PLAIN_HEADER
    assert window.windowTitle() == "MentorDesk – Mentorteam Syd"
    assert not create.isVisible()
    assert settings.last_database() == path
    assert memory_keyring.secrets, "Husk på denne pc stores the raw key in the keyring"


def test_too_short_passphrase_shows_strength_message_and_creates_nothing(
    controller, qtbot, tmp_path
):
    create = open_create_dialog(controller, qtbot)
    path = tmp_path / "kort.mentordesk"
    fill_create_form(qtbot, create, path, "kort")

    assert "mindst 12 tegn" in create.strength_label.text()
    qtbot.mouseClick(create.create_button, Qt.MouseButton.LeftButton)

    assert "mindst 12 tegn" in create.error_label.text()
    assert create.isVisible()
    assert not path.exists()
    assert list(tmp_path.iterdir()) == [tmp_path / "home"] or not any(
        child.suffix == ".mentordesk" for child in tmp_path.iterdir()
    )
    assert controller.main_window is None


def test_passphrases_must_match(controller, qtbot, tmp_path):
    create = open_create_dialog(controller, qtbot)
    path = tmp_path / "team.mentordesk"
    fill_create_form(qtbot, create, path, PASSPHRASE, repeat=PASSPHRASE + "x")

    qtbot.mouseClick(create.create_button, Qt.MouseButton.LeftButton)

    assert create.error_label.text() == "De to adgangskoder er ikke ens."
    assert not path.exists()


def test_existing_file_is_never_overwritten(controller, qtbot, tmp_path):
    create = open_create_dialog(controller, qtbot)
    path = tmp_path / "findes.mentordesk"
    path.write_bytes(b"keep me")
    fill_create_form(qtbot, create, path, PASSPHRASE)

    qtbot.mouseClick(create.create_button, Qt.MouseButton.LeftButton)

    assert "findes allerede" in create.error_label.text()
    assert path.read_bytes() == b"keep me"


def test_cancel_create_returns_to_the_choices(controller, qtbot):
    create = open_create_dialog(controller, qtbot)

    create.reject()

    assert controller.flow.first_run_dialog.isVisible()


def test_closing_first_run_asks_to_quit(controller, qtbot):
    dialog = start_first_run(controller, qtbot)

    with qtbot.waitSignal(controller.quit_requested) as quit_signal:
        dialog.reject()

    assert quit_signal.args == [0]
