"""The Log area (coordinators and admins): the access-log viewer with filters, export,
the monthly log review and retention pruning, and the citizens' rights (access package,
deletion of closed cases)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ui.operations import Operations
from ui.views.audit.page import AuditPage


def create_page(ops: Operations, title: str) -> QWidget:
    return AuditPage(ops, title)


__all__ = ["AuditPage", "create_page"]
