"""One-off benefits (*enkeltydelser*, aktivloven §81/§82): the applications and their dialog."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
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
from ui.operations import Operations
from ui.views.common.date_edit import DanishDateEdit
from ui.views.common.form_fields import select_data
from ui.views.common.record_dialog import RecordDialog
from ui.views.common.record_table import RecordTableModel, RowLook, TableColumn, record_table
from ui.views.economy.citizen_records import CitizenRecordDialog, CitizenRecordsTab, note_editor
from ui.views.economy.inputs import AmountEdit

LEGAL_BASES = ("Aktivloven §81", "Aktivloven §82", "Aktivloven §81/§82")
DEADLINE_BACKGROUND = "#fff1c7"


def _status_label(code: str) -> str:
    try:
        return OneOffBenefitStatus(code).label
    except ValueError:
        return code


class BenefitDialog(CitizenRecordDialog):
    input_type = BenefitInput
    create_service = create_benefit
    update_service = update_benefit
    money_fields = ("amount_applied_oere", "amount_granted_oere")

    def __init__(self, ops: Operations, citizen_id: int, benefit: BenefitRow | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(ops, citizen_id, benefit, parent)
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
        self.note_edit = note_editor()
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

    def field_labels(self) -> dict[str, str]:
        return {"applied_on": self.tr("Applied on"), "purpose": self.tr("Purpose"),
                "legal_basis": self.tr("Legal basis"),
                "amount_applied_oere": self.tr("Amount applied for"),
                "status": self.tr("Status"), "amount_granted_oere": self.tr("Amount granted"),
                "decided_on": self.tr("Decision date"),
                "appeal_deadline": self.tr("Appeal deadline"), "note": self.tr("Note")}

    def shown_special(self, field: str, value: object) -> str | None:
        return _status_label(str(value)) if field == "status" else None


class BenefitsTab(CitizenRecordsTab):
    delete_service = staticmethod(delete_benefit)

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(ops, parent)
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
        self.new_record()

    def make_dialog(self, citizen_id: int, row: BenefitRow | None) -> RecordDialog:
        return BenefitDialog(self._ops, citizen_id, row, parent=self)

    def delete_question(self, row: BenefitRow) -> str:
        return self.tr("Delete the application \"{purpose}\"?").format(purpose=row.purpose)

    def deleting_label(self) -> str:
        return self.tr("Deleting…")
