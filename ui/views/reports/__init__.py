"""The Rapporter area: progression reports (editor, sign-off, preview, batch printing)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ui.operations import Operations

__all__ = ["create_page"]


def create_page(ops: Operations, title: str) -> QWidget:
    # Imported when the area is first shown: the report modules pull in more of the core.
    from ui.views.reports.page import ReportsPage

    return ReportsPage(ops, title)
