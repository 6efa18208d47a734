"""Priority debts first, by rule, and never a silent cut (issue 16, worked example (a)).

The case the debt counsellor found: rent arrears at the bailiff, child support arrears
and a fine — and a phone company with an active 420 kr. agreement — with too little money.
The old plan paid the three priority debts 0 kr., gave the phone company a 100 kr. token
and silently cut its agreement from 420 to 100 kr.
"""

from __future__ import annotations

from mentordesk.domain.economy import DebtStatus, DebtType, PriorityClass
from mentordesk.economy import PlanConflict, PlanDebt, ShareKind, plan_repayment

RENT, SUPPORT, FINE, PHONE = 1, 2, 3, 4


def _case() -> list[PlanDebt]:
    # Listed in the order a mentor might type them: the phone company first.
    return [
        PlanDebt(PHONE, "Teleselskabet (fiktiv)", 400_000, agreed_payment_oere=42_000,
                 status=DebtStatus.INSTALMENT_PLAN.value),
        PlanDebt(FINE, "Bødeopkrævningen (fiktiv)", 300_000,
                 priority_class=PriorityClass.FINES),
        PlanDebt(SUPPORT, "Børnebidrag (fiktiv)", 600_000,
                 priority_class=PriorityClass.SUPPORT, agreed_payment_oere=40_000),
        PlanDebt(RENT, "Boligforeningen (fiktiv)", 1_200_000,
                 priority_class=PriorityClass.HOUSING, agreed_payment_oere=100_000,
                 status=DebtStatus.BAILIFF.value),
    ]


def test_example_a_priority_debts_are_paid_first_and_the_broken_agreement_is_a_conflict():
    # 1.200 kr. a month. By class: rent (housing) wants its agreed 1.000 kr. → 1.000,
    # 200 left; child support (support) wants 400 → gets the 200 left, 200 short; the fine
    # (no agreement: the 100 kr. token keeps it from conversion) → 0, 100 short.
    # A priority debt is short, so the phone company gets NOTHING — no token either.
    plan = plan_repayment(120_000, _case())
    assert [share.key for share in plan.shares] == [RENT, SUPPORT, FINE, PHONE]
    paid = {share.key: share.payment_oere for share in plan.shares}
    assert paid == {RENT: 100_000, SUPPORT: 20_000, FINE: 0, PHONE: 0}
    assert plan.total_oere == 120_000 == plan.priority_oere
    assert not plan.priority_covered and not plan.token_only
    assert plan.share_for(PHONE).kind is ShareKind.NONE
    assert plan.shortfall_oere == 20_000 + 10_000  # 200 kr. support + 100 kr. fine
    # Neither agreement is reduced silently: both are conflicts for the mentor.
    assert plan.conflicts == (
        PlanConflict(SUPPORT, "Børnebidrag (fiktiv)", agreed_oere=40_000, payment_oere=20_000),
        PlanConflict(PHONE, "Teleselskabet (fiktiv)", agreed_oere=42_000, payment_oere=0),
    )
    assert plan.conflicts[1].missing_oere == 42_000
    # The bailiff case stays visible on the plan.
    assert plan.share_for(RENT).status == "bailiff"


def test_priority_covered_then_the_rest_goes_on_and_a_short_agreement_is_a_conflict():
    # 1.800 kr.: rent 1.000 + support 400 + fine 100 (token) = 1.500; 300 kr. left for the
    # phone company alone (pro rata of one is all of it). 300 < its 420 agreement: conflict.
    plan = plan_repayment(180_000, _case())
    assert plan.priority_covered and plan.priority_oere == 150_000
    assert plan.share_for(PHONE).payment_oere == 30_000
    assert plan.share_for(PHONE).kind is ShareKind.PRO_RATA
    assert [conflict.key for conflict in plan.conflicts] == [PHONE]
    assert plan.shortfall_oere == 0


def test_token_amounts_only_once_every_priority_debt_is_covered():
    # 1.550 kr.: priority 1.500 covered, 50 kr. left < the 100 kr. token → the phone company
    # is offered the token (50 kr. short), still a conflict against its 420 kr. agreement.
    plan = plan_repayment(155_000, _case())
    assert plan.token_only and plan.share_for(PHONE).payment_oere == 10_000
    assert plan.shortfall_oere == 5_000
    assert [conflict.key for conflict in plan.conflicts] == [PHONE]


def test_agreement_met_is_no_conflict():
    # 2.000 kr.: priority 1.500, 500 kr. to the phone company ≥ its 420 kr. agreement.
    plan = plan_repayment(200_000, _case())
    assert plan.conflicts == () and plan.share_for(PHONE).payment_oere == 50_000


def test_classes_are_paid_in_the_rule_order_whatever_the_listed_order():
    debts = [PlanDebt(index, klass.label, 100_000, priority_class=klass)
             for index, klass in enumerate(reversed(list(PriorityClass)))]
    plan = plan_repayment(0, debts)
    assert [share.priority_class for share in plan.shares] == list(PriorityClass)


def test_default_priority_by_debt_type():
    assert DebtType.RENT.default_priority is PriorityClass.HOUSING
    assert DebtType.UTILITIES.default_priority is PriorityClass.UTILITIES
    assert DebtType.CHILD_SUPPORT.default_priority is PriorityClass.SUPPORT
    assert DebtType.SPOUSAL_SUPPORT.default_priority is PriorityClass.SUPPORT
    assert DebtType.FINES.default_priority is PriorityClass.FINES
    assert DebtType.PUBLIC.default_priority is PriorityClass.PUBLIC
    assert DebtType.PHONE_INTERNET.default_priority is PriorityClass.ORDINARY
    assert DebtType.CONSUMER_CREDIT.default_priority is PriorityClass.ORDINARY
