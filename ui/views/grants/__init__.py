"""Grants (bevillinger) of a citizen: list and edit, from the catalogue.

Also home of the form inputs, edit-dialog base and table model that the partners and
settings areas share (they are about grant values: dates, weekly hours, prices).
"""

from __future__ import annotations

from ui.tasks import TaskRunner
from ui.views.areas import CitizenTab
from ui.views.grants.grants_tab import GrantsTab
from ui.workspace import Workspace


def create_citizen_tab(workspace: Workspace, runner: TaskRunner) -> CitizenTab:
    return GrantsTab(workspace, runner)


__all__ = ["GrantsTab", "create_citizen_tab"]
