"""The Handleplan area (issue #4): goals, sub-goals, progress over time, evaluation, PDF.

A citizen's record gets a "Handleplan" tab; the navigation gets a page where a citizen
is chosen on the left and the same plan widget shows on the right.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ui.tasks import TaskRunner
from ui.views.areas import CitizenTab
from ui.views.plan.citizen_tab import PlanTab
from ui.views.plan.page import PlanPage
from ui.workspace import Workspace


def create_page(workspace: Workspace, runner: TaskRunner, title: str) -> QWidget:
    return PlanPage(workspace, runner, title)


def create_citizen_tab(workspace: Workspace, runner: TaskRunner) -> CitizenTab:
    return PlanTab(workspace, runner)


__all__ = ["PlanPage", "PlanTab", "create_citizen_tab", "create_page"]
