"""One-off benefits (*enkeltydelser*, aktivloven §81/§82): the applications and their dialog."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mentordesk.domain.dates import format_date
from mentordesk.domain.economy import OneOffBenefitStatus
from mentordesk.domain.money import format_dkk
from mentordesk.economy import (
    BenefitInput,
    BenefitRow,
    create_benefit,
    delete_benefit,
    update_benefit,
)
from ui.tasks import TaskRunner
from ui.views.common.date_edit import DanishDateEdit
from ui.views.common.form_fields import confirm, select_data
from ui.views.common.record_dialog import RecordDialog, SaveJob
from ui.views.common.record_table import (
    RecordTableModel,
    RowLook,
    TableColumn,
    record_table,
    selected_row,
)
from ui.views.economy.inputs import AmountEdit
from ui.workspace import Workspace

LEGAL_BASES = ("Aktivloven §81", "Aktivloven §82", "Aktivloven §81/§82")
DEADLINE_BACKGROUND = "#fff1c7"
_MONEY_FIELDS = ("amount_applied_oere", "amount_granted_oere")


def _status_label(code: str) -> str:
    try:
        return OneOffBenefitStatus(code).label
    except ValueError:
        return code


class BenefitDialog(RecordDialog):
    def __init__(self, runner: TaskRunner, workspace: Workspace, citizen_id: int,
                 benefit: BenefitRow | None = None, parent: QWidget | None = None) -> None:
        super().__init__(runner, parent)
        self._workspace, self._citizen_id, self._benefit = workspace, citizen_id, benefit
        self.setWindowTitle(self.tr("Edit application") if benefit
                            else self.tr("New application for a one-off benefit"))
        self.setMinimumWidth(500)
        self.applied_edit = DanishDateEdit(self.tr("Applied on"), required=True)
        self.purpose_edit = QLineEdit()
        self.basis_combo = QComboBox()
        self.basis_combo.setEditable(True)  # a team may cite another provision
        self.basis_combo.addItems(LEGAL_BASES)
        self.applied_amount = AmountEdit(self.tr("Amount applied for"))
        self.status_combo = QComboBox()
        for code, label in OneOffBenefitStatus.choices():
            self.status_combo.addItem(label, code)
        self.granted_amount = AmountEdit(self.tr("Amount granted"), optional=True)
        self.decided_edit = DanishDateEdit(self.tr("Decision date"), required=False)
        self.deadline_edit = DanishDateEdit(self.tr("Appeal deadline"), required=False)
        self.note_edit = QPlainTextEdit()
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setFixedHeight(60)
        for label, widget in (
                (self.tr("Applied on:"), self.applied_edit),
                (self.tr("Purpose:"), self.purpose_edit),
                (self.tr("Legal basis:"), self.basis_combo),
                (self.tr("Amount applied for (kr.):"), self.applied_amount),
                (self.tr("Status:"), self.status_combo),
                (self.tr("Amount granted (kr.):"), self.granted_amount),
                (self.tr("Decision date:"), self.decided_edit),
                (self.tr("Appeal deadline:"), self.deadline_edit),
                (self.tr("Note:"), self.note_edit)):
            self.form.addRow(label, widget)
        if benefit is None:
            self.applied_edit.set_date(date.today())
        else:
            self._fill(benefit)
            self.edit(benefit.version, benefit.values())

    def _fill(self, benefit: BenefitRow) -> None:
        self.applied_edit.set_date(benefit.applied_on)
        self.purpose_edit.setText(benefit.purpose)
        self.basis_combo.setCurrentText(benefit.legal_basis)
        self.applied_amount.set_oere(benefit.amount_applied_oere)
        select_data(self.status_combo, benefit.status)
        self.granted_amount.set_oere(benefit.amount_granted_oere)
        self.decided_edit.set_date(benefit.decided_on)
        self.deadline_edit.set_date(benefit.appeal_deadline)
        self.note_edit.setPlainText(benefit.note)

    def collect(self) -> dict[str, Any]:
        if not self.purpose_edit.text().strip():
            raise ValueError(self.tr("Fill in the purpose."))
        return {
            "applied_on": self.applied_edit.date_value(),
            "purpose": self.purpose_edit.text(),
            "legal_basis": self.basis_combo.currentText(),
            "amount_applied_oere": self.applied_amount.oere(),
            "status": self.status_combo.currentData(),
            "amount_granted_oere": self.granted_amount.oere(),
            "decided_on": self.decided_edit.date_value(),
            "appeal_deadline": self.deadline_edit.date_value(),
            "note": self.note_edit.toPlainText(),
        }

    def create_job(self, values: dict[str, Any]) -> SaveJob:
        database, actor, citizen_id = (self._workspace.database, self._workspace.actor,
                                       self._citizen_id)
        return lambda: create_benefit(database, actor, citizen_id, BenefitInput(**values))

    def update_job(self, version: int, changes: dict[str, Any],
                   original: dict[str, Any]) -> SaveJob:
        assert self._benefit is not None
        database, actor, benefit_id = (self._workspace.database, self._workspace.actor,
                                       self._benefit.id)
        return lambda: update_benefit(database, actor, benefit_id, version, changes, original)

    def field_labels(self) -> dict[str, str]:
        return {"applied_on": self.tr("Applied on"), "purpose": self.tr("Purpose"),
                "legal_basis": self.tr("Legal basis"),
                "amount_applied_oere": self.tr("Amount applied for"),
                "status": self.tr("Status"), "amount_granted_oere": self.tr("Amount granted"),
                "decided_on": self.tr("Decision date"),
                "appeal_deadline": self.tr("Appeal deadline"), "note": self.tr("Note")}

    def text_fields(self) -> frozenset[str]:
        return frozenset({"note"})

    def shown(self, field: str, value: object) -> str:
        if value is None:
            return ""
        if field in _MONEY_FIELDS and isinstance(value, int):
            return format_dkk(value)
        if isinstance(value, date):
            return format_date(value)
        if field == "status":
            return _status_label(str(value))
        return str(value)


class BenefitsTab(QWidget):
    changed = Signal()

    def __init__(self, workspace: Workspace, runner: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace, self._runner = workspace, runner
        self.citizen_id: int | None = None
        self.dialog: RecordDialog | None = None
        self.model = RecordTableModel([
            TableColumn(self.tr("Applied on"), lambda b: format_date(b.applied_on)),
            TableColumn(self.tr("Purpose"), lambda b: b.purpose),
            TableColumn(self.tr("Legal basis"), lambda b: b.legal_basis),
            TableColumn(self.tr("Applied for"), lambda b: format_dkk(b.amount_applied_oere)),
            TableColumn(self.tr("Status"), lambda b: _status_label(b.status)),
            TableColumn(self.tr("Granted"), lambda b: "" if b.amount_granted_oere is None
                        else format_dkk(b.amount_granted_oere)),
            TableColumn(self.tr("Decision"), lambda b: format_date(b.decided_on)
                        if b.decided_on else ""),
            TableColumn(self.tr("Appeal deadline"), lambda b: format_date(b.appeal_deadline)
                        if b.appeal_deadline else ""),
        ], self._look, self)
        self.new_button = QPushButton(self.tr("New application"))
        self.edit_button = QPushButton(self.tr("Edit"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.new_button.clicked.connect(self.new_benefit)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.table = record_table(self.model)
        self.table.activated.connect(lambda _index: self.edit_selected())
        buttons = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)

    def _look(self, benefit: BenefitRow) -> RowLook | None:
        deadline = benefit.appeal_deadline
        if (deadline is not None and deadline >= date.today()
                and benefit.status == OneOffBenefitStatus.REFUSED.value):
            return RowLook(background=DEADLINE_BACKGROUND, tooltip=self.tr(
                "Refused: the appeal deadline has not passed yet."))
        return None

    def show_citizen(self, citizen_id: int | None) -> None:
        self.citizen_id = citizen_id
        self.model.set_rows([])

    def show_benefits(self, benefits: Any) -> None:
        self.model.set_rows(list(benefits))

    def new_benefit(self) -> None:
        if self.citizen_id is not None:
            self._open(BenefitDialog(self._runner, self._workspace, self.citizen_id,
                                     parent=self))

    def edit_selected(self) -> None:
        benefit = selected_row(self.table)
        if benefit is not None and self.citizen_id is not None:
            self._open(BenefitDialog(self._runner, self._workspace, self.citizen_id, benefit,
                                     parent=self))

    def delete_selected(self) -> None:
        benefit = selected_row(self.table)
        if benefit is None:
            return
        database, actor = self._workspace.database, self._workspace.actor

        def delete() -> None:
            task = self._runner.submit(
                lambda _context: delete_benefit(database, actor, benefit.id, benefit.version),
                label=self.tr("Deleting…"), parent=self)
            task.succeeded.connect(lambda _result: self.changed.emit())

        confirm(self, self.tr("Delete the application \"{purpose}\"?").format(
            purpose=benefit.purpose), delete)

    def _open(self, dialog: RecordDialog) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = dialog
        dialog.saved.connect(lambda _row: self.changed.emit())
        dialog.open()
