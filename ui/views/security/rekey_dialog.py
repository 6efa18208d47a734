"""Change your own passphrase: new passphrase twice.

Only your key slot is re-wrapped (``security.people.change_my_passphrase``, the same as
``mentordesk passphrase``): the database key, everyone else's passphrase, this PC's
remembered key and every backup stay as they are, so nobody else has to close anything.
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

from mentordesk.security.people import change_my_passphrase
from ui.operations import Operations
from ui.views.common.passphrase_fields import (
    NewPassphraseFields,
    error_label,
    show_inline_error,
)


class RekeyDialog(QDialog):
    changed = Signal()

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ops = ops
        self.setWindowTitle(self.tr("Change my passphrase"))
        self.setMinimumWidth(460)
        self.new_passphrase = NewPassphraseFields(self)
        self.passphrase_edit = self.new_passphrase.passphrase_edit
        self.repeat_edit = self.new_passphrase.repeat_edit
        self.strength_label = self.new_passphrase.strength_label
        self.error_label = error_label()
        note = QLabel(self.tr(
            "Only your own passphrase changes. Nobody else is affected, and a PC that "
            "remembers your key goes on opening the database."))
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
        self._ops.run(change_my_passphrase, self.passphrase_edit.text(), owner=self,
                      label=self.tr("Changing the passphrase…"),
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
