"""The item column stays in view while the months scroll (Qt's frozen-column pattern).

A second view of the same model, showing only the item column, lies over the sheet's
left edge; the two share the selection and the vertical scroll. Items are edited in the
frozen view, where the editor can be seen; Right or Tab there goes back to the months.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QFrame

if TYPE_CHECKING:
    from ui.views.economy.sheet_view import SheetTableView

_LABEL = 0


def freeze_item_column(main: SheetTableView) -> SheetTableView:
    from ui.views.economy.sheet_view import SheetTableView

    frozen = SheetTableView(main.sheet(), main, read_only=main.read_only, frozen_of=main)
    frozen.setObjectName("frozenItemColumn")
    frozen.setSelectionModel(main.selectionModel())
    frozen.setFrameShape(QFrame.Shape.NoFrame)
    frozen.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    frozen.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    frozen.setVerticalScrollMode(main.verticalScrollMode())
    frozen.horizontalHeader().setStretchLastSection(False)
    frozen.setStyleSheet("QTableView#frozenItemColumn { border-right: 1px solid #9aa5b1; }")
    # Pixels, not whole columns: a month must be scrolled just clear of the item column.
    main.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    main.viewport().stackUnder(frozen)
    _hide_other_columns(frozen)
    frozen.setColumnWidth(_LABEL, main.columnWidth(_LABEL))
    main.model().modelReset.connect(lambda: _hide_other_columns(frozen))
    main.horizontalHeader().sectionResized.connect(
        lambda column, _old, new: _column_resized(main, column, new))
    main.verticalScrollBar().valueChanged.connect(frozen.verticalScrollBar().setValue)
    frozen.verticalScrollBar().valueChanged.connect(main.verticalScrollBar().setValue)
    frozen.message.connect(main.message)
    frozen.show()
    place_frozen(main, frozen)
    return frozen


def _hide_other_columns(frozen: SheetTableView) -> None:
    for column in range(frozen.model().columnCount()):
        frozen.setColumnHidden(column, column != _LABEL)


def _column_resized(main: SheetTableView, column: int, width: int) -> None:
    if column == _LABEL and main.frozen is not None:
        main.frozen.setColumnWidth(_LABEL, width)
        place_frozen(main)


def place_frozen(main: SheetTableView, frozen: SheetTableView | None = None) -> None:
    frozen = frozen or main.frozen
    if frozen is None:
        return
    frame = main.frameWidth()
    frozen.setGeometry(main.verticalHeader().width() + frame, frame,
                       main.columnWidth(_LABEL),
                       main.viewport().height() + main.horizontalHeader().height())


def keep_clear_of_frozen(main: SheetTableView,
                         index: QModelIndex | QPersistentModelIndex) -> None:
    """Scroll so a cell is not hidden under the frozen column."""
    if main.frozen is None or not index.isValid():
        return
    left = main.visualRect(index).left()
    covered = main.columnWidth(_LABEL)
    if left < covered:
        bar = main.horizontalScrollBar()
        bar.setValue(bar.value() - (covered - left))


__all__ = ["freeze_item_column", "keep_clear_of_frozen", "place_frozen"]
