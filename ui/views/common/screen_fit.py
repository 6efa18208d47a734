"""Windows and dialogs sized to the screen they open on.

A dialog asking for 820×900 puts its buttons below a 1366×768 laptop's taskbar. Each
asks for the size it would like; it gets that, or what the available screen area (the
screen minus the taskbar) leaves, and is centred on it.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

# Room for the window frame and title bar, which the available geometry does not include.
FRAME_ALLOWANCE = QSize(16, 40)


def available_area(widget: QWidget) -> QRect:
    """The work area of the screen the widget (or its parent window) is on."""
    anchor = widget.parentWidget() or widget
    screen = anchor.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def fit_to_screen(widget: QWidget, wanted: QSize) -> QSize:
    """Resize ``widget`` to ``wanted`` or as much of it as the screen holds; centred on the
    screen's work area. Returns the size given."""
    area = available_area(widget)
    room = area.size() - FRAME_ALLOWANCE
    size = wanted.boundedTo(room).expandedTo(widget.minimumSize())
    widget.resize(size)
    frame = QRect(area.topLeft(), size)
    frame.moveCenter(area.center())
    widget.move(frame.topLeft())
    return size
