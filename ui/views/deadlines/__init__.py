"""The Frister area: deadlines for my citizens and for the team."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ui.tasks import TaskRunner
from ui.views.deadlines.deadlines_page import DeadlinesPage
from ui.workspace import Workspace

__all__ = ["DeadlinesPage", "create_page"]


def create_page(workspace: Workspace, runner: TaskRunner, title: str) -> QWidget:
    """The deadline dashboard; its ``citizen_requested(int)`` asks to open a citizen."""
    return DeadlinesPage(workspace, runner, title)
