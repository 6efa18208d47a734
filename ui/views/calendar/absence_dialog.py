"""Register a mentor's absence (ferie, sygdom, kursus) with a substitute per citizen.

The citizens listed are the absent mentor's current caseload, read on the worker when
the mentor is chosen; each gets a substitute (or none). The substitute sees those
citizens while the absence lasts (the core's access rule).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QWidget,
)

from mentordesk.schedule.absence import AbsenceInput, AbsenceKind, create_absence
from mentordesk.services.citizens import list_citizens
from ui.tasks import TaskContext, TaskRunner
from ui.views.common.date_edit import DanishDateEdit
from ui.views.common.form_fields import select_data
from ui.views.common.record_dialog import RecordDialog, SaveJob
from ui.workspace import Workspace


class AbsenceDialog(RecordDialog):
    def __init__(self, workspace: Workspace, runner: TaskRunner, *,
                 citizens: list[tuple[int, str]], mentors: list[tuple[int, str]],
                 parent: QWidget | None = None) -> None:
        super().__init__(runner, parent)
        self._workspace = workspace
        self._mentors = mentors
        self._generation = 0
        self.setWindowTitle(self.tr("Absence"))
        self.mentor_combo = QComboBox()
        choices = mentors if workspace.actor.sees_all_citizens else [
            (workspace.actor.user_id, workspace.actor.full_name)]
        for mentor_id, name in choices:
            self.mentor_combo.addItem(name, mentor_id)
        select_data(self.mentor_combo, workspace.actor.user_id)
        self.kind_combo = QComboBox()
        for kind in AbsenceKind:
            self.kind_combo.addItem(kind.label, kind.value)
        self.from_edit = DanishDateEdit(self.tr("From"), required=True)
        self.to_edit = DanishDateEdit(self.tr("To"), required=True)
        self.from_edit.set_date(date.today())
        self.to_edit.set_date(date.today())
        self.note_edit = QPlainTextEdit()
        self.note_edit.setMaximumHeight(60)
        self.covers_box = QGroupBox(self.tr("Substitute per citizen"))
        self.covers_form = QFormLayout(self.covers_box)
        self.covers_hint = QLabel(self.tr("Loading the mentor's citizens…"))
        self.covers_form.addRow(self.covers_hint)
        self.cover_combos: dict[int, QComboBox] = {}
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.covers_box)
        scroll.setMinimumHeight(160)
        self.form.addRow(self.tr("&Mentor:"), self.mentor_combo)
        self.form.addRow(self.tr("&Kind:"), self.kind_combo)
        self.form.addRow(self.tr("&From:"), self.from_edit)
        self.form.addRow(self.tr("&To:"), self.to_edit)
        self.form.addRow(self.tr("&Note:"), self.note_edit)
        self.extra_layout.addWidget(scroll)
        self.mentor_combo.currentIndexChanged.connect(lambda _index: self.load_caseload())
        self.resize(520, 520)
        self.load_caseload()

    def load_caseload(self) -> None:
        self._generation += 1
        generation = self._generation
        database, actor = self._workspace.database, self._workspace.actor
        mentor_id = self.mentor_combo.currentData()

        def job(_context: TaskContext) -> tuple[int, list[tuple[int, str]]]:
            rows = list_citizens(database, actor, mentor_id=mentor_id)
            return generation, [(row.id, row.display_name) for row in rows]

        task = self._runner.submit(job, label=self.tr("Loading citizens…"), parent=self)
        task.succeeded.connect(self._show_caseload)

    def _show_caseload(self, result: tuple[int, list[tuple[int, str]]]) -> None:
        generation, citizens = result
        if generation != self._generation:
            return
        while self.covers_form.rowCount():
            self.covers_form.removeRow(0)
        self.cover_combos = {}
        absent = self.mentor_combo.currentData()
        if not citizens:
            self.covers_form.addRow(QLabel(self.tr("The mentor has no citizens right now.")))
        for citizen_id, name in citizens:
            combo = QComboBox()
            combo.addItem(self.tr("(no substitute)"), None)
            for mentor_id, mentor_name in self._mentors:
                if mentor_id != absent:
                    combo.addItem(mentor_name, mentor_id)
            label = QLabel(name)
            label.setTextFormat(label.textFormat().PlainText)
            self.covers_form.addRow(label, combo)
            self.cover_combos[citizen_id] = combo

    def collect(self) -> dict[str, Any]:
        start_on, end_on = self.from_edit.date_value(), self.to_edit.date_value()
        covers = {citizen_id: combo.currentData()
                  for citizen_id, combo in self.cover_combos.items()
                  if combo.currentData() is not None}
        return {"user_id": self.mentor_combo.currentData(), "kind": self.kind_combo.currentData(),
                "start_on": start_on, "end_on": end_on, "note": self.note_edit.toPlainText(),
                "covers": covers}

    def create_job(self, values: dict[str, Any]) -> SaveJob:
        database, actor = self._workspace.database, self._workspace.actor
        data = AbsenceInput(**values)
        return lambda: create_absence(database, actor, data)
