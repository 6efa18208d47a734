"""A grant's stepped hours plan and its practice hours per week, each in its own dialog.

Both are small tables typed from the keyboard (Tab moves between cells, Enter or Ctrl+S
saves, Esc cancels); they sit beside the grant editor rather than inside it, since the
plan and the practice hours are saved by their own operations.

- *Timeplan*: steps "from a date or week number, min–max hours a week". Before the first
  step the grant's own weekly hours apply. The core checks the plan (order, period,
  min ≤ max); a refused plan shows why and saves nothing.
- *Praktiktimer*: the hours the citizen was in practice, one row per week of the grant up
  to this week, newest first (the week a mentor usually logs).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from mentordesk.domain.dates import format_date, iso_week_label, week_start
from mentordesk.domain.duration import hours_number
from mentordesk.domain.hours_plan import HoursStep, parse_hours, parse_step_start
from mentordesk.services.grants import GrantRow, weekly_hours_label
from mentordesk.services.hours_plan import (
    HoursPlan,
    PracticeWeek,
    log_practice_hours,
    save_hours_plan,
)
from ui.operations import Operations
from ui.views.common.form_fields import plain_label
from ui.views.common.record_dialog import RecordDialog, SaveJob

READ_ONLY = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled


def _hours_cell(minutes: int | None) -> QTableWidgetItem:
    return QTableWidgetItem("" if minutes is None else hours_number(minutes))


class HoursPlanDialog(RecordDialog):
    def __init__(self, ops: Operations, grant: GrantRow, plan: HoursPlan,
                 parent: QWidget | None = None) -> None:
        super().__init__(ops, parent)
        self._grant = grant
        self.setWindowTitle(self.tr("Hours plan"))
        self.setMinimumWidth(560)
        self.form.addRow(plain_label(f"{grant.legal_basis_code} · {grant.period_label}"))
        self.form.addRow(plain_label(self.tr(
            "Each step applies from the week holding its date (or from a week number) until "
            "the next step. Before the first step the grant's weekly hours apply: %1.")
            .replace("%1", weekly_hours_label(grant.hours_min_minutes, grant.hours_max_minutes)
                     or self.tr("none"))))
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([
            self.tr("From (date or week)"), self.tr("Min. hours/week"),
            self.tr("Max. hours/week (empty: no limit)")])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.form.addRow(self.table)
        self.add_button = QPushButton(self.tr("&Add step"))
        self.remove_button = QPushButton(self.tr("&Remove step"))
        row = QHBoxLayout()
        for button in (self.add_button, self.remove_button):
            button.setAutoDefault(False)
            row.addWidget(button)
        row.addStretch(1)
        self.form.addRow(row)
        self.add_button.clicked.connect(self.add_step)
        self.remove_button.clicked.connect(self.remove_step)
        for step in plan.steps:
            self._append(format_date(step.starts_on), step.min_minutes, step.max_minutes)
        self.edit(plan.version, {"steps": plan.steps})

    def add_step(self) -> None:
        self._append("", None, None)
        self.table.setCurrentCell(self.table.rowCount() - 1, 0)
        self.table.editItem(self.table.currentItem())

    def remove_step(self) -> None:
        if self.table.currentRow() >= 0:
            self.table.removeRow(self.table.currentRow())

    def _append(self, starts: str, low: int | None, high: int | None) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, 0, QTableWidgetItem(starts))
        self.table.setItem(row, 1, _hours_cell(low))
        self.table.setItem(row, 2, _hours_cell(high))

    def collect(self) -> dict[str, Any]:
        steps = []
        for row in range(self.table.rowCount()):
            texts = [self._text(row, column) for column in range(3)]
            if not any(texts):
                continue  # an added row left empty
            prefix = self.tr("Step %1: ").replace("%1", str(row + 1))
            try:
                starts_on = parse_step_start(texts[0], self._grant.start_on)
                low, high = parse_hours(texts[1]), parse_hours(texts[2])
            except ValueError as error:
                raise ValueError(prefix + str(error)) from None
            if low is None:
                raise ValueError(prefix + self.tr("Enter the minimum hours a week."))
            steps.append(HoursStep(starts_on, low, high))
        return {"steps": tuple(steps)}

    def _text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text().strip() if item is not None else ""

    def update_job(self, version: int, changes: dict[str, Any],
                   original: dict[str, Any]) -> SaveJob:
        grant_id, steps = self._grant.id, changes["steps"]
        return lambda context: save_hours_plan(context, grant_id, version, steps)


class PracticeHoursDialog(RecordDialog):
    def __init__(self, ops: Operations, grant: GrantRow, logged: list[PracticeWeek],
                 today: date, parent: QWidget | None = None) -> None:
        super().__init__(ops, parent)
        self._grant = grant
        self.setWindowTitle(self.tr("Practice hours"))
        self.setMinimumWidth(420)
        self.form.addRow(plain_label(f"{grant.legal_basis_code} · {grant.period_label}"))
        self.form.addRow(plain_label(self.tr(
            "The hours the citizen was in practice each week. Empty: not logged.")))
        minutes = {week.week_start: week.minutes for week in logged}
        self.mondays = self._weeks(grant, today)
        self.table = QTableWidget(len(self.mondays), 2)
        self.table.setHorizontalHeaderLabels([self.tr("Week"), self.tr("Practice hours")])
        self.table.horizontalHeader().setStretchLastSection(True)
        for row, monday in enumerate(self.mondays):
            week = QTableWidgetItem(iso_week_label(monday))
            week.setFlags(READ_ONLY)
            self.table.setItem(row, 0, week)
            self.table.setItem(row, 1, _hours_cell(minutes.get(monday)))
        if self.mondays:
            self.table.setCurrentCell(0, 1)
        else:
            self.form.addRow(plain_label(self.tr("The grant has not started yet.")))
        self.form.addRow(self.table)
        self.edit(0, {"weeks": {monday: minutes[monday] for monday in self.mondays
                                if monday in minutes}})

    @staticmethod
    def _weeks(grant: GrantRow, today: date) -> list[date]:
        """The grant's weeks up to this week, newest first."""
        last = week_start(min(grant.end_on or today, today))
        monday, mondays = week_start(grant.start_on), []
        while monday <= last:
            mondays.append(monday)
            monday += timedelta(days=7)
        return mondays[::-1]

    def collect(self) -> dict[str, Any]:
        weeks = {}
        for row, monday in enumerate(self.mondays):
            item = self.table.item(row, 1)
            try:
                minutes = parse_hours(item.text() if item is not None else "")
            except ValueError as error:
                raise ValueError(f"{iso_week_label(monday)}: {error}") from None
            if minutes:
                weeks[monday] = minutes
        return {"weeks": weeks}

    def update_job(self, version: int, changes: dict[str, Any],
                   original: dict[str, Any]) -> SaveJob:
        before, after = original["weeks"], changes["weeks"]
        changed = {monday: after.get(monday) for monday in set(before) | set(after)
                   if before.get(monday) != after.get(monday)}
        grant_id = self._grant.id
        return lambda context: log_practice_hours(context, grant_id, changed)
