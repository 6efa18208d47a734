"""The onboarding import wizard (the integrator adds a menu entry for it)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from ui.operations import Operations
from ui.views.importing.import_wizard import ImportWizard

__all__ = ["ImportWizard", "open_import_wizard"]


def open_import_wizard(parent: QWidget | None, ops: Operations) -> ImportWizard:
    """Open the wizard window-modally; it deletes itself when closed. What it imports
    reaches the views that show citizens through the change hub."""
    wizard = ImportWizard(ops, parent)
    wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    wizard.open()
    return wizard
