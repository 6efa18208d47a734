"""Confirming that a case is closed, and on which day."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ui.views.common.date_edit import DanishDateEdit


class CloseCaseDialog(QDialog):
    def __init__(self, citizen_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Close case"))
        name = QLabel(citizen_name)
        name.setTextFormat(Qt.TextFormat.PlainText)
        name.setObjectName("pageTitle")
        explanation = QLabel(self.tr(
            "The case gets the status Closed. The mentors' assignments end on the closing "
            "date; the history is kept. A coordinator can reopen the case later."))
        explanation.setWordWrap(True)
        self.date_field = DanishDateEdit(self.tr("Closing date"), required=True)
        self.date_field.set_date(date.today())
        self.error_label = QLabel()
        self.error_label.setObjectName("errorLabel")
        self.error_label.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Close case"))
        buttons.accepted.connect(self._accept_if_valid)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Closing date:"), self.date_field)
        layout = QVBoxLayout(self)
        layout.addWidget(name)
        layout.addWidget(explanation)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)

    def closed_on(self) -> date | None:
        return self.date_field.date_value()

    def _accept_if_valid(self) -> None:
        error = self.date_field.error()
        if error:
            self.error_label.setText(error)
            return
        self.accept()
