"""The Økonomi page: choose a citizen on the left, then work on their economy overview.

The same editor is also a tab of the citizen's record (``create_citizen_tab``); this page
is for the mentor who sits down with a citizen to do the economy, without the rest of
the case on screen (the citizen often sits beside them).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from ui.operations import Operations
from ui.views.common.citizen_picker import CitizenPicker
from ui.views.economy.editor import CANCEL, SAVE, EconomyEditor


class EconomyPage(QWidget):
    citizens_loaded = Signal(int)

    def __init__(self, ops: Operations, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title_label = QLabel(title)
        self.title_label.setObjectName("pageTitle")
        self.picker = CitizenPicker(ops)
        self.picker.citizen_chosen.connect(self._citizen_chosen)
        self.picker.citizens_loaded.connect(self.citizens_loaded.emit)
        self.editor = EconomyEditor(ops)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.picker)
        splitter.addWidget(self.editor)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([200, 1000])
        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addWidget(splitter, 1)

    def has_unsaved_changes(self) -> bool:
        """The main window asks before closing while this is true."""
        return self.editor.has_unsaved_changes()

    def save_changes(self) -> None:
        """"Gem" when closing the window: the sheet's own save (Ctrl+S)."""
        self.editor.save()

    def choose_citizen(self, citizen_id: int | None) -> None:
        """Select a citizen as the user would."""
        if not self.picker.choose(citizen_id):
            self._citizen_chosen(citizen_id)

    def _citizen_chosen(self, citizen_id: int | None) -> None:
        editor = self.editor
        if citizen_id == editor.citizen_id:
            return
        if editor.has_unsaved_changes():
            answer = editor.unsaved_prompt()
            if answer == CANCEL:  # stay with the citizen whose sheet is being edited
                self.picker.choose(editor.citizen_id, notify=False)
                return
            if answer == SAVE:
                editor.save(leaving=True)
            editor.discard_changes()
        editor.show_citizen(citizen_id)
