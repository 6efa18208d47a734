"""A date typed the Danish way (dd-mm-åååå), optionally empty, with the arrow keys for the
next or previous day: faster from the keyboard than a spin box, and it accepts what people
paste (23.11.2026, 2026-11-23). (Not +/-: "-" is the separator people type.)"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget

from mentordesk.domain.dates import format_date, parse_date


class DateField(QLineEdit):
    def __init__(self, value: date | None = None, *, optional: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.optional = optional
        self.setPlaceholderText(self.tr("dd-mm-yyyy"))
        self.setToolTip(self.tr("Type the date as dd-mm-yyyy; the arrow keys up and down "
                                 "change the day."))
        self.setMaxLength(10)
        self.set_date(value)

    def set_date(self, value: date | None) -> None:
        self.setText(format_date(value) if value else "")

    def date(self) -> date | None:
        """The typed date; None when left empty (optional fields). ValueError in Danish."""
        if self.optional and not self.text().strip():
            return None
        return parse_date(self.text())

    def error(self) -> str:
        """The Danish reason the text is not a date, or "" when it is fine."""
        try:
            self.date()
        except ValueError as error:
            return str(error)
        return ""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        step = {Qt.Key.Key_Up: 1, Qt.Key.Key_Down: -1}.get(Qt.Key(event.key()))
        current = self._valid_date()
        if step and current is not None:
            self.set_date(current + timedelta(days=step))
            return
        super().keyPressEvent(event)

    def _valid_date(self) -> date | None:
        try:
            return parse_date(self.text())
        except ValueError:
            return None
