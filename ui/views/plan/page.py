"""The Handleplan page: choose a citizen on the left, work on their plan on the right.

The list holds the citizens the user may see (a mentor: their own), searchable by name.
It is read when the page is shown, not when the window opens.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from mentordesk.services.citizens import CitizenRow, list_citizens
from ui.tasks import TaskContext, TaskRunner
from ui.views.plan.plan_widget import PlanWidget
from ui.workspace import Workspace

SEARCH_DEBOUNCE_MS = 200
ID_ROLE = Qt.ItemDataRole.UserRole


class PlanPage(QWidget):
    citizens_loaded = Signal(int)

    def __init__(self, workspace: Workspace, runner: TaskRunner, title: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._runner = runner
        self._generation = 0
        self.title_label = QLabel(title)
        self.title_label.setObjectName("pageTitle")
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Search citizens…"))
        self.search_edit.setClearButtonEnabled(True)
        self.citizen_list = QListWidget()
        self.citizen_list.setMinimumWidth(200)
        self.plan_widget = PlanWidget(workspace, runner)
        self.hint_label = QLabel(self.tr("Choose a citizen on the left to see their action plan."))
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self.refresh)
        self.search_edit.textChanged.connect(lambda _text: self._debounce.start())
        self.search_edit.returnPressed.connect(self._focus_list)
        self.citizen_list.currentItemChanged.connect(self._on_citizen_chosen)
        self._build()

    def _build(self) -> None:
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        search_label = QLabel(self.tr("&Citizen:"))
        search_label.setBuddy(self.search_edit)
        left_layout.addWidget(search_label)
        left_layout.addWidget(self.search_edit)
        left_layout.addWidget(self.citizen_list, 1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.hint_label)
        right_layout.addWidget(self.plan_widget, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([220, 900])
        top = QHBoxLayout()
        top.addWidget(self.title_label)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        QWidget.setTabOrder(self.search_edit, self.citizen_list)
        QWidget.setTabOrder(self.citizen_list, self.plan_widget.table)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self.refresh()  # citizens may have been added or assigned since

    def refresh(self) -> None:
        self._generation += 1
        generation = self._generation
        database, actor, search = (self._workspace.database, self._workspace.actor,
                                   self.search_edit.text())

        def job(_context: TaskContext) -> tuple[int, list[CitizenRow]]:
            return generation, list_citizens(database, actor, search)

        task = self._runner.submit(job, label=self.tr("Loading citizens…"), parent=self)
        task.succeeded.connect(self._show_citizens)

    def _show_citizens(self, result: tuple[int, list[CitizenRow]]) -> None:
        generation, rows = result
        if generation != self._generation:
            return
        chosen = self.chosen_citizen()
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
            self.plan_widget.show_citizen(None)  # no longer in the list
        self.hint_label.setVisible(self.chosen_citizen() is None)
        self.citizens_loaded.emit(len(rows))

    def chosen_citizen(self) -> int | None:
        item = self.citizen_list.currentItem()
        return int(item.data(ID_ROLE)) if item is not None else None

    def choose_citizen(self, citizen_id: int) -> None:
        for row in range(self.citizen_list.count()):
            if self.citizen_list.item(row).data(ID_ROLE) == citizen_id:
                self.citizen_list.setCurrentRow(row)
                return

    def _on_citizen_chosen(self, *_args: object) -> None:
        citizen_id = self.chosen_citizen()
        self.hint_label.setVisible(citizen_id is None)
        if citizen_id != self.plan_widget.citizen_id:
            self.plan_widget.show_citizen(citizen_id)

    def _focus_list(self) -> None:
        if self.citizen_list.count():
            if self.citizen_list.currentRow() < 0:
                self.citizen_list.setCurrentRow(0)
            self.citizen_list.setFocus()
