"""Reading again after a change: now if the view is on screen, else when it is shown.

Reads of citizen data are logged, so a view hidden behind another tab or page must not
read each time the change hub announces something it shows: it notes that it is out of
date and reads once, the next time it is shown.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget


class ReloadWhenShown(QObject):
    def __init__(self, view: QWidget, reload: Callable[[], None]) -> None:
        super().__init__(view)
        self._view, self._reload = view, reload
        self.stale = False
        view.installEventFilter(self)

    def __call__(self) -> None:
        if self._view.isVisible():
            self._reload()
        else:
            self.stale = True

    def forget(self) -> None:
        """The view reads anew anyway (another citizen was chosen)."""
        self.stale = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt
        if watched is self._view and event.type() == QEvent.Type.Show and self.stale:
            self.stale = False
            self._reload()
        return False
