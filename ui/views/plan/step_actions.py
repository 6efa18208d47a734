"""What the user does under one goal: sub-goals (add, edit, tick done, reorder, delete)
and assessments (record, correct, delete).

Dialog saves go through RecordDialog (conflict dialog on a stale save). The quick actions
(tick, reorder, delete) run straight on the worker. A saved change comes back through the
change hub (the plan is read again); a failure shows the core's Danish message and asks
for a reload too, as a tick or a drag already changed what is shown.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from mentordesk.domain.codes import GoalStatus
from mentordesk.domain.dates import format_date
from mentordesk.services.plan import (
    GoalItem,
    SubGoalItem,
    delete_assessment,
    delete_sub_goal,
    move_sub_goal,
    update_sub_goal,
)
from ui.operations import Operations
from ui.tasks import show_error
from ui.views.common.form_fields import confirm
from ui.views.common.record_dialog import RecordDialog
from ui.views.plan.goal_detail import GoalDetail
from ui.views.plan.step_dialogs import AssessmentDialog, SubGoalDialog


class StepActions(QObject):
    # The sub-goal to keep chosen when the plan is read again after a saved change.
    keep_sub_goal = Signal(object)
    failed = Signal(object)  # a quick action failed: read the plan again; the sub-goal

    def __init__(self, ops: Operations, detail: GoalDetail, parent: QWidget) -> None:
        super().__init__(parent)
        self._ops = ops
        self._detail = detail
        self._parent = parent
        self.dialog: RecordDialog | None = None
        self.confirm_box: QMessageBox | None = None
        self._wire()

    def _wire(self) -> None:
        detail, subs = self._detail, self._detail.sub_goals
        detail.new_sub_goal_button.clicked.connect(self.new_sub_goal)
        detail.edit_sub_goal_button.clicked.connect(lambda: self.edit_sub_goal(subs.current_id()))
        detail.delete_sub_goal_button.clicked.connect(
            lambda: self.delete_sub_goal(subs.current_id()))
        subs.new_requested.connect(self.new_sub_goal)
        subs.edit_requested.connect(self.edit_sub_goal)
        subs.delete_requested.connect(self.delete_sub_goal)
        subs.done_toggled.connect(self.set_done)
        subs.moved.connect(self.move)
        detail.new_assessment_button.clicked.connect(self.new_assessment)
        detail.edit_assessment_button.clicked.connect(self.edit_assessment)
        detail.delete_assessment_button.clicked.connect(self.delete_assessment)
        detail.assessments_table.activated.connect(lambda _index: self.edit_assessment())

    @property
    def goal(self) -> GoalItem | None:
        return self._detail.goal

    def _open(self, dialog: RecordDialog) -> None:
        if self.dialog is not None:
            # Kept until the next one opens, so a save still under way finds it alive.
            self.dialog.deleteLater()
        self.dialog = dialog
        # A new or edited sub-goal stays selected after the reload.
        dialog.saved.connect(lambda item: self.keep_sub_goal.emit(
            item.id if isinstance(item, SubGoalItem) else None))
        dialog.open()

    def _run(self, operation: Callable[..., Any], *args: Any, label: str,
             keep: int | None = None) -> None:
        self._ops.run(operation, *args, owner=self._parent, slot="step", label=label,
                      done=lambda _result: self.keep_sub_goal.emit(keep),
                      failed=lambda message: self._failed(message, keep))

    def _failed(self, message: str, keep: int | None) -> None:
        show_error(self._parent, message)
        self.failed.emit(keep)

    # -- sub-goals --------------------------------------------------------------------

    def new_sub_goal(self) -> None:
        if self.goal is not None:
            self._open(SubGoalDialog(self._ops, self.goal, parent=self._parent))

    def edit_sub_goal(self, sub_goal_id: int | None) -> None:
        sub = self._detail.sub_goals.sub_goal(sub_goal_id) if sub_goal_id is not None else None
        if self.goal is not None and sub is not None:
            self._open(SubGoalDialog(self._ops, self.goal, sub, parent=self._parent))

    def set_done(self, sub_goal_id: int, done: bool) -> None:
        sub = self._detail.sub_goals.sub_goal(sub_goal_id)
        if sub is None:
            return
        original = sub.input()
        if done:
            new = replace(original, status=GoalStatus.ACHIEVED,
                          done_on=sub.done_on or date.today())
        else:
            new = replace(original, status=GoalStatus.IN_PROGRESS, done_on=None)
        self._run(update_sub_goal, sub_goal_id, sub.version, new, original,
                  label=self.tr("Saving…"), keep=sub_goal_id)

    def move(self, sub_goal_id: int, new_index: int) -> None:
        self._run(move_sub_goal, sub_goal_id, new_index, label=self.tr("Saving…"),
                  keep=sub_goal_id)

    def delete_sub_goal(self, sub_goal_id: int | None) -> None:
        sub = self._detail.sub_goals.sub_goal(sub_goal_id) if sub_goal_id is not None else None
        if sub is None:
            return
        def delete() -> None:
            self._run(delete_sub_goal, sub.id, sub.version, label=self.tr("Deleting…"))

        self.confirm_box = confirm(self._parent, self.tr(
            "Delete the sub-goal \"{text}\"? It stays in the goal's history.").format(
                text=sub.text), delete)

    # -- assessments ------------------------------------------------------------------

    def new_assessment(self) -> None:
        if self.goal is not None:
            self._open(AssessmentDialog(self._ops, self.goal, parent=self._parent))

    def edit_assessment(self) -> None:
        assessment = self._detail.selected_assessment()
        if self.goal is not None and assessment is not None:
            self._open(AssessmentDialog(self._ops, self.goal, assessment,
                                        parent=self._parent))

    def delete_assessment(self) -> None:
        assessment = self._detail.selected_assessment()
        if assessment is None:
            return
        def delete() -> None:
            self._run(delete_assessment, assessment.id, assessment.version,
                      label=self.tr("Deleting…"))

        self.confirm_box = confirm(self._parent, self.tr(
            "Delete the assessment of {date}? It stays in the goal's history.").format(
                date=format_date(assessment.assessed_on)), delete)
