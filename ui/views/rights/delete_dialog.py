"""Confirming the deletion of one closed case: the user types the citizen's name."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mentordesk.domain.dates import format_date
from mentordesk.rights.deletion import DeletionCandidate


def same_text(typed: str, expected: str) -> bool:
    return " ".join(typed.split()).casefold() == " ".join(expected.split()).casefold()


class DeleteDialog(QDialog):
    confirmed = Signal(str)  # the confirmation as typed

    def __init__(self, candidate: DeletionCandidate, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.candidate = candidate
        self.setWindowTitle(self.tr("Delete case"))
        warning = QLabel(self.tr(
            "All data about {name} (case closed {closed}) is deleted for good: plan, "
            "contacts, economy, reports and history. Only a note that a case was deleted "
            "stays in the log. This cannot be undone.").format(
            name=candidate.label, closed=format_date(candidate.closed_on)))
        warning.setWordWrap(True)
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(candidate.label)
        self.name_edit.textChanged.connect(self._update)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.delete_button = QPushButton(self.tr("Delete for good"))
        self.buttons.addButton(self.delete_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(lambda: self.confirmed.emit(self.name_edit.text()))
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(warning)
        layout.addWidget(QLabel(self.tr("Type the citizen's name to confirm:")))
        layout.addWidget(self.name_edit)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self._update()

    def _update(self) -> None:
        self.delete_button.setEnabled(same_text(self.name_edit.text(), self.candidate.label))

    def show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.delete_button.setEnabled(True)
