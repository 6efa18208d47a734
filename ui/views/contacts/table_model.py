"""Contacts as a lazy table, in the order the service gives (newest first).

Rows are ``ContactRow`` tuples; the view receives them ``CHUNK`` at a time, so a
mentor's years of contacts do not build thousands of rows before the first paint.
Notes are user text: only plain display roles are used, which Qt never renders as HTML.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import IntEnum

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from mentordesk.domain.codes import Attendance
from mentordesk.services.contacts import ContactRow

CHUNK = 200
CONTACT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
NO_SHOW_COLOUR = QColor("#b00020")

AnyIndex = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    DATE = 0
    TIME = 1
    CITIZEN = 2
    DURATION = 3
    FORM = 4
    PLACE = 5
    ATTENDANCE = 6
    MENTOR = 7
    NOTE = 8
    GRANT = 9
    AROUND = 10


_CELL_TEXT: dict[Column, Callable[[ContactRow], str]] = {
    Column.DATE: lambda row: row.date_text,
    Column.TIME: lambda row: row.time_text,
    Column.CITIZEN: lambda row: row.citizen_name,
    Column.DURATION: lambda row: row.duration_text,
    Column.FORM: lambda row: row.form.label,
    Column.PLACE: lambda row: row.place,
    Column.ATTENDANCE: lambda row: row.attendance.label,
    Column.MENTOR: lambda row: row.mentor_name,
    Column.NOTE: lambda row: row.note_first_line,
    # The core's words: the grant's legal basis, or "Ikke tilknyttet" in plain sight.
    Column.GRANT: lambda row: row.grant_text,
    # Travel and indirect time beside (never inside) the face-to-face duration.
    Column.AROUND: lambda row: row.around_text,
}

CITIZEN_TAB_COLUMNS = (Column.DATE, Column.TIME, Column.DURATION, Column.FORM, Column.PLACE,
                       Column.ATTENDANCE, Column.GRANT, Column.MENTOR, Column.NOTE,
                       Column.AROUND)
MENTOR_PAGE_COLUMNS = (Column.DATE, Column.TIME, Column.CITIZEN, Column.DURATION, Column.FORM,
                       Column.PLACE, Column.ATTENDANCE, Column.NOTE, Column.AROUND)


class ContactsTableModel(QAbstractTableModel):
    def __init__(self, columns: tuple[Column, ...], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.columns = columns
        self._rows: list[ContactRow] = []
        self._loaded = 0
        self._headers = {
            Column.DATE: self.tr("Date"), Column.TIME: self.tr("Time"),
            Column.CITIZEN: self.tr("Citizen"), Column.DURATION: self.tr("Duration"),
            Column.FORM: self.tr("Form"), Column.PLACE: self.tr("Place"),
            Column.ATTENDANCE: self.tr("Attendance"), Column.MENTOR: self.tr("Mentor"),
            Column.NOTE: self.tr("Note"), Column.GRANT: self.tr("Grant"),
            Column.AROUND: self.tr("Travel / indirect"),
        }

    def set_rows(self, rows: list[ContactRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._loaded = min(CHUNK, len(self._rows))
        self.endResetModel()

    def total_count(self) -> int:
        return len(self._rows)

    def row_at(self, row: int) -> ContactRow:
        return self._rows[row]

    def text(self, row: int, column: Column) -> str:
        """What the table shows in a cell (tests and copy use it)."""
        return self._display(self._rows[row], column)

    # -- lazy loading -----------------------------------------------------------------

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008, N802
        return not parent.isValid() and self._loaded < len(self._rows)

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: B008, N802
        count = min(CHUNK, len(self._rows) - self._loaded)
        if parent.isValid() or count <= 0:
            return
        self.beginInsertRows(QModelIndex(), self._loaded, self._loaded + count - 1)
        self._loaded += count
        self.endInsertRows()

    # -- Qt model API -----------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self._loaded

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self.columns):
            return self._headers[self.columns[section]]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.row() >= self._loaded:
            return None
        row = self._rows[index.row()]
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == CONTACT_ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.ForegroundRole and column == Column.ATTENDANCE \
                and row.attendance is Attendance.NO_SHOW:
            return QBrush(NO_SHOW_COLOUR)
        return None

    @staticmethod
    def _display(row: ContactRow, column: Column) -> str:
        return _CELL_TEXT[column](row)
