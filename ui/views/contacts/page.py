"""The Kontakter page: a mentor's contacts across their citizens, newest first.

A mentor sees their own; coordinators choose whose. The list is read when the page is
shown (not when the window opens, so starting the app reads no journal) and again on
every change of mentor or filter; reading runs on the worker thread.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from mentordesk.kernel.context import Context
from mentordesk.services.contacts import (
    ContactRow,
    MentorChoice,
    contact_mentors,
    contacts_for_mentor,
)
from ui.tasks import TaskContext, TaskRunner
from ui.views.contacts.actions import ContactActions
from ui.views.contacts.filter_bar import ContactFilterBar
from ui.views.contacts.list_table import ContactsTable
from ui.views.contacts.table_model import MENTOR_PAGE_COLUMNS
from ui.workspace import Workspace


class ContactsPage(QWidget):
    contacts_loaded = Signal(int)

    def __init__(self, workspace: Workspace, runner: TaskRunner, title: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._runner = runner
        self._generation = 0
        self._mentors_loaded = False
        self.title_label = QLabel(title)
        self.title_label.setObjectName("pageTitle")
        self.mentor_combo = QComboBox()
        self.mentor_combo.addItem(workspace.actor.full_name, workspace.actor.user_id)
        self.mentor_combo.currentIndexChanged.connect(lambda _index: self.refresh())
        self.filter_bar = ContactFilterBar()
        self.filter_bar.changed.connect(self.refresh)
        self.count_label = QLabel()
        self.table = ContactsTable(MENTOR_PAGE_COLUMNS)
        self.actions = ContactActions(workspace, runner, self)
        self.actions.changed.connect(self.refresh)
        self.table.edit_requested.connect(self.actions.edit)
        self.table.delete_requested.connect(self.actions.delete)
        self._build()

    def _build(self) -> None:
        mentor_label = QLabel(self.tr("&Mentor:"))
        mentor_label.setBuddy(self.mentor_combo)
        # Only coordinators have a choice; a mentor's page is simply their own contacts.
        chooses = self._workspace.actor.sees_all_citizens
        mentor_label.setVisible(chooses)
        self.mentor_combo.setVisible(chooses)
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

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if not self._mentors_loaded and self._workspace.actor.sees_all_citizens:
            self._load_mentors()
        self.refresh()  # others may have logged contacts since the page was last shown

    def _load_mentors(self) -> None:
        self._mentors_loaded = True
        database, actor = self._workspace.database, self._workspace.actor

        def job(_context: TaskContext) -> list[MentorChoice]:
            return contact_mentors(Context(database, actor))

        task = self._runner.submit(job, label=self.tr("Loading the team…"), parent=self)
        task.succeeded.connect(self._show_mentors)

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
        if not self.isVisible():
            return  # read when shown
        self._generation += 1
        generation = self._generation
        database, actor = self._workspace.database, self._workspace.actor
        mentor_id, filters = self.mentor_combo.currentData(), self.filter_bar.filters()

        def job(_context: TaskContext) -> tuple[int, list[ContactRow]]:
            return generation, contacts_for_mentor(Context(database, actor), mentor_id, filters)

        task = self._runner.submit(job, label=self.tr("Loading contacts…"), parent=self)
        # A bound slot (not a lambda): a result arriving after the page is gone is dropped.
        task.succeeded.connect(self._show_rows)

    def _show_rows(self, result: tuple[int, list[ContactRow]]) -> None:
        generation, rows = result
        if generation != self._generation:
            return
        self.table.rows_model.set_rows(rows)
        self.count_label.setText(self.tr("%n contact(s)", "", len(rows)))
        self.contacts_loaded.emit(len(rows))
