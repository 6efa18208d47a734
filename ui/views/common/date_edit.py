"""The one date input of the app: typed as dd-mm-åååå (also 23.11.2026 or ISO, as people
paste them), faster from the keyboard than a calendar popup; Up/Down move a day."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget

from mentordesk.domain.dates import format_date, parse_date


class DanishDateEdit(QLineEdit):
    """A date typed as dd-mm-åååå (also 23.11.2026 or ISO); Up/Down move a day."""

    def __init__(self, field_name: str, *, required: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field_name = field_name
        self.required = required
        self.setPlaceholderText(self.tr("dd-mm-yyyy"))

    def set_date(self, value: date | None) -> None:
        self.setText(format_date(value) if value else "")

    def date_value(self) -> date | None:
        """The date typed, None when empty and optional; ``ValueError`` otherwise."""
        if not self.text().strip():
            if self.required:
                raise self._missing()
            return None
        try:
            return parse_date(self.text())
        except ValueError as error:
            raise ValueError(f"{self.field_name}: {error}") from None

    def required_date(self) -> date:
        """The date of a field that must be filled in; ``ValueError`` when empty or wrong."""
        value = self.date_value()
        if value is None:
            raise self._missing()
        return value

    def _missing(self) -> ValueError:
        return ValueError(self.tr("{field}: please fill in the date.").format(
            field=self.field_name))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        steps: dict[int, int] = {Qt.Key.Key_Up: 1, Qt.Key.Key_Down: -1}
        if event.key() in steps:
            try:
                current = parse_date(self.text()) if self.text().strip() else date.today()
            except ValueError:
                return super().keyPressEvent(event)
            self.set_date(current + timedelta(days=steps[event.key()]))
            return None
        return super().keyPressEvent(event)

    def error(self) -> str:
        """The Danish reason the text is not an acceptable date, or "" when it is."""
        try:
            self.date_value()
        except ValueError as error:
            return str(error)
        return ""
