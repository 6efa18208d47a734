"""Statements of the economy aggregate: a citizen's yearly sheets, their versions, debts and
one-off benefits, and the team's norm rates and item list.

Each function returns a statement; the economy services execute it in their transaction.
"""

from __future__ import annotations

from sqlalchemy import Delete, Select, delete, func, select

from mentordesk.storage.models import (
    BenefitApplication,
    Debt,
    EconomyItem,
    EconomyLine,
    EconomyOverview,
    EconomySnapshot,
    LimitationRuleRow,
    NormRate,
)

# --- sheets -----------------------------------------------------------------------------------


def overview_of(citizen_id: int, year: int) -> Select[tuple[EconomyOverview]]:
    """The citizen's sheet for ``year`` (at most one row: it carries the version)."""
    return select(EconomyOverview).where(EconomyOverview.citizen_id == citizen_id,
                                         EconomyOverview.year == year)


def lines_of(overview_id: int) -> Select[tuple[EconomyLine]]:
    """The sheet's lines in the order the user arranged them."""
    return (select(EconomyLine).where(EconomyLine.overview_id == overview_id)
            .order_by(EconomyLine.position, EconomyLine.id))


def delete_lines(overview_id: int) -> Delete:
    return delete(EconomyLine).where(EconomyLine.overview_id == overview_id)


def years_with_sheet(citizen_id: int) -> Select[tuple[int]]:
    """The years the citizen has a saved sheet for, newest first."""
    return (select(EconomyOverview.year).where(EconomyOverview.citizen_id == citizen_id)
            .order_by(EconomyOverview.year.desc()))


# --- versions ---------------------------------------------------------------------------------


def snapshots_of(citizen_id: int, year: int) -> Select[tuple[EconomySnapshot]]:
    """The year's versions, newest first."""
    return (select(EconomySnapshot)
            .where(EconomySnapshot.citizen_id == citizen_id, EconomySnapshot.year == year)
            .order_by(EconomySnapshot.taken_at.desc(), EconomySnapshot.id.desc()))


def newest_snapshot_payload(citizen_id: int, year: int) -> Select[tuple[str]]:
    """What the newest version of the year holds (JSON)."""
    return (select(EconomySnapshot.payload)
            .where(EconomySnapshot.citizen_id == citizen_id, EconomySnapshot.year == year)
            .order_by(EconomySnapshot.taken_at.desc(), EconomySnapshot.id.desc()).limit(1))


# --- debts and one-off benefits ------------------------------------------------------------


def debts_of(citizen_id: int) -> Select[tuple[Debt]]:
    """The citizen's debts in the order they were added; the plan orders them by priority
    class (``repayment.plan_order``)."""
    return select(Debt).where(Debt.citizen_id == citizen_id).order_by(Debt.id)


def benefits_of(citizen_id: int) -> Select[tuple[BenefitApplication]]:
    """The citizen's one-off benefit applications, the latest applied for first."""
    return (select(BenefitApplication).where(BenefitApplication.citizen_id == citizen_id)
            .order_by(BenefitApplication.applied_on.desc(), BenefitApplication.id.desc()))


# --- team data: norm rates and the item list -----------------------------------------------


def norm_rates_of(year: int) -> Select[tuple[NormRate]]:
    return (select(NormRate).where(NormRate.year == year)
            .order_by(NormRate.norm_kind, NormRate.id))


def nearest_rates_year(year: int, kind: str) -> Select[tuple[int]]:
    """The latest year before ``year`` with rates of ``kind`` (None: there is none)."""
    return select(func.max(NormRate.year)).where(NormRate.year < year,
                                                 NormRate.norm_kind == kind)


def limitation_rules() -> Select[tuple[LimitationRuleRow]]:
    return select(LimitationRuleRow).order_by(LimitationRuleRow.id)


def limitation_rule(basis: str) -> Select[tuple[LimitationRuleRow]]:
    return select(LimitationRuleRow).where(LimitationRuleRow.basis == basis)


def norm_rate(year: int, kind: str, item: str) -> Select[tuple[NormRate]]:
    return select(NormRate).where(NormRate.year == year, NormRate.norm_kind == kind,
                                  NormRate.item == item)


def items_in_list_order(*, include_inactive: bool) -> Select[tuple[EconomyItem]]:
    """The items the sheet offers: income first, then in list order."""
    query = select(EconomyItem).order_by(EconomyItem.section.desc(), EconomyItem.position,
                                         EconomyItem.id)
    return query if include_inactive else query.where(EconomyItem.active.is_(True))


def item_named(section: str, label: str) -> Select[tuple[int]]:
    return select(EconomyItem.id).where(EconomyItem.section == section,
                                        EconomyItem.label == label)


def last_item_position(section: str) -> Select[tuple[int]]:
    return select(func.max(EconomyItem.position)).where(EconomyItem.section == section)
