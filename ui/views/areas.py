"""The extension points between areas: pages for the navigation, tabs for a citizen.

Each area module exposes ``create_page(workspace, runner) -> QWidget`` and, where it
shows something about one citizen, ``create_citizen_tab(workspace, runner) -> CitizenTab``.
The main window and the citizen record only know these two shapes, so areas can be built
and replaced independently.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


class CitizenTab(QWidget):
    """A tab in a citizen's record (contacts, grants, consents …)."""

    def tab_title(self) -> str:
        raise NotImplementedError

    def show_citizen(self, citizen_id: int | None) -> None:
        """Load (off the GUI thread) what this tab shows for the citizen; None clears it."""
        raise NotImplementedError

    def has_unsaved_changes(self) -> bool:
        """True while the tab holds edits that leaving the citizen would lose."""
        return False
