"""Plain values the economy services return and take: debts, one-off benefits, norm
rates, the item list, snapshots (versions) and the whole-year summary."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from mentordesk.domain.economy import (
    ONE_OFF_BENEFIT_LEGAL_BASIS,
    DebtBasis,
    DebtStatus,
    DebtType,
    EconomySection,
    NormKind,
    PriorityClass,
)
from mentordesk.economy.rates import RatesChoice, YearRates, choose_rates
from mentordesk.economy.repayment import PlanDebt, RepaymentPlan
from mentordesk.economy.sheet import Sheet, SheetTotals, budgeted_payment

DEBT_FIELDS = ("creditor", "collector", "case_number", "debt_type", "priority_class", "status",
               "principal_oere", "balance_oere", "balance_on", "interest_bp", "fees_oere",
               "agreed_payment_oere", "note", "created_on", "due_on", "established_by")
BENEFIT_FIELDS = ("applied_on", "purpose", "legal_basis", "amount_applied_oere", "status",
                  "amount_granted_oere", "decided_on", "appeal_deadline", "note")


@dataclass(frozen=True)
class DebtInput:
    """A debt as typed. ``priority_class`` None: the type's default
    (``DebtType.default_priority``)."""

    creditor: str
    debt_type: str = DebtType.OTHER.value
    status: str = DebtStatus.REMINDER.value
    balance_oere: int = 0
    principal_oere: int = 0
    balance_on: date | None = None
    collector: str = ""
    case_number: str = ""
    priority_class: str | None = None
    interest_bp: int = 0  # yearly, 1/100 %: 7,25 % is 725
    fees_oere: int = 0
    agreed_payment_oere: int = 0
    note: str = ""
    created_on: date | None = None  # when the debt arose
    due_on: date | None = None  # when it fell due: the limitation period runs from here
    established_by: str = DebtBasis.CLAIM.value


@dataclass(frozen=True)
class DebtRow:
    id: int
    version: int
    citizen_id: int
    creditor: str
    collector: str
    case_number: str
    debt_type: str
    priority_class: str
    status: str
    principal_oere: int
    balance_oere: int
    balance_on: date | None
    interest_bp: int
    fees_oere: int
    agreed_payment_oere: int
    note: str
    created_on: date | None = None
    due_on: date | None = None
    established_by: str = DebtBasis.CLAIM.value

    def values(self) -> dict[str, Any]:
        """The editable fields as loaded: the ``original`` of an edit."""
        return {name: getattr(self, name) for name in DEBT_FIELDS}

    @property
    def type_label(self) -> str:
        return DebtType(self.debt_type).label

    @property
    def status_label(self) -> str:
        return DebtStatus(self.status).label

    @property
    def basis_label(self) -> str:
        """How the debt was established (an unknown stored code: as a general claim)."""
        known = self.established_by in DebtBasis._value2member_map_
        return DebtBasis(self.established_by if known else DebtBasis.CLAIM).label

    @property
    def is_priority(self) -> bool:
        return PriorityClass.stored(self.priority_class).is_priority

    @property
    def priority_label(self) -> str:
        return PriorityClass.stored(self.priority_class).label


def plan_debt(debt: DebtRow, budgeted_oere: int = 0) -> PlanDebt:
    """What the repayment plan needs of a stored debt."""
    return PlanDebt(key=debt.id, creditor=debt.creditor, balance_oere=debt.balance_oere,
                    priority_class=PriorityClass.stored(debt.priority_class),
                    agreed_payment_oere=debt.agreed_payment_oere,
                    interest_bp=debt.interest_bp, status=debt.status,
                    budgeted_oere=budgeted_oere)


def public_debt_ids(debts: Sequence[DebtRow]) -> frozenset[int]:
    """The debts whose budget lines the public method deducts (public debt)."""
    return frozenset(debt.id for debt in debts
                     if debt.priority_class == PriorityClass.PUBLIC.value)


def plan_debts(debts: Sequence[DebtRow], sheet: Sheet) -> list[PlanDebt]:
    """The plan's debts, a public debt paid by a budget line marked as budgeted."""
    public = public_debt_ids(debts)
    return [plan_debt(debt, budgeted_payment(sheet, debt.id) if debt.id in public else 0)
            for debt in debts]


@dataclass(frozen=True)
class BenefitInput:
    """A one-off benefit application (*enkeltydelse*, aktivloven §81/§82)."""

    applied_on: date
    purpose: str
    amount_applied_oere: int = 0
    legal_basis: str = ONE_OFF_BENEFIT_LEGAL_BASIS
    status: str = "draft"
    amount_granted_oere: int | None = None
    decided_on: date | None = None
    appeal_deadline: date | None = None
    note: str = ""


@dataclass(frozen=True)
class BenefitRow:
    id: int
    version: int
    citizen_id: int
    applied_on: date
    purpose: str
    legal_basis: str
    amount_applied_oere: int
    status: str
    amount_granted_oere: int | None
    decided_on: date | None
    appeal_deadline: date | None
    note: str

    def values(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in BENEFIT_FIELDS}


@dataclass(frozen=True)
class NormRateRow:
    """One editable rate: ``year``, ``kind`` and ``item`` (``NORM_ITEMS``), per month."""

    id: int
    version: int
    year: int
    kind: NormKind
    item: str
    amount_oere: int
    source: str = ""


@dataclass(frozen=True)
class ItemRow:
    """An entry of the editable item list the sheet offers."""

    id: int
    version: int
    section: EconomySection
    category: str
    label: str
    position: int
    active: bool


@dataclass(frozen=True)
class SnapshotInfo:
    """A saved version of a year's sheet (the list; ``load_snapshot`` gives its content)."""

    id: int
    citizen_id: int
    year: int
    taken_at: datetime  # UTC
    author: str  # the user's full name ("" if unknown)
    reason: str  # "save" | "export" | "import" | "restore" | "copy"
    line_count: int
    income_year_oere: int
    expense_year_oere: int


@dataclass(frozen=True)
class SnapshotContent:
    info: SnapshotInfo
    sheet: Sheet
    debts: tuple[DebtRow, ...]
    benefits: tuple[BenefitRow, ...]


@dataclass(frozen=True)
class EconomySummary:
    """All a year's figures: what the editor, the PDF, the workbook and ``economy
    summary --json`` show. ``rates`` is what the rates table offers the year;
    ``rates_choice`` the rates the sheet uses (perhaps an earlier year's, confirmed)."""

    citizen_id: int
    citizen_name: str  # alias for an anonymous citizen; initials on the workbook header
    citizen_initials: str
    sheet: Sheet
    totals: SheetTotals
    plan: RepaymentPlan
    debts: tuple[DebtRow, ...]
    benefits: tuple[BenefitRow, ...]
    rates: YearRates | None = None
    possibly_time_barred: tuple[int, ...] = ()  # debt ids past their limitation period

    @property
    def year(self) -> int:
        return self.sheet.year

    @property
    def year_rates(self) -> YearRates:
        return self.rates or YearRates(self.sheet.year)

    @property
    def rates_choice(self) -> RatesChoice:
        return choose_rates(self.sheet, self.year_rates)
