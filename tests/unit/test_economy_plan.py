"""Worked examples of the economy arithmetic: month fills, totals, the repayment plan."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from mentordesk.domain.economy import EconomySection, Frequency, PriorityClass
from mentordesk.economy import (
    PlanDebt,
    ShareKind,
    Sheet,
    SheetLine,
    compute_totals,
    fill_months,
    payoff_months,
    plan_repayment,
    pro_rata_kroner,
)


def test_fill_months_follows_the_frequency_from_the_first_month():
    assert fill_months(Frequency.MONTHLY, 100, 3) == (0, 0, *([100] * 10))
    assert fill_months(Frequency.QUARTERLY, 4725, 2) == (0, 4725, 0, 0, 4725, 0, 0, 4725,
                                                         0, 0, 4725, 0)
    assert fill_months(Frequency.YEARLY, 999, 12) == (*([0] * 11), 999)
    assert fill_months(Frequency.ONCE, 5, 1) == (5, *([0] * 11))
    assert fill_months(Frequency.VARIES, 5, 1) == (0,) * 12


def test_totals_average_and_per_day_round_half_up_to_the_oere():
    sheet = Sheet(citizen_id=1, year=2024, lines=(
        SheetLine(EconomySection.INCOME, "Løn", months=(6, *([0] * 11))),
        SheetLine.filled(EconomySection.EXPENSE, "Husleje", Frequency.MONTHLY, 580_000),
        SheetLine.filled(EconomySection.INCOME, "Kontanthjælp", Frequency.MONTHLY, 1_150_000),
    ))
    totals = compute_totals(sheet, norm_month=724_000)
    # 6 øre over 12 months is 0,5 øre: half up gives 1 øre, like Excel's ROUND.
    assert sheet.lines[0].monthly_average == 1
    assert totals.income[0] == 1_150_006 and totals.expense[1] == 580_000
    assert totals.disposable[1] == 570_000
    # February 2024 has 29 days: 5.700,00 / 29 = 196,551… → 196,55 kr.
    assert totals.disposable_per_day[1] == 19_655
    assert totals.running_balance[2] == 570_006 + 570_000 * 2
    # Ability to pay: the rent is not covered by the norm, so it is deducted beside it.
    assert totals.ability[1] == 1_150_000 - 724_000 - 580_000
    # −1.847.994 / 12 = −153.999,5 øre: half away from zero, as Excel's ROUND does.
    assert totals.ability_average == -154_000
    assert totals.deficit_months == ()
    assert totals.available_for_debt == 0


def test_running_balance_marks_deficit_months():
    sheet = Sheet(citizen_id=1, year=2025, lines=(
        SheetLine.filled(EconomySection.INCOME, "SU", Frequency.MONTHLY, 100_000),
        SheetLine.filled(EconomySection.EXPENSE, "Tandlæge", Frequency.ONCE, 250_000, 2),
    ))
    totals = compute_totals(sheet)
    assert totals.running_balance[:4] == (100_000, -50_000, 50_000, 150_000)
    assert totals.deficit_months == (2,)


def test_largest_remainder_sums_exactly_and_breaks_ties_by_order():
    assert pro_rata_kroner(100, [1, 1, 1]) == [34, 33, 33]
    assert pro_rata_kroner(10, [5, 3, 2]) == [5, 3, 2]
    assert pro_rata_kroner(0, [5, 3]) == [0, 0]


@given(st.integers(0, 100_000), st.lists(st.integers(1, 10**9), min_size=1, max_size=12))
def test_largest_remainder_always_sums_to_the_pool(total, weights):
    shares = pro_rata_kroner(total, weights)
    assert sum(shares) == total
    assert all(share >= 0 for share in shares)


def test_worked_plan_priority_first_then_pro_rata():
    # 1.500,75 kr. available → 1.500 kr. pool. Rent arrears (priority) agreed 500,50 kr.:
    # 501 kr. (rounded up so the agreement is kept). 999 kr. left for 10.000 / 20.000 /
    # 30.000 kr.: exact 166,5 / 333 / 499,5 → 166 + 333 + 499 = 998; the last krone goes
    # to the largest remainder; the first and the third tie, so the first listed gets it.
    plan = plan_repayment(150_075, [
        PlanDebt(1, "Kviklån", 1_000_000),
        PlanDebt(2, "Bank", 2_000_000),
        PlanDebt(3, "Webshop", 3_000_000),
        PlanDebt(4, "Boligforening", 800_000, priority_class=PriorityClass.HOUSING,
                 agreed_payment_oere=50_050),
    ])
    assert [share.key for share in plan.shares] == [4, 1, 2, 3]
    assert [share.payment_oere for share in plan.shares] == [50_100, 16_700, 33_300, 49_900]
    assert plan.pool_oere == 150_000 and plan.total_oere == 150_000
    assert plan.priority_oere == 50_100 and plan.rest_oere == 99_900
    assert not plan.token_only and plan.shortfall_oere == 0
    assert plan.share_for(4).kind is ShareKind.PRIORITY
    assert plan.share_for(4).payoff_months == 16  # 8.000 / 501 = 15,97 → 16 months


def test_token_amounts_when_too_little_is_left():
    plan = plan_repayment(25_000, [PlanDebt(1, "A", 500_000), PlanDebt(2, "B", 900_000),
                                   PlanDebt(3, "C", 100_000)])
    assert plan.token_only
    assert [share.payment_oere for share in plan.shares] == [10_000] * 3
    assert plan.shortfall_oere == 5_000
    assert {share.kind for share in plan.shares} == {ShareKind.TOKEN}


def test_priority_debt_without_agreement_gets_a_token_and_zero_balance_nothing():
    plan = plan_repayment(0, [PlanDebt(1, "Bøde", 300_000, priority_class=PriorityClass.FINES),
                              PlanDebt(2, "Betalt", 0)])
    assert plan.share_for(1).payment_oere == 0 and plan.shortfall_oere == 10_000
    assert plan.share_for(2).kind is ShareKind.NONE and plan.share_for(2).payoff_months == 0


def test_payoff_months_with_and_without_interest():
    assert payoff_months(100_000, 10_000, 0) == 10
    assert payoff_months(100_001, 10_000, 0) == 11
    # 1.000 kr. at 100 kr. a month, 12 % a year: -ln(1 - 0,01·10) / ln(1,01) = 10,59 → 11.
    assert payoff_months(100_000, 10_000, 1_200) == 11
    # 10 kr. a month does not cover 1 % interest on 1.000 kr.: never paid off.
    assert payoff_months(100_000, 1_000, 1_200) is None
    assert payoff_months(100_000, 0, 0) is None
