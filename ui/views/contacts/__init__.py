"""The Kontakter area: the contact log (journal) per citizen and per mentor."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ui.tasks import TaskRunner
from ui.views.contacts.citizen_tab import ContactsTab
from ui.views.contacts.page import ContactsPage
from ui.workspace import Workspace


def create_page(workspace: Workspace, runner: TaskRunner, title: str) -> QWidget:
    return ContactsPage(workspace, runner, title)


def create_citizen_tab(workspace: Workspace, runner: TaskRunner) -> ContactsTab:
    return ContactsTab(workspace, runner)
