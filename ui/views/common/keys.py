"""Keyboard shortcuts limited to the part of a window they belong to."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget


def shortcut(keys: QKeySequence | Qt.Key | str, parent: QWidget, slot: Callable[[], object],
             context: Qt.ShortcutContext = Qt.ShortcutContext.WidgetWithChildrenShortcut,
             ) -> QShortcut:
    """A keyboard shortcut limited to ``parent`` (and its children, by default).

    The context is given as a keyword: PySide drops one passed positionally together
    with a callable, and the shortcut would then fire anywhere in the window."""
    made = QShortcut(QKeySequence(keys), parent, context=context)
    made.activated.connect(slot)
    return made
