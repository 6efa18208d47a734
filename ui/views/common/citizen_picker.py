"""Choose a citizen on the left: a search box above the citizens the user may see.

Shared by the areas that work on one citizen at a time (Handleplan, Økonomi). The list
is read with ``list_citizens`` on the worker thread whenever the picker is shown
(citizens may have been added or assigned since) and as the user types; only the
newest answer is shown. Names are in Danish order (… z, æ, ø, å).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from mentordesk.kernel.changes import Changes, Kind
from mentordesk.services.citizens import CitizenRow, list_citizens
from ui.models.danish_sort_proxy import danish_collator
from ui.operations import Operations

SEARCH_DEBOUNCE_MS = 200
ID_ROLE = Qt.ItemDataRole.UserRole


class CitizenPicker(QWidget):
    citizen_chosen = Signal(int)  # the user (or choose()) picked this citizen
    cleared = Signal()  # the chosen citizen is no longer listed (closed, reassigned)
    citizens_loaded = Signal(int)  # number listed; pages and tests listen

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ops = ops
        self._collator = danish_collator()
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Search citizens…"))
        self.search_edit.setClearButtonEnabled(True)
        self.citizen_list = QListWidget()
        self.citizen_list.setMinimumWidth(180)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self.refresh)
        self.search_edit.textChanged.connect(lambda _text: self._debounce.start())
        self.search_edit.returnPressed.connect(self.focus_list)
        self.citizen_list.currentItemChanged.connect(self._on_current_changed)
        label = QLabel(self.tr("&Citizen:"))
        label.setBuddy(self.search_edit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(label)
        layout.addWidget(self.search_edit)
        layout.addWidget(self.citizen_list, 1)
        QWidget.setTabOrder(self.search_edit, self.citizen_list)
        ops.hub.changed.connect(self._on_changes)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self.refresh()

    def _on_changes(self, changes: Changes) -> None:
        # Hidden, it reads again when shown; names and caseloads decide who is listed.
        if self.isVisible() and changes.touches(Kind.CITIZEN, Kind.ASSIGNMENTS):
            self.refresh()

    # -- loading ----------------------------------------------------------------------

    def refresh(self) -> None:
        self._debounce.stop()
        # A newer search replaces an older one still running: only its answer is shown.
        self._ops.run(list_citizens, self.search_edit.text(), owner=self,
                      label=self.tr("Loading citizens…"), done=self._show_rows)

    def _show_rows(self, rows: list[CitizenRow]) -> None:
        chosen = self.chosen_citizen()
        rows = sorted(rows, key=lambda row: self._collator.sortKey(row.display_name))
        self.citizen_list.blockSignals(True)  # refilling is not choosing
        self.citizen_list.clear()
        for row in rows:
            item = QListWidgetItem(row.display_name)
            item.setData(ID_ROLE, row.id)
            self.citizen_list.addItem(item)
            if row.id == chosen:
                self.citizen_list.setCurrentItem(item)
        self.citizen_list.blockSignals(False)
        if chosen is not None and self.chosen_citizen() != chosen:
            self.cleared.emit()
        self.citizens_loaded.emit(len(rows))

    # -- choosing ---------------------------------------------------------------------

    def chosen_citizen(self) -> int | None:
        item = self.citizen_list.currentItem()
        return int(item.data(ID_ROLE)) if item is not None else None

    def names(self) -> list[str]:
        return [self.citizen_list.item(row).text() for row in range(self.citizen_list.count())]

    def choose(self, citizen_id: int | None, *, notify: bool = True) -> bool:
        """Select a citizen as the user would; ``notify=False`` only moves the
        selection back (e.g. the page kept the citizen whose edits are unsaved)."""
        self.citizen_list.blockSignals(not notify)
        try:
            for row in range(self.citizen_list.count()):
                if self.citizen_list.item(row).data(ID_ROLE) == citizen_id:
                    self.citizen_list.setCurrentRow(row)
                    return True
            self.citizen_list.setCurrentRow(-1)  # no current item
            return False
        finally:
            self.citizen_list.blockSignals(False)

    def focus_list(self) -> None:
        if self.citizen_list.count():
            if self.citizen_list.currentRow() < 0:
                self.citizen_list.setCurrentRow(0)
            self.citizen_list.setFocus()

    def _on_current_changed(self, *_args: object) -> None:
        citizen_id = self.chosen_citizen()
        if citizen_id is not None:
            self.citizen_chosen.emit(citizen_id)
