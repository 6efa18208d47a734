"""The Kalender area: day, week and month views, appointments, group courses, absence."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ui.operations import Operations
from ui.views.calendar.page import CalendarPage

__all__ = ["CalendarPage", "create_page"]


def create_page(ops: Operations, title: str) -> QWidget:
    return CalendarPage(ops, title)
