"""The Samarbejdspartnere area: the partner register and citizens' consents."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ui.tasks import TaskRunner
from ui.views.areas import CitizenTab
from ui.views.partners.consents_tab import ConsentsTab
from ui.views.partners.partners_page import PartnersPage
from ui.workspace import Workspace


def create_page(workspace: Workspace, runner: TaskRunner, title: str) -> QWidget:
    return PartnersPage(workspace, runner, title)


def create_citizen_tab(workspace: Workspace, runner: TaskRunner) -> CitizenTab:
    return ConsentsTab(workspace, runner)


__all__ = ["ConsentsTab", "PartnersPage", "create_citizen_tab", "create_page"]
