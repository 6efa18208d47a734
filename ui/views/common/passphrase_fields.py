"""Passphrase inputs shared by creating a database, unlocking it (and the lock screen)
and changing the passphrase: masked fields, the inline error, and a new passphrase
typed twice with a live strength hint from the core's rules.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget

from mentordesk.errors import WeakPassphrase
from mentordesk.vault import check_passphrase_strength


def passphrase_problem(passphrase: str) -> str:
    """The core's Danish strength message, or "" when the passphrase is strong enough."""
    try:
        check_passphrase_strength(passphrase)
    except WeakPassphrase as weak:
        return str(weak)
    return ""


def password_field() -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


def error_label() -> QLabel:
    """Hidden until there is something to say; the core's messages are plain text."""
    label = QLabel()
    label.setObjectName("errorLabel")
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setVisible(False)
    return label


def show_inline_error(dialog: QWidget, label: QLabel, message: str) -> None:
    label.setText(message)
    label.setVisible(True)
    # Word-wrapped labels do not grow their dialog by themselves: re-fit it.
    dialog.adjustSize()


class NewPassphraseFields(QObject):
    """A new passphrase typed twice, with the strength hint updated while typing."""

    def __init__(self, dialog: QWidget) -> None:
        super().__init__(dialog)
        self._dialog = dialog
        self.passphrase_edit = password_field()
        self.repeat_edit = password_field()
        self.strength_label = QLabel()
        self.strength_label.setObjectName("hintLabel")
        self.strength_label.setWordWrap(True)
        self.passphrase_edit.textChanged.connect(self._update_strength)
        self._update_strength("")

    def add_rows(self, form: QFormLayout, passphrase_label: str) -> None:
        form.addRow(passphrase_label, self.passphrase_edit)
        form.addRow(self.tr("Repeat passphrase:"), self.repeat_edit)
        form.addRow("", self.strength_label)

    def passphrase(self) -> str:
        return self.passphrase_edit.text()

    def validation_error(self) -> str:
        """Too weak, or the two differ (in Danish); "" when the passphrase can be used."""
        problem = passphrase_problem(self.passphrase_edit.text())
        if problem:
            return problem
        if self.passphrase_edit.text() != self.repeat_edit.text():
            return self.tr("The two passphrases are not the same.")
        return ""

    def set_enabled(self, enabled: bool) -> None:
        self.passphrase_edit.setEnabled(enabled)
        self.repeat_edit.setEnabled(enabled)

    def _update_strength(self, passphrase: str) -> None:
        problem = passphrase_problem(passphrase)
        self.strength_label.setText(problem or self.tr("The passphrase is strong enough."))
        self.strength_label.setProperty("weak", bool(problem))
        self.strength_label.style().polish(self.strength_label)
        self._dialog.adjustSize()
