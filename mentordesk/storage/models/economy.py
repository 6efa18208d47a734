"""Economy overviews: yearly sheet lines, norm rates, debts and one-off benefits."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from mentordesk.storage.models.base import Base, Versioned, utc_now

MONTH_COLUMNS = tuple(f"m{month:02d}_oere" for month in range(1, 13))


class EconomyOverview(Versioned, Base):
    """One citizen's yearly economy sheet."""

    __tablename__ = "economy_overview"
    __table_args__ = (UniqueConstraint("citizen_id", "year"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    citizen_id: Mapped[int] = mapped_column(ForeignKey("citizen.id", ondelete="CASCADE"))
    year: Mapped[int] = mapped_column(Integer)
    adults: Mapped[int] = mapped_column(Integer, default=1)
    children_0_1: Mapped[int] = mapped_column(Integer, default=0)
    children_2_6: Mapped[int] = mapped_column(Integer, default=0)
    children_7_17: Mapped[int] = mapped_column(Integer, default=0)
    norm_kind: Mapped[str] = mapped_column(String(30), default="disposable_amount")
    note: Mapped[str] = mapped_column(Text, default="")
    # The year has no rates: the user confirmed using this earlier year's (else None).
    rates_year: Mapped[int | None] = mapped_column(Integer)


class EconomyLine(Versioned, Base):
    """A row of the sheet: one income or expense item with an amount per month (øre)."""

    __tablename__ = "economy_line"
    id: Mapped[int] = mapped_column(primary_key=True)
    overview_id: Mapped[int] = mapped_column(
        ForeignKey("economy_overview.id", ondelete="CASCADE"), index=True
    )
    section: Mapped[str] = mapped_column(String(10))  # "income" | "expense"
    category: Mapped[str] = mapped_column(String(60), default="")
    label: Mapped[str] = mapped_column(String(200))
    person: Mapped[str] = mapped_column(String(20), default="citizen")
    frequency: Mapped[str] = mapped_column(String(20), default="monthly")
    amount_oere: Mapped[int] = mapped_column(Integer, default=0)
    first_month: Mapped[int] = mapped_column(Integer, default=1)
    note: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)
    # The public norm pays for it: the ability to pay leaves it out.
    norm_covered: Mapped[bool] = mapped_column(Boolean, default=False)
    # The debt this line pays an instalment on (counted once: ``sheet.budget_group``).
    debt_id: Mapped[int | None] = mapped_column(ForeignKey("debt.id", ondelete="SET NULL"))
    m01_oere: Mapped[int] = mapped_column(Integer, default=0)
    m02_oere: Mapped[int] = mapped_column(Integer, default=0)
    m03_oere: Mapped[int] = mapped_column(Integer, default=0)
    m04_oere: Mapped[int] = mapped_column(Integer, default=0)
    m05_oere: Mapped[int] = mapped_column(Integer, default=0)
    m06_oere: Mapped[int] = mapped_column(Integer, default=0)
    m07_oere: Mapped[int] = mapped_column(Integer, default=0)
    m08_oere: Mapped[int] = mapped_column(Integer, default=0)
    m09_oere: Mapped[int] = mapped_column(Integer, default=0)
    m10_oere: Mapped[int] = mapped_column(Integer, default=0)
    m11_oere: Mapped[int] = mapped_column(Integer, default=0)
    m12_oere: Mapped[int] = mapped_column(Integer, default=0)

    def month_amounts(self) -> list[int]:
        return [getattr(self, column) for column in MONTH_COLUMNS]


class NormRate(Versioned, Base):
    """An editable norm amount per month for a year (e.g. Gældsstyrelsen, one adult), with
    its source."""

    __tablename__ = "norm_rate"
    __table_args__ = (UniqueConstraint("year", "norm_kind", "item"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(Integer)
    norm_kind: Mapped[str] = mapped_column(String(30))
    item: Mapped[str] = mapped_column(String(40))
    amount_oere: Mapped[int] = mapped_column(Integer)
    # Where the figure comes from (the rule or page): a rate without one is not shipped.
    source: Mapped[str] = mapped_column(String(300), default="")


class Debt(Versioned, Base):
    """A debt the citizen owes; priority debts are paid first in a repayment plan, by class."""

    __tablename__ = "debt"
    id: Mapped[int] = mapped_column(primary_key=True)
    citizen_id: Mapped[int] = mapped_column(
        ForeignKey("citizen.id", ondelete="CASCADE"), index=True
    )
    creditor: Mapped[str] = mapped_column(String(200))
    collector: Mapped[str] = mapped_column(String(200), default="")
    case_number: Mapped[str] = mapped_column(String(80), default="")
    debt_type: Mapped[str] = mapped_column(String(40), default="other")
    # PriorityClass: why (and in which order) the plan pays it before ordinary creditors.
    priority_class: Mapped[str] = mapped_column(String(30), default="ordinary")
    status: Mapped[str] = mapped_column(String(30), default="reminder")
    principal_oere: Mapped[int] = mapped_column(Integer, default=0)
    balance_oere: Mapped[int] = mapped_column(Integer, default=0)
    balance_on: Mapped[date | None] = mapped_column(Date)
    # Yearly interest in basis points (1/100 %), so 7,25 % is 725: exact, no floats.
    interest_bp: Mapped[int] = mapped_column(Integer, default=0)
    fees_oere: Mapped[int] = mapped_column(Integer, default=0)
    agreed_payment_oere: Mapped[int] = mapped_column(Integer, default=0)
    note: Mapped[str] = mapped_column(Text, default="")
    # The debt's age: when it arose and fell due, and how it was established (DebtBasis),
    # which together with the limitation rules flag a possibly time-barred debt.
    created_on: Mapped[date | None] = mapped_column(Date)
    due_on: Mapped[date | None] = mapped_column(Date)
    established_by: Mapped[str] = mapped_column(String(20), default="claim")


class LimitationRuleRow(Versioned, Base):
    """The limitation period of a debt basis, with its source (team-editable data)."""

    __tablename__ = "limitation_rule"
    id: Mapped[int] = mapped_column(primary_key=True)
    basis: Mapped[str] = mapped_column(String(20), unique=True)
    years: Mapped[int] = mapped_column(Integer)
    source: Mapped[str] = mapped_column(String(300), default="")


class BenefitApplication(Versioned, Base):
    """A one-off benefit application (enkeltydelse, aktivloven §81/§82)."""

    __tablename__ = "benefit_application"
    id: Mapped[int] = mapped_column(primary_key=True)
    citizen_id: Mapped[int] = mapped_column(
        ForeignKey("citizen.id", ondelete="CASCADE"), index=True
    )
    applied_on: Mapped[date] = mapped_column(Date)
    purpose: Mapped[str] = mapped_column(String(300))
    legal_basis: Mapped[str] = mapped_column(String(40), default="")
    amount_applied_oere: Mapped[int] = mapped_column(Integer, default=0)
    status: Mapped[str] = mapped_column(String(20), default="draft")
    amount_granted_oere: Mapped[int | None] = mapped_column(Integer)
    decided_on: Mapped[date | None] = mapped_column(Date)
    appeal_deadline: Mapped[date | None] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")


class EconomyItem(Versioned, Base):
    """An entry of the editable item list the sheet offers (income or expense, by section)."""

    __tablename__ = "economy_item"
    __table_args__ = (UniqueConstraint("section", "label"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    section: Mapped[str] = mapped_column(String(10))  # "income" | "expense"
    category: Mapped[str] = mapped_column(String(60), default="")
    label: Mapped[str] = mapped_column(String(200))
    position: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class EconomySnapshot(Base):
    """A saved version of a yearly sheet (on export or explicit save), restorable later."""

    __tablename__ = "economy_snapshot"
    __table_args__ = (Index("ix_economy_snapshot_citizen_year", "citizen_id", "year"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    citizen_id: Mapped[int] = mapped_column(ForeignKey("citizen.id", ondelete="CASCADE"))
    year: Mapped[int] = mapped_column(Integer)
    taken_at: Mapped[datetime] = mapped_column(DateTime, default=utc_now)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    reason: Mapped[str] = mapped_column(String(40), default="save")
    payload: Mapped[str] = mapped_column(Text)  # JSON of the overview, lines, debts, benefits
