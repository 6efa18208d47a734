"""Debts and the repayment plan (*afdragsplan*).

The plan follows the sheet as it is being edited: the money available per month is the
average ability to pay by the public method (the core's rule), shared by the core's
``plan_repayment`` — priority debts first by class, the rest pro rata by balance in whole
kroner, token amounts only once every priority debt is covered — with the payoff time of
each debt, its collection state (udlæg, lønindeholdelse) and every agreement the plan
cannot honour named as a conflict.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget

from mentordesk.domain.economy import DebtStatus
from mentordesk.domain.money import format_dkk
from mentordesk.economy import (
    DebtRow,
    PlanShare,
    RepaymentPlan,
    Sheet,
    delete_debt,
    plan_debts,
    plan_repayment,
)
from ui.operations import Operations
from ui.views.common.form_fields import plain_label
from ui.views.common.record_dialog import RecordDialog
from ui.views.common.record_table import RecordTableModel, RowLook, TableColumn, record_table
from ui.views.economy.citizen_records import CitizenRecordsTab
from ui.views.economy.debt_dialog import DebtDialog

PRIORITY_BACKGROUND = "#fff1c7"


class DebtsTab(CitizenRecordsTab):
    delete_service = staticmethod(delete_debt)

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(ops, parent)
        self.debt_rows: list[DebtRow] = []
        self.time_barred: frozenset[int] = frozenset()  # past the limitation period
        self.available_oere = 0
        self.sheet = Sheet(citizen_id=0, year=2000)
        self.plan: RepaymentPlan | None = None
        self.model = RecordTableModel(self._debt_columns(), self._look, self)
        self.plan_model = RecordTableModel(self._plan_columns(), None, self)
        self._build()

    def _debt_columns(self) -> list[TableColumn]:
        return [
            TableColumn(self.tr("Creditor"), lambda d: d.creditor),
            TableColumn(self.tr("Collector"), lambda d: d.collector),
            TableColumn(self.tr("Case no."), lambda d: d.case_number),
            TableColumn(self.tr("Type"), lambda d: d.type_label),
            TableColumn(self.tr("Priority"), lambda d: d.priority_label),
            TableColumn(self.tr("Status"), lambda d: d.status_label),
            TableColumn(self.tr("Balance"), lambda d: format_dkk(d.balance_oere)),
            TableColumn(self.tr("Agreed payment"), lambda d: format_dkk(d.agreed_payment_oere)),
            TableColumn(self.tr("Age"), self._age_text),
        ]

    def _age_text(self, debt: DebtRow) -> str:
        if debt.id in self.time_barred:
            return self.tr("possibly time-barred – investigate")
        return ""

    def _plan_columns(self) -> list[TableColumn]:
        return [
            TableColumn(self.tr("Creditor"), lambda s: s.creditor),
            TableColumn(self.tr("Share"), lambda s: s.kind.label),
            TableColumn(self.tr("Balance"), lambda s: format_dkk(s.balance_oere)),
            TableColumn(self.tr("Payment per month"), lambda s: format_dkk(s.payment_oere)),
            TableColumn(self.tr("Paid off in"), self._payoff_text),
            TableColumn(self.tr("Status"), lambda s: DebtStatus(s.status).label
                        if s.status in DebtStatus._value2member_map_ else ""),
        ]

    def _payoff_text(self, share: PlanShare) -> str:
        months = share.payoff_months
        if months is None:
            return self.tr("not at this payment")
        if months == 0:
            return self.tr("paid")
        years, rest = divmod(months, 12)
        if not years:
            return self.tr("%n month(s)", "", months)
        return self.tr("{years} yr. {months} mo. ({total} months)").format(
            years=years, months=rest, total=months)

    def _look(self, debt: DebtRow) -> RowLook | None:
        return RowLook(background=PRIORITY_BACKGROUND) if debt.is_priority else None

    def _build(self) -> None:
        self.new_button = QPushButton(self.tr("New debt"))
        self.edit_button = QPushButton(self.tr("Edit"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.new_button.clicked.connect(self.new_debt)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.table = record_table(self.model)
        self.table.activated.connect(lambda _index: self.edit_selected())
        self.plan_table = record_table(self.plan_model)
        self.plan_label = plain_label()
        buttons = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addLayout(buttons)
        top_layout.addWidget(self.table, 1)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        title = QLabel(self.tr("Repayment plan"))
        title.setStyleSheet("font-weight: bold;")
        bottom_layout.addWidget(title)
        bottom_layout.addWidget(self.plan_label)
        bottom_layout.addWidget(self.plan_table, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        QVBoxLayout(self).addWidget(splitter)

    # -- data -------------------------------------------------------------------------

    def show_citizen(self, citizen_id: int | None) -> None:
        self.citizen_id = citizen_id
        self.show_debts([], 0)

    def show_debts(self, debts: Sequence[DebtRow], available_oere: int,
                   sheet: Sheet | None = None, time_barred: Sequence[int] = ()) -> None:
        self.debt_rows = list(debts)
        self.time_barred = frozenset(time_barred)
        self.model.set_rows(self.debt_rows)
        self.show_available(available_oere, sheet)

    def show_available(self, available_oere: int, sheet: Sheet | None = None) -> None:
        """Plan with ``available_oere`` a month; ``sheet`` (as edited) says which public
        debts its lines already pay."""
        self.available_oere = available_oere
        if sheet is not None:
            self.sheet = sheet
        self.plan = plan_repayment(available_oere, plan_debts(self.debt_rows, self.sheet))
        self.plan_model.set_rows(list(self.plan.shares))
        self.plan_label.setText(self._plan_text(self.plan))
        has_citizen = self.citizen_id is not None
        for button in (self.new_button, self.edit_button, self.delete_button):
            button.setEnabled(has_citizen)

    def _plan_text(self, plan: RepaymentPlan) -> str:
        text = self.tr(
            "Ability to pay per month (public method): {available}. "
            "Shared: {pool}, of which priority debts {priority}.").format(
                available=format_dkk(plan.available_oere), pool=format_dkk(plan.pool_oere),
                priority=format_dkk(plan.priority_oere))
        if plan.token_only:
            text += " " + self.tr(
                "Too little is left to share: each other creditor is offered a token "
                "payment of {token}.").format(token=format_dkk(plan.token_oere))
        if plan.shortfall_oere:
            text += " " + self.tr("The plan lacks {amount} per month.").format(
                amount=format_dkk(plan.shortfall_oere))
        if not plan.priority_covered:
            text += " " + self.tr("Ordinary creditors get nothing until the priority debts "
                                  "are covered.")
        for conflict in plan.conflicts:
            text += "\n" + self.tr(
                "Conflict: the agreement with {creditor} is {agreed} per month, the plan "
                "can pay {payment}. The agreement is not reduced: decide what to do.").format(
                creditor=conflict.creditor, agreed=format_dkk(conflict.agreed_oere),
                payment=format_dkk(conflict.payment_oere))
        return text

    # -- actions ----------------------------------------------------------------------

    def new_debt(self) -> None:
        self.new_record()

    def make_dialog(self, citizen_id: int, row: DebtRow | None) -> RecordDialog:
        return DebtDialog(self._ops, citizen_id, row, parent=self)

    def delete_question(self, row: DebtRow) -> str:
        return self.tr("Delete the debt to {creditor}?").format(creditor=row.creditor)

    def deleting_label(self) -> str:
        return self.tr("Deleting…")
