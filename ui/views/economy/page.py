"""The Økonomi page: choose a citizen, then work on their economy overview.

The same editor is also a tab of the citizen's record (``create_citizen_tab``); this page
is for the mentor who sits down with a citizen to do the economy, without the rest of
the case on screen (the citizen often sits beside them).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from mentordesk.services.citizens import CitizenRow, list_citizens
from ui.tasks import TaskRunner
from ui.views.economy.editor import CANCEL, SAVE, EconomyEditor
from ui.workspace import Workspace


class EconomyPage(QWidget):
    citizens_loaded = Signal(int)

    def __init__(self, workspace: Workspace, runner: TaskRunner, title: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace, self._runner = workspace, runner
        self._loaded = False
        self.title_label = QLabel(title)
        self.title_label.setObjectName("pageTitle")
        self.citizen_combo = QComboBox()
        self.citizen_combo.setMinimumWidth(260)
        self.citizen_combo.activated.connect(self._citizen_chosen)
        self.editor = EconomyEditor(workspace, runner)
        citizen_label = QLabel(self.tr("&Citizen:"))
        citizen_label.setBuddy(self.citizen_combo)
        top = QHBoxLayout()
        top.addWidget(self.title_label)
        top.addStretch(1)
        top.addWidget(citizen_label)
        top.addWidget(self.citizen_combo)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.editor, 1)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if not self._loaded:
            self._loaded = True
            self.load_citizens()

    def load_citizens(self) -> None:
        database, actor = self._workspace.database, self._workspace.actor
        task = self._runner.submit(lambda _context: list_citizens(database, actor),
                                   label=self.tr("Loading citizens…"), parent=self)
        task.succeeded.connect(self._show_citizens)

    def _show_citizens(self, rows: list[CitizenRow]) -> None:
        self.citizen_combo.clear()
        self.citizen_combo.addItem(self.tr("(choose a citizen)"), None)
        for row in rows:
            self.citizen_combo.addItem(row.display_name, row.id)
        self.citizens_loaded.emit(len(rows))

    def choose_citizen(self, citizen_id: int | None) -> None:
        """Select a citizen as the user would."""
        index = max(self.citizen_combo.findData(citizen_id), 0)
        self.citizen_combo.setCurrentIndex(index)
        self._citizen_chosen(index)

    def _citizen_chosen(self, index: int) -> None:
        citizen_id = self.citizen_combo.itemData(index)
        editor = self.editor
        if citizen_id == editor.citizen_id:
            return
        if editor.has_unsaved_changes():
            answer = editor.unsaved_prompt()
            if answer == CANCEL:  # stay with the citizen whose sheet is being edited
                self.citizen_combo.setCurrentIndex(
                    max(self.citizen_combo.findData(editor.citizen_id), 0))
                return
            if answer == SAVE:
                editor.save(leaving=True)
            editor.discard_changes()
        editor.show_citizen(citizen_id)
