"""Two tabs of the Timer page beside the delivered hours: the time around the contacts
(travel, km, indirect time) per mentor, and the anonymous outreach contacts per week or
month and mentor, with a small counter to add one (+1) or take a miscount back (−1).

Delivered hours keep their meaning (face-to-face time against the band); these show
what else the work took. The anonymous tally names no one: the counter asks only for
the day, and optionally how long, how and under which legal basis.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from mentordesk.domain.codes import ContactForm
from mentordesk.domain.dates import format_date
from mentordesk.domain.duration import hours_text
from mentordesk.kernel.context import Context
from mentordesk.schedule.anonymous import (
    AnonymousCount,
    BasisChoice,
    TallyPeriod,
    TallyRow,
    anonymous_bases,
    anonymous_tally,
    count_anonymous_contact,
)
from mentordesk.schedule.around import MentorAround, time_around_contacts
from mentordesk.services.contacts import MAX_DURATION_MINUTES
from ui.operations import Operations
from ui.views.common.date_edit import DanishDateEdit
from ui.views.common.keys import shortcut
from ui.views.common.record_table import RecordTableModel, TableColumn, record_table


class AroundTabs(QObject):
    """The two tabs' widgets and their loading; the page adds ``around_page`` and
    ``anonymous_page`` to its tabs and calls ``load`` with the chosen period."""

    loaded = Signal()

    def __init__(self, ops: Operations, today: date, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ops = ops
        self._period: tuple[date, date] | None = None
        self.around_model = RecordTableModel([
            TableColumn(self.tr("Mentor"), lambda line: line.mentor_name),
            TableColumn(self.tr("Travel time"), lambda line: hours_text(line.travel_minutes)),
            TableColumn(self.tr("Km"), lambda line: str(line.travel_km)),
            TableColumn(self.tr("Indirect time"),
                        lambda line: hours_text(line.indirect_minutes)),
            TableColumn(self.tr("Anonymous contacts"), lambda line: str(line.anonymous_count)),
        ], parent=self)
        self.tally_model = RecordTableModel([
            TableColumn(self.tr("Period"), lambda row: row.period_label),
            TableColumn(self.tr("Mentor"), lambda row: row.mentor_name),
            TableColumn(self.tr("Contacts"), lambda row: str(row.count)),
            TableColumn(self.tr("Time"), lambda row: hours_text(row.minutes)),
            TableColumn(self.tr("Forms"), lambda row: ", ".join(
                f"{form} {count}" for form, count in sorted(row.forms.items()))),
        ], parent=self)
        self.period_label = QLabel()
        self.period_label.setObjectName("hintLabel")
        self.around_page = QWidget()
        around_layout = QVBoxLayout(self.around_page)
        around_layout.addWidget(self.period_label)
        around_layout.addWidget(record_table(self.around_model), 1)
        self.counter = AnonymousCounter(ops, today)
        self.counter.counted.connect(self.reload)
        self.per_combo = QComboBox()
        self.per_combo.addItem(self.tr("Per week"), TallyPeriod.WEEK)
        self.per_combo.addItem(self.tr("Per month"), TallyPeriod.MONTH)
        self.per_combo.currentIndexChanged.connect(lambda _index: self.reload())
        self.anonymous_page = QWidget()
        layout = QVBoxLayout(self.anonymous_page)
        layout.addWidget(self.counter)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Listed:")))
        bar.addWidget(self.per_combo)
        bar.addStretch(1)
        layout.addLayout(bar)
        layout.addWidget(record_table(self.tally_model), 1)
        hint = QLabel(self.tr("Contacts with people who are not registered as citizens (§99 "
                              "outreach): counted for the team's statistics, never named."))
        hint.setObjectName("hintLabel")
        hint.setWordWrap(True)
        layout.addWidget(hint)

    def load(self, first: date, last: date) -> None:
        self._period = (first, last)
        self.period_label.setText(self.tr(
            "{first} – {last} (the period of \"Month / period totals\")").format(
            first=format_date(first), last=format_date(last)))
        self._ops.run(_around_and_tally, first, last, self.per_combo.currentData(),
                      owner=self.around_page, slot="around", label=self.tr("Counting…"),
                      done=self._show)

    def reload(self) -> None:
        if self._period is not None:
            self.load(*self._period)

    def _show(self, result: tuple[list[MentorAround], list[TallyRow]]) -> None:
        around, tally = result
        self.around_model.set_rows(around)
        self.tally_model.set_rows(tally)
        self.loaded.emit()


def _around_and_tally(context: Context, first: date, last: date, per: TallyPeriod
                      ) -> tuple[list[MentorAround], list[TallyRow]]:
    return (time_around_contacts(context, first, last),
            anonymous_tally(context, first, last, per))


class AnonymousCounter(QWidget):
    """"Anonym kontakt": the day (today), optionally minutes, form and legal basis, and
    +1 (Ctrl++) or −1 (Ctrl+-). Nothing here can hold a name."""

    counted = Signal(int)  # the mentor's count for the day

    def __init__(self, ops: Operations, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ops = ops
        self._today = today
        self.date_edit = DanishDateEdit(self.tr("Date"), required=True)
        self.date_edit.set_date(today)
        self.date_edit.setMaximumWidth(110)
        self.minutes_spin = QSpinBox()
        self.minutes_spin.setRange(0, MAX_DURATION_MINUTES)
        self.minutes_spin.setSingleStep(5)
        self.minutes_spin.setSuffix(self.tr(" min"))
        self.form_combo = QComboBox()
        self.form_combo.addItem(self.tr("(form not given)"), None)
        for form in ContactForm:
            self.form_combo.addItem(form.label, form)
        self.basis_combo = QComboBox()
        self.plus_button = QPushButton(self.tr("Anonymous contact +1"))
        self.minus_button = QPushButton(self.tr("−1"))
        self.minus_button.setToolTip(self.tr("Take a miscount back"))
        self.plus_button.clicked.connect(lambda: self.count(1))
        self.minus_button.clicked.connect(lambda: self.count(-1))
        shortcut("Ctrl++", self, lambda: self.count(1))
        shortcut("Ctrl+-", self, lambda: self.count(-1))
        self.message_label = QLabel()
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.date_edit, self.minutes_spin, self.form_combo, self.basis_combo,
                       self.plus_button, self.minus_button, self.message_label):
            layout.addWidget(widget)
        layout.addStretch(1)
        ops.run(anonymous_bases, owner=self, slot="bases", done=self._show_bases)

    def _show_bases(self, bases: list[BasisChoice]) -> None:
        self.basis_combo.clear()
        for basis in bases:
            self.basis_combo.addItem(basis.code, basis.id)
        self.basis_combo.setVisible(len(bases) > 1)  # one basis: nothing to choose

    def count(self, step: int) -> None:
        try:
            day = self.date_edit.date_value()
        except ValueError as error:
            self.message_label.setText(str(error))
            return
        counted = AnonymousCount(count=step, minutes=self.minutes_spin.value(),
                                 form=self.form_combo.currentData(),
                                 legal_basis_id=self.basis_combo.currentData(),
                                 contact_on=day)
        self._ops.run(count_anonymous_contact, counted, self._today, owner=self, slot="count",
                      label=self.tr("Counting…"), done=self._counted,
                      failed=self.message_label.setText)

    def _counted(self, total: int) -> None:
        self.message_label.setText(self.tr("%n anonymous contact(s) that day", "", total))
        self.minutes_spin.setValue(0)
        self.counted.emit(total)
