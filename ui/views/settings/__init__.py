"""The Indstillinger area: catalogues (legal bases, course types, authorities)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ui.tasks import TaskRunner
from ui.views.settings.settings_page import SettingsPage
from ui.workspace import Workspace


def create_page(workspace: Workspace, runner: TaskRunner, title: str) -> QWidget:
    return SettingsPage(workspace, runner, title)


__all__ = ["SettingsPage", "create_page"]
