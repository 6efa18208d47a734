"""One application-wide object through which pages ask for app-level security actions.

A page (e.g. Indstillinger → Sikkerhed) does not own the main window or the database's
life cycle; the application's SecurityGuard does. The page emits here, the guard acts.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QObject, Signal


class SecurityHub(QObject):
    lock_requested = Signal()
    idle_minutes_changed = Signal(int)
    # backup Path, RawKey for the backup, True when confirmed as another team's backup
    restore_requested = Signal(object, object)


@cache
def hub() -> SecurityHub:
    return SecurityHub()
