"""Gruppeforløb: list, create, edit and delete group courses (leaders, participants),
register attendance per session with a checklist (attendance becomes the participants'
contacts), and cancel or reinstate a single session.

Deleting a course with registered attendance says how many contacts it concerns and that
they stay in the citizens' journals; the core refuses it unless that was confirmed.
"""

from __future__ import annotations

from datetime import date, time, timedelta

from PySide6.QtCore import QSize, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from mentordesk.domain.dates import format_date
from mentordesk.schedule.groups import (
    AttendanceResult,
    GroupCourseInput,
    GroupCourseRow,
    GroupSessionRow,
    RegisteredAttendance,
    create_group_course,
    delete_group_course,
    group_sessions,
    list_group_courses,
    register_attendance,
    registered_attendance,
    set_session_cancelled,
    update_group_course,
)
from ui.i18n import DANISH
from ui.operations import Operations
from ui.views.common.date_edit import DanishDateEdit
from ui.views.common.form_fields import select_data
from ui.views.common.screen_fit import fit_to_screen

SESSIONS_AHEAD_WEEKS = 4


def _checklist(choices: list[tuple[int, str]]) -> QListWidget:
    widget = QListWidget()
    for item_id, name in choices:
        item = QListWidgetItem(name)
        item.setData(Qt.ItemDataRole.UserRole, item_id)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Unchecked)
        widget.addItem(item)
    return widget


def checked_ids(widget: QListWidget) -> tuple[int, ...]:
    return tuple(widget.item(row).data(Qt.ItemDataRole.UserRole) for row in range(widget.count())
                 if widget.item(row).checkState() == Qt.CheckState.Checked)


def set_checked(widget: QListWidget, ids: tuple[int, ...]) -> None:
    for row in range(widget.count()):
        item = widget.item(row)
        chosen = item.data(Qt.ItemDataRole.UserRole) in ids
        item.setCheckState(Qt.CheckState.Checked if chosen else Qt.CheckState.Unchecked)


def select_day(combo: QComboBox, day: date | None) -> None:
    """Select the session held on ``day`` (else the first). ``findData`` cannot match a
    Python ``date`` stored as item data, so the items are compared one by one."""
    index = next((row for row in range(combo.count()) if combo.itemData(row) == day), 0)
    combo.setCurrentIndex(index if combo.count() else -1)


class GroupCoursesDialog(QDialog):
    """Reloads its own lists after its own saves; the calendar follows the change hub."""

    courses_loaded = Signal()
    sessions_loaded = Signal()

    def __init__(self, ops: Operations, *, citizens: list[tuple[int, str]],
                 mentors: list[tuple[int, str]], course_id: int | None = None,
                 held_on: date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ops = ops
        self._citizens = dict(citizens)
        self._wanted_course, self._wanted_day = course_id, held_on
        self.courses: list[GroupCourseRow] = []
        self.sessions: list[GroupSessionRow] = []
        self.question: QMessageBox | None = None  # the delete confirmation (tests reach it)
        self.setWindowTitle(self.tr("Group courses"))
        self.course_combo = QComboBox()
        self.course_combo.currentIndexChanged.connect(self._show_course)
        new_button = QPushButton(self.tr("New course"))
        new_button.clicked.connect(self.new_course)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Course:")))
        top.addWidget(self.course_combo, 1)
        top.addWidget(new_button)
        self.delete_course_button = QPushButton(self.tr("Delete course…"))
        self.delete_course_button.clicked.connect(self.ask_delete_course)
        self.delete_course_button.setEnabled(False)
        top.addWidget(self.delete_course_button)
        self.name_edit = QLineEdit()
        self.place_edit = QLineEdit()
        self.weekday_combo = QComboBox()
        for weekday in range(7):
            self.weekday_combo.addItem(DANISH.dayName(weekday + 1), weekday)
        self.time_edit = QTimeEdit(QTime(10, 0))
        self.time_edit.setDisplayFormat("HH:mm")
        self.duration_spin = QSpinBox()
        self.duration_spin.setRange(15, 8 * 60)
        self.duration_spin.setSingleStep(15)
        self.duration_spin.setValue(120)
        self.duration_spin.setSuffix(self.tr(" min"))
        self.starts_edit = DanishDateEdit(self.tr("Starts"), required=True)
        self.ends_edit = DanishDateEdit(self.tr("Ends"), required=False)
        self.leaders_list = _checklist(mentors)
        self.participants_list = _checklist(citizens)
        for widget in (self.leaders_list, self.participants_list):
            widget.setMaximumHeight(110)
        self.save_course_button = QPushButton(self.tr("Save course"))
        self.save_course_button.clicked.connect(self.save_course)
        details = QGroupBox(self.tr("Course"))
        form = QFormLayout(details)
        form.addRow(self.tr("&Name:"), self.name_edit)
        form.addRow(self.tr("&Place:"), self.place_edit)
        form.addRow(self.tr("&Weekday:"), self.weekday_combo)
        form.addRow(self.tr("&Start:"), self.time_edit)
        form.addRow(self.tr("D&uration:"), self.duration_spin)
        form.addRow(self.tr("Starts on:"), self.starts_edit)
        form.addRow(self.tr("Ends on:"), self.ends_edit)
        form.addRow(self.tr("Leaders:"), self.leaders_list)
        form.addRow(self.tr("Participants:"), self.participants_list)
        form.addRow("", self.save_course_button)
        self.session_combo = QComboBox()
        self.session_combo.currentIndexChanged.connect(self._show_session)
        self.attendance_list = QListWidget()
        self.register_button = QPushButton(self.tr("Register attendance"))
        self.register_button.clicked.connect(self.register)
        self.cancel_session_button = QPushButton(self.tr("Cancel the session"))
        self.cancel_session_button.clicked.connect(self.toggle_cancelled)
        self.cancel_session_button.setEnabled(False)
        attendance = QGroupBox(self.tr("Attendance"))
        attendance_layout = QVBoxLayout(attendance)
        attendance_layout.addWidget(self.session_combo)
        attendance_layout.addWidget(QLabel(self.tr("Tick who came:")))
        attendance_layout.addWidget(self.attendance_list, 1)
        attendance_layout.addWidget(self.register_button)
        attendance_layout.addWidget(self.cancel_session_button)
        self.message_label = QLabel()
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)
        self.message_label.setWordWrap(True)
        body = QHBoxLayout()
        body.addWidget(details, 3)
        body.addWidget(attendance, 2)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(body, 1)
        layout.addWidget(self.message_label)
        layout.addWidget(buttons)
        fit_to_screen(self, QSize(860, 600))
        self.new_course()
        self.load_courses()

    # -- courses ----------------------------------------------------------------------

    def load_courses(self) -> None:
        self._ops.run(list_group_courses, owner=self, slot="courses",
                      label=self.tr("Loading group courses…"), done=self._show_courses)

    def _show_courses(self, courses: list[GroupCourseRow]) -> None:
        wanted = self._wanted_course or self.course_combo.currentData()
        self.courses = courses
        self.course_combo.blockSignals(True)
        self.course_combo.clear()
        for course in courses:
            self.course_combo.addItem(course.name, course.id)
        self.course_combo.blockSignals(False)
        if courses:
            select_data(self.course_combo, wanted)
            self._show_course()
        self.courses_loaded.emit()

    def current_course(self) -> GroupCourseRow | None:
        course_id = self.course_combo.currentData()
        return next((course for course in self.courses if course.id == course_id), None)

    def new_course(self) -> None:
        self.course_combo.setCurrentIndex(-1)
        self.name_edit.clear()
        self.place_edit.clear()
        self.starts_edit.set_date(date.today())
        self.ends_edit.set_date(None)
        set_checked(self.leaders_list, (self._ops.actor.user_id,))
        set_checked(self.participants_list, ())
        self.session_combo.clear()
        self.attendance_list.clear()
        self.delete_course_button.setEnabled(False)
        self.cancel_session_button.setEnabled(False)

    def _show_course(self, *_args: object) -> None:
        course = self.current_course()
        if course is None:
            return
        self.name_edit.setText(course.name)
        self.place_edit.setText(course.place)
        select_data(self.weekday_combo, course.weekday)
        self.time_edit.setTime(QTime(course.start_time.hour, course.start_time.minute))
        self.duration_spin.setValue(course.duration_minutes)
        self.starts_edit.set_date(course.starts_on)
        self.ends_edit.set_date(course.ends_on)
        set_checked(self.leaders_list, course.leader_ids)
        set_checked(self.participants_list, course.participant_ids)
        self.delete_course_button.setEnabled(True)
        self.load_sessions(course)

    def save_course(self) -> None:
        try:
            data = GroupCourseInput(
                name=self.name_edit.text(), weekday=self.weekday_combo.currentData(),
                start_time=time(self.time_edit.time().hour(), self.time_edit.time().minute()),
                duration_minutes=self.duration_spin.value(),
                starts_on=self.starts_edit.required_date(), ends_on=self.ends_edit.date_value(),
                place=self.place_edit.text(), leader_ids=checked_ids(self.leaders_list),
                participant_ids=checked_ids(self.participants_list))
        except ValueError as error:
            self.message_label.setText(str(error))
            return
        course, label = self.current_course(), self.tr("Saving…")
        if course is None:
            self._ops.run(create_group_course, data, owner=self, slot="course", label=label,
                          done=self._on_course_saved, failed=self.message_label.setText)
        else:
            self._ops.run(update_group_course, course.id, course.version, data, owner=self,
                          slot="course", label=label,
                          done=lambda _result: self._on_course_saved(course.id),
                          failed=self.message_label.setText)

    def _on_course_saved(self, course_id: int) -> None:
        self._wanted_course = course_id
        self.message_label.setText(self.tr("The course is saved."))
        self.load_courses()

    # -- sessions and attendance ------------------------------------------------------

    def load_sessions(self, course: GroupCourseRow) -> None:
        last = date.today() + timedelta(weeks=SESSIONS_AHEAD_WEEKS)
        if course.ends_on is not None:
            last = min(last, course.ends_on)
        # One slot: choosing another course replaces sessions still being read.
        self._ops.run(group_sessions, course.id, course.starts_on, last, owner=self,
                      slot="sessions", label=self.tr("Loading sessions…"),
                      done=self._show_sessions)

    def _show_sessions(self, sessions: list[GroupSessionRow]) -> None:
        self.sessions = sessions
        self.session_combo.blockSignals(True)
        self.session_combo.clear()
        today = date.today()
        for row in sessions:
            mark = " ✓" if row.registered else ""
            if row.cancelled:
                mark += " " + self.tr("(cancelled)")
            self.session_combo.addItem(f"{format_date(row.held_on)}{mark}", row.held_on)
        # The wanted day, else the latest session that has happened.
        past = [row.held_on for row in sessions if row.held_on <= today]
        wanted = self._wanted_day or (past[-1] if past else None)
        self.session_combo.blockSignals(False)
        select_day(self.session_combo, wanted)
        self._show_session()
        self.sessions_loaded.emit()

    def current_session(self) -> GroupSessionRow | None:
        held_on = self.session_combo.currentData()
        return next((s for s in self.sessions if s.held_on == held_on), None)

    def _show_session(self, *_args: object) -> None:
        self.attendance_list.clear()
        course = self.current_course()
        held_on = self.session_combo.currentData()
        row = self.current_session()
        self.cancel_session_button.setEnabled(row is not None)
        if course is None or row is None:
            return
        self.cancel_session_button.setText(self.tr("Reinstate the session") if row.cancelled
                                           else self.tr("Cancel the session"))
        # Attendance is registered only for a session that takes place.
        self.cancel_session_button.setEnabled(row.cancelled or not row.registered)
        choices = [(cid, self._citizens.get(cid, str(cid))) for cid in course.participant_ids]
        for citizen_id, name in choices:
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, citizen_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            came = citizen_id in row.attended_ids if row.registered else False
            item.setCheckState(Qt.CheckState.Checked if came else Qt.CheckState.Unchecked)
            self.attendance_list.addItem(item)
        self.register_button.setEnabled(held_on <= date.today() and not row.cancelled)
        self.attendance_list.setEnabled(not row.cancelled)

    def register(self) -> None:
        course = self.current_course()
        held_on = self.session_combo.currentData()
        if course is None or held_on is None:
            return
        self._ops.run(register_attendance, course.id, held_on,
                      checked_ids(self.attendance_list), owner=self, slot="attendance",
                      label=self.tr("Registering attendance…"),
                      done=lambda result: self._on_registered(course, result),
                      failed=self.message_label.setText)

    def _on_registered(self, course: GroupCourseRow, result: AttendanceResult) -> None:
        self.message_label.setText(self.tr(
            "Attendance registered: {created} new and {updated} changed contact(s).").format(
            created=result.created, updated=result.updated))
        self._wanted_day = self.session_combo.currentData()
        self.load_sessions(course)

    def toggle_cancelled(self) -> None:
        course, row = self.current_course(), self.current_session()
        if course is None or row is None:
            return
        cancel = not row.cancelled
        self._ops.run(set_session_cancelled, course.id, row.held_on, cancel, owner=self,
                      slot="session", label=self.tr("Saving…"),
                      done=lambda _id: self._on_session_changed(course, row.held_on, cancel),
                      failed=self.message_label.setText)

    def _on_session_changed(self, course: GroupCourseRow, held_on: date,
                            cancelled: bool) -> None:
        text = self.tr("The session on {day} is cancelled.") if cancelled \
            else self.tr("The session on {day} is reinstated.")
        self.message_label.setText(text.format(day=format_date(held_on)))
        self._wanted_day = held_on
        self.load_sessions(course)

    # -- deleting a course -------------------------------------------------------------

    def ask_delete_course(self) -> None:
        course = self.current_course()
        if course is None:
            return
        self._ops.run(registered_attendance, course.id, owner=self, slot="check",
                      label=self.tr("Checking attendance…"),
                      done=lambda found: self._confirm_delete(course, found))

    def _confirm_delete(self, course: GroupCourseRow, found: RegisteredAttendance) -> None:
        text = self.tr("Delete the group course \"{name}\" and all its sessions?").format(
            name=course.name)
        if found.contacts:
            text += "\n\n" + self.tr(
                "Attendance has been registered for {sessions} session(s): {contacts} "
                "contact(s). They stay in the citizens' journals and still count as "
                "delivered hours, but are no longer linked to the course.").format(
                sessions=found.sessions, contacts=found.contacts)
        box = QMessageBox(QMessageBox.Icon.Warning if found.contacts
                          else QMessageBox.Icon.Question, self.tr("Delete group course"),
                          text, QMessageBox.StandardButton.Cancel, self)
        delete = box.addButton(self.tr("Delete course"),
                               QMessageBox.ButtonRole.DestructiveRole)
        box.buttonClicked.connect(lambda button: self._delete_course(
            course, keep=found.contacts > 0) if button is delete else None)
        self.question = box
        box.open()

    def _delete_course(self, course: GroupCourseRow, *, keep: bool) -> None:
        self._ops.run(delete_group_course, course.id, course.version,
                      keep_registered_contacts=keep, owner=self, slot="delete",
                      label=self.tr("Deleting…"),
                      done=lambda _found: self._on_course_deleted(course),
                      failed=self.message_label.setText)

    def _on_course_deleted(self, course: GroupCourseRow) -> None:
        self._wanted_course = None
        self.new_course()
        self.message_label.setText(self.tr("The group course \"{name}\" is deleted.").format(
            name=course.name))
        self.load_courses()
