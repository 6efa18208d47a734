"""The Borgere area: filters and search, the list, and the selected citizen's record.

Every operation runs on the worker through ``ops``; a newer search replaces an older one
still under way, so only the newest answer is shown. The list is read again when the hub
announces a change of citizens or their mentors, whichever view made it (when next shown,
if another page is in front: listing citizens is logged).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QItemSelection, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from mentordesk.domain.codes import CitizenStatus
from mentordesk.kernel.changes import Changes, Kind
from mentordesk.kernel.context import Context
from mentordesk.services.citizens import (
    CitizenRow,
    FilterOptions,
    citizen_filter_options,
    list_citizens,
    log_first_list,
)
from ui.models.citizens_table_model import CITIZEN_ID_ROLE, CitizensTableModel, Column
from ui.models.danish_sort_proxy import DanishSortProxyModel
from ui.operations import Operations
from ui.settings import remember_splitter
from ui.tasks import show_error
from ui.views.areas import CitizenTabSpec
from ui.views.citizens.filter_bar import CitizenFilterBar
from ui.views.citizens.new_citizen_dialog import NewCitizenDialog
from ui.views.citizens.record import CitizenRecord
from ui.views.common.coalesce import CoalescedReload
from ui.views.common.keys import shortcut
from ui.views.common.loading_bar import LoadingBar
from ui.views.common.reload_when_shown import ReloadWhenShown
from ui.views.first_list import (
    LIST_HIDDEN_ARROW,
    LIST_SHOWN_ARROW,
    LIST_WIDTH,
    RECORD_WIDTH,
    FirstListState,
    citizens_table,
    into_results,
    search_from_start,
)

# Long enough to skip the keystrokes of a word typed in one go, short enough to feel live.
SEARCH_DEBOUNCE_MS = 150
# The list shows names, status and mentors; the filters offer mentors and catalogue items.
LIST_KINDS = (Kind.CITIZEN, Kind.ASSIGNMENTS)
FILTER_KINDS = (Kind.TEAM, Kind.CATALOGUE)


def filter_options(context: Context) -> FilterOptions:
    return citizen_filter_options(context.database)


class CitizensView(QWidget):
    rows_loaded = Signal(int)  # number of citizens found; tests and the window listen
    record_loaded = Signal(int)  # citizen id

    def __init__(self, ops: Operations,
                 record_tabs: Sequence[CitizenTabSpec] = (),
                 parent: QWidget | None = None, *,
                 first_rows: Sequence[CitizenRow] | None = None) -> None:
        """``first_rows``: the list start-up already shows (``storage.first_look``); shown
        without reading it again, and its read is logged now, after the unlock."""
        super().__init__(parent)
        self._ops = ops
        self._select_after_load: int | None = None
        # Enter pressed before the search was answered, or before the record was read.
        self._open_after_search = False
        self._focus_when_loaded: int | None = None
        self.options = FilterOptions((), (), ())
        self.new_dialog: NewCitizenDialog | None = None
        self.model = CitizensTableModel(self)
        self.proxy = DanishSortProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DEBOUNCE_MS)
        self._search_timer.timeout.connect(self.refresh)
        self.record = CitizenRecord(ops, record_tabs)
        self.record.loaded.connect(self._on_record_loaded)
        self._refresh_soon = CoalescedReload(self.refresh, self)
        self._refresh_when_shown = ReloadWhenShown(self, self._refresh_soon)
        self._build()
        self.loading_bar = LoadingBar(self, ops.runner)  # the search, above the filters
        ops.hub.changed.connect(self._on_changes)
        self.load_filter_options()
        if first_rows is None:
            self.refresh()
        else:
            self._ops.run(log_first_list, len(first_rows), owner=self, slot="first")
            self._show_rows(list(first_rows))

    # -- layout -----------------------------------------------------------------------

    def _build(self) -> None:
        self.filter_bar = CitizenFilterBar(self._ops.actor)
        self.filter_bar.search_edited.connect(self._search_timer.start)
        self.filter_bar.filters_changed.connect(self.refresh)
        self.search_edit = self.filter_bar.search_edit
        self.search_edit.installEventFilter(self)
        self.status_combo = self.filter_bar.status_combo
        self.count_label = self.filter_bar.count_label
        self.new_button = QPushButton(self.tr("New citizen (Ctrl+N)"))
        self.new_button.clicked.connect(self.new_citizen)
        self.table = self._table()
        list_panel = QWidget()
        list_layout = QVBoxLayout(list_panel)
        list_layout.setContentsMargins(0, 0, 0, 0)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        list_layout.addLayout(buttons)
        list_layout.addWidget(self.table, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.list_panel = list_panel
        splitter.addWidget(list_panel)
        splitter.addWidget(self.record)
        # The record is where the work happens: it gets two thirds, the list the rest
        # (name and status stay visible), until the user moves the divider.
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([LIST_WIDTH, RECORD_WIDTH])
        splitter.setCollapsible(1, False)
        remember_splitter(splitter, "citizens", self._ops.actor.login)
        self.splitter = splitter
        self.list_button = self._list_button()
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter_bar)
        layout.addWidget(splitter, 1)
        # Ctrl+N on the list side only: tabs in the record may have their own Ctrl+N.
        for widget in (self.filter_bar, list_panel):
            shortcut("Ctrl+N", widget, self.new_citizen)

    def _list_button(self) -> QToolButton:
        """Hides the list for a wide record (the economy sheet's months); Ctrl+Shift+L."""
        button = QToolButton()
        button.setCheckable(True)
        button.setChecked(True)
        button.setAutoRaise(True)
        button.setToolTip(self.tr("Show or hide the list of citizens (Ctrl+Shift+L)"))
        button.toggled.connect(self.show_list)
        shortcut("Ctrl+Shift+L", self, button.toggle)
        self.filter_bar.search_row.insertWidget(0, button)
        button.setText(LIST_SHOWN_ARROW)
        return button

    def show_list(self, shown: bool) -> None:
        self.list_panel.setVisible(shown)
        self.list_button.setChecked(shown)
        self.list_button.setText(LIST_SHOWN_ARROW if shown else LIST_HIDDEN_ARROW)

    def _table(self) -> QTableView:
        table = citizens_table(self.proxy)
        table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        table.doubleClicked.connect(lambda _index: self.open_selected())
        table.installEventFilter(self)
        return table

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if watched is self.table and enter:
            self.open_selected()
            return True
        if watched is self.search_edit and enter:
            self.open_from_search()
            return True
        if watched is self.search_edit and event.key() == Qt.Key.Key_Down:
            self.focus_results()
            return True
        return super().eventFilter(watched, event)

    # -- the list ---------------------------------------------------------------------

    def focus_search(self) -> None:
        search_from_start(self.search_edit)

    def focus_results(self) -> None:
        into_results(self.table)

    def open_from_search(self) -> None:
        """Enter in the search field opens the chosen citizen, or the only one found.
        Typed faster than the search pause: search now and decide on the answer."""
        if self._search_timer.isActive():
            self._open_after_search = True
            self.refresh()
            return
        if self.proxy.rowCount() == 1:
            self.table.selectRow(0)
        self.open_selected()

    def selected_status(self) -> CitizenStatus | None:
        return self.filter_bar.selected_status()

    def load_filter_options(self) -> None:
        self._ops.run(filter_options, owner=self, slot="options", label=self.tr("Loading…"),
                      done=self._set_options)

    def _set_options(self, options: FilterOptions) -> None:
        self.options = options
        self.filter_bar.set_options(options)

    def refresh(self) -> None:
        """Ask the service for the citizens matching the search and the filters."""
        self._search_timer.stop()
        self._ops.run(list_citizens, owner=self, slot="list", label=self.tr("Searching…"),
                      done=self._show_rows, **self.filter_bar.filters())

    def _on_changes(self, changes: Changes) -> None:
        if changes.touches(*LIST_KINDS):
            self._refresh_when_shown()
        if changes.touches(*FILTER_KINDS):
            self.load_filter_options()

    def _show_rows(self, rows: list[CitizenRow]) -> None:
        wanted = self._select_after_load or self.record.citizen_id
        self._select_after_load = None
        self.model.set_rows(rows)
        self.count_label.setText(self.tr("%n citizen(s)", "", len(rows)))
        if wanted is not None and not self.select_citizen(wanted) \
                and not self.record.has_unsaved_changes():
            self.record.show_citizen(None)
        self.rows_loaded.emit(len(rows))
        if self._open_after_search:
            self._open_after_search = False
            self.open_from_search()

    def continue_from(self, state: FirstListState) -> None:
        """Carry on from what the user did in the first list (``first_list.py``): the
        full search on the text typed, the citizen chosen opened, the focus kept."""
        if state.search:
            self._select_after_load = state.citizen_id
            self.search_edit.setText(state.search)
            self.refresh()  # now: the typing paused long ago
        elif state.citizen_id is not None:
            self.select_citizen(state.citizen_id)
        if state.open_asked:
            self._focus_when_loaded = state.citizen_id
        if state.focus == "search":
            self.search_edit.setFocus(Qt.FocusReason.OtherFocusReason)
            self.search_edit.end(False)
        elif state.focus == "list" and not state.open_asked:
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def select_citizen(self, citizen_id: int) -> bool:
        """Select the citizen in the list (which opens the record), if listed."""
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data(CITIZEN_ID_ROLE) == citizen_id:
                self.table.selectRow(row)
                self.table.scrollTo(index)
                return True
        return False

    def visible_names(self) -> list[str]:
        """Names in the order the table shows them (loaded rows)."""
        return [self.proxy.index(row, Column.NAME).data()
                for row in range(self.proxy.rowCount())]

    # -- the record -------------------------------------------------------------------

    def _on_selection_changed(self, _selected: QItemSelection, _old: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        citizen_id = self._citizen_id_at(rows[0])
        if citizen_id is None or citizen_id == self.record.citizen_id:
            return
        if self.record.has_unsaved_changes():
            self._keep_unsaved_record()
            return
        self.record.show_citizen(citizen_id)

    def _keep_unsaved_record(self) -> None:
        """Another row was chosen while the open record has unsaved edits: stay on it."""
        current = self.record.citizen_id
        self.table.selectionModel().blockSignals(True)
        if current is None or not self.select_citizen(current):
            self.table.clearSelection()
        self.table.selectionModel().blockSignals(False)
        self.table.viewport().update()
        show_error(self, self.tr("The open case has changes that are not saved. Save them "
                                 "(Ctrl+S) or undo them before choosing another citizen."))
        self.record.focus_form()

    def _citizen_id_at(self, index: QModelIndex) -> int | None:
        value = index.data(CITIZEN_ID_ROLE)
        return int(value) if value is not None else None

    def open_selected(self) -> None:
        """Enter or double-click: work in the selected citizen's record (once it is read,
        if it is still being read)."""
        rows = self.table.selectionModel().selectedRows()
        citizen_id = self._citizen_id_at(rows[0]) if rows else None
        if citizen_id is None or self.record.citizen_id != citizen_id:
            return
        if self.record.is_shown(citizen_id):
            self.record.focus_form()
        else:
            self._focus_when_loaded = citizen_id

    def _on_record_loaded(self, citizen_id: int) -> None:
        if self._focus_when_loaded == citizen_id:
            self._focus_when_loaded = None
            self.record.focus_form()
        self.record_loaded.emit(citizen_id)

    def new_citizen(self) -> None:
        dialog = NewCitizenDialog(self._ops, self.options.mentors, self)
        dialog.created.connect(self.show_with_filters_cleared)
        dialog.finished.connect(lambda _result: self._forget_dialog(dialog))
        self.new_dialog = dialog
        dialog.open()

    def _forget_dialog(self, dialog: NewCitizenDialog) -> None:
        if self.new_dialog is dialog:
            self.new_dialog = None
        dialog.deleteLater()

    def open_citizen(self, citizen_id: int) -> None:
        """Open a citizen's record from elsewhere (e.g. a deadline), even if filtered out."""
        if not self.select_citizen(citizen_id):
            self.show_with_filters_cleared(citizen_id)

    def show_with_filters_cleared(self, citizen_id: int) -> None:
        """Show a citizen: clear the search and filters that could hide it."""
        self._select_after_load = citizen_id
        bar = self.filter_bar
        for widget in (bar.search_edit, bar.status_combo, bar.mentor_combo, bar.basis_combo,
                       bar.course_combo, bar.mine_check):
            widget.blockSignals(True)
        bar.search_edit.clear()
        for combo in (bar.status_combo, bar.mentor_combo, bar.basis_combo, bar.course_combo):
            combo.setCurrentIndex(0)
        bar.mine_check.setChecked(False)
        bar.mentor_combo.setEnabled(True)
        for widget in (bar.search_edit, bar.status_combo, bar.mentor_combo, bar.basis_combo,
                       bar.course_combo, bar.mine_check):
            widget.blockSignals(False)
        self._refresh_soon()  # one read with the hub's news of a citizen just created

