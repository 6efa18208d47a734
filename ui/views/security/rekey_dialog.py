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
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mentordesk.errors import MentorDeskError
from mentordesk.security import lock
from mentordesk.vault import KeyStore, rekey
from ui.tasks import TaskContext, TaskRunner
from ui.views.common.passphrase_fields import (
    NewPassphraseFields,
    error_label,
    show_inline_error,
)
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
        workspace, keystore = self._workspace, self._keystore
        passphrase = self.passphrase_edit.text()

        def job(_context: TaskContext) -> None:
            refuse_if_others(workspace)
            rekey(workspace.database, passphrase, login=workspace.actor.login,
                  keystore=keystore)

        self._set_busy(True)
        task = self._runner.submit(job, label=self.tr("Changing the passphrase…"),
                                   report_errors=False, parent=self)
        task.succeeded.connect(self._on_changed)
        task.failed.connect(self._on_failed)

    def _on_changed(self, _result: object) -> None:
        self._set_busy(False)
        self.changed.emit()
        self.accept()

    def _on_failed(self, message: str, _details: str) -> None:
        self._set_busy(False)
        self._show_error(message)

    def _show_error(self, message: str) -> None:
        show_inline_error(self, self.error_label, message)

    def _set_busy(self, busy: bool) -> None:
        self.buttons.setEnabled(not busy)
        self.new_passphrase.set_enabled(not busy)
