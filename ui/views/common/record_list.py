"""A list of records with its toolbar: the one implementation behind the grants and
consents tabs, the relatives panel, the team page and the catalogue tables.

It owns what users rely on being the same in every such list: New / Edit / Remove
buttons that follow the selection, Ctrl+N for new, Enter or double-click to edit, Delete
to remove (always after a question), a line saying when the list is empty, optionally a
search box filtering the loaded rows as the user types (sorted the Danish way), and loading
through ``ops`` (a newer load replaces an older one still under way). It reloads when
the hub announces a change of the kinds it shows (at once if on screen, else when next
shown); ``CitizenRecordList`` narrows that to the citizen on screen.

A subclass declares its columns and texts in ``__init__`` and answers a few questions:
``load_request`` (which operation reads the rows), ``make_dialog`` (the edit dialog for a
row, or a new one), and ``remove_request`` / ``remove_question`` when rows can be
removed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mentordesk.kernel.changes import Changes, Kind
from ui.models.danish_sort_proxy import DanishSortProxyModel
from ui.operations import Operations
from ui.tasks import show_error
from ui.views.common.coalesce import CoalescedReload
from ui.views.common.form_fields import confirm, plain_label
from ui.views.common.keys import shortcut
from ui.views.common.record_dialog import RecordDialog
from ui.views.common.record_table import (
    ROW_ROLE,
    RecordTableModel,
    RowLook,
    TableColumn,
    record_table,
    selected_row,
)
from ui.views.common.reload_when_shown import ReloadWhenShown
from ui.views.common.visibility import hidden_unless

# (operation, its arguments after the context)
Request = tuple[Any, ...]
RowTest = Callable[[Any], bool]


class RecordListPanel(QWidget):
    loaded = Signal(int)  # number of rows shown after a load

    def __init__(self, ops: Operations, columns: Sequence[TableColumn], *,
                 new_text: str, edit_text: str, remove_text: str = "", empty_text: str = "",
                 look: Callable[[Any], RowLook | None] | None = None,
                 kinds: Sequence[Kind] = (), editable: bool = True, search_hint: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ops = ops
        self._kinds = tuple(kinds)
        self._editable = editable
        self._can_remove = bool(remove_text)
        self.schedule_reload = CoalescedReload(self.reload, self)
        self._reload_when_shown = ReloadWhenShown(self, lambda: self.schedule_reload())
        self._row_actions: list[tuple[QPushButton, RowTest]] = []
        self.dialog: RecordDialog | None = None
        self.confirm_box: QMessageBox | None = None
        self.model = RecordTableModel(columns, look, self)
        self.proxy: DanishSortProxyModel | None = None
        self.search_edit: QLineEdit | None = None
        self.table = record_table(self._searchable(search_hint) if search_hint else self.model)
        self.table.selectionModel().selectionChanged.connect(self.update_buttons)
        if self.proxy is not None:
            self.table.setSortingEnabled(True)
            self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.new_button = QPushButton(new_text)
        self.edit_button = QPushButton(edit_text)
        self.remove_button = QPushButton(remove_text)
        self.empty_label = plain_label(empty_text)
        self.empty_label.setVisible(False)
        self._lay_out()
        self._wire()
        ops.hub.changed.connect(self._on_changes)

    def _lay_out(self) -> None:
        """Search box and buttons above the table, the empty-list line below it."""
        self.toolbar = QHBoxLayout()
        if self.search_edit is not None:
            self.toolbar.addWidget(self.search_edit, 1)
        for button in (self.new_button, self.edit_button, self.remove_button):
            self.toolbar.addWidget(button)
            hidden_unless(self._editable, button)
        hidden_unless(self._editable and self._can_remove, self.remove_button)
        if self.search_edit is None:
            self.toolbar.addStretch(1)
        self.body = QVBoxLayout(self)
        self.body.addLayout(self.toolbar)
        self.body.addWidget(self.table, 1)
        self.body.addWidget(self.empty_label)

    def _searchable(self, hint: str) -> DanishSortProxyModel:
        """A search box filtering every column of the loaded rows, and sorting by column."""
        self.proxy = DanishSortProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(hint)
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(self.proxy.setFilterFixedString)
        return self.proxy

    def _wire(self) -> None:
        self.new_button.clicked.connect(self.new_record)
        self.edit_button.clicked.connect(self.edit_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        if not self._editable:
            return
        self.table.activated.connect(lambda _index: self.edit_selected())
        shortcut("Ctrl+N", self, self.new_record)
        if self._can_remove:
            # On the table only: in a form around the list, Delete edits text.
            shortcut(Qt.Key.Key_Delete, self.table, self.remove_selected,
                     Qt.ShortcutContext.WidgetShortcut)

    def add_row_action(self, text: str, slot: Callable[[Any], None],
                       applies: RowTest = lambda _row: True) -> QPushButton:
        """A toolbar button acting on the selected row (e.g. "End grant…")."""
        button = QPushButton(text)
        button.clicked.connect(lambda: self._act_on_selected(slot, applies))
        hidden_unless(self._editable, button)
        # Before the closing stretch, where there is one (no search box to fill the row).
        end = self.toolbar.count() - (1 if self.search_edit is None else 0)
        self.toolbar.insertWidget(end, button)
        self._row_actions.append((button, applies))
        self.update_buttons()
        return button

    # -- for subclasses ---------------------------------------------------------------

    def load_request(self) -> Request | None:
        """``(operation, *args)`` reading what the list shows; None: nothing to load."""
        return None

    def take_loaded(self, value: Any) -> Sequence[Any]:
        """The rows out of what the load operation returned (keep the rest here)."""
        return value

    def ready(self) -> bool:
        """Whether a new record can be made now (e.g. the catalogue has arrived)."""
        return True

    def make_dialog(self, row: Any | None) -> RecordDialog | None:
        """The dialog editing ``row`` (None: a new record); None: not now."""
        return None

    def remove_request(self, row: Any) -> Request:
        raise NotImplementedError

    def remove_question(self, row: Any) -> str:
        raise NotImplementedError

    def removed(self, row: Any, value: Any) -> None:
        """After a removal (before the list is read again)."""

    def remove_failed(self, message: str) -> None:
        show_error(self, message)

    def is_affected_by(self, changes: Changes) -> bool:
        return changes.touches(*self._kinds)

    # -- rows -------------------------------------------------------------------------

    def set_rows(self, rows: Sequence[Any]) -> None:
        """Show these rows, keeping the selected record selected (else the first)."""
        kept = getattr(selected_row(self.table), "id", None)
        self.model.set_rows(rows)
        ids = [getattr(row, "id", None) for row in rows]
        if rows:
            self.table.selectRow(self._shown_row(ids.index(kept) if kept in ids else 0))
        self.update_buttons()

    def _shown_row(self, row: int) -> int:
        """Where a loaded row is on screen (searching may sort and hide rows)."""
        if self.proxy is None:
            return row
        return self.proxy.mapFromSource(self.model.index(row, 0)).row()

    def shown_rows(self) -> list[Any]:
        """The rows on screen, in the order shown."""
        return [self.table.model().index(row, 0).data(ROW_ROLE)
                for row in range(self.table.model().rowCount())]

    def rows(self) -> list[Any]:
        return self.model.rows()

    def selected(self) -> Any:
        return selected_row(self.table)

    def update_buttons(self, *_args: object) -> None:
        row = self.selected()
        self.new_button.setEnabled(self.ready())
        self.edit_button.setEnabled(row is not None)
        self.remove_button.setEnabled(row is not None)
        for button, applies in self._row_actions:
            button.setEnabled(row is not None and applies(row))
        self.empty_label.setVisible(self.ready() and self.model.rowCount() == 0)

    # -- loading ----------------------------------------------------------------------

    def reload(self) -> None:
        request = self.load_request()
        if request is None:
            return
        operation, *args = request
        self._ops.run(operation, *args, owner=self, slot="load", label=self.tr("Loading…"),
                      done=self._loaded)

    def _loaded(self, value: Any) -> None:
        rows = self.take_loaded(value)
        self.set_rows(rows)
        self.loaded.emit(len(rows))

    def _on_changes(self, changes: Changes) -> None:
        if self.is_affected_by(changes):
            self._reload_when_shown()

    # -- new, edit, remove ------------------------------------------------------------

    def new_record(self) -> None:
        if self._editable and self.ready():
            self._open(self.make_dialog(None))

    def edit_selected(self) -> None:
        row = self.selected()
        if self._editable and row is not None:
            self._open(self.make_dialog(row))

    def _open(self, dialog: RecordDialog | None) -> None:
        if dialog is None:
            return
        if self.dialog is not None:
            # Kept until the next one opens, so a save still under way finds it alive.
            self.dialog.deleteLater()
        self.dialog = dialog
        dialog.saved.connect(lambda _value: self.schedule_reload())
        dialog.open()

    def _act_on_selected(self, slot: Callable[[Any], None], applies: RowTest) -> None:
        row = self.selected()
        if row is not None and applies(row):
            slot(row)

    def remove_selected(self) -> None:
        row = self.selected()
        if not (self._editable and self._can_remove) or row is None:
            return
        self.confirm_box = confirm(self, self.remove_question(row), lambda: self._remove(row))

    def _remove(self, row: Any) -> None:
        self.confirm_box = None
        operation, *args = self.remove_request(row)
        self._ops.run(operation, *args, owner=self, slot="remove", label=self.tr("Removing…"),
                      done=lambda value: self._after_removal(row, value),
                      failed=self.remove_failed)

    def _after_removal(self, row: Any, value: Any) -> None:
        self.removed(row, value)
        self.schedule_reload()


class CitizenRecordList(RecordListPanel):
    """A list about one citizen: loaded per citizen, reloaded by changes concerning them."""

    citizen_id: int | None = None

    def show_citizen(self, citizen_id: int | None) -> None:
        self.citizen_id = citizen_id
        self._reload_when_shown.forget()  # read now, for this citizen
        self.model.set_rows([])
        self.update_buttons()
        self.reload()

    def ready(self) -> bool:
        return self.citizen_id is not None

    def is_affected_by(self, changes: Changes) -> bool:
        return (self.citizen_id is not None and super().is_affected_by(changes)
                and changes.concerns(self.citizen_id))
