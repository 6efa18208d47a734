"""The citizens' rights in the GUI: the right-of-access package and deletion of closed
cases past the retention period (coordinators and admins). Shown in the Log area; the
citizen record can add ``create_citizen_tab`` to its tabs."""

from __future__ import annotations

from ui.operations import Operations
from ui.views.rights.citizen_tab import RightsTab
from ui.views.rights.panel import RightsPanel


def create_citizen_tab(ops: Operations) -> RightsTab:
    return RightsTab(ops)


__all__ = ["RightsPanel", "RightsTab", "create_citizen_tab"]
