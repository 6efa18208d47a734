"""The economy overview (*økonomisk overblik*): year sheet, chart, debts and repayment
plan, one-off benefits, Excel round trip, PDF and versions.

``create_page`` gives the Økonomi area (choose a citizen); ``create_citizen_tab`` the
same editor as a tab of a citizen's record.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from ui.operations import Operations
from ui.views.areas import CitizenTab

if TYPE_CHECKING:
    from ui.views.economy.editor import EconomyEditor
    from ui.views.economy.page import EconomyPage


class EconomyTab(CitizenTab):
    """The editor in a citizen's record. It reads the economy only when the tab is shown:
    browsing citizens should not read (and audit) everyone's debts. The editor itself is
    built (and its modules imported) on first use, which keeps them out of start-up."""

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ops = ops
        self._editor: EconomyEditor | None = None
        self._pending: int | None = None
        self._has_pending = False
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    @property
    def editor(self) -> EconomyEditor:
        if self._editor is None:
            from ui.views.economy.editor import EconomyEditor

            self._editor = EconomyEditor(self._ops)
            self._layout.addWidget(self._editor)
        return self._editor

    def show_citizen(self, citizen_id: int | None) -> None:
        # Unsaved edits are dealt with now (the editor asks), not when the tab shows.
        if self.isVisible() or self.has_unsaved_changes() or citizen_id is None:
            self._has_pending = False
            self.editor.show_citizen(citizen_id)
        else:
            self._pending, self._has_pending = citizen_id, True

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._has_pending:
            self._has_pending = False
            self.editor.show_citizen(self._pending)

    def has_unsaved_changes(self) -> bool:
        return self._editor is not None and self._editor.has_unsaved_changes()

    def save_changes(self) -> None:
        """"Gem" when closing the window: the sheet's own save (Ctrl+S)."""
        if self._editor is not None:
            self._editor.save()


def create_page(ops: Operations, title: str) -> EconomyPage:
    from ui.views.economy.page import EconomyPage

    return EconomyPage(ops, title)


def create_citizen_tab(ops: Operations) -> CitizenTab:
    return EconomyTab(ops)


__all__ = ["EconomyTab", "create_citizen_tab", "create_page"]
