"""The shared passphrase fields behave the same in creating a database and changing the
passphrase: masked, a live Danish strength hint, and the same two checks."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLineEdit
from qt_support import PASSPHRASE

from ui.views.opening.create_database_dialog import CreateDatabaseDialog
from ui.views.opening.unlock_dialog import UnlockDialog
from ui.views.security.rekey_dialog import RekeyDialog
from ui.workspace import load_workspace


@pytest.fixture
def rekey_dialog(qtbot, database_path, make_database, make_ops):
    workspace = load_workspace(make_database(database_path, keep_open=True))
    dialog = RekeyDialog(make_ops(workspace))
    qtbot.addWidget(dialog)
    return dialog


@pytest.fixture
def create_dialog(qtbot, runner, keystore):
    dialog = CreateDatabaseDialog(runner, keystore)
    qtbot.addWidget(dialog)
    return dialog


@pytest.mark.parametrize("which", ["create", "rekey"])
def test_new_passphrase_fields_hint_and_check_alike(qtbot, which, request):
    dialog = request.getfixturevalue(f"{which}_dialog")
    for field in (dialog.passphrase_edit, dialog.repeat_edit):
        assert field.echoMode() == QLineEdit.EchoMode.Password
    qtbot.keyClicks(dialog.passphrase_edit, "kort")
    assert "mindst 12 tegn" in dialog.strength_label.text()
    dialog.passphrase_edit.setText(PASSPHRASE)
    assert dialog.strength_label.text() == "Adgangskoden er stærk nok."
    dialog.repeat_edit.setText(PASSPHRASE + "x")
    assert dialog.new_passphrase.validation_error() == "De to adgangskoder er ikke ens."
    dialog.repeat_edit.setText(PASSPHRASE)
    assert dialog.new_passphrase.validation_error() == ""


def test_rekey_refuses_a_mismatch_inline_without_changing_anything(qtbot, rekey_dialog):
    rekey_dialog.passphrase_edit.setText(PASSPHRASE + " ny")
    rekey_dialog.repeat_edit.setText(PASSPHRASE)
    rekey_dialog.change_button.click()
    assert rekey_dialog.error_label.text() == "De to adgangskoder er ikke ens."
    assert rekey_dialog.buttons.isEnabled()


def test_unlock_uses_the_same_masked_field_and_inline_error(qtbot, database_path,
                                                            make_database, runner, keystore):
    make_database(database_path)
    dialog = UnlockDialog(database_path, runner, keystore)
    qtbot.addWidget(dialog)
    assert dialog.passphrase_edit.echoMode() == QLineEdit.EchoMode.Password
    dialog.show()
    dialog.unlock()  # nothing typed
    assert dialog.error_label.isVisible()
    assert dialog.error_label.text() == "Indtast adgangskoden."
