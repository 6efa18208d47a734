"""Ability to pay by the public method, and no double counting (issue 16, examples (b)–(e)).

Ability to pay = monthly net income − the rådighedsbeløb for the household − housing −
support obligations − documented special needs − payments on public debt. The everyday
budget (income − every actual expense line) stays beside it.
"""

from __future__ import annotations

from mentordesk.domain.economy import (
    DISPOSABLE_AMOUNT_2024,
    BudgetGroup,
    EconomySection,
    Frequency,
    PriorityClass,
)
from mentordesk.economy import (
    PlanDebt,
    ShareKind,
    Sheet,
    SheetLine,
    budget_group,
    compute_totals,
    plan_repayment,
)
from mentordesk.economy.sheet import budgeted_payment

INCOME, EXPENSE, MONTHLY = EconomySection.INCOME, EconomySection.EXPENSE, Frequency.MONTHLY
SINGLE_NORM = 724_000  # 2024, one adult


def _line(section: EconomySection, label: str, oere: int, **other: object) -> SheetLine:
    return SheetLine.filled(section, label, MONTHLY, oere, **other)


def test_example_b_two_adults_children_aged_1_and_6_in_2024():
    # (7.240 + 5.040) + 1.970 (0–1 år) + 2.520 (2–6 år) = 16.770 kr. a month.
    sheet = Sheet(citizen_id=1, year=2024, adults=2, children_0_1=1, children_2_6=1)
    assert sheet.household_norm(DISPOSABLE_AMOUNT_2024) == 1_677_000
    assert DISPOSABLE_AMOUNT_2024.household_norm(2, [1, 6]) == 1_677_000


def test_example_c_three_adults():
    # 7.240 + 2 × 5.040 (each adult after the first) = 17.320 kr.; with a 12-year-old
    # 17.320 + 3.630 = 20.950 kr.
    sheet = Sheet(citizen_id=1, year=2024, adults=3)
    assert sheet.household_norm(DISPOSABLE_AMOUNT_2024) == 1_732_000
    with_child = Sheet(citizen_id=1, year=2024, adults=3, children_7_17=1)
    assert with_child.household_norm(DISPOSABLE_AMOUNT_2024) == 2_095_000


def test_example_d_an_item_the_norm_covers_does_not_reduce_ability_to_pay_twice():
    # Net 20.000; rent 6.000 (housing); food 3.000 — the rådighedsbeløb pays for food.
    # Budget: 20.000 − 6.000 − 3.000 = 11.000 kr. (the actual items, as the citizen lives).
    # Ability to pay: 20.000 − 7.240 (norm) − 6.000 (housing) = 6.760 kr.; the old sheet
    # took 11.000 − 7.240 = 3.760 kr., counting the food twice.
    sheet = Sheet(citizen_id=1, year=2024, lines=(
        _line(INCOME, "Løn", 2_000_000),
        _line(EXPENSE, "Husleje", 600_000, category="rent"),
        _line(EXPENSE, "Mad", 300_000, category="food", norm_covered=True),
    ))
    totals = compute_totals(sheet, SINGLE_NORM)
    assert totals.disposable_average == 1_100_000
    assert totals.ability_average == 676_000 and totals.ability[0] == 676_000
    assert totals.groups[BudgetGroup.HOUSING][0] == 600_000
    assert BudgetGroup.COVERED not in totals.groups
    assert totals.available_for_debt == 676_000


def test_support_and_special_needs_are_deducted_by_group():
    # 20.000 − 7.240 − 6.000 housing − 1.500 child support − 400 medicine = 4.860 kr.
    sheet = Sheet(citizen_id=1, year=2024, lines=(
        _line(INCOME, "Løn", 2_000_000),
        _line(EXPENSE, "Husleje", 600_000, category="rent"),
        _line(EXPENSE, "Børnebidrag", 150_000, category="child_support_paid"),
        _line(EXPENSE, "Medicin", 40_000, category="medicine"),
    ))
    totals = compute_totals(sheet, SINGLE_NORM)
    assert [totals.group_average(group) for group in (
        BudgetGroup.HOUSING, BudgetGroup.SUPPORT, BudgetGroup.SPECIAL,
        BudgetGroup.PUBLIC_DEBT)] == [600_000, 150_000, 40_000, 0]
    assert totals.ability_average == 486_000


def test_example_e_an_instalment_line_linked_to_its_debt_is_subtracted_once():
    # The phone company's 420 kr. agreement is also an "Afdrag på gæld" line of 420 kr.
    # Linked, the line is left out of the ability to pay (20.000 − 7.240 − 6.000 = 6.760)
    # and the plan pays the agreement from it: 420 kr. subtracted once, not 6.340 left
    # after the line AND 420 more paid by the plan.
    phone = 7
    sheet = Sheet(citizen_id=1, year=2024, lines=(
        _line(INCOME, "Løn", 2_000_000),
        _line(EXPENSE, "Husleje", 600_000, category="rent"),
        _line(EXPENSE, "Afdrag på gæld", 42_000, category="debt_instalments", debt_id=phone),
    ))
    totals = compute_totals(sheet, SINGLE_NORM)
    assert budget_group(sheet.expense_lines[1]) is BudgetGroup.INSTALMENT
    assert totals.disposable_average == 1_358_000  # the budget still shows the line
    assert totals.ability_average == 676_000
    plan = plan_repayment(totals.available_for_debt, [
        PlanDebt(phone, "Teleselskabet (fiktiv)", 400_000, agreed_payment_oere=42_000)])
    assert plan.pool_oere == 676_000 and plan.conflicts == ()


def test_a_line_paying_a_public_debt_is_deducted_once_and_the_plan_does_not_pay_it_again():
    # Restskat paid 1.000 kr. a month by a budget line: the public method deducts it
    # (20.000 − 7.240 − 6.000 − 1.000 = 5.760 kr.), and the plan shows it as paid in the
    # budget without taking it from the 5.760 kr. again; the bank gets the 5.760 kr.
    tax, bank = 9, 10
    sheet = Sheet(citizen_id=1, year=2024, lines=(
        _line(INCOME, "Løn", 2_000_000),
        _line(EXPENSE, "Husleje", 600_000, category="rent"),
        _line(EXPENSE, "Restskat", 100_000, debt_id=tax),
    ))
    totals = compute_totals(sheet, SINGLE_NORM, frozenset({tax}))
    assert totals.group_average(BudgetGroup.PUBLIC_DEBT) == 100_000
    assert totals.ability_average == 576_000
    plan = plan_repayment(totals.available_for_debt, [
        PlanDebt(tax, "Gældsstyrelsen (fiktiv)", 3_000_000, priority_class=PriorityClass.PUBLIC,
                 agreed_payment_oere=100_000, budgeted_oere=budgeted_payment(sheet, tax)),
        PlanDebt(bank, "Demobanken (fiktiv)", 5_000_000)])
    assert plan.share_for(tax).kind is ShareKind.BUDGETED
    assert plan.share_for(tax).payment_oere == 100_000
    assert plan.priority_oere == 0 and plan.share_for(bank).payment_oere == 576_000
    assert plan.total_oere == 676_000 and plan.conflicts == ()
