"""The Team area: users, roles, weekly capacity (mentor assignments live in each
citizen's record)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ui.operations import Operations
from ui.views.team.team_page import TeamPage


def create_page(ops: Operations, title: str) -> QWidget:
    return TeamPage(ops, title)


__all__ = ["TeamPage", "create_page"]
