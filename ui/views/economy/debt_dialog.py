"""Create or edit one debt: creditor, collector, case, type, priority class, status, amounts."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from mentordesk.domain.economy import DebtBasis, DebtStatus, DebtType, PriorityClass
from mentordesk.economy import DebtInput, DebtRow, create_debt, update_debt
from ui.operations import Operations
from ui.views.common.date_edit import DanishDateEdit
from ui.views.common.form_fields import select_data
from ui.views.economy.citizen_records import CitizenRecordDialog, note_editor
from ui.views.economy.inputs import AmountEdit, PercentEdit, format_percent


class DebtDialog(CitizenRecordDialog):
    input_type = DebtInput
    create_service = create_debt
    update_service = update_debt
    money_fields = ("principal_oere", "balance_oere", "fees_oere", "agreed_payment_oere")

    def __init__(self, ops: Operations, citizen_id: int, debt: DebtRow | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(ops, citizen_id, debt, parent)
        self.setWindowTitle(self.tr("Edit debt") if debt else self.tr("New debt"))
        self.setMinimumWidth(520)
        self._build()
        if debt is None:
            self.balance_on_edit.set_date(date.today())
            self._type_chosen()
        else:
            self._fill(debt)
            self.edit(debt.version, debt.values())

    def _build(self) -> None:
        self.creditor_edit = QLineEdit()
        self.collector_edit = QLineEdit()
        self.case_edit = QLineEdit()
        self.type_combo = QComboBox()
        for code, label in DebtType.choices():
            self.type_combo.addItem(label, code)
        self.priority_combo = QComboBox()
        self.priority_combo.setToolTip(self.tr(
            "Priority debts are paid before ordinary creditors, in this order: housing, "
            "utilities, support, fines, public debt, other priority."))
        for code, label in PriorityClass.choices():
            self.priority_combo.addItem(label, code)
        self.status_combo = QComboBox()
        for code, label in DebtStatus.choices():
            self.status_combo.addItem(label, code)
        self.principal_edit = AmountEdit(self.tr("Principal"))
        self.balance_edit = AmountEdit(self.tr("Balance"))
        self.balance_on_edit = DanishDateEdit(self.tr("Balance date"), required=False)
        self.interest_edit = PercentEdit(self.tr("Interest"))
        self.fees_edit = AmountEdit(self.tr("Fees"))
        self.payment_edit = AmountEdit(self.tr("Agreed payment"))
        self.created_edit = DanishDateEdit(self.tr("Arose on"), required=False)
        self.due_edit = DanishDateEdit(self.tr("Due on"), required=False)
        self.basis_combo = QComboBox()
        for code, label in DebtBasis.choices():
            self.basis_combo.addItem(label, code)
        self.note_edit = note_editor()
        rows = (
            (self.tr("Creditor:"), self.creditor_edit),
            (self.tr("Collector:"), self.collector_edit),
            (self.tr("Case number:"), self.case_edit),
            (self.tr("Type:"), self.type_combo),
            (self.tr("Priority:"), self.priority_combo),
            (self.tr("Status:"), self.status_combo),
            (self.tr("Principal (kr.):"), self.principal_edit),
            (self.tr("Balance (kr.):"), self.balance_edit),
            (self.tr("Balance on:"), self.balance_on_edit),
            (self.tr("Interest per year (%):"), self.interest_edit),
            (self.tr("Fees (kr.):"), self.fees_edit),
            (self.tr("Agreed payment per month (kr.):"), self.payment_edit),
            (self.tr("Arose on:"), self.created_edit),
            (self.tr("Due on:"), self.due_edit),
            (self.tr("Established by:"), self.basis_combo),
            (self.tr("Note:"), self.note_edit),
        )
        for label, widget in rows:
            self.form.addRow(label, widget)
        self.type_combo.activated.connect(lambda _i: self._type_chosen())

    def _type_chosen(self) -> None:
        # The type suggests the priority class; the mentor may still decide otherwise.
        select_data(self.priority_combo,
                    DebtType(self.type_combo.currentData()).default_priority.value)

    def _fill(self, debt: DebtRow) -> None:
        self.creditor_edit.setText(debt.creditor)
        self.collector_edit.setText(debt.collector)
        self.case_edit.setText(debt.case_number)
        select_data(self.type_combo, debt.debt_type)
        select_data(self.priority_combo, debt.priority_class)
        select_data(self.status_combo, debt.status)
        self.principal_edit.set_oere(debt.principal_oere)
        self.balance_edit.set_oere(debt.balance_oere)
        self.balance_on_edit.set_date(debt.balance_on)
        self.interest_edit.set_basis_points(debt.interest_bp)
        self.fees_edit.set_oere(debt.fees_oere)
        self.payment_edit.set_oere(debt.agreed_payment_oere)
        self.created_edit.set_date(debt.created_on)
        self.due_edit.set_date(debt.due_on)
        select_data(self.basis_combo, debt.established_by)
        self.note_edit.setPlainText(debt.note)

    def collect(self) -> dict[str, Any]:
        if not self.creditor_edit.text().strip():
            raise ValueError(self.tr("Fill in the creditor."))
        return {
            "creditor": self.creditor_edit.text(), "collector": self.collector_edit.text(),
            "case_number": self.case_edit.text(), "debt_type": self.type_combo.currentData(),
            "priority_class": self.priority_combo.currentData(),
            "status": self.status_combo.currentData(),
            "principal_oere": self.principal_edit.oere(),
            "balance_oere": self.balance_edit.oere(),
            "balance_on": self.balance_on_edit.date_value(),
            "interest_bp": self.interest_edit.basis_points(),
            "fees_oere": self.fees_edit.oere(),
            "agreed_payment_oere": self.payment_edit.oere(),
            "note": self.note_edit.toPlainText(),
            "created_on": self.created_edit.date_value(),
            "due_on": self.due_edit.date_value(),
            "established_by": self.basis_combo.currentData(),
        }

    def field_labels(self) -> dict[str, str]:
        return {
            "creditor": self.tr("Creditor"), "collector": self.tr("Collector"),
            "case_number": self.tr("Case number"), "debt_type": self.tr("Type"),
            "priority_class": self.tr("Priority"), "status": self.tr("Status"),
            "principal_oere": self.tr("Principal"), "balance_oere": self.tr("Balance"),
            "balance_on": self.tr("Balance date"), "interest_bp": self.tr("Interest"),
            "fees_oere": self.tr("Fees"), "agreed_payment_oere": self.tr("Agreed payment"),
            "note": self.tr("Note"), "created_on": self.tr("Arose on"),
            "due_on": self.tr("Due on"), "established_by": self.tr("Established by"),
        }

    def shown_special(self, field: str, value: object) -> str | None:
        if field == "interest_bp" and isinstance(value, int):
            return format_percent(value) + " %"
        if field == "debt_type":
            return DebtType(str(value)).label
        if field == "status":
            return DebtStatus(str(value)).label
        if field == "priority_class":
            return PriorityClass(str(value)).label
        if field == "established_by":
            return DebtBasis(str(value)).label
        if isinstance(value, bool):
            return self.tr("Yes") if value else self.tr("No")
        return None
