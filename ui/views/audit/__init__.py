"""The Log area (coordinators and admins): the access-log viewer with filters, export,
the monthly log review and retention pruning, and the citizens' rights (access package,
deletion of closed cases)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ui.tasks import TaskRunner
from ui.views.audit.page import AuditPage
from ui.workspace import Workspace


def create_page(workspace: Workspace, runner: TaskRunner, title: str) -> QWidget:
    return AuditPage(workspace, runner, title)


__all__ = ["AuditPage", "create_page"]
