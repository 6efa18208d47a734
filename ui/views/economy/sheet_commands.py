"""Undo commands for the year sheet: every edit, paste, clear, add and remove is one.

Commands refer to lines by ``uid`` and a field key (see ``sheet_state``), never by table
row, so undoing an edit after a row was inserted above it still hits the right line.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand

from ui.views.economy.sheet_state import FieldKey, LineState

if TYPE_CHECKING:
    from ui.views.economy.sheet_model import SheetTableModel


@dataclass(frozen=True)
class CellChange:
    uid: int
    key: FieldKey
    old: Any
    new: Any


class SetCellsCommand(QUndoCommand):
    """One or many cell values at once (typing, paste, Delete, amount refilling months)."""

    def __init__(self, model: SheetTableModel, changes: list[CellChange], text: str) -> None:
        super().__init__(text)
        self._model = model
        self.changes = changes

    def redo(self) -> None:
        self._model.apply_values([(c.uid, c.key, c.new) for c in self.changes])

    def undo(self) -> None:
        self._model.apply_values([(c.uid, c.key, c.old) for c in reversed(self.changes)])


class InsertLinesCommand(QUndoCommand):
    """New lines in a section at a position (the end of the section when None)."""

    def __init__(self, model: SheetTableModel, lines: list[LineState], position: int,
                 text: str, parent: QUndoCommand | None = None) -> None:
        super().__init__(text, parent)
        self._model = model
        self._lines = [line.copy() for line in lines]
        self._position = position

    def redo(self) -> None:
        self._model.insert_lines([line.copy() for line in self._lines], self._position)

    def undo(self) -> None:
        self._model.remove_lines([line.uid for line in self._lines])


class RemoveLinesCommand(QUndoCommand):
    """Remove lines; undo puts each back where it was, with all its values."""

    def __init__(self, model: SheetTableModel, uids: list[int], text: str) -> None:
        super().__init__(text)
        self._model = model
        self._uids = uids
        self._removed: list[tuple[int, LineState]] = []

    def redo(self) -> None:
        self._removed = self._model.remove_lines(self._uids)

    def undo(self) -> None:
        # Positions were taken before removal, lowest first: re-inserting in that order
        # restores every line to its old index.
        for position, line in self._removed:
            self._model.insert_lines([line.copy()], position)


class HouseholdCommand(QUndoCommand):
    """Adults, children and norm kind: they change the norm row, so they undo too."""

    def __init__(self, model: SheetTableModel, old: dict[str, Any], new: dict[str, Any],
                 text: str) -> None:
        super().__init__(text)
        self._model, self._old, self._new = model, old, new

    def redo(self) -> None:
        self._model.set_household(self._new)

    def undo(self) -> None:
        self._model.set_household(self._old)
