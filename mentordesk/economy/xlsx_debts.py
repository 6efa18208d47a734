"""The workbook's debt sheet: the debts and the repayment plan as live formulas.

The formulas apply the same rules as ``repayment.plan_repayment`` (see there), with
integer kroner and øre so nothing depends on floating point: shares are
``QUOTIENT(rest·weight; total weight)`` plus one krone for the largest remainders, ranked
with ``COUNTIF`` (ties: the upper row first, the plan's listed order). Ordinary creditors
get anything (pro rata or token) only when the priority debts' wanted amounts are all paid;
an agreement the plan pays less than shows "Aftale brydes" in the conflict column.
"""

from __future__ import annotations

from typing import Any

from mentordesk.domain.economy import DebtStatus, DebtType, PriorityClass
from mentordesk.economy.records import EconomySummary
from mentordesk.economy.repayment import RepaymentPlan
from mentordesk.economy.xlsx_layout import (
    DEBT_COLUMNS,
    DEBT_HEADER_ROW,
    DEBT_HELPERS,
    DEBT_SUMMARY_FIRST,
    DEBT_SUMMARY_ROWS,
    NO,
    YES,
    cell_ref,
    cell_text,
    kroner,
)

_SUMMARY_LABELS = {
    "available": "Betalingsevne pr. måned (gns., offentlig metode)",
    "pool": "Til afdrag pr. måned (hele kroner)",
    "token": "Symbolsk afdrag pr. kreditor",
    "priority": "Til prioriteret gæld",
    "rest": "Til øvrig gæld",
    "others": "Antal øvrige kreditorer",
    "token_only": "Kun symbolske afdrag",
    "weight": "Øvrig gæld i alt (øre)",
    "leftover": "Kroner fordelt efter største rest",
    "shortfall": "Mangler for at planen går op",
    "total": "Afdrag i alt pr. måned",
}
# 0-based columns of the visible table and the hidden helpers after it.
(C_CREDITOR, C_COLLECTOR, C_CASE, C_TYPE, C_PRIORITY, C_STATUS, C_PRINCIPAL, C_BALANCE,
 C_BALANCE_ON, C_INTEREST, C_FEES, C_AGREED, C_PAYMENT, C_PAYOFF, C_CONFLICT, C_BUDGETED,
 C_NOTE) = range(17)
(H_OERE, H_WEIGHT, H_BASE, H_REST, H_RANK, H_WANTED, H_PRIORITY, H_OTHER) = range(17, 25)
ORDINARY_LABEL = PriorityClass.ORDINARY.label
CONFLICT_TEXT = "Aftale brydes"


def _summary_cell(name: str) -> str:
    return cell_ref(DEBT_SUMMARY_FIRST + DEBT_SUMMARY_ROWS.index(name), 1, absolute=True)


def write_debt_sheet(sheet: Any, f: Any, result: EconomySummary, available_cell: str) -> None:
    plan = result.plan
    sheet.write_string(0, 0, f"Gæld og afdragsplan {result.year}", f.title)
    by_key = {debt.id: debt for debt in result.debts}
    debts = [by_key[share.key] for share in plan.shares]
    first = DEBT_HEADER_ROW + 1
    last = first + len(debts) - 1
    for column, title in enumerate((*DEBT_COLUMNS, *DEBT_HELPERS)):
        sheet.write_string(DEBT_HEADER_ROW, column, title, f.header)
    cached = helper_table(plan)
    for offset, (debt, share) in enumerate(zip(debts, plan.shares, strict=True)):
        row = first + offset
        _write_debt_inputs(sheet, f, row, debt, kroner)
        # Paid by a budget line already deducted from the ability to pay (public debt).
        budgeted = share.payment_oere if share.is_budgeted else 0
        sheet.write_number(row, C_BUDGETED, kroner(budgeted), f.money)
        _write_debt_formulas(sheet, f, row, first, last, share, cached[offset],
                             any(c.key == share.key for c in plan.conflicts))
    _write_plan_summary(sheet, f, result, available_cell, first, last, kroner)
    sheet.freeze_panes(DEBT_HEADER_ROW + 1, 1)
    sheet.set_column(C_CREDITOR, C_CREDITOR, 40)
    sheet.set_column(C_COLLECTOR, C_STATUS, 14)
    sheet.set_column(C_PRINCIPAL, C_PAYOFF, 13)
    sheet.set_column(C_NOTE, C_NOTE, 30)
    sheet.set_column(H_OERE, H_OTHER, 12, None, {"hidden": True})
    sheet.set_row(DEBT_HEADER_ROW, 28)
    sheet.repeat_rows(DEBT_HEADER_ROW)


def _write_debt_inputs(sheet: Any, f: Any, row: int, debt: Any, kroner: Any) -> None:
    from datetime import datetime

    sheet.write_string(row, C_CREDITOR, cell_text(debt.creditor), f.input_text)
    sheet.write_string(row, C_COLLECTOR, cell_text(debt.collector), f.input_text)
    sheet.write_string(row, C_CASE, cell_text(debt.case_number), f.input_text)
    sheet.write_string(row, C_TYPE, DebtType(debt.debt_type).label, f.input_text)
    sheet.write_string(row, C_PRIORITY, debt.priority_label,
                       f.input_text)
    sheet.write_string(row, C_STATUS, DebtStatus(debt.status).label, f.input_text)
    sheet.write_number(row, C_PRINCIPAL, kroner(debt.principal_oere), f.input_money)
    sheet.write_number(row, C_BALANCE, kroner(debt.balance_oere), f.input_money)
    if debt.balance_on is None:
        sheet.write_blank(row, C_BALANCE_ON, None, f.input_date)
    else:
        on = debt.balance_on
        sheet.write_datetime(row, C_BALANCE_ON, datetime(on.year, on.month, on.day),
                             f.input_date)
    sheet.write_number(row, C_INTEREST, debt.interest_bp / 10_000, f.input_percent)
    sheet.write_number(row, C_FEES, kroner(debt.fees_oere), f.input_money)
    sheet.write_number(row, C_AGREED, kroner(debt.agreed_payment_oere), f.input_money)
    sheet.write_string(row, C_NOTE, cell_text(debt.note), f.input_text)


def _write_debt_formulas(sheet: Any, f: Any, row: int, first: int, last: int, share: Any,
                         cached: dict[int, float], conflict: bool) -> None:
    """The plan columns of one debt, each with the value ``plan_repayment`` computed."""
    def at(column: int) -> str:
        return cell_ref(row, column)

    def span(column: int) -> str:
        return f"{cell_ref(first, column, absolute=True)}:{cell_ref(last, column, absolute=True)}"

    pool, token = _summary_cell("pool"), _summary_cell("token")
    rest, weight = _summary_cell("rest"), _summary_cell("weight")
    is_priority = f'{at(C_PRIORITY)}<>"{ORDINARY_LABEL}"'
    above = (f"SUM({cell_ref(first, H_PRIORITY, absolute=True)}:"
             f"{cell_ref(row - 1, H_PRIORITY)})" if row > first else "0")
    formulas = (
        (H_OERE, f"=ROUND({at(C_BALANCE)}*100,0)"),
        (H_WEIGHT, f"=IF(AND(NOT({is_priority}),{at(H_OERE)}>0,{at(C_BUDGETED)}=0),"
                   f"{at(H_OERE)},0)"),
        (H_BASE, f"=IF({at(H_WEIGHT)}=0,0,QUOTIENT({rest}*{at(H_WEIGHT)},{weight}))"),
        (H_REST, f"=IF({at(H_WEIGHT)}=0,-1,{rest}*{at(H_WEIGHT)}-{at(H_BASE)}*{weight})"),
        (H_RANK, f'=IF({at(H_WEIGHT)}=0,0,COUNTIF({span(H_REST)},">"&{at(H_REST)})'
                 f"+COUNTIF({cell_ref(first, H_REST, absolute=True)}:{at(H_REST)},"
                 f"{at(H_REST)}))"),
        (H_WANTED, f"=IF(AND({is_priority},{at(H_OERE)}>0,{at(C_BUDGETED)}=0),"
                   f"IF({at(C_AGREED)}>0,"
                   f"ROUNDUP({at(C_AGREED)},0),{token}),0)"),
        (H_PRIORITY, f"=IF({at(H_WANTED)}=0,0,MIN({at(H_WANTED)},{pool}-{above}))"),
        (H_OTHER, f'=IF({at(H_WEIGHT)}=0,0,IF({_summary_cell("token_only")}="{YES}",{token},'
                  f'{at(H_BASE)}+IF({at(H_RANK)}<={_summary_cell("leftover")},1,0)))'),
        (C_PAYMENT, f"=({at(H_PRIORITY)}+{at(H_OTHER)}+{at(C_BUDGETED)})"),
    )
    for column, formula in formulas:
        fmt = f.money_bold if column == C_PAYMENT else f.integer
        sheet.write_formula(row, column, formula, fmt, cached[column])
    payoff = share.payoff_months
    sheet.write_formula(
        row, C_PAYOFF,
        f'=IF({at(H_OERE)}<=0,0,IF({at(C_PAYMENT)}<=0,"",IF({at(C_INTEREST)}=0,'
        f"ROUNDUP({at(C_BALANCE)}/{at(C_PAYMENT)},0),IF({at(C_PAYMENT)}<="
        f'{at(C_BALANCE)}*{at(C_INTEREST)}/12,"",ROUNDUP(NPER({at(C_INTEREST)}/12,'
        f"-{at(C_PAYMENT)},{at(C_BALANCE)}),0)))))",
        f.integer, "" if payoff is None else payoff)
    sheet.write_formula(
        row, C_CONFLICT,
        # A budget line pays exact øre; the pool whole kroner (the agreement rounded up).
        f"=IF(AND({at(H_OERE)}>0,IF({at(C_BUDGETED)}>0,{at(C_AGREED)},"
        f'ROUNDUP({at(C_AGREED)},0))>{at(C_PAYMENT)}),"{CONFLICT_TEXT}","")', f.warning,
        CONFLICT_TEXT if conflict else "")


def helper_table(plan: RepaymentPlan) -> list[dict[int, float]]:
    """Per share (plan order), the value of every formula column: what the formulas give,
    computed the way ``plan_repayment`` does, to be cached in the file."""
    others = [s for s in plan.shares
              if not s.is_priority and s.balance_oere > 0 and not s.is_budgeted]
    weight = sum(s.balance_oere for s in others)
    rest_kr = plan.rest_oere // 100
    remainders = {id(s): rest_kr * s.balance_oere - _base(rest_kr, s.balance_oere, weight)
                  * weight for s in others}
    table = []
    for index, share in enumerate(plan.shares):
        is_other = id(share) in remainders
        rest = remainders.get(id(share), -1)
        rank = 0
        if is_other:
            rank = sum(1 for value in remainders.values() if value > rest) + sum(
                1 for earlier in plan.shares[:index + 1]
                if remainders.get(id(earlier)) == rest)
        pool_kr = 0 if share.is_budgeted else share.payment_oere // 100
        wanted = 0
        if share.is_priority and share.balance_oere > 0 and not share.is_budgeted:
            wanted = plan.token_oere // 100
            if share.agreed_payment_oere > 0:
                wanted = -(-share.agreed_payment_oere // 100)
        table.append({
            H_OERE: share.balance_oere, H_WEIGHT: share.balance_oere if is_other else 0,
            H_BASE: _base(rest_kr, share.balance_oere, weight) if is_other else 0,
            H_REST: rest, H_RANK: rank, H_WANTED: wanted,
            H_PRIORITY: pool_kr if share.is_priority else 0,
            H_OTHER: pool_kr if not share.is_priority else 0,
            C_PAYMENT: kroner(share.payment_oere),
        })
    return table


def _write_plan_summary(sheet: Any, f: Any, result: EconomySummary, available_cell: str,
                        first: int, last: int, kroner: Any) -> None:
    plan = result.plan
    has_rows = last >= first

    def span(column: int) -> str:
        return f"{cell_ref(first, column)}:{cell_ref(last, column)}"

    def total(column: int) -> str:
        return f"SUM({span(column)})" if has_rows else "0"

    table = helper_table(plan)
    others = sum(1 for row in table if row[H_WEIGHT] > 0)
    weight = sum(row[H_WEIGHT] for row in table)
    leftover = plan.rest_oere // 100 - sum(row[H_BASE] for row in table) if weight else 0
    rows = {
        "available": (f"=MAX(0,{available_cell})", kroner(plan.available_oere), f.money),
        "pool": (f"=MAX(0,ROUNDDOWN({_summary_cell('available')},0))",
                 plan.pool_oere // 100, f.integer),
        "token": (None, plan.token_oere // 100, f.input_int),
        "priority": (f"={total(H_PRIORITY)}", plan.priority_oere // 100, f.integer),
        "rest": (f"={_summary_cell('pool')}-{_summary_cell('priority')}",
                 plan.rest_oere // 100, f.integer),
        "others": (f'=COUNTIF({span(H_WEIGHT)},">0")' if has_rows else "=0", others,
                   f.integer),
        # Tokens only once every priority debt has what it wants (none short).
        "token_only": (f'=IF(AND({_summary_cell("others")}>0,{_summary_cell("rest")}<'
                       f'{_summary_cell("token")}*{_summary_cell("others")},'
                       f'{total(H_WANTED)}={_summary_cell("priority")}),"{YES}","{NO}")',
                       YES if plan.token_only else NO, f.text),
        "weight": (f"={total(H_WEIGHT)}", weight, f.integer),
        "leftover": (f"=IF({_summary_cell('weight')}=0,0,{_summary_cell('rest')}-"
                     f"{total(H_BASE)})", leftover, f.integer),
        "shortfall": (f"={total(H_WANTED)}-{_summary_cell('priority')}+IF("
                      f'{_summary_cell("token_only")}="{YES}",{_summary_cell("token")}*'
                      f'{_summary_cell("others")}-{_summary_cell("rest")},0)',
                      plan.shortfall_oere // 100, f.integer),
        "total": (f"={total(C_PAYMENT)}", kroner(plan.total_oere), f.money_bold),
    }
    for offset, name in enumerate(DEBT_SUMMARY_ROWS):
        row = DEBT_SUMMARY_FIRST + offset
        formula, value, fmt = rows[name]
        sheet.write_string(row, 0, _SUMMARY_LABELS[name], f.text)
        if formula is None:
            sheet.write_number(row, 1, value, fmt)
        else:
            sheet.write_formula(row, 1, formula, fmt, value)


def _base(rest_kr: int, balance_oere: int, weight: int) -> int:
    return rest_kr * balance_oere // weight if weight else 0
