"""The Timer area (*timeoverblik*): weekly hours per citizen and mentor, totals, exports."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ui.operations import Operations
from ui.views.hours.page import HoursPage

__all__ = ["HoursPage", "create_page"]


def create_page(ops: Operations, title: str) -> QWidget:
    return HoursPage(ops, title)
