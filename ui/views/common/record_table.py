"""A read-only table of plain service rows (dataclasses), described by its columns.

Used by the grant, consent, partner and catalogue lists: each passes its columns
(title + how to show a row) and optionally how a whole row looks (state colours).
Cells are display text, which Qt never renders as markup, so user text shows literally.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from ui.models.danish_sort_proxy import SORT_ROLE
from ui.views.common.reload_when_shown import ReloadWhenShown

AnyIndex = QModelIndex | QPersistentModelIndex
ROW_ROLE = SORT_ROLE + 10  # the row object behind a cell
# The roles a row's look answers. Qt asks every cell for a dozen roles while it measures
# and paints; working out the look for the others cost a team's hours table a second.
LOOK_ROLES = frozenset({Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole,
                        Qt.ItemDataRole.ToolTipRole})
# Column widths come from this many rows: measuring every cell of 2 500 citizens' rows
# held the window still for over a second.
MEASURED_ROWS = 100


@dataclass(frozen=True)
class TableColumn:
    title: str
    text: Callable[[Any], str]


@dataclass(frozen=True)
class RowLook:
    """How a row stands out: background and text colour (hex) and a tooltip."""

    background: str | None = None
    foreground: str | None = None
    tooltip: str = ""


class RecordTableModel(QAbstractTableModel):
    def __init__(self, columns: Sequence[TableColumn],
                 look: Callable[[Any], RowLook | None] | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._look = look
        self._rows: list[Any] = []

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[Any]:
        return list(self._rows)

    def row_at(self, row: int) -> Any:
        return self._rows[row]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self._columns)):
            return self._columns[section].title
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            return self._columns[index.column()].text(row)
        if role == ROW_ROLE:
            return row
        look = self._look(row) if self._look and role in LOOK_ROLES else None
        if look is None:
            return None
        if role == Qt.ItemDataRole.BackgroundRole and look.background:
            return QBrush(QColor(look.background))
        if role == Qt.ItemDataRole.ForegroundRole and look.foreground:
            return QBrush(QColor(look.foreground))
        if role == Qt.ItemDataRole.ToolTipRole and look.tooltip:
            return look.tooltip
        return None


def record_table(model: Any) -> QTableView:
    """A row-selecting, read-only table view in the app's list style."""
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    header.setDefaultSectionSize(140)
    header.setResizeContentsPrecision(MEASURED_ROWS)
    # A table behind another tab is measured when it is first shown, not with every load.
    model.modelReset.connect(ReloadWhenShown(table, lambda: _fit_columns(table)))
    return table


MAX_COLUMN_WIDTH = 360


def _fit_columns(table: QTableView) -> None:
    """Columns as wide as their text, but a long course name cannot push the rest away
    (its full text is one hover or one column drag away)."""
    table.resizeColumnsToContents()
    header = table.horizontalHeader()
    for column in range(header.count()):
        if header.sectionSize(column) > MAX_COLUMN_WIDTH:
            header.resizeSection(column, MAX_COLUMN_WIDTH)


def selected_row(table: QTableView) -> Any:
    """The row object of the selected line (through any proxy), or None."""
    rows = table.selectionModel().selectedRows() if table.selectionModel() else []
    if not rows:
        current = table.currentIndex()
        return current.data(ROW_ROLE) if current.isValid() else None
    return rows[0].data(ROW_ROLE)


def height_for_rows(table: QTableView, rows: int) -> int:
    """The height that shows the header and ``rows`` rows without scrolling."""
    frame = table.frameWidth() * 2
    header = table.horizontalHeader().sizeHint().height()
    return frame + header + table.verticalHeader().defaultSectionSize() * rows
