"""The citizens list as a lazy table: all rows from the service, shown in chunks.

``list_citizens`` returns small frozen rows (no ORM objects), already in Danish
alphabetical order. The model hands them to the view ``CHUNK`` at a time through
``canFetchMore``/``fetchMore``, so a team with thousands of citizens does not make the
view build thousands of rows before the first paint.
"""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from mentordesk.domain.text import danish_sort_key
from mentordesk.storage.citizen_rows import ANONYMOUS_MARK, CitizenRow
from ui.models.danish_sort_proxy import SORT_ROLE

CHUNK = 200
CITIZEN_ID_ROLE = SORT_ROLE + 1
# The name column's text as the citizens search matches it (``search_key_for``): name and
# alias, case and Danish letters folded the same way.
SEARCH_ROLE = SORT_ROLE + 2

AnyIndex = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    NAME = 0
    CPR = 1
    STATUS = 2
    MENTOR = 3


class CitizensTableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[CitizenRow] = []
        self._loaded = 0
        self._headers = {
            Column.NAME: self.tr("Name"),
            Column.CPR: self.tr("CPR"),
            Column.STATUS: self.tr("Status"),
            Column.MENTOR: self.tr("Primary mentor"),
        }
        self._anonymous_mark = self.tr("(anonymous)")
        self._anonymous_tip = self.tr("Anonymous citizen (§99): registered with an alias only")

    # -- data in ----------------------------------------------------------------------

    def set_rows(self, rows: list[CitizenRow]) -> None:
        """Replace the list (a new search result) and show its first chunk."""
        self.beginResetModel()
        self._rows = list(rows)
        # The first chunk is loaded at once so the view never opens empty and the
        # row count is right without waiting for the view to ask.
        self._loaded = min(CHUNK, len(self._rows))
        self.endResetModel()

    def total_count(self) -> int:
        """All rows the search found, loaded into the view or not yet."""
        return len(self._rows)

    def row_at(self, row: int) -> CitizenRow:
        return self._rows[row]

    def fetch_all(self) -> None:
        """Load every remaining row, e.g. before sorting on another column."""
        while self.canFetchMore(QModelIndex()):
            self.fetchMore(QModelIndex())

    # -- lazy loading -----------------------------------------------------------------

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._loaded < len(self._rows)

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid():
            return
        count = min(CHUNK, len(self._rows) - self._loaded)
        if count <= 0:
            return
        self.beginInsertRows(QModelIndex(), self._loaded, self._loaded + count - 1)
        self._loaded += count
        self.endInsertRows()

    # -- Qt model API -----------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._loaded

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers.get(Column(section)) if section < len(Column) else None
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.row() >= self._loaded:
            return None
        row = self._rows[index.row()]
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == SORT_ROLE:
            return self._sort_text(row, column)
        if role == CITIZEN_ID_ROLE:
            return row.id
        if role == SEARCH_ROLE and column == Column.NAME:
            return danish_sort_key(" ".join(part for part in (row.name, row.alias) if part))
        if row.is_anonymous and column == Column.NAME:
            return self._anonymous_data(role)
        return None

    def _display(self, row: CitizenRow, column: Column) -> str:
        if column == Column.NAME:
            return self._name(row)
        if column == Column.CPR:
            return row.cpr_masked
        if column == Column.STATUS:
            return row.status.label
        return row.primary_mentor

    def _name(self, row: CitizenRow) -> str:
        if not row.is_anonymous:
            return row.display_name
        if row.display_name == ANONYMOUS_MARK:  # no alias either: the mark is the name
            return self._anonymous_mark
        return f"{row.display_name} {self._anonymous_mark}"

    def _sort_text(self, row: CitizenRow, column: Column) -> str:
        # The name sorts without the "(anonym)" mark, so an alias sorts where it reads.
        return row.display_name if column == Column.NAME else self._display(row, column)

    def _anonymous_data(self, role: int) -> object:
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._anonymous_tip
        return None
