"""The citizens list as start-up shows it, before the database is fully open.

``MainWindow`` shows it in the citizens area's place with the rows the first look read
(``storage.first_look``): the same table, columns and order as the working list, laid out
where that list will be. ``MainWindow.attach`` replaces it with the working area. Nothing
the user does meanwhile is lost: typing in the search field narrows the list by name and
alias at once, a row can be chosen, and Enter or a double-click asks to open it; the working area
carries on from there (``FirstListState``: the full search on the same text, the same
citizen opened, the focus where it was). It imports only Qt and plain values, so it can
show before the core's operations load; ``citizens_table`` is the one place the list's
table gets its look.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from mentordesk.domain.text import danish_sort_key
from mentordesk.kernel.actor import Actor
from mentordesk.storage.citizen_rows import CitizenRow
from ui.models.citizens_table_model import (
    CITIZEN_ID_ROLE,
    SEARCH_ROLE,
    CitizensTableModel,
    Column,
)
from ui.models.danish_sort_proxy import DanishSortProxyModel
from ui.settings import remember_splitter
from ui.views.citizens.filter_bar import CitizenFilterBar
from ui.views.common.keys import shortcut

# The record gets two thirds of the area, the list the rest (as in the working area).
LIST_WIDTH, RECORD_WIDTH = 400, 800
LIST_SHOWN_ARROW, LIST_HIDDEN_ARROW = "◀", "▶"  # which way the list goes on a click


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


@dataclass(frozen=True)
class FirstListState:
    """What the user did in the first list, for the working area to carry on from."""

    search: str = ""
    citizen_id: int | None = None  # the chosen row
    open_asked: bool = False  # Enter or a double-click on it
    focus: str = ""  # "search", "list" or "" (elsewhere)


def search_from_start(search: QLineEdit) -> None:
    """Ctrl+F: into the search field, its text chosen so typing replaces it."""
    search.setFocus(Qt.FocusReason.ShortcutFocusReason)
    search.selectAll()


def into_results(table: QTableView) -> None:
    """Down in the search field: into the list, on the chosen row or the first."""
    if table.model().rowCount() == 0:
        return
    table.setFocus(Qt.FocusReason.OtherFocusReason)
    if not table.selectionModel().selectedRows():
        table.selectRow(0)  # also the current row, where Up and Down go on from


class FirstListPage(QWidget):
    """The first citizens list, shown while the database finishes opening."""

    def __init__(self, rows: Sequence[CitizenRow], actor: Actor,
                 parent: QWidget | None = None) -> None:
        """``actor``: whose list it is (the filters the working area will offer them)."""
        super().__init__(parent)
        self.rows = tuple(rows)
        self.model = CitizensTableModel(self)
        self.proxy = DanishSortProxyModel(self)
        self.proxy.setSourceModel(self.model)
        # Until the full search can run: name and alias, matched as it matches them (the
        # CPR's last digits are not in the first list).
        self.proxy.setFilterKeyColumn(Column.NAME)
        self.proxy.setFilterRole(SEARCH_ROLE)
        self.model.set_rows(list(self.rows))
        self.table = citizens_table(self.proxy)
        self.table.doubleClicked.connect(lambda _index: self._ask_to_open())
        self.table.installEventFilter(self)
        self._open_asked = False
        # Laid out as the working area is, so nothing moves when it takes over; only the
        # search works yet (the filters' choices are read with the database open).
        self.filter_bar = self._filter_bar(actor)
        self.search_edit = search = self.filter_bar.search_edit
        search.textChanged.connect(self._narrow)
        search.installEventFilter(self)
        shortcut("Ctrl+F", self, lambda: search_from_start(self.search_edit))
        self._narrow("")  # the count
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self._list_panel())
        splitter.addWidget(QWidget())  # the record's place
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([LIST_WIDTH, RECORD_WIDTH])
        remember_splitter(splitter, "citizens", actor.login)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter_bar)
        layout.addWidget(splitter, 1)

    def _filter_bar(self, actor: Actor) -> CitizenFilterBar:
        """The working area's filter bar, its filters and the list's toggle not yet usable."""
        bar = CitizenFilterBar(actor)
        for control in (bar.status_combo, bar.mentor_combo, bar.basis_combo,
                        bar.course_combo, bar.mine_check):
            control.setEnabled(False)
        list_button = QToolButton()
        list_button.setText(LIST_SHOWN_ARROW)
        list_button.setAutoRaise(True)
        list_button.setEnabled(False)
        bar.search_row.insertWidget(0, list_button)
        return bar

    def _list_panel(self) -> QWidget:
        """The "Ny borger" row (not yet usable) above the table, as in the working area."""
        new_button = QPushButton(self.tr("New citizen (Ctrl+N)"))
        new_button.setEnabled(False)
        buttons = QHBoxLayout()
        buttons.addWidget(new_button)
        buttons.addStretch(1)
        panel = QWidget()
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        return panel

    def visible_names(self) -> list[str]:
        """Names in the order the table shows them."""
        return [self.proxy.index(row, Column.NAME).data()
                for row in range(self.proxy.rowCount())]

    def state(self) -> FirstListState:
        """What the user has done here so far (``MainWindow.attach`` hands it on)."""
        chosen = self.table.selectionModel().selectedRows()
        citizen_id = chosen[0].data(CITIZEN_ID_ROLE) if chosen else None
        focus = ("search" if self.search_edit.hasFocus()
                 else "list" if self.table.hasFocus() else "")
        return FirstListState(self.search_edit.text(),
                              int(citizen_id) if citizen_id is not None else None,
                              self._open_asked and citizen_id is not None, focus)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The working list's keys: Down from the search into the list, Enter opens.
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if watched is self.search_edit and self.proxy.rowCount() == 1:
                self.table.selectRow(0)
            self._ask_to_open()
            return True
        if watched is self.search_edit and event.key() == Qt.Key.Key_Down:
            into_results(self.table)
            return True
        return super().eventFilter(watched, event)

    def _narrow(self, text: str) -> None:
        if text.strip():
            self.model.fetch_all()  # the list shows its rows in chunks: search them all
        self.proxy.setFilterFixedString(danish_sort_key(text.strip()))
        self.filter_bar.count_label.setText(
            self.tr("%n citizen(s)", "", self.proxy.rowCount() if text.strip()
                    else len(self.rows)))

    def _ask_to_open(self) -> None:
        self._open_asked = bool(self.table.selectionModel().selectedRows())
