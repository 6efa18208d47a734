"""Create a new encrypted team database: where, team name, the first admin's login and
their own passphrase twice."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mentordesk.services.new_team import create_database
from mentordesk.vault import KeyStore, current_login
from ui.tasks import TaskContext, TaskRunner
from ui.views.common.passphrase_fields import (
    NewPassphraseFields,
    error_label,
    show_inline_error,
)
from ui.workspace import Workspace, load_workspace

FILE_SUFFIX = ".mentordesk"


def default_database_path() -> Path:
    """``Documents/MentorDesk.mentordesk``, numbered when that file already exists."""
    documents = QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation
    ) or str(Path.home())
    candidate = Path(documents) / f"MentorDesk{FILE_SUFFIX}"
    number = 2
    while candidate.exists():
        candidate = Path(documents) / f"MentorDesk {number}{FILE_SUFFIX}"
        number += 1
    return candidate


class CreateDatabaseDialog(QDialog):
    """Validates everything before any file is written; the core refuses to overwrite."""

    opened = Signal(object)  # Workspace
    recovery_key_made = Signal(str)  # shown once in the main window, never saved

    def __init__(self, runner: TaskRunner, keystore: KeyStore,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._keystore = keystore
        self.setWindowTitle(self.tr("Create new database"))
        self.setMinimumWidth(520)
        self._build()

    def _build(self) -> None:
        self.path_edit = QLineEdit(str(default_database_path()))
        self.browse_button = QPushButton(self.tr("Choose…"))
        self.browse_button.clicked.connect(self._browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(self.browse_button)
        self.team_edit = QLineEdit()
        self.team_edit.setPlaceholderText(self.tr("e.g. Mentor team North"))
        self.login_edit = QLineEdit(current_login())
        self.new_passphrase = NewPassphraseFields(self)
        self.passphrase_edit = self.new_passphrase.passphrase_edit
        self.repeat_edit = self.new_passphrase.repeat_edit
        self.strength_label = self.new_passphrase.strength_label
        self.remember_check = QCheckBox(self.tr("Remember on this PC"))
        self.error_label = error_label()
        self.buttons = QDialogButtonBox()
        self.create_button = QPushButton(self.tr("Create database"))
        self.create_button.setDefault(True)
        self.buttons.addButton(self.create_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.create_database)
        self.buttons.rejected.connect(self.reject)
        self._lay_out(path_row)

    def _lay_out(self, path_row: QHBoxLayout) -> None:
        form = QFormLayout()
        form.addRow(self.tr("File:"), path_row)
        form.addRow(self.tr("Team name:"), self.team_edit)
        form.addRow(self.tr("Your login (first administrator):"), self.login_edit)
        self.new_passphrase.add_rows(form, self.tr("Your passphrase:"))
        form.addRow("", self.remember_check)
        note = QLabel(self.tr(
            "The passphrase is yours alone: each team member gets their own later (Team → "
            "one-time code). After creating, MentorDesk shows a recovery key once; print "
            "it and lock it away."
        ))
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

    def _browse(self) -> None:
        chosen, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Where should the database be saved?"), self.path_edit.text(),
            self.tr("MentorDesk databases (*.mentordesk)"),
        )
        if chosen:
            self.path_edit.setText(chosen)

    def chosen_path(self) -> Path:
        path = Path(self.path_edit.text().strip()).expanduser()
        return path if path.suffix else path.with_suffix(FILE_SUFFIX)

    def validation_error(self) -> str:
        """What keeps the form from being created, in Danish; "" when all is well."""
        if not self.path_edit.text().strip():
            return self.tr("Choose where to save the database.")
        if self.chosen_path().exists():
            return self.tr(
                "The file already exists. Choose another name: an existing database is "
                "never overwritten."
            )
        if not self.team_edit.text().strip():
            return self.tr("Enter the team's name.")
        if not self.login_edit.text().strip():
            return self.tr("Enter your login.")
        return self.new_passphrase.validation_error()

    def create_database(self) -> None:
        problem = self.validation_error()
        if problem:
            self._show_error(problem)
            return
        path, team = self.chosen_path(), self.team_edit.text().strip()
        login = self.login_edit.text().strip()
        passphrase, remember = self.passphrase_edit.text(), self.remember_check.isChecked()
        keystore = self._keystore

        def job(_context: TaskContext) -> tuple[Workspace, str]:
            created = create_database(path, passphrase, team_name=team, remember=remember,
                                      keystore=keystore, admin_login=login)
            return load_workspace(created.database), created.recovery_key

        self._set_busy(True)
        task = self._runner.submit(job, label=self.tr("Creating the encrypted database…"),
                                   report_errors=False, parent=self)
        task.succeeded.connect(self._on_created)
        task.failed.connect(self._on_failed)

    def reject(self) -> None:
        if self.buttons.isEnabled():  # not while the worker is creating the file
            super().reject()

    def _on_created(self, outcome: tuple[Workspace, str]) -> None:
        workspace, recovery_key = outcome
        self._set_busy(False)
        self.recovery_key_made.emit(recovery_key)
        self.opened.emit(workspace)
        self.accept()

    def _on_failed(self, message: str, details: str) -> None:
        self._set_busy(False)
        self._show_error(message if not details else f"{message}\n\n{details.splitlines()[-1]}")

    def _show_error(self, message: str) -> None:
        show_inline_error(self, self.error_label, message)

    def _set_busy(self, busy: bool) -> None:
        self.buttons.setEnabled(not busy)
        for field in (self.path_edit, self.team_edit, self.login_edit):
            field.setEnabled(not busy)
        self.new_passphrase.set_enabled(not busy)
