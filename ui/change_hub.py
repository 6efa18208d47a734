"""The app-wide change hub: every view hears of every change here, none from another view.

Its own module, free of the core's operations, so the application can be wired up before
the database layer is imported (start-up, ``ui/app.py``); ``ui.operations`` publishes on it.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from mentordesk.kernel.changes import Changes


class ChangeHub(QObject):
    """The one place changes are announced; every view listens here, none to each other."""

    changed = Signal(object)  # Changes

    def __init__(self) -> None:
        super().__init__()
        # While ``changed`` is being emitted: the widget whose operation made the change
        # (None when it came from elsewhere). A view that already shows its own write
        # (the economy sheet it just saved) uses it to skip reading it back.
        self.origin: QWidget | None = None

    def publish(self, changes: Changes, origin: QWidget | None = None) -> None:
        if not changes:
            return
        previous, self.origin = self.origin, origin
        try:
            self.changed.emit(changes)
        finally:
            self.origin = previous
