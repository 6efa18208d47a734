"""This PC's security preferences (QSettings): the auto-lock idle time."""

from __future__ import annotations

from PySide6.QtCore import QSettings

IDLE_MINUTES_KEY = "security/idle_minutes"
DEFAULT_IDLE_MINUTES = 10
MIN_IDLE_MINUTES, MAX_IDLE_MINUTES = 1, 120


def idle_minutes() -> int:
    value = QSettings().value(IDLE_MINUTES_KEY, DEFAULT_IDLE_MINUTES)
    if not isinstance(value, int | float | str):  # nothing int() can read
        return DEFAULT_IDLE_MINUTES
    try:
        minutes = int(value)
    except ValueError:
        return DEFAULT_IDLE_MINUTES
    return min(max(minutes, MIN_IDLE_MINUTES), MAX_IDLE_MINUTES)


def set_idle_minutes(minutes: int) -> None:
    settings = QSettings()
    settings.setValue(IDLE_MINUTES_KEY, int(minutes))
    settings.sync()
