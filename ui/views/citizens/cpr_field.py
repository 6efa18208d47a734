"""CPR number entry with a live validation message, and the small dialog that registers or
corrects a citizen's CPR number. Validation is the domain's ``normalize_cpr`` (no database);
whether the number is already in use is only known when saving."""

from __future__ import annotations

import re

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from mentordesk.domain.cpr import normalize_cpr

_STILL_TYPING = re.compile(r"^\d{0,6}-?\d{0,3}$")


class CprField(QWidget):
    """A line edit and, below it, what is wrong with the number (or that it is fine)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(self.tr("ddmmyy-xxxx"))
        self.edit.setMaxLength(11)
        self.message = QLabel()
        self.message.setObjectName("hintLabel")
        self.message.setWordWrap(True)
        self.edit.textChanged.connect(self._validate)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        layout.addWidget(self.message)
        self._validate(self.edit.text())

    def text(self) -> str:
        return self.edit.text().strip()

    def is_acceptable(self) -> bool:
        """Empty (no CPR number) or a valid number."""
        return not self.text() or self._error(self.text()) == ""

    def _validate(self, text: str) -> None:
        text = text.strip()
        if not text:
            self._show(self.tr("Optional. 10 digits: ddmmyy-xxxx."), weak=None)
        elif _STILL_TYPING.match(text):
            self._show(self.tr("10 digits: ddmmyy-xxxx."), weak=None)
        else:
            error = self._error(text)
            self._show(error or self.tr("Valid CPR number."), weak=bool(error))

    @staticmethod
    def _error(text: str) -> str:
        try:
            normalize_cpr(text)
        except ValueError as error:
            return str(error)
        return ""

    def _show(self, text: str, *, weak: bool | None) -> None:
        self.message.setText(text)
        # The style sheet colours hintLabel red when weak, green when not; neutral unset.
        self.message.setProperty("weak", "" if weak is None else ("true" if weak else "false"))
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)


class CprDialog(QDialog):
    """Register or correct a CPR number; an empty field removes it. ``submitted`` carries
    the number; the owner saves it and closes the dialog, or shows why not."""

    submitted = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("CPR number"))
        self.field = CprField()
        intro = QLabel(self.tr("Type the citizen's CPR number. Leave it empty to remove the "
                               "registered number."))
        intro.setWordWrap(True)
        self.error_label = QLabel()
        self.error_label.setObjectName("errorLabel")
        self.error_label.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept_if_valid)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.field)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)

    def cpr(self) -> str:
        return self.field.text()

    def show_error(self, message: str) -> None:
        self.error_label.setText(message)

    def _accept_if_valid(self) -> None:
        if not self.field.is_acceptable():
            self.error_label.setText(self.field.message.text())
            return
        self.error_label.clear()
        self.submitted.emit(self.cpr())
