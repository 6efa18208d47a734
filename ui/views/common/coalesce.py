"""Reloading once for several reasons that arrive together.

A view that saves reloads what it shows, and the hub then announces the same save: both
arrive while one event is being handled. ``CoalescedReload`` turns them into one read,
started on the next turn of the event loop, after the write has committed.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer


class CoalescedReload(QObject):
    def __init__(self, reload: Callable[[], None], parent: QObject) -> None:
        super().__init__(parent)
        self._reload = reload
        self._pending = False

    def __call__(self) -> None:
        if not self._pending:
            self._pending = True
            QTimer.singleShot(0, self, self._run)

    def _run(self) -> None:
        self._pending = False
        self._reload()
