"""The citizens' rights in the GUI: the right-of-access package and deletion of closed
cases past the retention period (coordinators and admins). Shown in the Log area; the
citizen record can add ``create_citizen_tab`` to its tabs."""

from __future__ import annotations

from ui.tasks import TaskRunner
from ui.views.rights.citizen_tab import RightsTab
from ui.views.rights.panel import RightsPanel
from ui.workspace import Workspace


def create_citizen_tab(workspace: Workspace, runner: TaskRunner) -> RightsTab:
    return RightsTab(workspace, runner)


__all__ = ["RightsPanel", "RightsTab", "create_citizen_tab"]
