"""Unlock one database file as a person: login and own passphrase, or, the first time,
the one-time enrolment code and a new passphrase of one's own. Off the GUI thread."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mentordesk.security.people import complete_enrolment
from mentordesk.vault import KeyStore, unlock_with_passphrase
from ui import settings
from ui.settings import default_login
from ui.tasks import TaskContext, TaskRunner
from ui.views.common.passphrase_fields import (
    NewPassphraseFields,
    error_label,
    password_field,
    show_inline_error,
)
from ui.views.common.visibility import hidden_unless
from ui.workspace import Workspace, load_workspace


class UnlockDialog(QDialog):
    """A wrong login or passphrase keeps the dialog open with the core's Danish message.

    Unlocking only reads the file (a failed attempt is noted in this PC's state folder,
    not in the database), so a wrong passphrase never changes the file. The first time,
    "Første gang" swaps the passphrase for the one-time code and a new passphrase.
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
        self.setMinimumWidth(440)
        self._build(message)

    def _build(self, message: str) -> None:
        self.file_label = QLabel(self.path.name)
        self.file_label.setToolTip(str(self.path))
        self.login_edit = QLineEdit(default_login())
        self.passphrase_edit = password_field()
        self.first_time_check = QCheckBox(self.tr("First time: I have a one-time code"))
        self.code_edit = QLineEdit()
        self.code_edit.setPlaceholderText(self.tr("e.g. abcd-efgh-jkmn-pqrs-tuvw"))
        self.new_passphrase = NewPassphraseFields(self)
        self.remember_check = QCheckBox(self.tr("Remember on this PC"))
        self.remember_check.setToolTip(self.tr(
            "Keeps your key in this PC's credential store (Windows Credential Manager), so "
            "this PC opens the database as you without the passphrase. Only on a PC that "
            "you alone use."
        ))
        self.info_label = QLabel(message)
        self.info_label.setWordWrap(True)
        hidden_unless(bool(message), self.info_label)
        self.error_label = error_label()
        self.buttons = QDialogButtonBox()
        self.unlock_button = QPushButton(self.tr("Unlock"))
        self.unlock_button.setDefault(True)
        self.buttons.addButton(self.unlock_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.unlock)
        self.buttons.rejected.connect(self.reject)
        self._lay_out()
        self.first_time_check.toggled.connect(self._show_first_time)
        self._show_first_time(False)
        focus = self.passphrase_edit if self.login_edit.text() else self.login_edit
        focus.setFocus(Qt.FocusReason.OtherFocusReason)

    def _lay_out(self) -> None:
        self.form = QFormLayout()
        self.form.addRow(self.tr("Database:"), self.file_label)
        self.form.addRow(self.tr("Login:"), self.login_edit)
        self.form.addRow(self.tr("Passphrase:"), self.passphrase_edit)
        self.form.addRow("", self.first_time_check)
        self.form.addRow(self.tr("One-time code:"), self.code_edit)
        self.new_passphrase.add_rows(self.form, self.tr("Your new passphrase:"))
        self.form.addRow("", self.remember_check)
        layout = QVBoxLayout(self)
        layout.addWidget(self.info_label)
        layout.addLayout(self.form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

    def _show_first_time(self, first_time: bool) -> None:
        self.form.setRowVisible(self.passphrase_edit, not first_time)
        self.form.setRowVisible(self.code_edit, first_time)
        self.form.setRowVisible(self.new_passphrase.passphrase_edit, first_time)
        self.form.setRowVisible(self.new_passphrase.repeat_edit, first_time)
        self.form.setRowVisible(self.new_passphrase.strength_label, first_time)
        self.unlock_button.setText(self.tr("Save and unlock") if first_time
                                   else self.tr("Unlock"))
        self.adjustSize()

    def unlock(self) -> None:
        login = self.login_edit.text().strip()
        problem = self._input_problem(login)
        if problem:
            self._show_error(problem)
            return
        path, remember, keystore = self.path, self.remember_check.isChecked(), self._keystore
        if self.first_time_check.isChecked():
            code, new = self.code_edit.text(), self.new_passphrase.passphrase()

            def job(_context: TaskContext) -> Workspace:
                return load_workspace(complete_enrolment(path, login, code, new,
                                                         remember=remember, keystore=keystore))
        else:
            passphrase = self.passphrase_edit.text()

            def job(_context: TaskContext) -> Workspace:
                return load_workspace(unlock_with_passphrase(
                    path, passphrase, login=login, remember=remember, keystore=keystore))

        self._set_busy(True)
        task = self._runner.submit(job, label=self.tr("Unlocking the database…"),
                                   report_errors=False, parent=self)
        task.succeeded.connect(self._on_unlocked)
        task.failed.connect(self._on_failed)

    def _input_problem(self, login: str) -> str:
        if not login:
            return self.tr("Enter your login.")
        if self.first_time_check.isChecked():
            if not self.code_edit.text().strip():
                return self.tr("Enter the one-time code from your administrator.")
            return self.new_passphrase.validation_error()
        if not self.passphrase_edit.text():
            return self.tr("Enter the passphrase.")
        return ""

    def reject(self) -> None:
        if self.buttons.isEnabled():  # Escape while unlocking is ignored, see _set_busy
            super().reject()

    def _on_unlocked(self, workspace: Workspace) -> None:
        self._set_busy(False)
        settings.remember_login(workspace.actor.login)
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
        for field in (self.login_edit, self.passphrase_edit, self.code_edit,
                      self.first_time_check):
            field.setEnabled(not busy)
        self.new_passphrase.set_enabled(not busy)
