"""Ask for the team passphrase of one database file and unlock it off the GUI thread."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mentordesk.vault import KeyStore, unlock_with_passphrase
from ui.tasks import TaskContext, TaskRunner
from ui.views.common.passphrase_fields import error_label, password_field, show_inline_error
from ui.workspace import Workspace, load_workspace


class UnlockDialog(QDialog):
    """A wrong passphrase keeps the dialog open with the core's Danish message inline.

    Unlocking only reads the file (a failed attempt is noted in this PC's state folder,
    not in the database), so a wrong passphrase never changes the file.
    """

    opened = Signal(object)  # Workspace

    def __init__(
        self, path: Path, runner: TaskRunner, keystore: KeyStore,
        parent: QWidget | None = None, message: str = "",
    ) -> None:
        super().__init__(parent)
        self.path = path
        self._runner = runner
        self._keystore = keystore
        self.setWindowTitle(self.tr("Unlock database"))
        self.setMinimumWidth(420)
        self._build(message)

    def _build(self, message: str) -> None:
        self.file_label = QLabel(self.path.name)
        self.file_label.setToolTip(str(self.path))
        self.passphrase_edit = password_field()
        self.remember_check = QCheckBox(self.tr("Remember on this PC"))
        self.remember_check.setToolTip(self.tr(
            "Keeps the key in this PC's credential store (Windows Credential Manager), so "
            "this PC opens the database without the passphrase. Only on a PC that you "
            "alone use."
        ))
        self.info_label = QLabel(message)
        self.info_label.setWordWrap(True)
        self.info_label.setVisible(bool(message))
        self.error_label = error_label()
        self.buttons = QDialogButtonBox()
        self.unlock_button = QPushButton(self.tr("Unlock"))
        self.unlock_button.setDefault(True)
        self.buttons.addButton(self.unlock_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.unlock)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Database:"), self.file_label)
        form.addRow(self.tr("Passphrase:"), self.passphrase_edit)
        form.addRow("", self.remember_check)
        layout = QVBoxLayout(self)
        layout.addWidget(self.info_label)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.passphrase_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def unlock(self) -> None:
        passphrase = self.passphrase_edit.text()
        if not passphrase:
            self._show_error(self.tr("Enter the passphrase."))
            return
        path, remember, keystore = self.path, self.remember_check.isChecked(), self._keystore

        def job(_context: TaskContext) -> Workspace:
            database = unlock_with_passphrase(path, passphrase, remember=remember,
                                              keystore=keystore)
            return load_workspace(database)

        self._set_busy(True)
        task = self._runner.submit(job, label=self.tr("Unlocking the database…"),
                                   report_errors=False, parent=self)
        task.succeeded.connect(self._on_unlocked)
        task.failed.connect(self._on_failed)

    def reject(self) -> None:
        if self.buttons.isEnabled():  # Escape while unlocking is ignored, see _set_busy
            super().reject()

    def _on_unlocked(self, workspace: Workspace) -> None:
        self._set_busy(False)
        self.opened.emit(workspace)
        self.accept()

    def _on_failed(self, message: str, _details: str) -> None:
        self._set_busy(False)
        self._show_error(message)
        # Clearing the field lets the user retype at once, and leaves no passphrase behind.
        self.passphrase_edit.clear()
        self.passphrase_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_error(self, message: str) -> None:
        show_inline_error(self, self.error_label, message)

    def _set_busy(self, busy: bool) -> None:
        # While the worker unlocks, neither a second attempt nor cancel may start:
        # a database opened after cancel would stay open with no window to close it.
        self.buttons.setEnabled(not busy)
        self.passphrase_edit.setEnabled(not busy)
