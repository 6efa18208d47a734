"""Notice when nobody has used the app for a while, and when Windows locks the session.

An application-wide event filter stamps the time of every keyboard, mouse, wheel and
touch event; a slow timer compares. Stamping a float is cheap enough to run on every
event, unlike restarting a timer on each mouse move.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable

from PySide6.QtCore import QAbstractNativeEventFilter, QByteArray, QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

_INPUT_EVENTS = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonRelease, QEvent.Type.MouseMove, QEvent.Type.Wheel,
    QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.ShortcutOverride,
})
_CHECK_INTERVAL_MS = 5_000


class IdleWatcher(QObject):
    """Emits ``idle`` once when no input arrived for the timeout; re-armed by input."""

    idle = Signal()

    def __init__(self, timeout_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timeout_ms = timeout_ms
        self._last_input = time.monotonic()
        self._fired = False
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._check)
        self._apply_interval()
        app = QApplication.instance()
        if app is not None:  # mirrors stop(): without an application there is no input
            app.installEventFilter(self)

    def set_timeout_ms(self, timeout_ms: int) -> None:
        self._timeout_ms = timeout_ms
        self._apply_interval()

    def _apply_interval(self) -> None:
        self._timer.start(max(50, min(_CHECK_INTERVAL_MS, self._timeout_ms // 4)))

    def reset(self) -> None:
        self._last_input = time.monotonic()
        self._fired = False

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt
        if event.type() in _INPUT_EVENTS:
            self._last_input = time.monotonic()
            self._fired = False
        return False

    def _check(self) -> None:
        idle_ms = (time.monotonic() - self._last_input) * 1000
        if not self._fired and idle_ms >= self._timeout_ms:
            self._fired = True
            self.idle.emit()

    def stop(self) -> None:
        self._timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)


# Windows tells a window about session lock only when asked to (WTSRegisterSession-
# Notification); Qt passes the message through as a native event. Other platforms'
# Qt plugins do not report the session lock, so there the idle timer is the guard.
_WM_WTSSESSION_CHANGE = 0x02B1
_WTS_SESSION_LOCK = 0x7
_NOTIFY_FOR_THIS_SESSION = 0


class SessionLockFilter(QAbstractNativeEventFilter):
    def __init__(self, on_lock: Callable[[], None]) -> None:
        super().__init__()
        self._on_lock = on_lock

    def nativeEventFilter(self, event_type: QByteArray | bytes | bytearray | memoryview,  # noqa: N802
                          message: int) -> object:
        # QByteArray has the buffer protocol; its stub does not declare __buffer__.
        if bytes(event_type) != b"windows_generic_MSG":  # type: ignore[arg-type]
            return False, 0
        import ctypes.wintypes

        msg = ctypes.wintypes.MSG.from_address(int(message))
        if msg.message == _WM_WTSSESSION_CHANGE and msg.wParam == _WTS_SESSION_LOCK:
            QTimer.singleShot(0, self._on_lock)
        return False, 0


def watch_session_lock(window_id: int,
                       on_lock: Callable[[], None]) -> SessionLockFilter | None:
    """Windows only: call ``on_lock`` when the user locks the Windows session."""
    if sys.platform != "win32":
        return None
    import ctypes

    try:
        ctypes.windll.wtsapi32.WTSRegisterSessionNotification(  # type: ignore[attr-defined]
            window_id, _NOTIFY_FOR_THIS_SESSION)
    except OSError:
        return None
    session_filter = SessionLockFilter(on_lock)
    QApplication.instance().installNativeEventFilter(session_filter)
    return session_filter
