"""The deadline list as a table: due date with "om 3 dage", citizen, kind, mentor, detail.

Overdue rows are red and rows due in the current ISO week bold, so the eye finds what
needs doing first. The rows arrive sorted by due date from the service.
"""

from __future__ import annotations

from datetime import date
from enum import IntEnum

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from mentordesk.domain.dates import format_date
from mentordesk.domain.deadlines import days_until, is_due_this_week
from mentordesk.services.citizens import ANONYMOUS_MARK
from mentordesk.services.deadlines import Deadline

CITIZEN_ID_ROLE = int(Qt.ItemDataRole.UserRole) + 1
# The same red as the app's error labels (mentordesk.qss), readable on white.
OVERDUE_COLOR = QColor("#b00020")

AnyIndex = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    DUE = 0
    CITIZEN = 1
    KIND = 2
    MENTOR = 3
    DETAIL = 4


class DeadlinesTableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Deadline] = []
        self._today = date.today()
        self._headers = {
            Column.DUE: self.tr("Due"),
            Column.CITIZEN: self.tr("Citizen"),
            Column.KIND: self.tr("Deadline"),
            Column.MENTOR: self.tr("Mentor"),
            Column.DETAIL: self.tr("Details"),
        }

    def set_rows(self, rows: list[Deadline], today: date) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._today = today
        self.endResetModel()

    def deadline_at(self, row: int) -> Deadline:
        return self._rows[row]

    def relative_text(self, due_on: date) -> str:
        """"i dag", "i morgen", "om 3 dage", "3 dage over"."""
        days = days_until(due_on, self._today)
        if days == 0:
            return self.tr("today")
        if days == 1:
            return self.tr("tomorrow")
        if days > 0:
            return self.tr("in %n day(s)", "", days)
        return self.tr("%n day(s) overdue", "", -days)

    # -- Qt model API -----------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers.get(Column(section)) if section < len(Column) else None
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        deadline = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(deadline, Column(index.column()))
        if role == CITIZEN_ID_ROLE:
            return deadline.citizen_id
        if role == Qt.ItemDataRole.ForegroundRole and deadline.overdue:
            return OVERDUE_COLOR
        if role == Qt.ItemDataRole.FontRole:
            return self._font(deadline, Column(index.column()))
        return None

    def _display(self, deadline: Deadline, column: Column) -> str:
        if column == Column.DUE:
            return f"{format_date(deadline.due_on)} ({self.relative_text(deadline.due_on)})"
        if column == Column.CITIZEN:
            if deadline.is_anonymous and deadline.citizen_name != ANONYMOUS_MARK:
                return self.tr("{alias} (anonymous)").format(alias=deadline.citizen_name)
            return deadline.citizen_name
        if column == Column.KIND:
            return deadline.kind.label  # the core's Danish label
        if column == Column.MENTOR:
            return deadline.mentor or self.tr("No primary mentor")
        return deadline.detail

    def _font(self, deadline: Deadline, column: Column) -> QFont | None:
        bold = is_due_this_week(deadline.due_on, self._today)
        italic = column == Column.CITIZEN and deadline.is_anonymous
        if not (bold or italic):
            return None
        font = QFont()
        font.setBold(bold)
        font.setItalic(italic)
        return font
