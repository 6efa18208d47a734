"""The contact list filters: period, form and attendance, shared by the citizen tab and
the mentor page. A choice applies at once (``changed``)."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from mentordesk.domain.codes import Attendance, ContactForm
from mentordesk.services.contacts import ContactFilters
from ui.views.common.flow_layout import FlowLayout, kept_together
from ui.views.contacts.fields import DayStepDateEdit

ALL_TIME, FOUR_WEEKS, THREE_MONTHS, TWELVE_MONTHS, CHOSEN = range(5)


def months_before(day: date, months: int) -> date:
    """The same day ``months`` earlier (31 May → 28/29 February)."""
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


class ContactFilterBar(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.period_combo = QComboBox()
        for period, text in ((ALL_TIME, self.tr("All periods")),
                             (FOUR_WEEKS, self.tr("Last 4 weeks")),
                             (THREE_MONTHS, self.tr("Last 3 months")),
                             (TWELVE_MONTHS, self.tr("Last 12 months")),
                             (CHOSEN, self.tr("Chosen period"))):
            self.period_combo.addItem(text, period)
        self.from_edit = DayStepDateEdit()
        self.to_edit = DayStepDateEdit()
        today = date.today()
        self.from_edit.set_value(months_before(today, 1))
        self.to_edit.set_value(today)
        self.form_combo = QComboBox()
        self.form_combo.addItem(self.tr("All forms"), None)
        for form in ContactForm:
            self.form_combo.addItem(form.label, form.value)
        self.attendance_combo = QComboBox()
        self.attendance_combo.addItem(self.tr("Attended and no-show"), None)
        for attendance in Attendance:
            self.attendance_combo.addItem(attendance.label, attendance.value)
        self._layout()
        self._show_dates()
        self.period_combo.currentIndexChanged.connect(self._period_changed)
        for widget in (self.form_combo, self.attendance_combo):
            widget.currentIndexChanged.connect(lambda _index: self.changed.emit())
        for edit in (self.from_edit, self.to_edit):
            edit.dateChanged.connect(lambda _date: self.changed.emit())

    def _layout(self) -> None:
        self.to_label = QLabel(self.tr("to"))
        layout = FlowLayout(self)  # wraps in a narrow record rather than widening it
        layout.setContentsMargins(0, 0, 0, 0)
        period_label = QLabel(self.tr("P&eriod:"))
        period_label.setBuddy(self.period_combo)
        self.dates = kept_together(self.from_edit, self.to_label, self.to_edit)
        layout.add_widgets(kept_together(period_label, self.period_combo), self.dates,
                           self.form_combo, self.attendance_combo)

    def _period_changed(self, _index: int) -> None:
        self._show_dates()
        self.changed.emit()

    def _show_dates(self) -> None:
        chosen = self.period_combo.currentData() == CHOSEN
        self.dates.setVisible(chosen)

    def filters(self, today: date | None = None) -> ContactFilters:
        today = today or date.today()
        period = self.period_combo.currentData()
        starts = {FOUR_WEEKS: today - timedelta(weeks=4),
                  THREE_MONTHS: months_before(today, 3),
                  TWELVE_MONTHS: months_before(today, 12)}
        start: date | None
        end: date | None
        if period == CHOSEN:
            start, end = self.from_edit.value(), self.to_edit.value()
        else:
            start, end = starts.get(period), None
        form, attendance = self.form_combo.currentData(), self.attendance_combo.currentData()
        return ContactFilters(
            period_from=start, period_to=end,
            form=ContactForm(form) if form else None,
            attendance=Attendance(attendance) if attendance else None,
        )
