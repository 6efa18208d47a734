"""Change the team passphrase (administrators): new passphrase twice, then re-key.

The core's ``change_passphrase`` (the same workflow as ``mentordesk rekey``) takes a
backup first, re-encrypts the file with a new key and salt, moves this PC's remembered
key, and re-binds the open database in place, so the window goes on working. Other PCs
that have the file open would break, so the change is refused while anyone else is in
(the lock record).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mentordesk.security.workflows import change_passphrase
from mentordesk.vault import KeyStore
from ui.operations import Operations
from ui.views.common.passphrase_fields import (
    NewPassphraseFields,
    error_label,
    show_inline_error,
)


class RekeyDialog(QDialog):
    changed = Signal()

    def __init__(self, ops: Operations, keystore: KeyStore,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ops = ops
        self._keystore = keystore
        self.setWindowTitle(self.tr("Change passphrase"))
        self.setMinimumWidth(460)
        self.new_passphrase = NewPassphraseFields(self)
        self.passphrase_edit = self.new_passphrase.passphrase_edit
        self.repeat_edit = self.new_passphrase.repeat_edit
        self.strength_label = self.new_passphrase.strength_label
        self.error_label = error_label()
        note = QLabel(self.tr(
            "A backup is taken first. Everyone else must close MentorDesk before the change. "
            "Other PCs will ask for the new passphrase. Print a new recovery sheet afterwards."))
        note.setWordWrap(True)
        self.buttons = QDialogButtonBox()
        self.change_button = QPushButton(self.tr("Change passphrase"))
        self.change_button.setDefault(True)
        self.buttons.addButton(self.change_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.change)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        self.new_passphrase.add_rows(form, self.tr("New passphrase:"))
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

    def validation_error(self) -> str:
        return self.new_passphrase.validation_error()

    def change(self) -> None:
        problem = self.validation_error()
        if problem:
            self._show_error(problem)
            return
        self._set_busy(True)
        self._ops.run(change_passphrase, self.passphrase_edit.text(), keystore=self._keystore,
                      owner=self, label=self.tr("Changing the passphrase…"),
                      done=self._on_changed, failed=self._on_failed)

    def _on_changed(self, _nothing: None) -> None:
        self._set_busy(False)
        self.changed.emit()
        self.accept()

    def _on_failed(self, message: str) -> None:
        self._set_busy(False)
        self._show_error(message)

    def _show_error(self, message: str) -> None:
        show_inline_error(self, self.error_label, message)

    def _set_busy(self, busy: bool) -> None:
        self.buttons.setEnabled(not busy)
        self.new_passphrase.set_enabled(not busy)
