"""The Timer area (*timeoverblik*): weekly hours per citizen and mentor, totals, exports."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ui.tasks import TaskRunner
from ui.views.hours.page import HoursPage
from ui.workspace import Workspace

__all__ = ["HoursPage", "create_page"]


def create_page(workspace: Workspace, runner: TaskRunner, title: str) -> QWidget:
    return HoursPage(workspace, runner, title)
