"""The small dialogs under a goal: a sub-goal (delmål) and a progress assessment.

Both follow RecordDialog: Enter or Ctrl+S saves, Esc cancels, the core's Danish message
shows inline, and a stale save opens the conflict dialog.
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import date
from typing import Any, cast

from PySide6.QtWidgets import QComboBox, QLabel, QPlainTextEdit, QWidget

from mentordesk.domain.codes import GoalStatus
from mentordesk.domain.dates import format_date
from mentordesk.domain.vum import FunctionLevel, SupportNeed, level_choices, level_label
from mentordesk.services.plan import (
    AssessmentInput,
    AssessmentItem,
    GoalItem,
    SubGoalInput,
    SubGoalItem,
    add_sub_goal,
    record_assessment,
    update_assessment,
    update_sub_goal,
)
from ui.operations import Operations
from ui.views.common.date_edit import DanishDateEdit
from ui.views.common.form_fields import plain_label, select_data
from ui.views.common.record_dialog import RecordDialog, SaveJob
from ui.views.plan.goal_dialog import fill_enum_combo

# "Ikke vurderet" in a combo: Qt cannot look up an item whose data is None.
NOT_ASSESSED = -1


def level_combo(scale: type[FunctionLevel] | type[SupportNeed]) -> QComboBox:
    """Levels 0–4 by their Danish names, then "Ikke vurderet" (stored as None)."""
    combo = QComboBox()
    for value, label in level_choices(scale):
        if value is None:
            combo.addItem(label, NOT_ASSESSED)
        else:
            combo.addItem(f"{value} – {label}", value)
    return combo


def select_level(combo: QComboBox, level: int | None) -> None:
    select_data(combo, NOT_ASSESSED if level is None else int(level))


def chosen_level(combo: QComboBox) -> int | None:
    value = combo.currentData()
    return None if value == NOT_ASSESSED else int(value)


def text_box(height: int = 70) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)  # Tab moves on; Enter makes a new line
    box.setFixedHeight(height)
    return box


def goal_heading(goal: GoalItem) -> QLabel:
    label = plain_label(goal.title)  # the citizen's words, literally ("<b>" stays "<b>")
    label.setStyleSheet("font-weight: bold;")
    return label


class SubGoalDialog(RecordDialog):
    def __init__(self, ops: Operations, goal: GoalItem, sub_goal: SubGoalItem | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(ops, parent)
        self._goal = goal
        self._sub_goal = sub_goal
        self.setWindowTitle(self.tr("Edit sub-goal") if sub_goal else self.tr("New sub-goal"))
        self.setMinimumWidth(480)
        self.text_edit = text_box(60)
        self.deadline_edit = DanishDateEdit(self.tr("Deadline"), required=False)
        self.status_combo = QComboBox()
        fill_enum_combo(self.status_combo, GoalStatus)
        self.done_edit = DanishDateEdit(self.tr("Done date"), required=False)
        self.form.addRow(goal_heading(goal))
        self.form.addRow(self.tr("&Sub-goal:"), self.text_edit)
        self.form.addRow(self.tr("&Deadline:"), self.deadline_edit)
        self.form.addRow(self.tr("S&tatus:"), self.status_combo)
        self.form.addRow(self.tr("D&one date:"), self.done_edit)
        self.status_combo.currentIndexChanged.connect(self._on_status)
        if sub_goal is None:
            select_data(self.status_combo, GoalStatus.NOT_STARTED.value)
        else:
            self.text_edit.setPlainText(sub_goal.text)
            self.deadline_edit.set_date(sub_goal.deadline)
            select_data(self.status_combo, sub_goal.status.value)
            self.done_edit.set_date(sub_goal.done_on)
            self.edit(sub_goal.version, asdict(sub_goal.input()))
        self.text_edit.setFocus()

    def _on_status(self, *_args: object) -> None:
        # Marking a step achieved dates it today unless a date is already given.
        achieved = self.status_combo.currentData() == GoalStatus.ACHIEVED.value
        if achieved and not self.done_edit.text().strip():
            self.done_edit.set_date(date.today())

    def collect(self) -> dict[str, Any]:
        return {"text": self.text_edit.toPlainText(),
                "deadline": self.deadline_edit.date_value(),
                "status": GoalStatus(self.status_combo.currentData()),
                "done_on": self.done_edit.date_value()}

    def create_job(self, values: dict[str, Any]) -> SaveJob:
        goal_id = self._goal.id
        return lambda context: add_sub_goal(context, goal_id, SubGoalInput(**values))

    def update_job(self, version: int, changes: dict[str, Any],
                   original: dict[str, Any]) -> SaveJob:
        assert self._sub_goal is not None
        sub_goal_id = self._sub_goal.id
        new, seen = SubGoalInput(**{**original, **changes}), SubGoalInput(**original)
        return lambda context: update_sub_goal(context, sub_goal_id, version, new, seen)

    def field_labels(self) -> dict[str, str]:
        return {"text": self.tr("Sub-goal"), "deadline": self.tr("Deadline"),
                "status": self.tr("Status"), "done_on": self.tr("Done date")}

    def text_fields(self) -> frozenset[str]:
        return frozenset({"text"})

    def shown(self, field: str, value: object) -> str:
        if value is None:
            return self.tr("(empty)")
        if isinstance(value, date):
            return format_date(value)
        if field == "status":
            return GoalStatus(cast(str, value)).label
        return str(value)


class AssessmentDialog(RecordDialog):
    """Record (or correct) where a goal stands on a date."""

    def __init__(self, ops: Operations, goal: GoalItem,
                 assessment: AssessmentItem | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(ops, parent)
        self._goal = goal
        self._assessment = assessment
        self.setWindowTitle(self.tr("Edit assessment") if assessment
                            else self.tr("New assessment"))
        self.setMinimumWidth(520)
        self.date_edit = DanishDateEdit(self.tr("Date"), required=True)
        self.level_combo = level_combo(FunctionLevel)
        self.support_combo = level_combo(SupportNeed)
        self.citizen_view_edit = text_box()
        self.citizen_view_edit.setPlaceholderText(self.tr("In the citizen's own words"))
        self.note_edit = text_box()
        self.form.addRow(goal_heading(goal))
        self.form.addRow(self.tr("&Date:"), self.date_edit)
        self.form.addRow(self.tr("&Functional level:"), self.level_combo)
        self.form.addRow(self.tr("&Support need:"), self.support_combo)
        self.form.addRow(self.tr("&Citizen's own view:"), self.citizen_view_edit)
        self.form.addRow(self.tr("&Mentor's note:"), self.note_edit)
        if assessment is None:
            self.date_edit.set_date(date.today())
            latest = goal.latest_assessment  # start from where the goal stood last time
            self._select_levels(latest.level if latest else None,
                                latest.support_need if latest else None)
        else:
            self.date_edit.set_date(assessment.assessed_on)
            self._select_levels(assessment.level, assessment.support_need)
            self.citizen_view_edit.setPlainText(assessment.citizen_view)
            self.note_edit.setPlainText(assessment.mentor_note)
            self.edit(assessment.version, asdict(assessment.input()))
        self.level_combo.setFocus()

    def _select_levels(self, level: int | None, support_need: int | None) -> None:
        select_level(self.level_combo, level)
        select_level(self.support_combo, support_need)

    def collect(self) -> dict[str, Any]:
        return {"assessed_on": self.date_edit.date_value(),
                "level": chosen_level(self.level_combo),
                "support_need": chosen_level(self.support_combo),
                "citizen_view": self.citizen_view_edit.toPlainText(),
                "mentor_note": self.note_edit.toPlainText()}

    def create_job(self, values: dict[str, Any]) -> SaveJob:
        goal_id = self._goal.id
        return lambda context: record_assessment(context, goal_id, AssessmentInput(**values))

    def update_job(self, version: int, changes: dict[str, Any],
                   original: dict[str, Any]) -> SaveJob:
        assert self._assessment is not None
        assessment_id = self._assessment.id
        new, seen = AssessmentInput(**{**original, **changes}), AssessmentInput(**original)
        return lambda context: update_assessment(context, assessment_id, version, new, seen)

    def field_labels(self) -> dict[str, str]:
        return {"assessed_on": self.tr("Date"), "level": self.tr("Functional level"),
                "support_need": self.tr("Support need"),
                "citizen_view": self.tr("Citizen's own view"),
                "mentor_note": self.tr("Mentor's note")}

    def text_fields(self) -> frozenset[str]:
        return frozenset({"citizen_view", "mentor_note"})

    def shown(self, field: str, value: object) -> str:
        if isinstance(value, date):
            return format_date(value)
        if field == "level":
            return level_label(None if value is None else FunctionLevel(cast(int, value)))
        if field == "support_need":
            return level_label(None if value is None else SupportNeed(cast(int, value)))
        return "" if value is None else str(value)
