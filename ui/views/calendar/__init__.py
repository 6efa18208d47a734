"""The Kalender area: day, week and month views, appointments, group courses, absence."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ui.tasks import TaskRunner
from ui.views.calendar.page import CalendarPage
from ui.workspace import Workspace

__all__ = ["CalendarPage", "create_page"]


def create_page(workspace: Workspace, runner: TaskRunner, title: str) -> QWidget:
    return CalendarPage(workspace, runner, title)
