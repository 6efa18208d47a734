"""The Team area: users, roles, weekly capacity (mentor assignments live in each
citizen's record)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ui.tasks import TaskRunner
from ui.views.team.team_page import TeamPage
from ui.workspace import Workspace


def create_page(workspace: Workspace, runner: TaskRunner, title: str) -> QWidget:
    return TeamPage(workspace, runner, title)


__all__ = ["TeamPage", "create_page"]
