"""The Kontakter page: a mentor's contacts across their citizens, newest first.

A mentor sees their own; coordinators choose whose. The list is read when the page is
first shown (not when the window opens, so starting the app reads no journal), on every
change of mentor or filter, and when the change hub reports changed contacts: at once
while the page is shown, else when it is next shown. Reading runs on the worker thread.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from mentordesk.kernel.changes import Changes, Kind
from mentordesk.services.contacts import (
    ContactRow,
    MentorChoice,
    contact_mentors,
    contacts_for_mentor,
)
from ui.operations import Operations
from ui.views.common.reload_when_shown import ReloadWhenShown
from ui.views.common.visibility import hidden_unless
from ui.views.contacts.actions import ContactActions
from ui.views.contacts.filter_bar import ContactFilterBar
from ui.views.contacts.list_table import ContactsTable
from ui.views.contacts.table_model import MENTOR_PAGE_COLUMNS


class ContactsPage(QWidget):
    contacts_loaded = Signal(int)

    def __init__(self, ops: Operations, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ops = ops
        self._mentors_loaded = False
        # Stale until first shown: nothing read yet. The team is read first.
        self._refresh_when_shown = ReloadWhenShown(self, self._read_rows, stale=True,
                                                   on_show=self._load_mentors_once)
        self.title_label = QLabel(title)
        self.title_label.setObjectName("pageTitle")
        self.mentor_combo = QComboBox()
        self.mentor_combo.addItem(ops.actor.full_name, ops.actor.user_id)
        self.mentor_combo.currentIndexChanged.connect(lambda _index: self.refresh())
        self.filter_bar = ContactFilterBar()
        self.filter_bar.changed.connect(self.refresh)
        self.count_label = QLabel()
        self.table = ContactsTable(MENTOR_PAGE_COLUMNS)
        self.contact_actions = ContactActions(ops, self)
        self.table.edit_requested.connect(self.contact_actions.edit)
        self.table.delete_requested.connect(self.contact_actions.delete)
        self._build()
        ops.hub.changed.connect(self._on_changes)

    def _build(self) -> None:
        mentor_label = QLabel(self.tr("&Mentor:"))
        mentor_label.setBuddy(self.mentor_combo)
        # Only coordinators have a choice; a mentor's page is simply their own contacts.
        chooses = self._ops.actor.sees_all_citizens
        hidden_unless(chooses, mentor_label, self.mentor_combo)
        top = QHBoxLayout()
        top.addWidget(self.title_label)
        top.addStretch(1)
        top.addWidget(mentor_label)
        top.addWidget(self.mentor_combo)
        filters = QHBoxLayout()
        filters.addWidget(self.filter_bar, 1)
        filters.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)

    def _load_mentors_once(self) -> None:
        if not self._mentors_loaded and self._ops.actor.sees_all_citizens:
            self._load_mentors()

    def _on_changes(self, changes: Changes) -> None:
        # Any citizen's contact may be one of the chosen mentor's.
        if changes.touches(Kind.CONTACTS):
            self.refresh()

    def _load_mentors(self) -> None:
        self._mentors_loaded = True
        self._ops.run(contact_mentors, owner=self, slot="mentors",
                      label=self.tr("Loading the team…"), done=self._show_mentors)

    def _show_mentors(self, mentors: list[MentorChoice]) -> None:
        chosen = self.mentor_combo.currentData()
        self.mentor_combo.blockSignals(True)  # one reload at the end, not one per item
        self.mentor_combo.clear()
        for mentor in mentors:
            self.mentor_combo.addItem(mentor.full_name, mentor.id)
        self.mentor_combo.setCurrentIndex(max(self.mentor_combo.findData(chosen), 0))
        self.mentor_combo.blockSignals(False)
        if self.mentor_combo.currentData() != chosen:
            self.refresh()

    def refresh(self) -> None:
        self._refresh_when_shown()  # now if shown, else when next shown

    def _read_rows(self) -> None:
        self._ops.run(contacts_for_mentor, self.mentor_combo.currentData(),
                      self.filter_bar.filters(), owner=self, slot="rows",
                      label=self.tr("Loading contacts…"), done=self._show_rows)

    def _show_rows(self, rows: list[ContactRow]) -> None:
        self.table.rows_model.set_rows(rows)
        self.count_label.setText(self.tr("%n contact(s)", "", len(rows)))
        self.contacts_loaded.emit(len(rows))
