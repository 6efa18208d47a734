"""A tab of the citizen's record that is built, and reads, only when it is on screen.

Building every tab at start-up cost more than the rest of the window, and a tab that
reads its citizen while hidden reads (and logs) data nobody looks at. The record holds a
``LazyCitizenTab`` per contributed tab: the real tab is made when the wrapper is first
shown, and a citizen chosen while the tab is hidden is handed over when it shows again.
A tab holding unsaved edits is told at once (it decides what happens to them), and an
empty record clears every built tab at once.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from ui.views.areas import CitizenTab
from ui.views.save_then_close import Savable, can_save


class LazyCitizenTab(CitizenTab):
    def __init__(self, build: Callable[[], CitizenTab], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._build = build
        self.tab: CitizenTab | None = None
        self._citizen_id: int | None = None
        self._handed_over = True  # the built tab shows ``_citizen_id`` already
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def show_citizen(self, citizen_id: int | None) -> None:
        self._citizen_id = citizen_id
        if self.tab is None:
            self._handed_over = False
        elif self.isVisible() or citizen_id is None or self.tab.has_unsaved_changes():
            self._hand_over()
        else:
            self._handed_over = False

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        if self.tab is None:
            self.tab = self._build()
            self._layout.addWidget(self.tab)
            # Now, not on the next event-loop turn (the layout's default for a widget
            # added to a visible parent): a key pressed at once must reach the tab.
            self.tab.show()
        if not self._handed_over:
            self._hand_over()
        super().showEvent(event)

    def _hand_over(self) -> None:
        assert self.tab is not None
        self._handed_over = True
        self.tab.show_citizen(self._citizen_id)

    def has_unsaved_changes(self) -> bool:
        return self.tab is not None and self.tab.has_unsaved_changes()

    def can_save_changes(self) -> bool:
        return self.tab is not None and can_save(self.tab)

    def save_changes(self) -> None:
        """"Gem" when closing the window: the tab's own save."""
        if isinstance(self.tab, Savable):
            self.tab.save_changes()
