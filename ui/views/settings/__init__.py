"""The Indstillinger area: catalogues (legal bases, course types, authorities)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ui.operations import Operations
from ui.views.settings.settings_page import SettingsPage


def create_page(ops: Operations, title: str) -> QWidget:
    return SettingsPage(ops, title)


__all__ = ["SettingsPage", "create_page"]
