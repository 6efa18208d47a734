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
        # A row's look once per row, not once per cell and role each time Qt paints.
        self._looks: dict[int, RowLook | None] = {}
        self._longest: list[int | None] | None = None  # per column, worked out once

    def set_rows(self, rows: Sequence[Any], longest: Sequence[int | None] | None = None
                 ) -> None:
        """``longest``: each column's row with the most characters, when the caller
        measured them already (``longest_texts``, on the worker for a long list)."""
        self.beginResetModel()
        self._rows = list(rows)
        self._looks = {}
        self._longest = list(longest) if longest is not None else None
        self.endResetModel()

    def longest_row(self, column: int) -> int | None:
        """The row whose text in ``column`` has the most characters (None: no rows)."""
        if self._longest is None:
            self._longest = list(longest_texts(self._columns, self._rows))
        return self._longest[column]

    def cell_text(self, row: int, column: int) -> str:
        """The text shown in a cell, without going through a model index."""
        return self._columns[column].text(self._rows[row])

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
        look = self._row_look(index.row()) if self._look and role in LOOK_ROLES else None
        if look is None:
            return None
        if role == Qt.ItemDataRole.BackgroundRole and look.background:
            return QBrush(QColor(look.background))
        if role == Qt.ItemDataRole.ForegroundRole and look.foreground:
            return QBrush(QColor(look.foreground))
        if role == Qt.ItemDataRole.ToolTipRole and look.tooltip:
            return look.tooltip
        return None

    def _row_look(self, row: int) -> RowLook | None:
        if row not in self._looks and self._look is not None:
            self._looks[row] = self._look(self._rows[row])
        return self._looks.get(row)


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
    (its full text is one hover or one column drag away).

    Measured here with the font's metrics on a sample of rows spread over the list and,
    for each column of a RecordTableModel, its longest text of all rows (counting
    characters is cheap; a name outside the sample must not end in "…" on a wide
    screen), not by Qt's resizeColumnsToContents, which asks the model for a dozen roles
    of each measured cell and styles it: for 2 500 citizens' hours that alone held the
    window still for 75 ms when the counted week arrived."""
    model = table.model()
    rows = _sampled_rows(model.rowCount())
    header = table.horizontalHeader()
    if not rows:
        table.resizeColumnsToContents()  # the header titles only: nothing to ask
        return
    metrics = table.fontMetrics()
    padding = _cell_padding(table, model.index(rows[0], 0))
    text = _cell_texts(model)
    for column in range(model.columnCount()):
        measured = [*rows, *_longest_text_row(model, column)]
        widest = max(metrics.horizontalAdvance(text(row, column)) for row in measured)
        width = max(header.sectionSizeHint(column), widest + padding)
        header.resizeSection(column, min(width, MAX_COLUMN_WIDTH))


def _sampled_rows(count: int) -> list[int]:
    """At most MEASURED_ROWS rows, spread evenly from the first to the last."""
    step = max(1, -(-count // MEASURED_ROWS))  # rounded up: never more than the sample
    return list(range(0, count, step))


def longest_texts(columns: Sequence[TableColumn], rows: Sequence[Any]
                  ) -> tuple[int | None, ...]:
    """Per column, the row whose text has the most characters (None when there are no
    rows). Plain Python, so a long list is measured on the worker where it is built: the
    texts of 2 500 citizens' hours take some 40 ms to format."""
    return tuple(max(range(len(rows)), key=lambda row: len(column.text(rows[row])),
                     default=None) for column in columns)


def _longest_text_row(model: Any, column: int) -> list[int]:
    """The row with the most characters in ``column``, from a RecordTableModel (through a
    proxy's index it would cost what the sample saves)."""
    if not isinstance(model, RecordTableModel):
        return []
    row = model.longest_row(column)
    return [row] if row is not None else []


def _cell_texts(model: Any) -> Callable[[int, int], str]:
    """How to read a cell's text: straight from a RecordTableModel's columns, else through
    the model's index (a proxy, another model)."""
    if isinstance(model, RecordTableModel):
        return model.cell_text
    return lambda row, column: str(model.index(row, column).data() or "")


def _cell_padding(table: QTableView, index: QModelIndex) -> int:
    """What the style adds around a cell's text (margins, grid line), read off one cell as
    Qt itself sizes it."""
    text = str(index.data() or "")
    grid = 1 if table.showGrid() else 0
    return table.sizeHintForIndex(index).width() - table.fontMetrics().horizontalAdvance(
        text) + grid


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
