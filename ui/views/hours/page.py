"""The Timer page (*timeoverblik*): per ISO week and citizen granted vs delivered vs planned,
per mentor capacity vs delivered vs planned, and totals for a month or any period.

Delivered hours come from the contact log only (the proof the national audit asked
for). Contacts are logged elsewhere (the calendar's "Markér som gennemført", the contact
log), so the page recounts when the change hub reports changed contacts, appointments or
grants: at once while shown, else when next shown.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from mentordesk.domain.dates import format_date, iso_week_code, parse_iso_week, week_start
from mentordesk.domain.duration import hours_text
from mentordesk.domain.text import danish_sort_key
from mentordesk.kernel.changes import Changes, Kind
from mentordesk.kernel.context import Context
from mentordesk.schedule.export import export_hours_xlsx
from mentordesk.schedule.hours import FLAG_UNDER
from mentordesk.schedule.overview import HoursOverview, PeriodTotals, week_and_period_hours
from ui.operations import Operations
from ui.views.common.date_edit import DanishDateEdit
from ui.views.common.record_table import (
    RecordTableModel,
    RowLook,
    longest_texts,
    record_table,
)
from ui.views.common.reload_when_shown import ReloadWhenShown
from ui.views.common.save_dialog import open_save_dialog
from ui.views.common.visibility import hidden_unless
from ui.views.hours.around_tabs import AroundTabs
from ui.views.hours.columns import (
    CitizenLine,
    MentorLine,
    TotalLine,
    citizen_columns,
    flag_look,
    flag_text,
    mentor_columns,
    total_columns,
    total_look,
)

# Delivered (contacts), planned (appointments) and granted hours; the anonymous tally.
COUNTED_FROM = (Kind.CONTACTS, Kind.SCHEDULE, Kind.GRANTS, Kind.TALLY)


def month_of_week(monday: date) -> tuple[date, date]:
    """The calendar month of the week's Thursday (the ISO rule: a week counts once)."""
    thursday = monday + timedelta(days=3)
    first = thursday.replace(day=1)
    last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    return first, last


class HoursPage(QWidget):
    loaded = Signal()  # the week (and period) shown; tests listen
    exported = Signal(object)  # Path

    def __init__(self, ops: Operations, title: str, parent: QWidget | None = None, *,
                 today: date | None = None) -> None:
        super().__init__(parent)
        self._ops = ops
        self.today = today or date.today()
        self.monday = week_start(self.today)
        self.overview: HoursOverview | None = None
        self.file_dialog: QFileDialog | None = None
        self.billing_dialog: QWidget | None = None
        self.citizen_model = RecordTableModel(citizen_columns(), self._citizen_look, self)
        self.mentor_model = RecordTableModel(mentor_columns(), parent=self)
        self.total_model = RecordTableModel(total_columns(), total_look, self)
        # Stale until first shown: nothing counted yet.
        self._refresh_when_shown = ReloadWhenShown(self, self.refresh, stale=True)
        self._build(title)
        ops.hub.changed.connect(self._on_changes)

    # -- layout -----------------------------------------------------------------------

    def _build(self, title: str) -> None:
        title_label = QLabel(title)
        title_label.setObjectName("pageTitle")
        self.week_label = QLabel()
        font = self.week_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.week_label.setFont(font)
        self.previous_button = QPushButton(self.tr("◀ Previous week"))
        self.next_button = QPushButton(self.tr("Next week ▶"))
        self.this_week_button = QPushButton(self.tr("This week"))
        self.week_edit = QLineEdit()
        self.week_edit.setPlaceholderText(self.tr("e.g. 2026-W48"))
        self.week_edit.setMaximumWidth(110)
        self.week_edit.setToolTip(self.tr("Type an ISO week (2026-W48) and press Enter"))
        self.week_edit.returnPressed.connect(self._go_to_typed_week)
        self.previous_button.clicked.connect(lambda: self.set_week(self.monday
                                                                   - timedelta(weeks=1)))
        self.next_button.clicked.connect(lambda: self.set_week(self.monday
                                                               + timedelta(weeks=1)))
        self.this_week_button.clicked.connect(lambda: self.set_week(week_start(self.today)))
        for keys, direction in (("PgUp", -1), ("PgDown", 1), ("Alt+Left", -1),
                                ("Alt+Right", 1)):
            QShortcut(QKeySequence(keys), self,
                      lambda direction=direction: self.set_week(
                          self.monday + timedelta(weeks=direction)),
                      context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.error_label = QLabel()
        self.error_label.setObjectName("errorLabel")
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label.setVisible(False)
        self.citizen_table = record_table(self.citizen_model)
        self.mentor_table = record_table(self.mentor_model)
        self.total_table = record_table(self.total_model)
        self.from_edit = DanishDateEdit(self.tr("From"), required=True)
        self.to_edit = DanishDateEdit(self.tr("To"), required=True)
        self.period_button = QPushButton(self.tr("Show period"))
        self.period_button.clicked.connect(self.refresh)
        self.summary_label = QLabel()
        period_bar = QHBoxLayout()
        period_bar.addWidget(QLabel(self.tr("Period:")))
        period_bar.addWidget(self.from_edit)
        period_bar.addWidget(QLabel("–"))
        period_bar.addWidget(self.to_edit)
        period_bar.addWidget(self.period_button)
        period_bar.addStretch(1)
        period_page = QWidget()
        period_layout = QVBoxLayout(period_page)
        period_layout.addLayout(period_bar)
        period_layout.addWidget(self.total_table, 1)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.citizen_table, self.tr("Citizens this week"))
        self.tabs.addTab(self.mentor_table, self.tr("Mentors this week"))
        self.tabs.addTab(period_page, self.tr("Month / period totals"))
        self.around = AroundTabs(self._ops, self.today, self)
        self.tabs.addTab(self.around.around_page, self.tr("Travel and indirect time"))
        self.tabs.addTab(self.around.anonymous_page, self.tr("Anonymous contacts"))
        self.export_button = QPushButton(self.tr("Export to Excel…"))
        self.export_button.setToolTip(self.tr("The chosen period, week by week, as xlsx"))
        self.export_button.clicked.connect(self.choose_export_file)
        self.billing_button = QPushButton(self.tr("Billing basis…"))
        self.billing_button.clicked.connect(self.open_billing)
        hidden_unless(self._ops.actor.sees_all_citizens, self.billing_button)
        top = QHBoxLayout()
        top.addWidget(title_label)
        top.addSpacing(16)
        top.addWidget(self.week_label, 1)
        top.addWidget(self.export_button)
        top.addWidget(self.billing_button)
        navigation = QHBoxLayout()
        for widget in (self.previous_button, self.this_week_button, self.next_button):
            navigation.addWidget(widget)
        navigation.addSpacing(12)
        navigation.addWidget(QLabel(self.tr("Go to week:")))
        navigation.addWidget(self.week_edit)
        navigation.addStretch(1)
        navigation.addWidget(self.summary_label)
        legend = QLabel(self.tr("Delivered = attended face-to-face time in the log (travel "
                                "and indirect time are shown apart). Planned = booked "
                                "appointments from today on. Under/over compares delivered "
                                "hours with the grant's band or minimum."))
        legend.setObjectName("hintLabel")
        legend.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(navigation)
        layout.addWidget(self.error_label)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(legend)
        self._set_period_for_week()

    def _set_period_for_week(self) -> None:
        first, last = month_of_week(self.monday)
        self.from_edit.set_date(first)
        self.to_edit.set_date(last)

    # -- week -------------------------------------------------------------------------

    def set_week(self, monday: date) -> None:
        self.monday = week_start(monday)
        self._set_period_for_week()
        self.refresh()

    def _go_to_typed_week(self) -> None:
        text = self.week_edit.text().strip()
        if text.isdigit():  # just the week number: this ISO week-year
            text = f"{self.monday.isocalendar().year}-W{int(text):02d}"
        try:
            monday, _sunday = parse_iso_week(text)
        except ValueError as error:
            self._show_error(str(error))
            return
        self.week_edit.clear()
        self.set_week(monday)

    def week_title(self) -> str:
        sunday = self.monday + timedelta(days=6)
        return self.tr("Week {week}, {year} · {first} – {last}").format(
            week=self.monday.isocalendar().week, year=self.monday.isocalendar().year,
            first=format_date(self.monday), last=format_date(sunday))

    def _on_changes(self, changes: Changes) -> None:
        if changes.touches(*COUNTED_FROM):
            self._refresh_when_shown()

    def refresh(self) -> None:
        self.week_label.setText(self.week_title())
        try:
            first, last = self.from_edit.date_value(), self.to_edit.date_value()
        except ValueError as error:
            self._show_error(str(error))
            return
        self._show_error("")
        self._refresh_when_shown.forget()
        # One slot: a newer week or period replaces a count still running.
        self._ops.run(_week_and_period, self.monday, first, last, today=self.today,
                      owner=self, slot="count", label=self.tr("Counting hours…"),
                      done=self._show, failed=self._show_error)
        if first is not None and last is not None:  # both required: a missing one raised
            self.around.load(first, last)

    def _show(self, counted: CountedHours) -> None:
        self.overview = counted.week
        self.citizen_model.set_rows(counted.citizens, counted.citizens_longest)
        self.mentor_model.set_rows(counted.mentors, counted.mentors_longest)
        self.total_model.set_rows(counted.totals, counted.totals_longest)
        self.summary_label.setText(self.tr("{citizens} citizens · {delivered} delivered · "
                                           "{under} under the grant").format(
            citizens=len(counted.citizens), delivered=hours_text(counted.delivered_minutes),
            under=counted.citizens_under))
        self.loaded.emit()

    def _citizen_look(self, line: CitizenLine) -> RowLook:
        row = line.week
        return flag_look(row.flag, flag_text(row.flag, row.granted_min_minutes,
                                             row.granted_max_minutes, row.delivered_minutes))

    def _show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.setVisible(bool(message))

    # -- exports ----------------------------------------------------------------------

    def choose_export_file(self) -> None:
        self.file_dialog = open_save_dialog(
            self, self.tr("Save weekly hours as"), self.tr("Excel workbooks (*.xlsx)"),
            f"timeoverblik-{iso_week_code(self.monday)}.xlsx", self.export_to)

    def export_to(self, path: Path) -> None:
        try:
            first, last = self.from_edit.date_value(), self.to_edit.date_value()
        except ValueError as error:
            self._show_error(str(error))
            return
        self.export_button.setEnabled(False)
        task = self._ops.run(export_hours_xlsx, first, last, path, today=self.today,
                             owner=self, slot="export", label=self.tr("Exporting…"),
                             done=self.exported.emit)
        task.finished.connect(lambda: self.export_button.setEnabled(True))

    def open_billing(self) -> None:
        from ui.views.hours.billing_dialog import BillingDialog

        dialog = BillingDialog(self._ops, month=self.monday + timedelta(days=3), parent=self)
        self.billing_dialog = dialog
        dialog.open()


@dataclass(frozen=True)
class CountedHours:
    """The page's three tables, their lines built and sorted on the worker, and the
    summary's sums: at 2 500 citizens sorting, wrapping and summing them held the window
    still."""

    week: HoursOverview
    citizens: list[CitizenLine]
    mentors: list[MentorLine]
    totals: list[TotalLine]
    delivered_minutes: int      # the week's, all citizens
    citizens_under: int         # citizens whose week is under the grant
    # Each table's longest text per column (record_table.longest_texts), for its widths.
    citizens_longest: tuple[int | None, ...] | None = None
    mentors_longest: tuple[int | None, ...] | None = None
    totals_longest: tuple[int | None, ...] | None = None


def _week_and_period(context: Context, monday: date, first: date, last: date, *,
                     today: date) -> CountedHours:
    """The shown week row by row and the chosen period's totals per citizen (summed by
    the database), counted together on the worker."""
    week, period = week_and_period_hours(context, monday, first, last, today=today)
    return _lines(week, period, iso_week_code(monday))


def _lines(week: HoursOverview, period: PeriodTotals, code: str) -> CountedHours:
    citizens = [CitizenLine(row, week.citizen_names.get(row.citizen_id, ""),
                            week.mentor_names.get(week.citizen_mentor.get(row.citizen_id)
                                                  or 0, ""))
                for row in week.citizen_weeks if row.week == code]
    citizens.sort(key=lambda line: danish_sort_key(line.citizen_name))
    mentors = [MentorLine(row, week.mentor_names.get(row.mentor_id, ""))
               for row in week.mentor_weeks if row.week == code]
    mentors.sort(key=lambda line: danish_sort_key(line.mentor_name))
    totals = [TotalLine(total, period.citizen_names.get(total.citizen_id, ""))
              for total in period.totals]
    totals.sort(key=lambda line: danish_sort_key(line.citizen_name))
    return CountedHours(week, citizens, mentors, totals,
                        sum(line.week.delivered_minutes for line in citizens),
                        sum(line.week.flag == FLAG_UNDER for line in citizens),
                        longest_texts(citizen_columns(), citizens),
                        longest_texts(mentor_columns(), mentors),
                        longest_texts(total_columns(), totals))
