"""The year sheet's table view: it behaves like a spreadsheet.

Arrows move; Enter commits and moves down, Tab right (Shift: back), also while an item's
name is edited; typing starts editing with the typed key; F2 edits in place; Delete clears
the selected input cells; Ctrl+C copies the selection as tab-separated text and Ctrl+V
pastes a block from Excel at the current cell (all or nothing, one undo step).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFontMetrics, QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QHeaderView,
    QTableView,
    QWidget,
)

from ui.views.economy.clipboard import format_tsv, parse_tsv
from ui.views.economy.delegates import SheetDelegate
from ui.views.economy.frozen_column import (
    freeze_item_column,
    keep_clear_of_frozen,
    place_frozen,
)
from ui.views.economy.paste import PasteError, clear_changes, paste_plan
from ui.views.economy.sheet_model import (
    COL_AMOUNT,
    COL_FREQUENCY,
    COL_FROM_MONTH,
    COL_LABEL,
    COL_NOTE,
    COL_PERSON,
    COLUMN_COUNT,
    SheetTableModel,
)

EndEditHint = QAbstractItemDelegate.EndEditHint


class SheetTableView(QTableView):
    message = Signal(str)  # a Danish sentence for the status line (paste refused …)

    def __init__(self, model: SheetTableModel, parent: QWidget | None = None, *,
                 read_only: bool = False, frozen_of: SheetTableView | None = None) -> None:
        super().__init__(parent)
        self.read_only = read_only
        self.main_view = frozen_of  # set on the frozen item column only
        self.frozen: SheetTableView | None = None
        self.setModel(model)
        self.setItemDelegate(SheetDelegate(self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers if read_only else (
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed))
        self.setTabKeyNavigation(True)
        self.setWordWrap(False)
        self.setCornerButtonEnabled(False)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self._size_columns()
        self._in_current_change = False
        if frozen_of is None:
            self.frozen = freeze_item_column(self)

    def sheet(self) -> SheetTableModel:
        model = self.model()
        assert isinstance(model, SheetTableModel)
        return model

    def _size_columns(self) -> None:
        metrics = self.fontMetrics()
        money = metrics.horizontalAdvance("-100.000,00") + 16
        # Wide enough for the longest summary title, in bold.
        bold = self.font()
        bold.setBold(True)
        self.setColumnWidth(COL_LABEL, QFontMetrics(bold).horizontalAdvance(
            "Rådighedsbeløb pr. måned") + 24)
        self.setColumnWidth(COL_PERSON, metrics.horizontalAdvance("Partner") + 28)
        self.setColumnWidth(COL_FREQUENCY, metrics.horizontalAdvance("Kvartalsvis") + 28)
        self.setColumnWidth(COL_FROM_MONTH, metrics.horizontalAdvance("Fra måned") + 16)
        for column in range(COL_AMOUNT, COL_NOTE):
            self.setColumnWidth(column, money)
        self.setColumnWidth(COL_NOTE, metrics.horizontalAdvance("M" * 14))

    # -- keyboard ---------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if self.main_view is not None and event.key() in (Qt.Key.Key_Right, Qt.Key.Key_Tab):
            # Leaving the frozen item column: the months are in the main view.
            self.main_view.setFocus()
            self.main_view.go_to(max(self.currentIndex().row(), 0), COL_LABEL + 1)
            return
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy_selection()
        elif event.matches(QKeySequence.StandardKey.Paste):
            self.paste_clipboard()
        elif event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and not event.modifiers():
            self.clear_selection()
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            # Enter on a cell moves down, as in Excel. Enter in an editor also reaches the
            # view; the delegate then commits (queued) and _after_edit moves, once.
            if self.state() != QAbstractItemView.State.EditingState:
                shift = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
                self._move(-1 if shift else 1, 0)
        else:
            super().keyPressEvent(event)

    # -- the frozen item column (see frozen_column) ----------------------------------

    def edit(self, index: QModelIndex, trigger: Any = None,  # type: ignore[override]
             event: Any = None) -> bool | None:
        """Items are edited in the frozen column, where the editor is visible."""
        if self.frozen is not None and index.isValid() and index.column() == COL_LABEL:
            self.frozen.setFocus()
            return self.frozen.edit(index, trigger, event) if trigger is not None \
                else self.frozen.edit(index)
        if trigger is None:
            return super().edit(index)
        return super().edit(index, trigger, event)

    def scrollTo(self, index: QModelIndex | QPersistentModelIndex,  # noqa: N802 - Qt override
                 hint: QAbstractItemView.ScrollHint = QAbstractItemView.ScrollHint.EnsureVisible
                 ) -> None:
        if self.frozen is None:
            super().scrollTo(index, hint)
        elif index.column() != COL_LABEL:
            super().scrollTo(index, hint)
            keep_clear_of_frozen(self, index)

    def resizeEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if self.frozen is not None:
            place_frozen(self)

    def closeEditor(self, editor: QWidget, hint: EndEditHint) -> None:  # noqa: N802
        # Enter commits through a queued call of the delegate: move down once, and only
        # for an editor still open here (the current cell may have moved meanwhile).
        editing = self.state() == QAbstractItemView.State.EditingState
        if self.main_view is not None and hint in (EndEditHint.EditNextItem,
                                                   EndEditHint.EditPreviousItem):
            self._leave_item_editor(editor, hint)
            return
        super().closeEditor(editor, hint)
        if editing and hint == EndEditHint.SubmitModelCache and not self._in_current_change:
            self._move(1, 0)

    def _leave_item_editor(self, editor: QWidget, hint: EndEditHint) -> None:
        """Tab in the frozen item column (already committed): on to the first month-side
        column in the main view, as Excel moves right; the frozen view alone only knows
        the item column and would go down. Shift+Tab stays: nothing is left of the item."""
        super().closeEditor(editor, EndEditHint.NoHint)
        if hint == EndEditHint.EditNextItem and self.main_view is not None:
            self.main_view.setFocus(Qt.FocusReason.TabFocusReason)
            self.main_view.go_to(max(self.currentIndex().row(), 0), COL_LABEL + 1)

    def currentChanged(self, current: QModelIndex | QPersistentModelIndex,  # noqa: N802
                       previous: QModelIndex | QPersistentModelIndex) -> None:
        # Moving away closes the editor with "submit": that must not move again.
        self._in_current_change = True
        try:
            super().currentChanged(current, previous)
        finally:
            self._in_current_change = False

    def _move(self, rows: int, columns: int) -> None:
        current = self.currentIndex()
        if not current.isValid():
            return
        row = min(max(current.row() + rows, 0), self.model().rowCount() - 1)
        column = min(max(current.column() + columns, 0), COLUMN_COUNT - 1)
        self.setCurrentIndex(self.model().index(row, column))

    def go_to(self, row: int, column: int) -> None:
        self.setCurrentIndex(self.model().index(row, column))

    # -- clipboard --------------------------------------------------------------------

    def selected_block(self) -> tuple[int, int, int, int] | None:
        """(top, left, bottom, right) around the selection, or the current cell."""
        indexes = self.selectionModel().selectedIndexes()
        if not indexes:
            current = self.currentIndex()
            if not current.isValid():
                return None
            indexes = [current]
        rows = [index.row() for index in indexes]
        columns = [index.column() for index in indexes]
        return min(rows), min(columns), max(rows), max(columns)

    def copy_selection(self) -> str:
        block = self.selected_block()
        if block is None:
            return ""
        top, left, bottom, right = block
        model = self.model()
        rows = [[_copy_text(model.index(row, column)) for column in range(left, right + 1)]
                for row in range(top, bottom + 1)]
        text = format_tsv(rows)
        QGuiApplication.clipboard().setText(text)
        return text

    def paste_clipboard(self) -> None:
        self.paste_text(QGuiApplication.clipboard().text())

    def paste_text(self, text: str) -> None:
        if self.read_only:
            return
        block = self.selected_block()
        cells = parse_tsv(text)
        if block is None or not cells:
            return
        try:
            plan = paste_plan(self.sheet(), block, cells)
        except PasteError as error:
            self.message.emit(str(error))
            return
        plan.push(self.sheet())
        self._select(plan.target_rows(self.sheet()), plan.left, plan.right)
        self.message.emit("")

    def clear_selection(self) -> None:
        if self.read_only:
            return
        indexes = self.selectionModel().selectedIndexes() or [self.currentIndex()]
        changes = clear_changes(self.sheet(), [(i.row(), i.column()) for i in indexes
                                               if i.isValid()])
        self.sheet().push_changes(changes, self.tr("Clear cells"))

    def _select(self, rows: list[int], left: int, right: int) -> None:
        if not rows:
            return
        model, selection = self.model(), self.selectionModel()
        self.setCurrentIndex(model.index(rows[0], left))
        selection.clearSelection()
        flags = QItemSelectionModel.SelectionFlag.Select
        for row in rows:
            selection.select(model.index(row, left), flags)
            for column in range(left + 1, right + 1):
                selection.select(model.index(row, column), flags)


def _copy_text(index: QModelIndex) -> str:
    """What the cell shows; amounts carry no "kr.", so Excel (da-DK) reads numbers."""
    value = index.data(Qt.ItemDataRole.DisplayRole)
    return "" if value is None else str(value)
