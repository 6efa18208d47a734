"""The citizens list as start-up shows it, before the database is fully open.

``MainWindow`` shows it in the citizens area's place with the rows the first look read
(``storage.first_look``): the same table, columns and order as the working list, laid out
where that list will be, but nothing to click yet. ``MainWindow.attach`` replaces it with
the working area. It imports only Qt and plain values, so it can show before the core's
operations load; ``citizens_table`` is the one place the list's table gets its look.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mentordesk.storage.citizen_rows import CitizenRow
from ui.models.citizens_table_model import CitizensTableModel, Column
from ui.models.danish_sort_proxy import DanishSortProxyModel

# The record gets two thirds of the area, the list the rest (as in the working area).
LIST_WIDTH, RECORD_WIDTH = 400, 800


def citizens_table(proxy: DanishSortProxyModel) -> QTableView:
    """The citizens list's table: one row per citizen, dense, sorted by name."""
    table = QTableView()
    table.setModel(proxy)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.verticalHeader().setVisible(False)
    # Denser rows than Fusion's default: more citizens visible on a laptop screen.
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    header.resizeSection(Column.NAME, 200)
    # Name ascending is the order the service already delivers (see the proxy).
    header.setSortIndicator(Column.NAME, Qt.SortOrder.AscendingOrder)
    table.setSortingEnabled(True)
    return table


class FirstListPage(QWidget):
    """The first citizens list, shown while the database finishes opening."""

    def __init__(self, rows: Sequence[CitizenRow], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows = tuple(rows)
        self.model = CitizensTableModel(self)
        self.proxy = DanishSortProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.model.set_rows(list(self.rows))
        self.table = citizens_table(self.proxy)
        search = QLineEdit()  # where the search field will be; typing waits for it
        search.setEnabled(False)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(QWidget())  # the record's place
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([LIST_WIDTH, RECORD_WIDTH])
        layout = QVBoxLayout(self)
        layout.addWidget(search)
        layout.addWidget(splitter, 1)

    def visible_names(self) -> list[str]:
        """Names in the order the table shows them."""
        return [self.proxy.index(row, Column.NAME).data()
                for row in range(self.proxy.rowCount())]
