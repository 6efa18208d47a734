"""Controls shown only to those who may use them, without one ever flashing as a window."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def hidden_unless(allowed: bool, *widgets: QWidget) -> None:
    """Hide ``widgets`` unless ``allowed``; never show one. A control made visible before
    it is in a window becomes a window of its own: on Windows it flashes on the screen and
    takes the keyboard focus from where the user is typing. In a window, a control not
    hidden shows with it."""
    if not allowed:
        for widget in widgets:
            widget.hide()
