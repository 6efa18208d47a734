"""The Kontakter area: the contact log (journal) per citizen and per mentor."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ui.tasks import TaskRunner
from ui.views.placeholder import PlaceholderPage
from ui.workspace import Workspace


def create_page(workspace: Workspace, runner: TaskRunner, title: str) -> QWidget:
    return PlaceholderPage(title)
