"""Change the team passphrase (administrators): new passphrase twice, then re-key.

The core takes a backup first, re-encrypts the file with a new key and salt, moves this
PC's remembered key, and re-binds the open database in place, so the window goes on
working. Other PCs that have the file open would break, so the change is refused while
anyone else is in (the lock record).
"""

from __future__ import annotations

import os

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mentordesk.errors import MentorDeskError
from mentordesk.security import lock
from mentordesk.vault import KeyStore, rekey
from ui.tasks import TaskContext, TaskRunner
from ui.views.opening.create_database_dialog import passphrase_problem
from ui.workspace import Workspace


def others_than_me(entries: list[lock.OpenBy]) -> list[lock.OpenBy]:
    """The lock record without this very app (same PC and process)."""
    host, pid = lock.this_host(), os.getpid()
    return [entry for entry in entries if (entry.host, entry.process_id) != (host, pid)]


def refuse_if_others(workspace: Workspace) -> None:
    busy = others_than_me(lock.others(workspace.database))
    if busy:
        raise MentorDeskError("Databasen er åben hos " + ", ".join(lock.describe(busy))
                              + ". Bed dem lukke MentorDesk, og prøv igen.")


class RekeyDialog(QDialog):
    changed = Signal()

    def __init__(self, workspace: Workspace, runner: TaskRunner, keystore: KeyStore,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._runner = runner
        self._keystore = keystore
        self.setWindowTitle(self.tr("Change passphrase"))
        self.setMinimumWidth(460)
        self.passphrase_edit = self._password_field()
        self.repeat_edit = self._password_field()
        self.error_label = QLabel()
        self.error_label.setObjectName("errorLabel")
        self.error_label.setWordWrap(True)
        self.error_label.setVisible(False)
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
        form.addRow(self.tr("New passphrase:"), self.passphrase_edit)
        form.addRow(self.tr("Repeat passphrase:"), self.repeat_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

    def _password_field(self) -> QLineEdit:
        field = QLineEdit()
        field.setEchoMode(QLineEdit.EchoMode.Password)
        return field

    def validation_error(self) -> str:
        problem = passphrase_problem(self.passphrase_edit.text())
        if problem:
            return problem
        if self.passphrase_edit.text() != self.repeat_edit.text():
            return self.tr("The two passphrases are not the same.")
        return ""

    def change(self) -> None:
        problem = self.validation_error()
        if problem:
            self._show_error(problem)
            return
        workspace, keystore = self._workspace, self._keystore
        passphrase = self.passphrase_edit.text()

        def job(_context: TaskContext) -> None:
            refuse_if_others(workspace)
            rekey(workspace.database, passphrase, login=workspace.actor.login,
                  keystore=keystore)

        self.buttons.setEnabled(False)
        task = self._runner.submit(job, label=self.tr("Changing the passphrase…"),
                                   report_errors=False, parent=self)
        task.succeeded.connect(self._on_changed)
        task.failed.connect(self._on_failed)

    def _on_changed(self, _result: object) -> None:
        self.buttons.setEnabled(True)
        self.changed.emit()
        self.accept()

    def _on_failed(self, message: str, _details: str) -> None:
        self.buttons.setEnabled(True)
        self._show_error(message)

    def _show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.setVisible(True)
        self.adjustSize()
