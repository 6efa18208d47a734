"""Pasting a block of cells into the year sheet, and clearing cells: all or nothing.

A block pasted at a line fills that line and the following lines of the same section;
when the section has too few lines, new ones are added at its end. Calculated columns
(year total, average) in the block are skipped, so a range copied from this sheet or
from the exported workbook pastes back. One bad cell refuses the whole paste with a
message naming the cell. The paste is one undo step.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication

from ui.views.economy.clipboard import MAX_PASTE_CELLS, cell_count
from ui.views.economy.sheet_commands import CellChange, InsertLinesCommand, SetCellsCommand
from ui.views.economy.sheet_model import (
    COLUMN_COUNT,
    SheetTableModel,
    column_key,
    column_titles,
)
from ui.views.economy.sheet_state import FieldKey, LineState
from ui.views.economy.values import CellValueError, parse_cell

translate = QCoreApplication.translate


class PasteError(ValueError):
    """The paste was refused; nothing changed. The message is Danish."""


@dataclass
class PastePlan:
    left: int
    right: int
    uids: list[int]  # target lines, top to bottom (existing and new)
    changes: list[CellChange] = field(default_factory=list)
    new_lines: list[LineState] = field(default_factory=list)
    insert_at: int = 0

    def push(self, model: SheetTableModel) -> None:
        stack = model.undo_stack
        stack.beginMacro(translate("EconomySheet", "Paste"))
        if self.changes:
            stack.push(SetCellsCommand(model, self.changes, translate("EconomySheet", "Paste")))
        if self.new_lines:
            stack.push(InsertLinesCommand(model, self.new_lines, self.insert_at,
                                          translate("EconomySheet", "Add row")))
        stack.endMacro()

    def target_rows(self, model: SheetTableModel) -> list[int]:
        return [model.row_of(uid) for uid in self.uids]


def paste_plan(model: SheetTableModel, block: tuple[int, int, int, int],
               cells: list[list[str]]) -> PastePlan:
    top, left, bottom, right = block
    if cell_count(cells) > MAX_PASTE_CELLS:
        raise PasteError(translate("EconomySheet", "Too much to paste at once."))
    start = model.line_at(top)
    if start is None:
        raise PasteError(translate(
            "EconomySheet", "Choose a cell in an item row to paste into (not a total)."))
    if len(cells) == 1 and len(cells[0]) == 1 and (bottom > top or right > left):
        # One copied value into a selected range: fill the range, like Excel.
        cells = [[cells[0][0]] * (right - left + 1) for _row in range(bottom - top + 1)]
    width = len(cells[0])
    if left + width > COLUMN_COUNT:
        raise PasteError(translate(
            "EconomySheet", "The copied block is {width} columns wide and does not fit here.")
            .format(width=width))
    section_lines = [model.line_at(row) for row in model.section_rows(start.section)]
    existing = [line for line in section_lines if line is not None]
    following = existing[[line.uid for line in existing].index(start.uid):]
    plan = PastePlan(left=left, right=left + width - 1, uids=[])
    for offset, values in enumerate(cells):
        if offset < len(following):
            original = following[offset]
            line = original.copy()
        else:
            original, line = None, LineState(section=start.section)
            plan.new_lines.append(line)
        _fill_line(model, line, left, values, top_row=offset)
        plan.uids.append(line.uid)
        if original is not None:
            plan.changes += _differences(original, line)
    if plan.new_lines:
        plan.insert_at = model.insert_position(start.section)
    return plan


def _fill_line(model: SheetTableModel, line: LineState, left: int, values: list[str],
               top_row: int) -> None:
    for offset, text in enumerate(values):
        column = left + offset
        if column_key(column) is None:
            continue  # a calculated column: its value follows from the others
        try:
            value = parse_cell(column, text)
        except CellValueError as error:
            raise PasteError(translate(
                "EconomySheet", "Nothing was pasted. Row {row}, column {column}: {error}")
                .format(row=top_row + 1, column=column_titles()[column], error=error)) from None
        for change in model.changes_for(line, column, value):
            line.set(change.key, change.new)


def _differences(before: LineState, after: LineState) -> list[CellChange]:
    keys: list[FieldKey] = ["label", "person", "frequency", "first_month", "amount_oere",
                            "note"]
    keys += [("month", month) for month in range(len(before.months))]
    return [CellChange(before.uid, key, before.get(key), after.get(key))
            for key in keys if before.get(key) != after.get(key)]


def clear_changes(model: SheetTableModel, cells: list[tuple[int, int]]) -> list[CellChange]:
    """Delete on a selection: amounts become 0, texts empty; person, frequency and first
    month stay."""
    edited: dict[int, tuple[LineState, LineState]] = {}
    for row, column in sorted(cells):
        key = column_key(column)
        line = model.line_at(row)
        if line is None or key is None or key in ("person", "frequency", "first_month"):
            continue
        _original, copy = edited.setdefault(line.uid, (line, line.copy()))
        empty = "" if key in ("label", "note") else 0
        for change in model.changes_for(copy, column, empty):
            copy.set(change.key, change.new)
    return [change for original, copy in edited.values()
            for change in _differences(original, copy)]
