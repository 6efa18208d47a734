"""A goal's sub-goals (delmål) as an ordered, checkable list.

The check box is "done": ticking it marks the step achieved and dates it today.
Order is the plan's order: drag a step, or move it with Ctrl+Up / Ctrl+Down. The list
only reports what the user did (signals); the plan widget saves it through the services
and reloads, so what is shown is always what is stored.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QWidget

from mentordesk.domain.codes import GoalStatus
from mentordesk.domain.dates import format_date
from mentordesk.services.plan import SubGoalItem

ID_ROLE = Qt.ItemDataRole.UserRole
DONE_GREY = "#6b6b6b"


class SubGoalList(QListWidget):
    moved = Signal(int, int)  # sub-goal id, new index
    done_toggled = Signal(int, bool)  # sub-goal id, done
    edit_requested = Signal(int)
    delete_requested = Signal(int)
    new_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(True)
        self.setWordWrap(True)
        self.setToolTip(self.tr("Space: done · Enter: edit · Insert: new · Delete: delete · "
                                "Ctrl+Up/Ctrl+Down or drag: reorder"))
        self._items: dict[int, SubGoalItem] = {}
        self.itemChanged.connect(self._on_item_changed)
        self.model().rowsMoved.connect(self._on_rows_moved)
        self.itemActivated.connect(lambda item: self.edit_requested.emit(self._id(item)))

    # -- content ----------------------------------------------------------------------

    def set_sub_goals(self, sub_goals: list[SubGoalItem], keep_id: int | None = None) -> None:
        """Show the steps in order; the step ``keep_id`` (or the one selected) stays selected."""
        keep_id = keep_id if keep_id is not None else self.current_id()
        self.blockSignals(True)  # filling is not the user ticking boxes
        self.clear()
        self._items = {sub.id: sub for sub in sub_goals}
        for sub in sorted(sub_goals, key=lambda s: s.position):
            self.addItem(self._item(sub))
            if sub.id == keep_id:
                self.setCurrentRow(self.count() - 1)
        self.blockSignals(False)

    def _item(self, sub: SubGoalItem) -> QListWidgetItem:
        item = QListWidgetItem(self.describe(sub))
        item.setData(ID_ROLE, sub.id)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                      | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsDragEnabled)
        done = sub.status is GoalStatus.ACHIEVED
        item.setCheckState(Qt.CheckState.Checked if done else Qt.CheckState.Unchecked)
        if sub.status.is_finished:
            item.setForeground(Qt.GlobalColor.darkGray)
        return item

    def describe(self, sub: SubGoalItem) -> str:
        parts = [sub.status.label]
        if sub.deadline:
            parts.append(self.tr("deadline {date}").format(date=format_date(sub.deadline)))
        if sub.done_on:
            parts.append(self.tr("done {date}").format(date=format_date(sub.done_on)))
        return f"{sub.text}  ({', '.join(parts)})"

    def sub_goal(self, sub_goal_id: int) -> SubGoalItem | None:
        return self._items.get(sub_goal_id)

    def current_id(self) -> int | None:
        item = self.currentItem()
        return self._id(item) if item is not None else None

    def order(self) -> list[int]:
        return [self._id(self.item(row)) for row in range(self.count())]

    @staticmethod
    def _id(item: QListWidgetItem) -> int:
        return int(item.data(ID_ROLE))

    # -- what the user does -----------------------------------------------------------

    def _on_item_changed(self, item: QListWidgetItem) -> None:
        self.done_toggled.emit(self._id(item), item.checkState() == Qt.CheckState.Checked)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        key, ctrl = event.key(), bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        if ctrl and key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.move_current(-1 if key == Qt.Key.Key_Up else 1)
        elif key == Qt.Key.Key_Insert:
            self.new_requested.emit()
        elif key == Qt.Key.Key_Delete and self.current_id() is not None:
            self.delete_requested.emit(self.current_id())
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def move_current(self, step: int) -> None:
        row, sub_id = self.currentRow(), self.current_id()
        target = row + step
        if sub_id is None or not 0 <= target < self.count():
            return
        self.moved.emit(sub_id, target)

    def _on_rows_moved(self, _parent: QModelIndex, start: int, end: int,
                       _destination: QModelIndex, row: int) -> None:
        """A drag dropped a step elsewhere (Qt moves the row itself: ``moveRow``).

        ``row`` counts in the order before the move, so a step moved down lands one
        place higher than ``row``."""
        final = row if row < start else row - (end - start + 1)
        self.moved.emit(self._id(self.item(final)), final)
