"""Personal text copied out of MentorDesk leaves the clipboard again after 30 seconds.

Whatever the user copies inside the app (a CPR number, a note) is cleared after
``CLEAR_AFTER_MS`` — but only if the clipboard still holds exactly that text: what the
user copied meanwhile from another program is never touched. "Copied inside the app":
Qt says we own the clipboard, or the copy happened while our window was active (some
platforms do not report ownership).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication

CLEAR_AFTER_MS = 30_000


class ClipboardGuard(QObject):
    def __init__(self, clear_after_ms: int = CLEAR_AFTER_MS,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._clipboard = QApplication.clipboard()
        self._copied = ""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(clear_after_ms)
        self._timer.timeout.connect(self.clear_if_ours)
        self._clipboard.dataChanged.connect(self._on_changed)

    def _on_changed(self) -> None:
        text = self._clipboard.text()
        if text and text != self._copied and self._copied_here():
            self._copied = text
            self._timer.start()

    def _copied_here(self) -> bool:
        return self._clipboard.ownsClipboard() or (
            QApplication.applicationState() == Qt.ApplicationState.ApplicationActive)

    def clear_if_ours(self) -> None:
        """Also called when the app locks or quits."""
        self._timer.stop()
        if self._copied and self._clipboard.text() == self._copied:
            self._clipboard.clear()
        self._copied = ""

    def stop(self) -> None:
        self._timer.stop()
        self._clipboard.dataChanged.disconnect(self._on_changed)
