"""The Handleplan area (issue #4): goals, sub-goals, progress over time, evaluation, PDF.

A citizen's record gets a "Handleplan" tab; the navigation gets a page where a citizen
is chosen on the left and the same plan widget shows on the right.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ui.operations import Operations
from ui.views.areas import CitizenTab
from ui.views.plan.citizen_tab import PlanTab
from ui.views.plan.page import PlanPage


def create_page(ops: Operations, title: str) -> QWidget:
    return PlanPage(ops, title)


def create_citizen_tab(ops: Operations) -> CitizenTab:
    return PlanTab(ops)


__all__ = ["PlanPage", "PlanTab", "create_citizen_tab", "create_page"]
