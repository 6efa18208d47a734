"""Åbningstid: the team's staffed hours per weekday (from–to, or closed), which the
calendar shades outside. Coordinators and admins only (the core checks it too); saved
through ``schedule.staffed.set_staffed_hours`` (JSON in app_meta).
"""

from __future__ import annotations

from datetime import time

from PySide6.QtCore import Qt, QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from mentordesk.kernel.context import Context
from mentordesk.schedule.staffed import StaffedHours, set_staffed_hours, staffed_hours
from ui.i18n import DANISH
from ui.operations import Operations


def _time_edit(value: time) -> QTimeEdit:
    edit = QTimeEdit(QTime(value.hour, value.minute))
    edit.setDisplayFormat("HH:mm")
    return edit


class StaffedHoursDialog(QDialog):
    """The calendar repaints from the change hub once the hours are saved."""

    loaded = Signal()  # tests listen

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ops = ops
        self.setWindowTitle(self.tr("Staffed hours"))
        self.closed_checks: list[QCheckBox] = []
        self.from_edits: list[QTimeEdit] = []
        self.to_edits: list[QTimeEdit] = []
        grid = QGridLayout()
        for column, text in enumerate((self.tr("Day"), self.tr("From"), self.tr("To"),
                                       self.tr("Closed"))):
            grid.addWidget(QLabel(f"<b>{text}</b>"), 0, column)
        for weekday in range(7):
            closed = QCheckBox()
            start, end = _time_edit(time(8)), _time_edit(time(16))
            closed.toggled.connect(lambda on, s=start, e=end: (s.setEnabled(not on),
                                                               e.setEnabled(not on)))
            grid.addWidget(QLabel(DANISH.dayName(weekday + 1).capitalize()), weekday + 1, 0)
            grid.addWidget(start, weekday + 1, 1)
            grid.addWidget(end, weekday + 1, 2)
            grid.addWidget(closed, weekday + 1, 3)
            self.closed_checks.append(closed)
            self.from_edits.append(start)
            self.to_edits.append(end)
        hint = QLabel(self.tr("The calendar shades the time outside these hours grey."))
        hint.setObjectName("hintLabel")
        self.error_label = QLabel()
        self.error_label.setObjectName("errorLabel")
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setEnabled(False)  # until the stored hours are shown
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(hint)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self._load()

    def _load(self) -> None:
        self._ops.run(_stored_hours, owner=self, slot="load",
                      label=self.tr("Loading the staffed hours…"), done=self.show_hours)

    def show_hours(self, hours: StaffedHours) -> None:
        for weekday in range(7):
            span = hours.span(weekday)
            if span is not None:
                self.from_edits[weekday].setTime(QTime(span[0].hour, span[0].minute))
                self.to_edits[weekday].setTime(QTime(span[1].hour, span[1].minute))
            self.closed_checks[weekday].setChecked(span is None)
        self.save_button.setEnabled(True)
        self.loaded.emit()

    def hours(self) -> StaffedHours:
        days: list[tuple[time, time] | None] = []
        for weekday in range(7):
            if self.closed_checks[weekday].isChecked():
                days.append(None)
                continue
            start, end = self.from_edits[weekday].time(), self.to_edits[weekday].time()
            days.append((time(start.hour(), start.minute()), time(end.hour(), end.minute())))
        return StaffedHours(tuple(days))

    def save(self) -> None:
        if not self.save_button.isEnabled():
            return
        self.save_button.setEnabled(False)
        self.error_label.setText("")
        self._ops.run(set_staffed_hours, self.hours(), owner=self, slot="save",
                      label=self.tr("Saving…"), done=self._on_saved, failed=self._on_failed)

    def _on_saved(self, _result: object) -> None:
        self.save_button.setEnabled(True)
        self.accept()

    def _on_failed(self, message: str) -> None:
        self.save_button.setEnabled(True)
        self.error_label.setText(message)


def _stored_hours(context: Context) -> StaffedHours:
    return staffed_hours(context.database)
