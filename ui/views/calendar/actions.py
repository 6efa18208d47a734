"""What can be done from the calendar: book, open, mark done / not attended, delete,
cancel or reinstate a group session, and open the group course, absence manager,
staffed hours and Outlook export dialogs.

Every service call runs on the worker thread through ``ops``; the page reloads from the
change hub, so nothing here tells it to.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import TypeVar, cast

from PySide6.QtCore import QObject, QPoint
from PySide6.QtWidgets import QDialog, QMenu, QMessageBox, QWidget

from mentordesk.schedule.appointments import EditScope, delete_appointment, get_appointment
from mentordesk.schedule.calendar import CalendarItem
from mentordesk.schedule.done import mark_done, mark_not_attended
from mentordesk.schedule.groups import set_session_cancelled
from ui.operations import Operations
from ui.tasks import show_error
from ui.views.calendar import data
from ui.views.calendar.appointment_dialog import AppointmentDialog
from ui.views.calendar.scene import Occurrence

_DialogT = TypeVar("_DialogT", bound=QDialog)


class CalendarActions(QObject):
    def __init__(self, ops: Operations, page: QWidget) -> None:
        super().__init__(page)
        self._ops = ops
        self._page = page
        self.mentors: list[tuple[int, str]] = [(ops.actor.user_id, ops.actor.full_name)]
        self.citizens: list[tuple[int, str]] = []
        self.citizen_aliases: dict[int, str] = {}
        self.dialog: QWidget | None = None  # the open dialog (tests reach it here)
        self.menu: QMenu | None = None
        self.question: QMessageBox | None = None

    def load_choices(self, then: Callable[[], None]) -> None:
        self._ops.run(data.load_choices, owner=self._page, slot="choices",
                      label=self.tr("Loading the team…"),
                      done=lambda result: self._set_choices(result, then))

    def _set_choices(self, result: tuple[list, list, dict], then: Callable[[], None]) -> None:
        self.mentors, self.citizens, self.citizen_aliases = result
        then()

    # -- appointments -----------------------------------------------------------------

    def new_appointment(self, starts_at: datetime | None) -> AppointmentDialog:
        dialog = AppointmentDialog(self._ops, citizens=self.citizens, mentors=self.mentors,
                                   starts_at=starts_at, citizen_aliases=self.citizen_aliases,
                                   parent=self._page)
        return self._open(dialog)

    def _open(self, dialog: _DialogT) -> _DialogT:
        self.dialog = dialog
        dialog.open()
        return dialog

    def edit_occurrence(self, occurrence: Occurrence) -> None:
        item = cast(CalendarItem, occurrence.key)  # the calendar's keys are its items
        if item.kind == "group" and item.group_course_id is not None:
            self.open_groups(item.group_course_id, item.starts_at.date())
            return
        if item.restricted or item.appointment_id is None:
            return  # someone else's citizen: nothing to open
        self._ops.run(get_appointment, item.appointment_id, owner=self._page, slot="open",
                      label=self.tr("Opening the appointment…"),
                      done=lambda detail: self._open(AppointmentDialog(
                          self._ops, citizens=self.citizens, mentors=self.mentors,
                          detail=detail, citizen_aliases=self.citizen_aliases,
                          occurrence_start=item.occurrence_start if detail.rrule else None,
                          parent=self._page)))

    def show_menu(self, occurrence: Occurrence, position: QPoint, *, now: datetime) -> QMenu:
        item = cast(CalendarItem, occurrence.key)  # the calendar's keys are its items
        menu = QMenu(self._page)
        menu.addAction(self.tr("Open…"), lambda: self.edit_occurrence(occurrence))
        if item.kind == "appointment" and not item.restricted:
            loggable = self.can_log(occurrence, now=now)
            done = menu.addAction(self.tr("Mark as done"), lambda: self.mark(item, True))
            no_show = menu.addAction(self.tr("Not attended"), lambda: self.mark(item, False))
            for action in (done, no_show):
                action.setEnabled(loggable)
                if not loggable:
                    action.setToolTip(self.tr("Only a past appointment not yet logged."))
            menu.addSeparator()
            menu.addAction(self.tr("Delete…"), lambda: self.delete(item))
        elif item.kind == "group" and item.group_course_id is not None:
            text = self.tr("Reinstate the session") if item.cancelled \
                else self.tr("Cancel the session")
            menu.addAction(text, lambda: self.cancel_session(item, not item.cancelled))
        self.menu = menu
        menu.popup(position)
        return menu

    @staticmethod
    def can_log(occurrence: Occurrence, *, now: datetime) -> bool:
        """A past appointment of one's own citizen, not yet logged nor cancelled."""
        item = cast(CalendarItem, occurrence.key)  # the calendar's keys are its items
        return (item.kind == "appointment" and not item.restricted
                and item.citizen_id is not None and not item.logged
                and not item.cancelled and item.starts_at <= now)

    def mark(self, item: CalendarItem, attended: bool) -> None:
        log = mark_done if attended else mark_not_attended
        self._ops.run(log, item.appointment_id, item.occurrence_start, owner=self._page,
                      slot="mark", label=self.tr("Logging the contact…"))

    def cancel_session(self, item: CalendarItem, cancelled: bool) -> None:
        self._ops.run(set_session_cancelled, item.group_course_id, item.starts_at.date(),
                      cancelled, owner=self._page, slot="session", label=self.tr("Saving…"))

    def delete(self, item: CalendarItem) -> None:
        if item.recurring:
            box = QMessageBox(QMessageBox.Icon.Question, self.tr("Delete appointment"),
                              self.tr("This appointment repeats. What should be deleted?"),
                              QMessageBox.StandardButton.Cancel, self._page)
            choices = {
                box.addButton(self.tr("Only this one"), QMessageBox.ButtonRole.AcceptRole):
                    EditScope.THIS,
                box.addButton(self.tr("This and following"),
                              QMessageBox.ButtonRole.AcceptRole): EditScope.FOLLOWING,
                box.addButton(self.tr("The whole series"),
                              QMessageBox.ButtonRole.DestructiveRole): EditScope.ALL,
            }
        else:
            box = QMessageBox(QMessageBox.Icon.Question, self.tr("Delete appointment"),
                              self.tr("Delete this appointment? Contacts already logged "
                                      "for it stay in the journal."),
                              QMessageBox.StandardButton.Cancel, self._page)
            choices = {box.addButton(self.tr("Delete"),
                                     QMessageBox.ButtonRole.DestructiveRole): EditScope.ALL}
        box.buttonClicked.connect(lambda button: self._delete(item, choices[button])
                                  if button in choices else None)
        self.question = box
        box.open()

    def _delete(self, item: CalendarItem, scope: EditScope) -> None:
        self._ops.run(delete_appointment, item.appointment_id, item.version, scope=scope,
                      occurrence_start=item.occurrence_start, owner=self._page, slot="delete",
                      label=self.tr("Deleting…"))

    # -- other dialogs ----------------------------------------------------------------

    def open_groups(self, course_id: int | None = None, held_on: date | None = None) -> None:
        from ui.views.calendar.groups_dialog import GroupCoursesDialog

        dialog = GroupCoursesDialog(self._ops, citizens=self.citizens, mentors=self.mentors,
                                    course_id=course_id, held_on=held_on, parent=self._page)
        self.dialog = dialog
        dialog.open()

    def new_absence(self) -> None:
        from ui.views.calendar.absence_dialog import AbsenceDialog

        self._open(AbsenceDialog(self._ops, citizens=self.citizens, mentors=self.mentors,
                                 parent=self._page))

    def open_absences(self) -> None:
        from ui.views.calendar.absence_manager import AbsenceManagerDialog

        dialog = AbsenceManagerDialog(self._ops, citizens=self.citizens, mentors=self.mentors,
                                      parent=self._page)
        self.dialog = dialog
        dialog.open()

    def open_staffed_hours(self) -> None:
        from ui.views.calendar.staffed_dialog import StaffedHoursDialog

        dialog = StaffedHoursDialog(self._ops, parent=self._page)
        self.dialog = dialog
        dialog.open()

    def export_ics(self) -> None:
        from ui.views.calendar.ics_export import IcsExportDialog

        dialog = IcsExportDialog(self._ops, mentors=self.mentors, parent=self._page)
        self.dialog = dialog
        dialog.open()

    def report(self, message: str) -> None:
        show_error(self._page, message)
