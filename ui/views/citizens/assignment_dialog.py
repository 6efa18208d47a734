"""Assign a primary mentor or a substitute for a period, or change an existing period."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from mentordesk.services.assignments import ASSIGNMENT_KINDS, PRIMARY, AssignmentRow
from ui.views.common.date_edit import DanishDateEdit


class AssignmentDialog(QDialog):
    """``submitted`` carries ``user_id``, ``start_on`` and ``end_on`` (None: ongoing)."""

    submitted = Signal(dict)

    def __init__(self, kind: str, mentors: Sequence[tuple[int, str]],
                 row: AssignmentRow | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(ASSIGNMENT_KINDS[kind])
        self.mentor_combo = QComboBox()
        for user_id, name in mentors:
            self.mentor_combo.addItem(name, user_id)
        if row is not None:
            if self.mentor_combo.findData(row.user_id) < 0:  # deactivated since
                self.mentor_combo.addItem(row.mentor_name, row.user_id)
            self.mentor_combo.setCurrentIndex(self.mentor_combo.findData(row.user_id))
            self.mentor_combo.setEnabled(False)  # a period belongs to its mentor
        self.start_field = DanishDateEdit(self.tr("From"), required=True)
        self.start_field.set_date(row.start_on if row else date.today())
        self.end_field = DanishDateEdit(self.tr("To"), required=False)
        self.end_field.set_date(row.end_on if row else None)
        self.end_field.setPlaceholderText(self.tr("dd-mm-yyyy (empty: ongoing)"))
        hint = QLabel(self.tr("The current primary mentor's period ends the day before.")
                      if kind == PRIMARY and row is None else "")
        hint.setWordWrap(True)
        self.error_label = QLabel()
        self.error_label.setObjectName("errorLabel")
        self.error_label.setWordWrap(True)
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        buttons.accepted.connect(self._submit)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Mentor:"), self.mentor_combo)
        form.addRow(self.tr("From:"), self.start_field)
        form.addRow(self.tr("To:"), self.end_field)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)

    def show_error(self, message: str) -> None:
        self.error_label.setText(message)

    def _submit(self) -> None:
        if self.mentor_combo.currentIndex() < 0:
            self.show_error(self.tr("Choose a mentor."))
            return
        error = self.start_field.error() or self.end_field.error()
        if error:
            self.show_error(error)
            return
        self.error_label.clear()
        self.submitted.emit({"user_id": self.mentor_combo.currentData(),
                             "start_on": self.start_field.date_value(),
                             "end_on": self.end_field.date_value()})
