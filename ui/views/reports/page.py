"""The Rapporter area: the report editor, and for coordinators the batch printing."""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from ui.operations import Operations
from ui.views.reports.batch_panel import BatchPanel
from ui.views.reports.editor import ReportEditor


class ReportsPage(QWidget):
    def __init__(self, ops: Operations, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loaded = False
        title_label = QLabel(title)
        title_label.setObjectName("pageTitle")
        self.editor = ReportEditor(ops)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.editor, self.tr("Progression report"))
        self.batch: BatchPanel | None = None
        if ops.actor.sees_all_citizens:
            self.batch = BatchPanel(ops)
            self.tabs.addTab(self.batch, self.tr("Print many"))
        layout = QVBoxLayout(self)
        layout.addWidget(title_label)
        layout.addWidget(self.tabs, 1)

    def has_unsaved_changes(self) -> bool:
        """The draft being written; the main window asks before closing over it."""
        return self.editor.has_unsaved_changes()

    def save_changes(self) -> None:
        """"Gem" when closing the window: the draft's own save."""
        self.editor.save()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._loaded:
            self._loaded = True
            self.editor.load_citizens()
            if self.batch is not None:
                self.batch.load_choices()
