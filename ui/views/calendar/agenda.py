"""The week as a compact agenda: one line per appointment, the day written once.

Where the week's grid squeezes 20 mentors' visits into narrow columns, the list shows
every one in full: time, who, form, mentor, place and what happened. Double-click or
Enter opens it, right-click offers the same menu as the grid, a click chooses it for
"Markér gennemført".
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from mentordesk.domain.dates import format_date
from ui.views.calendar.scene import CalendarScene, Occurrence
from ui.views.calendar.time_grid import CONFLICT, day_heading

NEW_DAY_FILL = QColor("#eef5ff")  # the first line of each day
_STATUS_TEXTS = {"done": "✓", "no_show": "✗", "cancelled": "⊘"}


class AgendaList(QTableWidget):
    block_activated = Signal(object)  # Occurrence
    block_menu_requested = Signal(object, QPoint)  # Occurrence, global position
    block_selected = Signal(object)  # Occurrence or None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 6, parent)
        self.occurrences: list[Occurrence] = []
        self.setHorizontalHeaderLabels([self.tr("Day"), self.tr("Time"), self.tr("Appointment"),
                                        self.tr("Mentor"), self.tr("Place"), ""])
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setStretchLastSection(True)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._menu_at)
        self.itemActivated.connect(lambda item: self.block_activated.emit(
            self.occurrences[item.row()]))
        self.itemSelectionChanged.connect(
            lambda: self.block_selected.emit(self.selected_occurrence()))

    def show_scene(self, scene: CalendarScene) -> None:
        """Every appointment of the period once (one over midnight: where it starts)."""
        seen: set[object] = set()
        self.occurrences = []
        for block in sorted(scene.blocks, key=lambda block: block.occurrence.starts_at):
            if block.occurrence.key not in seen:
                seen.add(block.occurrence.key)
                self.occurrences.append(block.occurrence)
        self.setRowCount(len(self.occurrences))
        previous_day = None
        for row, occurrence in enumerate(self.occurrences):
            day = occurrence.starts_at.date()
            day_text = day_heading(day) if day != previous_day else ""
            previous_day = day
            cells = [day_text, occurrence.time_label, occurrence.title,
                     occurrence.mentor_text, occurrence.place,
                     _STATUS_TEXTS.get(occurrence.status, "")]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if occurrence.conflicts:
                    item.setForeground(CONFLICT)
                    item.setToolTip("\n".join(occurrence.conflicts))
                if column == 0:
                    item.setToolTip(format_date(day))
                    if day_text:
                        item.setBackground(NEW_DAY_FILL)
                self.setItem(row, column, item)

    def selected_occurrence(self) -> Occurrence | None:
        rows = self.selectionModel().selectedRows()
        return self.occurrences[rows[0].row()] if rows else None

    def _menu_at(self, position: QPoint) -> None:
        row = self.rowAt(position.y())
        if 0 <= row < len(self.occurrences):
            self.selectRow(row)
            self.block_menu_requested.emit(self.occurrences[row],
                                           self.viewport().mapToGlobal(position))
