"""Book or change an appointment: citizen, mentor(s), date, time, duration, form, place,
note, and an optional weekly repetition (until a date or a number of times).

Editing one date of a series asks first whether the change is for "Kun denne" or
"Denne og følgende" (or the whole series); the core splits or detaches the series and,
for "Denne og følgende", keeps a COUNT series ending where it ended.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime, time, timedelta
from typing import Any

from PySide6.QtCore import Qt, QTime, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QSpinBox,
    QTimeEdit,
    QWidget,
)

from mentordesk.domain.codes import ContactForm
from mentordesk.domain.dates import format_date
from mentordesk.domain.grant_choice import GrantOption, suggest_grant
from mentordesk.schedule.appointments import (
    AppointmentDetail,
    AppointmentInput,
    EditScope,
    create_appointment,
    update_appointment,
)
from mentordesk.schedule.calendar import preview_conflicts
from mentordesk.schedule.recurrence import weekly_rule
from mentordesk.services.grant_attribution import grant_options
from ui.operations import Operations
from ui.views.common.citizen_combo import CitizenCombo
from ui.views.common.date_edit import DanishDateEdit
from ui.views.common.form_fields import select_data
from ui.views.common.record_dialog import RecordDialog, SaveJob

Choice = tuple[int, str]
PREVIEW_DELAY_MS = 400  # after the last change: no service call per keystroke
MAX_PREVIEW_LINES = 4
UNTIL, COUNT, FOREVER = "until", "count", "forever"


def parse_weekly_rule(rule: str) -> tuple[int, date | None, int | None]:
    """(interval, until, count) of a FREQ=WEEKLY rule as ``weekly_rule`` writes it."""
    parts = dict(part.split("=", 1) for part in rule.split(";") if "=" in part)
    until = None
    if "UNTIL" in parts:
        until = datetime.strptime(parts["UNTIL"][:8], "%Y%m%d").date()
    count = int(parts["COUNT"]) if "COUNT" in parts else None
    return int(parts.get("INTERVAL", "1")), until, count


class AppointmentDialog(RecordDialog):
    """New when ``detail`` is None; otherwise edits it (for a series: the date
    ``occurrence_start``)."""

    conflicts_previewed = Signal(int)  # how many the warning shows; tests listen

    def __init__(self, ops: Operations, *, citizens: Sequence[Choice],
                 mentors: Sequence[Choice], detail: AppointmentDetail | None = None,
                 occurrence_start: datetime | None = None,
                 starts_at: datetime | None = None,
                 citizen_aliases: Mapping[int, str] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(ops, parent)
        self.citizen_aliases = citizen_aliases or {}
        self.detail = detail
        self.occurrence_start = occurrence_start
        self.scope: EditScope | None = None
        self.scope_box: QMessageBox | None = None
        self.setWindowTitle(self.tr("Appointment") if detail else self.tr("New appointment"))
        self._build(citizens, mentors)
        if detail is None:
            self._prefill(starts_at)
        else:
            self._fill(detail, occurrence_start or detail.starts_at)
            self.edit(detail.version, self.collect_safely())

    # -- form -------------------------------------------------------------------------

    def _build(self, citizens: Sequence[Choice], mentors: Sequence[Choice]) -> None:
        self.citizen_combo = CitizenCombo()  # type-ahead: 250 names are not a list to read
        self.citizen_combo.set_citizens(citizens, none_text=self.tr("(no citizen)"),
                                        aliases=self.citizen_aliases)
        self.mentor_combo = QComboBox()
        self.extra_mentors = QListWidget()
        self.extra_mentors.setMaximumHeight(90)
        for mentor_id, name in mentors:
            self.mentor_combo.addItem(name, mentor_id)
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, mentor_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.extra_mentors.addItem(item)
        self.date_edit = DanishDateEdit(self.tr("Date"), required=True)
        self.time_edit = QTimeEdit()
        self.time_edit.setDisplayFormat("HH:mm")
        self.duration_spin = QSpinBox()
        self.duration_spin.setRange(5, 24 * 60)
        self.duration_spin.setSingleStep(15)
        self.duration_spin.setSuffix(self.tr(" min"))
        self.form_combo = QComboBox()
        for form in ContactForm:
            self.form_combo.addItem(form.label, form.value)
        self.place_edit = QLineEdit()
        self.grant_combo = QComboBox()
        self._grant_options: list[GrantOption] = []
        self._grant_picked = False  # the user's (or the saved) grant is never re-suggested
        self.grant_combo.activated.connect(self._on_grant_picked)
        self.note_edit = QPlainTextEdit()
        self.note_edit.setMaximumHeight(80)
        self.repeat_check = QCheckBox(self.tr("Repeat every week"))
        self.interval_spin = QSpinBox()
        self.interval_spin.setRange(1, 8)
        self.interval_spin.setPrefix(self.tr("every "))
        self.interval_spin.setSuffix(self.tr(". week"))
        self.end_combo = QComboBox()
        self.end_combo.addItem(self.tr("until"), UNTIL)
        self.end_combo.addItem(self.tr("number of times"), COUNT)
        self.end_combo.addItem(self.tr("with no end"), FOREVER)
        self.until_edit = DanishDateEdit(self.tr("Repeat until"), required=True)
        self.until_edit.setMinimumWidth(110)  # room for dd-mm-åååå
        self.count_spin = QSpinBox()
        self.count_spin.setRange(1, 520)
        self.count_spin.setValue(10)
        repeat_row = QHBoxLayout()
        for widget in (self.interval_spin, self.end_combo, self.until_edit, self.count_spin):
            repeat_row.addWidget(widget)
        repeat_row.addStretch(1)
        repeat = QWidget()
        repeat.setLayout(repeat_row)
        repeat_row.setContentsMargins(0, 0, 0, 0)
        self.repeat_check.toggled.connect(self._update_repeat)
        self.end_combo.currentIndexChanged.connect(self._update_repeat)
        self.form.addRow(self.tr("&Citizen:"), self.citizen_combo)
        self.form.addRow(self.tr("&Mentor:"), self.mentor_combo)
        self.form.addRow(self.tr("Also attending:"), self.extra_mentors)
        self.form.addRow(self.tr("&Date:"), self.date_edit)
        self.form.addRow(self.tr("&Start:"), self.time_edit)
        self.form.addRow(self.tr("D&uration:"), self.duration_spin)
        self.form.addRow(self.tr("&Form:"), self.form_combo)
        self.form.addRow(self.tr("&Place:"), self.place_edit)
        self.form.addRow(self.tr("G&rant:"), self.grant_combo)
        self.form.addRow(self.tr("&Note:"), self.note_edit)
        self.form.addRow(self.tr("Repeat:"), self.repeat_check)
        self.form.addRow("", repeat)
        self._update_repeat()
        self._build_conflict_preview()
        self.set_grant_options([])
        self.citizen_combo.currentIndexChanged.connect(self._load_grants)
        self.date_edit.textChanged.connect(self._suggest_grant)
        self.setMinimumWidth(560)

    def _build_conflict_preview(self) -> None:
        """Warn while typing when the time clashes (double booking, holiday, absence);
        a warning only: a mentor may knowingly book over a colleague's slot."""
        self.conflict_label = QLabel()
        self.conflict_label.setObjectName("hintLabel")
        self.conflict_label.setProperty("weak", True)  # the style's warning colour
        self.conflict_label.setTextFormat(Qt.TextFormat.PlainText)
        self.conflict_label.setWordWrap(True)
        self.conflict_label.setVisible(False)
        self.extra_layout.addWidget(self.conflict_label)
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self.preview_conflicts)
        for signal in (self.date_edit.textChanged, self.time_edit.timeChanged,
                       self.duration_spin.valueChanged, self.mentor_combo.currentIndexChanged,
                       self.repeat_check.toggled, self.end_combo.currentIndexChanged,
                       self.count_spin.valueChanged, self.until_edit.textChanged,
                       self.extra_mentors.itemChanged):
            signal.connect(lambda *_args: self._preview_timer.start())
        self._preview_timer.start()

    def preview_conflicts(self) -> None:
        try:
            values = self.collect()
        except ValueError:
            return
        if not values["mentor_ids"]:
            return
        ignore = self.detail.id if self.detail is not None else None
        # A warning only: a preview that fails says nothing rather than interrupting.
        self._ops.run(preview_conflicts, AppointmentInput(**values),
                      ignore_appointment_id=ignore, owner=self, slot="preview",
                      report_errors=False, done=self._show_conflicts)

    def _show_conflicts(self, found: list) -> None:
        lines = [f"{format_date(start.date())} {start:%H:%M}: {conflict.message}"
                 for start, conflict in found[:MAX_PREVIEW_LINES]]
        if len(found) > MAX_PREVIEW_LINES:
            lines.append(self.tr("… and %n more", "", len(found) - MAX_PREVIEW_LINES))
        text = "⚠ " + self.tr("%n conflict(s) at this time:", "", len(found)) + "\n" \
            + "\n".join(lines) if found else ""
        self.conflict_label.setText(text)
        self.conflict_label.setVisible(bool(found))
        self.conflicts_previewed.emit(len(found))

    # -- grant ------------------------------------------------------------------------

    def _load_grants(self) -> None:
        citizen_id = self.citizen_combo.currentData()
        if citizen_id is None:
            self.set_grant_options([])
            return
        self._ops.run(grant_options, citizen_id, owner=self, slot="grants",
                      done=self.set_grant_options)

    def set_grant_options(self, options: list[GrantOption]) -> None:
        """The citizen's grants and "Not attributed"; a picked grant stays picked."""
        chosen = self.grant_combo.currentData()
        self._grant_options = list(options)
        self.grant_combo.clear()
        for option in options:
            self.grant_combo.addItem(option.label, option.id)
        self.grant_combo.addItem(self.tr("Not attributed"), None)
        if self._grant_picked:
            select_data(self.grant_combo, chosen)
        else:
            self._suggest_grant()

    def _suggest_grant(self, *_args: object) -> None:
        """The core's one rule picks the grant running on the appointment's date."""
        if self._grant_picked:
            return
        try:
            day = self.date_edit.date_value()
        except ValueError:
            return  # half-typed: suggest when the date is whole
        if day is None:
            return
        suggested = suggest_grant(self._grant_options, day)
        self.grant_combo.setCurrentIndex(self.grant_combo.findData(suggested))

    def _on_grant_picked(self) -> None:
        self._grant_picked = True

    def _update_repeat(self, *_args: object) -> None:
        on = self.repeat_check.isChecked()
        end = self.end_combo.currentData()
        self.interval_spin.setVisible(on)
        self.end_combo.setVisible(on)
        self.until_edit.setVisible(on and end == UNTIL)
        self.count_spin.setVisible(on and end == COUNT)

    def _prefill(self, starts_at: datetime | None) -> None:
        starts_at = starts_at or datetime.combine(date.today(), time(10, 0))
        self.date_edit.set_date(starts_at.date())
        self.time_edit.setTime(QTime(starts_at.hour, starts_at.minute))
        self.duration_spin.setValue(60)
        select_data(self.mentor_combo, self._ops.actor.user_id)
        self.until_edit.set_date(starts_at.date() + timedelta(weeks=12))

    def _fill(self, detail: AppointmentDetail, shown_start: datetime) -> None:
        self._grant_picked = True  # the saved grant, until the user picks another
        if isinstance(detail.grant_id, int):
            self.grant_combo.insertItem(0, self.tr("Grant no. {id}").format(id=detail.grant_id),
                                        detail.grant_id)
        select_data(self.grant_combo, detail.grant_id)
        select_data(self.citizen_combo, detail.citizen_id)
        select_data(self.mentor_combo, detail.mentor_ids[0] if detail.mentor_ids else None)
        for row in range(self.extra_mentors.count()):
            item = self.extra_mentors.item(row)
            extra = item.data(Qt.ItemDataRole.UserRole) in detail.mentor_ids[1:]
            item.setCheckState(Qt.CheckState.Checked if extra else Qt.CheckState.Unchecked)
        self.date_edit.set_date(shown_start.date())
        self.time_edit.setTime(QTime(shown_start.hour, shown_start.minute))
        self.duration_spin.setValue(detail.duration_minutes)
        select_data(self.form_combo, detail.form)
        self.place_edit.setText(detail.place)
        self.note_edit.setPlainText(detail.note)
        self.until_edit.set_date(shown_start.date() + timedelta(weeks=12))
        if detail.rrule:
            interval, until, count = parse_weekly_rule(detail.rrule)
            self.repeat_check.setChecked(True)
            self.interval_spin.setValue(interval)
            if until is not None:
                select_data(self.end_combo, UNTIL)
                self.until_edit.set_date(until)
            elif count is not None:
                select_data(self.end_combo, COUNT)
                self.count_spin.setValue(count)
            else:
                select_data(self.end_combo, FOREVER)
        self._update_repeat()

    # -- values -----------------------------------------------------------------------

    def collect_safely(self) -> dict[str, Any]:
        try:
            return self.collect()
        except ValueError:
            return {}

    def collect(self) -> dict[str, Any]:
        day = self.date_edit.date_value()
        assert day is not None  # required
        moment = self.time_edit.time()
        starts_at = datetime.combine(day, time(moment.hour(), moment.minute()))
        primary = self.mentor_combo.currentData()
        extra = tuple(self.extra_mentors.item(row).data(Qt.ItemDataRole.UserRole)
                      for row in range(self.extra_mentors.count())
                      if self.extra_mentors.item(row).checkState() == Qt.CheckState.Checked
                      and self.extra_mentors.item(row).data(Qt.ItemDataRole.UserRole)
                      != primary)
        return {
            "citizen_id": self.citizen_combo.currentData(),
            "mentor_ids": ((primary,) if primary is not None else ()) + extra,
            "starts_at": starts_at,
            "duration_minutes": self.duration_spin.value(),
            "form": self.form_combo.currentData(),
            "place": self.place_edit.text(),
            "note": self.note_edit.toPlainText(),
            "rrule": self._rule(),
            "grant_id": self.grant_combo.currentData(),
        }

    def _rule(self) -> str:
        if not self.repeat_check.isChecked():
            return ""
        end = self.end_combo.currentData()
        interval = self.interval_spin.value()
        if end == UNTIL:
            return weekly_rule(interval=interval, until=self.until_edit.date_value())
        if end == COUNT:
            return weekly_rule(interval=interval, count=self.count_spin.value())
        return weekly_rule(interval=interval)

    # -- saving -----------------------------------------------------------------------

    def is_series_date(self) -> bool:
        return self.detail is not None and bool(self.detail.rrule) \
            and self.occurrence_start is not None

    def save(self) -> None:
        if self.is_series_date() and self.scope is None:
            self.ask_scope(self._save_with_scope)
            return
        super().save()

    def _save_with_scope(self, scope: EditScope) -> None:
        self.scope = scope
        self.save()
        self.scope = None  # ask again next time (e.g. after an error)

    def ask_scope(self, then: Any) -> QMessageBox:
        """"Kun denne" / "Denne og følgende" / "Hele serien" — non-blocking."""
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Recurring appointment"),
                          self.tr("This appointment repeats. What should the change apply to?"),
                          QMessageBox.StandardButton.Cancel, self)
        self.only_this_button = box.addButton(self.tr("Only this one"),
                                              QMessageBox.ButtonRole.AcceptRole)
        self.following_button = box.addButton(self.tr("This and following"),
                                              QMessageBox.ButtonRole.AcceptRole)
        self.whole_series_button = box.addButton(self.tr("The whole series"),
                                                 QMessageBox.ButtonRole.AcceptRole)
        choices = {self.only_this_button: EditScope.THIS,
                   self.following_button: EditScope.FOLLOWING,
                   self.whole_series_button: EditScope.ALL}
        box.buttonClicked.connect(lambda button: then(choices[button])
                                  if button in choices else None)
        self.scope_box = box
        box.open()
        return box

    def create_job(self, values: dict[str, Any]) -> SaveJob:
        data = AppointmentInput(**values)
        return lambda context: create_appointment(context, data)

    def update_job(self, version: int, changes: dict[str, Any],
                   original: dict[str, Any]) -> SaveJob:
        assert self.detail is not None
        values = {**original, **changes}
        scope = self.scope or EditScope.ALL
        occurrence_start = self.occurrence_start
        if self.detail.rrule and scope is EditScope.ALL and occurrence_start is not None:
            # The form shows the chosen date; the whole series moves by the same shift.
            values["starts_at"] = self.detail.starts_at + (values["starts_at"]
                                                           - occurrence_start)
        # "This and following" with an unchanged COUNT: the core continues the series'
        # count (schedule.recurrence.remaining_rule), so the rule is sent as shown.
        data = AppointmentInput(**values)
        appointment_id = self.detail.id
        return lambda context: update_appointment(context, appointment_id, version, data,
                                                  scope=scope,
                                                  occurrence_start=occurrence_start)

    def field_labels(self) -> dict[str, str]:
        return {"note": self.tr("Note"), "place": self.tr("Place")}

    def text_fields(self) -> frozenset[str]:
        return frozenset({"note"})
