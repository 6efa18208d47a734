"""The onboarding import wizard (the integrator adds a menu entry for it)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from ui.tasks import TaskRunner
from ui.views.importing.import_wizard import ImportWizard
from ui.workspace import Workspace

__all__ = ["ImportWizard", "open_import_wizard"]


def open_import_wizard(parent: QWidget | None, workspace: Workspace,
                       runner: TaskRunner) -> ImportWizard:
    """Open the wizard window-modally; it deletes itself when closed. Listen to its
    ``imported(int)`` signal to refresh what shows citizens."""
    wizard = ImportWizard(workspace, runner, parent)
    wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    wizard.open()
    return wizard
