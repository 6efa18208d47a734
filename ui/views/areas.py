"""The extension points between areas: pages for the navigation, tabs for a citizen.

Each area module exposes ``create_page(ops, title) -> QWidget`` and, where it shows
something about one citizen, ``create_citizen_tab(ops) -> CitizenTab``. The main window
and the citizen record only know these two shapes, so areas can be built and replaced
independently. Both are built when first shown (``CitizenTabSpec`` names a record tab
without building it), so an area's modules are imported only when someone goes there.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from ui.operations import Operations


class CitizenTab(QWidget):
    """A tab in a citizen's record (contacts, grants, consents …)."""

    def show_citizen(self, citizen_id: int | None) -> None:
        """Load (off the GUI thread) what this tab shows for the citizen; None clears it."""
        raise NotImplementedError

    def has_unsaved_changes(self) -> bool:
        """True while the tab holds edits that leaving the citizen would lose."""
        return False


@dataclass(frozen=True)
class CitizenTabSpec:
    """A tab of the citizen's record as the window lists it: the title on the tab bar,
    and how to build the tab (done when the tab is first shown)."""

    title: str
    create: Callable[[Operations], CitizenTab]
