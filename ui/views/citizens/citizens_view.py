"""The Borgere area: search, status filter, the list, and the selected citizen's summary.

Every service call runs on the worker thread (ui.tasks). Results can arrive out of
date (the user typed on): each request carries a generation number and only the
newest one is shown.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mentordesk.domain.codes import CitizenStatus
from mentordesk.services.citizens import (
    CitizenRow,
    CitizenSummary,
    get_citizen_summary,
    list_citizens,
)
from ui.models.citizens_table_model import CITIZEN_ID_ROLE, CitizensTableModel, Column
from ui.models.danish_sort_proxy import DanishSortProxyModel
from ui.tasks import TaskContext, TaskRunner
from ui.views.citizens.summary_pane import CitizenSummaryPane
from ui.workspace import Workspace

# Long enough to skip the keystrokes of a word typed in one go, short enough to feel live.
SEARCH_DEBOUNCE_MS = 150


class CitizensView(QWidget):
    rows_loaded = Signal(int)  # number of citizens found; tests and the window listen
    summary_loaded = Signal(int)  # citizen id

    def __init__(self, workspace: Workspace, runner: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._runner = runner
        self._list_generation = 0
        self._summary_generation = 0
        self.model = CitizensTableModel(self)
        self.proxy = DanishSortProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DEBOUNCE_MS)
        self._search_timer.timeout.connect(self.refresh)
        self._build()
        self.refresh()

    # -- layout -----------------------------------------------------------------------

    def _build(self) -> None:
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(
            self.tr("Search name, alias or the last 4 digits of the CPR number (Ctrl+F)")
        )
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(lambda _text: self._search_timer.start())
        self.status_combo = self._status_combo()
        self.count_label = QLabel()
        self.table = self._table()
        self.summary = CitizenSummaryPane()
        filters = QHBoxLayout()
        filters.addWidget(self.search_edit, 1)
        filters.addWidget(QLabel(self.tr("Status:")))
        filters.addWidget(self.status_combo)
        filters.addWidget(self.count_label)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(self.summary)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)

    def _status_combo(self) -> QComboBox:
        combo = QComboBox()
        combo.addItem(self.tr("All statuses"), None)
        for status in CitizenStatus:
            combo.addItem(status.label, status.value)  # the core's Danish label
        combo.currentIndexChanged.connect(lambda _index: self.refresh())
        return combo

    def _table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.proxy)
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
        header.resizeSection(Column.NAME, 220)
        # Name ascending is the order the service already delivers (see the proxy).
        header.setSortIndicator(Column.NAME, Qt.SortOrder.AscendingOrder)
        table.setSortingEnabled(True)
        table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        return table

    # -- actions ----------------------------------------------------------------------

    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def selected_status(self) -> CitizenStatus | None:
        value = self.status_combo.currentData()
        return CitizenStatus(value) if value else None

    def refresh(self) -> None:
        """Ask the service for the citizens matching the search and the filter."""
        self._search_timer.stop()
        self._list_generation += 1
        generation = self._list_generation
        database, actor = self._workspace.database, self._workspace.actor
        term, status = self.search_edit.text(), self.selected_status()

        def job(_context: TaskContext) -> list[CitizenRow]:
            return list_citizens(database, actor, term, status)

        task = self._runner.submit(job, label=self.tr("Searching…"), parent=self)
        task.succeeded.connect(lambda rows: self._show_rows(generation, rows))

    def _show_rows(self, generation: int, rows: list[CitizenRow]) -> None:
        if generation != self._list_generation:
            return  # an older search finishing late
        selected = self.summary.citizen_id
        self.model.set_rows(rows)
        self.count_label.setText(self.tr("%n citizen(s)", "", len(rows)))
        if selected is not None and not self._select_citizen(selected):
            self.summary.clear()
        self.rows_loaded.emit(len(rows))

    def _select_citizen(self, citizen_id: int) -> bool:
        """Keep the selection on the same citizen after a new result, if still listed."""
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data(CITIZEN_ID_ROLE) == citizen_id:
                self.table.selectRow(row)
                return True
        return False

    def visible_names(self) -> list[str]:
        """Names in the order the table shows them (loaded rows)."""
        return [self.proxy.index(row, Column.NAME).data()
                for row in range(self.proxy.rowCount())]

    # -- summary ----------------------------------------------------------------------

    def _on_selection_changed(self, _selected: QItemSelection, _old: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        citizen_id = self._citizen_id_at(rows[0])
        if citizen_id is not None and citizen_id != self.summary.citizen_id:
            self.load_summary(citizen_id)

    def _citizen_id_at(self, index: QModelIndex) -> int | None:
        value = index.data(CITIZEN_ID_ROLE)
        return int(value) if value is not None else None

    def load_summary(self, citizen_id: int) -> None:
        self._summary_generation += 1
        generation = self._summary_generation
        database, actor = self._workspace.database, self._workspace.actor

        def job(_context: TaskContext) -> CitizenSummary:
            return get_citizen_summary(database, actor, citizen_id)

        task = self._runner.submit(job, label=self.tr("Loading the case summary…"),
                                   parent=self)
        task.succeeded.connect(lambda summary: self._show_summary(generation, summary))

    def _show_summary(self, generation: int, summary: CitizenSummary) -> None:
        if generation != self._summary_generation:
            return
        self.summary.show_summary(summary)
        self.summary_loaded.emit(summary.id)
