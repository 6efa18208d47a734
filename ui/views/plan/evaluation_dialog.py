""""Gennemfør evaluering": one assessment per open goal, saved together in one call.

The three-month evaluation looks at the whole plan at once. Each open goal gets a row
(level, support need, the citizen's view, the mentor's note) that starts from where the
goal stood last time, so an unchanged goal is one glance and no typing. Saving records
all rows in one transaction (``complete_evaluation``): all or nothing.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QWidget,
)

from mentordesk.domain.vum import FunctionLevel, SupportNeed
from mentordesk.services.plan import AssessmentInput, GoalItem, Plan, complete_evaluation
from ui.operations import Operations
from ui.views.common.date_edit import DanishDateEdit
from ui.views.common.form_fields import plain_label
from ui.views.common.record_dialog import RecordDialog, SaveJob
from ui.views.common.screen_fit import fit_to_screen
from ui.views.plan.step_dialogs import chosen_level, level_combo, select_level, text_box


class _GoalRow:
    """The inputs of one goal in the evaluation."""

    def __init__(self, goal: GoalItem) -> None:
        self.goal = goal
        self.title = plain_label(goal.title)
        self.title.setStyleSheet("font-weight: bold;")
        latest = goal.latest_assessment
        self.level_combo: QComboBox = level_combo(FunctionLevel)
        self.support_combo: QComboBox = level_combo(SupportNeed)
        select_level(self.level_combo, latest.level if latest else None)
        select_level(self.support_combo, latest.support_need if latest else None)
        self.citizen_view_edit: QPlainTextEdit = text_box(52)
        self.note_edit: QPlainTextEdit = text_box(52)

    def value(self, on: date) -> AssessmentInput:
        return AssessmentInput(on, chosen_level(self.level_combo),
                               chosen_level(self.support_combo),
                               self.citizen_view_edit.toPlainText(),
                               self.note_edit.toPlainText())


class EvaluationDialog(RecordDialog):
    def __init__(self, ops: Operations, plan: Plan, parent: QWidget | None = None) -> None:
        super().__init__(ops, parent)
        self._plan = plan
        self.setWindowTitle(self.tr("Complete evaluation"))
        fit_to_screen(self, QSize(980, 560))
        self.date_edit = DanishDateEdit(self.tr("Evaluation date"), required=True)
        self.date_edit.set_date(date.today())
        self.form.addRow(self.tr("Evaluation &date:"), self.date_edit)
        self.rows = [_GoalRow(goal) for goal in plan.goals if goal.is_open]
        self.extra_layout.addWidget(self._grid(), 1)
        self._chain_tab_order()  # once the rows are in this window
        self.save_button.setText(self.tr("Save evaluation"))
        self.save_button.setEnabled(bool(self.rows))
        if not self.rows:
            self.show_error(self.tr("The plan has no open goals to evaluate."))

    def _grid(self) -> QScrollArea:
        body = QWidget()
        grid = QGridLayout(body)
        headers = (self.tr("Goal"), self.tr("Functional level"), self.tr("Support need"),
                   self.tr("Citizen's own view"), self.tr("Mentor's note"))
        for column, text in enumerate(headers):
            grid.addWidget(QLabel(f"<b>{text}</b>"), 0, column)
        for number, row in enumerate(self.rows, start=1):
            for column, widget in enumerate((row.title, row.level_combo, row.support_combo,
                                             row.citizen_view_edit, row.note_edit)):
                grid.addWidget(widget, number, column)
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(3, 2)
        grid.setColumnStretch(4, 2)
        grid.setRowStretch(len(self.rows) + 1, 1)
        scroll = QScrollArea()
        scroll.setWidget(body)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        return scroll

    def _chain_tab_order(self) -> None:
        chain: list[QWidget] = [self.date_edit]
        for row in self.rows:
            chain += [row.level_combo, row.support_combo, row.citizen_view_edit, row.note_edit]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def collect(self) -> dict[str, Any]:
        on = self.date_edit.date_value()
        assert on is not None  # required: date_value raised otherwise
        return {"on": on, "assessments": {row.goal.id: row.value(on) for row in self.rows}}

    def create_job(self, values: dict[str, Any]) -> SaveJob:
        citizen_id = self._plan.citizen_id
        on, assessments = values["on"], values["assessments"]
        return lambda context: complete_evaluation(context, citizen_id, on, assessments)
