"""The table of contacts: Enter or double-click edits the contact, Delete deletes it."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from mentordesk.services.contacts import ContactRow
from ui.views.common.keys import shortcut
from ui.views.contacts.table_model import CONTACT_ID_ROLE, Column, ContactsTableModel


class ContactsTable(QTableView):
    edit_requested = Signal(int)  # contact id
    delete_requested = Signal(object)  # ContactRow

    def __init__(self, columns: tuple[Column, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows_model = ContactsTableModel(columns, self)
        self.setModel(self.rows_model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)  # the note gets the room that is left
        for position, column in enumerate(columns):
            if column in (Column.PLACE, Column.CITIZEN, Column.MENTOR):
                header.resizeSection(position, 160)
        # Enter on a row and double-click both "activate" it.
        self.activated.connect(self._on_activated)
        shortcut(QKeySequence(QKeySequence.StandardKey.Delete), self, self._on_delete,
                 Qt.ShortcutContext.WidgetShortcut)

    def selected_row(self) -> ContactRow | None:
        rows = self.selectionModel().selectedRows()
        return self.rows_model.row_at(rows[0].row()) if rows else None

    def _on_activated(self, index: QModelIndex) -> None:
        contact_id = index.data(CONTACT_ID_ROLE)
        if contact_id is not None:
            self.edit_requested.emit(int(contact_id))

    def _on_delete(self) -> None:
        row = self.selected_row()
        if row is not None:
            self.delete_requested.emit(row)
