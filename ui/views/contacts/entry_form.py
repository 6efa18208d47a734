"""The keyboard-first contact form, used to log a new contact and to edit one.

The form only collects input and says when the user wants to save (``submitted``):
Enter (outside the note), Ctrl+Enter or Ctrl+S. Esc clears it when it logs new contacts;
in the edit dialog Esc is left to the dialog (cancel). Checks live in the core service;
its Danish message comes back here through ``show_error``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any, cast

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from mentordesk.domain.codes import Attendance, ContactForm
from mentordesk.domain.grant_choice import GrantOption, suggest_grant
from mentordesk.services.contacts import (
    ContactDetail,
    GoalChoice,
    MentorChoice,
    NewContact,
    PartnerChoice,
)
from mentordesk.services.plan import GoalChoice as OpenGoal
from ui.views.common.keys import shortcut
from ui.views.contacts.fields import (
    DEFAULT_DURATION,
    AroundFields,
    AttendanceChoice,
    DayStepDateEdit,
    DurationField,
    StartTimeEdit,
    to_qdate,
)

_SUBMIT_KEYS = ("Ctrl+S", "Ctrl+Return", "Ctrl+Enter")


class ContactEntryForm(QWidget):
    submitted = Signal()

    def __init__(self, *, clear_on_escape: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._clear_on_escape = clear_on_escape
        self._default_mentor_id: int | None = None
        self._build()
        self._set_tab_order()
        for keys in _SUBMIT_KEYS:
            shortcut(keys, self, self.submitted.emit)
        self.clear()

    # -- layout -----------------------------------------------------------------------

    def _build(self) -> None:
        self.date_edit = DayStepDateEdit()
        self.time_edit = StartTimeEdit()
        self.duration = DurationField()
        self.form_combo = QComboBox()
        for form in ContactForm:
            self.form_combo.addItem(form.label, form.value)  # the core's Danish label
        self.place_edit = QLineEdit()
        self.place_edit.setPlaceholderText(self.tr("e.g. at home, the library, the jobcentre"))
        self.attendance = AttendanceChoice()
        self.around = AroundFields()
        self.partner_combo = QComboBox()
        self.grant_combo = QComboBox()
        self._grant_options: list[GrantOption] = []
        self._grant_picked = False  # a grant the user chose is never replaced by a suggestion
        self.grant_combo.activated.connect(self._on_grant_picked)
        self.date_edit.dateChanged.connect(self._suggest_grant)
        self.mentor_combo = QComboBox()
        self.goals_list = QListWidget()
        self.goals_list.setMaximumHeight(110)
        self.no_goals_label = QLabel(self.tr("The citizen has no goals yet."))
        self.note_edit = QPlainTextEdit()
        self.note_edit.setTabChangesFocus(True)  # Tab moves on; Enter makes a new line
        self.note_edit.setPlaceholderText(self.tr("What happened, what was agreed …"))
        self.note_edit.setMinimumHeight(70)
        self.note_edit.setMaximumHeight(160)
        self.error_label = QLabel()
        self.error_label.setObjectName("errorLabel")
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self._layout()

    def _layout(self) -> None:
        self.left = QFormLayout()
        self.left.addRow(self.tr("&Date"), self.date_edit)
        self.left.addRow(self.tr("Start &time"), self.time_edit)
        self.left.addRow(self.tr("D&uration"), self.duration)
        self.left.addRow(self.tr("&Form"), self.form_combo)
        self.left.addRow(self.tr("&Place"), self.place_edit)
        self.left.addRow(self.tr("Attendance"), self.attendance)
        self.left.addRow(self.tr("Tra&vel / indirect"), self.around)
        cast(QLabel, self.left.labelForField(self.around)).setBuddy(self.around.travel)
        # labelForField is typed QWidget; addRow with a text made it a QLabel.
        cast(QLabel, self.left.labelForField(self.duration)).setBuddy(self.duration.spin)
        self.right = QFormLayout()
        self.right.addRow(self.tr("G&rant"), self.grant_combo)
        self.right.addRow(self.tr("P&artner"), self.partner_combo)
        self.right.addRow(self.tr("&Mentor"), self.mentor_combo)
        goals = QWidget()
        goals_layout = QVBoxLayout(goals)
        goals_layout.setContentsMargins(0, 0, 0, 0)
        goals_layout.addWidget(self.goals_list)
        goals_layout.addWidget(self.no_goals_label)
        self.right.addRow(self.tr("&Goals"), goals)
        cast(QLabel, self.right.labelForField(goals)).setBuddy(self.goals_list)
        columns = QHBoxLayout()
        columns.addLayout(self.left, 1)
        columns.addLayout(self.right, 1)
        note_label = QLabel(self.tr("&Note"))
        note_label.setBuddy(self.note_edit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(columns)
        layout.addWidget(note_label)
        layout.addWidget(self.note_edit, 1)
        layout.addWidget(self.error_label)

    def _set_tab_order(self) -> None:
        chain = [self.date_edit, self.time_edit, self.duration.spin, self.form_combo,
                 self.place_edit, self.attendance.attended, self.attendance.no_show,
                 self.around.travel, self.around.km, self.around.indirect, self.grant_combo,
                 self.partner_combo, self.mentor_combo, self.goals_list, self.note_edit]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    # -- choices ----------------------------------------------------------------------

    def set_choices(self, partners: list[PartnerChoice], goals: Sequence[GoalChoice | OpenGoal],
                    mentors: list[MentorChoice], mentor_id: int) -> None:
        """What can be chosen for this citizen; the mentor row shows only with a choice.

        Choices can be refreshed while the user is typing: what is selected stays selected.
        """
        partner_id, goal_ids = self.partner_combo.currentData(), self.checked_goal_ids()
        chosen_mentor = self.mentor_combo.currentData()
        self.partner_combo.clear()
        self.partner_combo.addItem(self.tr("(no partner)"), None)
        for partner in partners:
            shown = f"{partner.name} ({partner.organisation})" if partner.organisation \
                else partner.name
            self.partner_combo.addItem(shown, partner.id)
        self.mentor_combo.clear()
        for mentor in mentors:
            self.mentor_combo.addItem(mentor.full_name, mentor.id)
        self._default_mentor_id = mentor_id
        self.right.setRowVisible(self.mentor_combo, len(mentors) > 1)
        self.goals_list.clear()
        for goal in goals:
            item = QListWidgetItem(goal.title)
            item.setData(Qt.ItemDataRole.UserRole, goal.id)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable
                          | Qt.ItemFlag.ItemIsSelectable)
            self.goals_list.addItem(item)
        self.goals_list.setVisible(bool(goals))
        self.no_goals_label.setVisible(not goals)
        self.select_partner(partner_id)
        self._select(self.mentor_combo, chosen_mentor if chosen_mentor is not None
                     else mentor_id)
        self.check_goals(goal_ids)

    def set_grant_options(self, options: list[GrantOption]) -> None:
        """The citizen's grants, plus "Not attributed" (always allowed, always shown)."""
        chosen = self.grant_combo.currentData()
        self._grant_options = list(options)
        self.grant_combo.clear()
        for option in options:
            self.grant_combo.addItem(option.label, option.id)
        self.grant_combo.addItem(self.tr("Not attributed"), None)
        if self._grant_picked:
            self._select(self.grant_combo, chosen)
        else:
            self._suggest_grant()

    def _suggest_grant(self) -> None:
        """The core's one rule picks the grant running on the contact's date."""
        if self._grant_picked:
            return
        suggested = suggest_grant(self._grant_options, self.date_edit.value())
        self.grant_combo.setCurrentIndex(self.grant_combo.findData(suggested))

    def _on_grant_picked(self) -> None:
        self._grant_picked = True

    def select_partner(self, partner_id: int | None) -> None:
        self._select(self.partner_combo, partner_id)

    def check_goals(self, goal_ids: tuple[int, ...]) -> None:
        for row in range(self.goals_list.count()):
            item = self.goals_list.item(row)
            wanted = item.data(Qt.ItemDataRole.UserRole) in goal_ids
            item.setCheckState(Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)

    def checked_goal_ids(self) -> tuple[int, ...]:
        return tuple(
            int(self.goals_list.item(row).data(Qt.ItemDataRole.UserRole))
            for row in range(self.goals_list.count())
            if self.goals_list.item(row).checkState() == Qt.CheckState.Checked
        )

    @staticmethod
    def _select(combo: QComboBox, value: object) -> None:
        index = combo.findData(value)
        combo.setCurrentIndex(max(index, 0))

    # -- values -----------------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        """The form as domain values, keyed like ``ContactDetail.editable_values``."""
        return {
            "contact_on": self.date_edit.value(), "start_time": self.time_edit.value(),
            "duration_minutes": self.duration.value(),
            "form": ContactForm(self.form_combo.currentData()),
            "place": self.place_edit.text(), "attendance": self.attendance.value(),
            "note": self.note_edit.toPlainText(), "partner_id": self.partner_combo.currentData(),
            "goal_ids": self.checked_goal_ids(), "grant_id": self.grant_combo.currentData(),
            **self.around.values(),
        }

    def has_typed_text(self) -> bool:
        """A note or place typed but not saved: what leaving the form would lose."""
        return bool(self.note_edit.toPlainText().strip() or self.place_edit.text().strip())

    def new_contact(self, citizen_id: int) -> NewContact:
        mentor_id = self.mentor_combo.currentData() if self.mentor_combo.count() > 1 else None
        return NewContact(citizen_id=citizen_id, mentor_id=mentor_id, **self.values())

    def load(self, detail: ContactDetail) -> None:
        """Show a saved contact for editing (choices must be set first)."""
        self.date_edit.set_value(detail.contact_on)
        self.time_edit.set_value(detail.start_time)
        self.duration.set_value(detail.duration_minutes)
        self._select(self.form_combo, detail.form.value)
        self.place_edit.setText(detail.place)
        self.attendance.set_value(detail.attendance)
        self.around.set_values(detail.travel_minutes, detail.travel_km,
                               detail.indirect_minutes)
        self.select_partner(detail.partner_id)
        self.check_goals(detail.goal_ids)
        self._grant_picked = True  # a saved contact keeps its grant when its date is edited
        self.grant_combo.setCurrentIndex(self.grant_combo.findData(detail.grant_id))
        self.note_edit.setPlainText(detail.note)

    def reset_for_next(self) -> None:
        """After a save: ready for the next contact, keeping the date and the form."""
        kept_date, kept_form = self.date_edit.value(), self.form_combo.currentIndex()
        self.clear()
        self.date_edit.set_value(kept_date)
        self.form_combo.setCurrentIndex(kept_form)
        self.date_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def clear(self) -> None:
        """Everything back to the defaults: today, now, an hour, first form, attended."""
        today = date.today()
        self.date_edit.setMaximumDate(to_qdate(today))  # contacts are logged afterwards
        self.date_edit.set_value(today)
        self.time_edit.reset()
        self.duration.set_value(DEFAULT_DURATION)
        self.form_combo.setCurrentIndex(0)
        self.place_edit.clear()
        self.attendance.set_value(Attendance.ATTENDED)
        self.around.set_values(0, 0, 0)
        self.partner_combo.setCurrentIndex(0)
        self._grant_picked = False
        self._suggest_grant()
        self._select(self.mentor_combo, self._default_mentor_id)
        self.check_goals(())
        self.note_edit.clear()
        self.clear_error()

    # -- messages and keys ------------------------------------------------------------

    def show_error(self, message: str, field: str = "") -> None:
        """Show the core's Danish message under the form and go to the field to fix."""
        self.error_label.setText(message)
        self.error_label.show()
        widget = self._field_widgets().get(field)
        if widget is not None:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def clear_error(self) -> None:
        self.error_label.clear()
        self.error_label.hide()

    def _field_widgets(self) -> dict[str, QWidget]:
        return {"contact_on": self.date_edit, "start_time": self.time_edit,
                "duration_minutes": self.duration.spin, "form": self.form_combo,
                "place": self.place_edit, "note": self.note_edit,
                "partner_id": self.partner_combo, "mentor_id": self.mentor_combo,
                "grant_id": self.grant_combo, "travel_minutes": self.around.travel,
                "travel_km": self.around.km, "indirect_minutes": self.around.indirect,
                "goal_ids": self.goals_list}

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        # Reached only for keys the focused input did not use (the note keeps Enter).
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and \
                not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            event.accept()
            self.submitted.emit()
        elif event.key() == Qt.Key.Key_Escape and self._clear_on_escape:
            event.accept()
            self.clear()
            self.date_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            super().keyPressEvent(event)
