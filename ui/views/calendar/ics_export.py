"""Eksportér til Outlook…: an ICS file of one mentor's or the team's appointments.

By default the events carry only initials or alias and the form. Ticking "include
details" first shows a warning (the file leaves the encrypted database and ends up on
phones and mail servers) and stays ticked only if the user confirms.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from mentordesk.kernel.context import Context
from mentordesk.schedule.ics import write_ics
from mentordesk.services.team import list_users
from ui.operations import Operations
from ui.views.common.date_edit import DanishDateEdit
from ui.views.common.save_dialog import open_save_dialog

DEFAULT_WEEKS = 12


class IcsExportDialog(QDialog):
    def __init__(self, ops: Operations, *, mentors: list[tuple[int, str]],
                 parent: QWidget | None = None, today: date | None = None) -> None:
        super().__init__(parent)
        self._ops = ops
        self.warning_box: QMessageBox | None = None
        self.file_dialog: QFileDialog | None = None
        self.written: Path | None = None
        self.setWindowTitle(self.tr("Export to Outlook"))
        today = today or date.today()
        self.mentor_combo = QComboBox()
        self.mentor_combo.addItem(self.tr("Whole team"), None)
        self.mentor_combo.addItem(ops.actor.full_name, ops.actor.login)
        self.mentor_combo.setCurrentIndex(1)
        self.from_edit = DanishDateEdit(self.tr("From"), required=True)
        self.to_edit = DanishDateEdit(self.tr("To"), required=True)
        self.from_edit.set_date(today - timedelta(days=today.weekday()))
        self.to_edit.set_date(today + timedelta(weeks=DEFAULT_WEEKS))
        self.details_check = QCheckBox(self.tr("Include details (full name, place, note)"))
        self.details_check.toggled.connect(self._on_details_toggled)
        hint = QLabel(self.tr("Without details each event shows only the citizen's initials "
                              "or alias and the form of contact — never CPR or notes."))
        hint.setWordWrap(True)
        hint.setObjectName("hintLabel")
        self.error_label = QLabel()
        self.error_label.setObjectName("errorLabel")
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label.setWordWrap(True)
        self.error_label.setVisible(False)
        form = QFormLayout()
        form.addRow(self.tr("&Calendar of:"), self.mentor_combo)
        form.addRow(self.tr("&From:"), self.from_edit)
        form.addRow(self.tr("&To:"), self.to_edit)
        form.addRow("", self.details_check)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = self.buttons.addButton(self.tr("Export…"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.choose_file)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self._load_team()

    def _load_team(self) -> None:
        if not self._ops.actor.sees_all_citizens:
            return  # a mentor exports their own calendar or the team's (busy/initials)
        self._ops.run(_team_logins, owner=self, slot="team", label=self.tr("Loading the team…"),
                      done=self._show_team)

    def _show_team(self, members: list[tuple[str, str]]) -> None:
        chosen = self.mentor_combo.currentData()
        self.mentor_combo.clear()
        self.mentor_combo.addItem(self.tr("Whole team"), None)
        for login, name in members:
            self.mentor_combo.addItem(name, login)
        self.mentor_combo.setCurrentIndex(max(self.mentor_combo.findData(chosen), 0))

    def _on_details_toggled(self, checked: bool) -> None:
        if not checked:
            return
        box = QMessageBox(
            QMessageBox.Icon.Warning, self.tr("Include details?"),
            self.tr("The file will contain citizens' full names, places and notes. It leaves "
                    "the encrypted database: Outlook, phones and mail servers keep a copy. "
                    "Only include details when you are sure they may be shared this way. "
                    "Include details?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.finished.connect(self._on_warning_answered)
        self.warning_box = box
        box.open()

    def _on_warning_answered(self, result: int) -> None:
        if result != QMessageBox.StandardButton.Yes:
            self.details_check.blockSignals(True)
            self.details_check.setChecked(False)
            self.details_check.blockSignals(False)

    def choose_file(self) -> None:
        self.file_dialog = open_save_dialog(
            self, self.tr("Save calendar as"), self.tr("Calendar files (*.ics)"),
            "mentordesk-kalender.ics", self.export_to)

    def export_to(self, path: Path) -> None:
        try:
            first, last = self.from_edit.date_value(), self.to_edit.date_value()
        except ValueError as error:
            self._show_error(str(error))
            return
        self.export_button.setEnabled(False)
        task = self._ops.run(write_ics, path, first, last,
                             mentor_login=self.mentor_combo.currentData(),
                             include_details=self.details_check.isChecked(), owner=self,
                             slot="export", label=self.tr("Exporting…"),
                             done=self._on_written, failed=self._show_error)
        task.finished.connect(lambda: self.export_button.setEnabled(True))

    def _on_written(self, path: Path) -> None:
        self.written = path
        self.accept()

    def _show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.setVisible(True)


def _team_logins(context: Context) -> list[tuple[str, str]]:
    """The active team as (login, name): whose calendar can be exported."""
    return [(member.login, member.full_name)
            for member in list_users(context, active_only=True)]
