"""Repayment plan (*afdragsplan*): how the money left each month is shared among debts.

The rules, in the order the exported workbook's formulas apply them too:

1. The pool is the citizen's ability to pay per month (the public method's average), in
   whole kroner, rounded down: nobody promises a creditor øre they lack.
2. Priority debts come first, by their class (housing, utilities, support, fines, public
   debt, other priority; ``PriorityClass``), each class in listed order: each gets its
   agreed payment rounded up to whole kroner (so the agreement is met), or a token amount
   when nothing is agreed yet (the necessary amount to keep it from escalating), as far
   as the pool reaches.
3. Only when every priority debt has its full amount does anything go to ordinary
   creditors: the rest is shared pro rata by balance, in whole kroner: each gets the whole
   part of its exact share, and the kroner left over go one each to the largest
   remainders (ties: listed order) — so the shares sum exactly to the rest.
4. When the rest cannot give every ordinary creditor the token amount, each gets the token
   amount instead (a *symbolsk afdrag* keeps the case from collection) and the plan
   reports the shortfall. While a priority debt is short, ordinary creditors get nothing:
   a token to the phone company must never come before the rent.
5. An agreement (an agreed payment) the plan pays less than is a ``PlanConflict``: it is
   never reduced silently, the mentor decides (renegotiate, or pay it and cut elsewhere).

A public debt whose payment is an expense line of the budget (``budgeted_oere``, already
deducted from the ability to pay) takes nothing from the pool: the plan shows that payment
as paid in the budget (``ShareKind.BUDGETED``), so it is counted once.

Payoff time per debt: months until the balance is paid at the plan's payment with the
debt's yearly interest added monthly (none when the payment does not cover the interest).
Integer and ``Decimal`` arithmetic only.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_CEILING, Decimal, localcontext

from mentordesk.domain.economy import PriorityClass
from mentordesk.domain.labels import LabeledStrEnum
from mentordesk.domain.money import OERE_PER_KRONE

TOKEN_OERE = 100 * OERE_PER_KRONE  # 100 kr. a month: the usual token payment


class ShareKind(LabeledStrEnum):
    PRIORITY = "priority", "Prioriteret"
    PRO_RATA = "pro_rata", "Forholdsmæssig"
    TOKEN = "token", "Symbolsk afdrag"
    BUDGETED = "budgeted", "Betales i budgettet"
    NONE = "none", "Intet afdrag"


@dataclass(frozen=True)
class PlanDebt:
    """What the plan needs to know of a debt. ``key`` is the debt's id (or any tag)."""

    key: int
    creditor: str
    balance_oere: int
    priority_class: PriorityClass = PriorityClass.ORDINARY
    agreed_payment_oere: int = 0
    interest_bp: int = 0  # yearly interest in 1/100 %
    status: str = ""  # the debt's collection state (udlæg, lønindeholdelse …), shown only
    budgeted_oere: int = 0  # paid by a budget line already deducted (a public debt)

    @property
    def is_priority(self) -> bool:
        return PriorityClass(self.priority_class).is_priority


@dataclass(frozen=True)
class PlanShare:
    key: int
    creditor: str
    priority_class: PriorityClass
    balance_oere: int
    payment_oere: int  # whole kroner, per month
    kind: ShareKind
    payoff_months: int | None  # None: not paid off at this payment
    agreed_payment_oere: int = 0
    interest_bp: int = 0
    status: str = ""

    @property
    def is_priority(self) -> bool:
        return self.priority_class.is_priority

    @property
    def is_budgeted(self) -> bool:
        return self.kind is ShareKind.BUDGETED


@dataclass(frozen=True)
class PlanConflict:
    """An agreement the plan cannot honour: agreed ``agreed_oere`` a month (rounded up to
    whole kroner), the plan pays ``payment_oere``. For the mentor to resolve."""

    key: int
    creditor: str
    agreed_oere: int
    payment_oere: int

    @property
    def missing_oere(self) -> int:
        return self.agreed_oere - self.payment_oere


@dataclass(frozen=True)
class RepaymentPlan:
    available_oere: int  # what the month leaves, as given
    pool_oere: int  # whole kroner of it, never negative
    token_oere: int
    priority_oere: int  # paid to priority debts
    rest_oere: int  # pool after priority debts, shared by the others
    shares: tuple[PlanShare, ...]  # priority debts first (by class), then the others
    token_only: bool  # too little for pro rata: the others get token amounts
    shortfall_oere: int  # what the plan promises beyond the pool (0 when it fits)
    priority_covered: bool = True  # every priority debt gets its full amount
    conflicts: tuple[PlanConflict, ...] = ()

    @property
    def total_oere(self) -> int:
        return sum(share.payment_oere for share in self.shares)

    def share_for(self, key: int) -> PlanShare:
        return next(share for share in self.shares if share.key == key)


def plan_order(debts: Sequence[PlanDebt]) -> list[PlanDebt]:
    """Priority debts first by class, ordinary creditors last; listed order within."""
    return sorted(debts, key=lambda debt: PriorityClass(debt.priority_class).rank)


def _ceil_kroner(oere: int) -> int:
    return -(-oere // OERE_PER_KRONE)


def priority_wanted_kroner(debt: PlanDebt, token_kr: int) -> int:
    """What a priority debt needs a month: its agreement, else the token amount."""
    if debt.balance_oere <= 0:
        return 0
    return _ceil_kroner(debt.agreed_payment_oere) if debt.agreed_payment_oere > 0 \
        else token_kr


def plan_repayment(available_oere: int, debts: Sequence[PlanDebt],
                   token_oere: int = TOKEN_OERE) -> RepaymentPlan:
    """Share ``available_oere`` per month among ``debts`` (rules in the module text)."""
    token_kr = _ceil_kroner(max(token_oere, 0))
    pool_kr = max(available_oere, 0) // OERE_PER_KRONE
    ordered = plan_order(debts)
    payments: dict[int, tuple[int, ShareKind]] = {}
    remaining_kr, shortfall_kr = pool_kr, 0
    for index, debt in enumerate(ordered):
        if debt.budgeted_oere > 0:
            continue
        if debt.is_priority and debt.balance_oere > 0:
            wanted = priority_wanted_kroner(debt, token_kr)
            paid = min(wanted, remaining_kr)
            payments[index] = (paid, ShareKind.PRIORITY)
            remaining_kr -= paid
            shortfall_kr += wanted - paid
    priority_covered = shortfall_kr == 0
    rest_kr = remaining_kr
    others = [index for index, debt in enumerate(ordered)
              if not debt.is_priority and debt.balance_oere > 0 and debt.budgeted_oere <= 0]
    token_only = priority_covered and bool(others) and rest_kr < token_kr * len(others)
    if token_only:
        for index in others:
            payments[index] = (token_kr, ShareKind.TOKEN)
        shortfall_kr += token_kr * len(others) - rest_kr
    elif others and priority_covered:
        shares = pro_rata_kroner(rest_kr, [ordered[index].balance_oere for index in others])
        for index, kroner in zip(others, shares, strict=True):
            payments[index] = (kroner, ShareKind.PRO_RATA)
    result = []
    for index, debt in enumerate(ordered):
        kroner, kind = payments.get(index, (0, ShareKind.NONE))
        payment = kroner * OERE_PER_KRONE
        if debt.budgeted_oere > 0:
            payment, kind = debt.budgeted_oere, ShareKind.BUDGETED
        result.append(PlanShare(
            key=debt.key, creditor=debt.creditor,
            priority_class=PriorityClass(debt.priority_class),
            balance_oere=debt.balance_oere, payment_oere=payment, kind=kind,
            payoff_months=payoff_months(debt.balance_oere, payment, debt.interest_bp),
            agreed_payment_oere=debt.agreed_payment_oere, interest_bp=debt.interest_bp,
            status=debt.status))
    priority_kr = pool_kr - rest_kr
    # ``total_oere`` includes budgeted payments; the pool-based figures do not.
    return RepaymentPlan(
        available_oere=available_oere, pool_oere=pool_kr * OERE_PER_KRONE,
        token_oere=token_kr * OERE_PER_KRONE, priority_oere=priority_kr * OERE_PER_KRONE,
        rest_oere=rest_kr * OERE_PER_KRONE, shares=tuple(result), token_only=token_only,
        shortfall_oere=shortfall_kr * OERE_PER_KRONE, priority_covered=priority_covered,
        conflicts=agreement_conflicts(result))


def agreement_conflicts(shares: Sequence[PlanShare]) -> tuple[PlanConflict, ...]:
    """Every agreement the plan pays less than (agreed rounded up to whole kroner)."""
    conflicts = []
    for share in shares:
        # A budget line pays exact øre; the pool pays whole kroner, so the agreement's
        # øre are rounded up as the plan itself does.
        agreed = share.agreed_payment_oere if share.is_budgeted \
            else _ceil_kroner(share.agreed_payment_oere) * OERE_PER_KRONE
        if share.balance_oere > 0 and agreed > share.payment_oere:
            conflicts.append(PlanConflict(key=share.key, creditor=share.creditor,
                                          agreed_oere=agreed, payment_oere=share.payment_oere))
    return tuple(conflicts)


def pro_rata_kroner(total_kr: int, weights: Sequence[int]) -> list[int]:
    """``total_kr`` whole kroner shared by ``weights`` with the largest remainder method.

    Exact integers: share_i = total·w_i // W, remainder total·w_i mod W; the kroner left
    over go to the largest remainders, ties to the earlier listed. Sums to ``total_kr``.
    """
    weight_sum = sum(weights)
    if total_kr <= 0 or weight_sum <= 0:
        return [0] * len(weights)
    base = [total_kr * weight // weight_sum for weight in weights]
    remainders = [total_kr * weight - share * weight_sum
                  for weight, share in zip(weights, base, strict=True)]
    leftover = total_kr - sum(base)
    by_remainder = sorted(range(len(weights)), key=lambda index: (-remainders[index], index))
    for index in by_remainder[:leftover]:
        base[index] += 1
    return base


def payoff_months(balance_oere: int, payment_oere: int, interest_bp: int) -> int | None:
    """Months to pay ``balance_oere`` at ``payment_oere`` a month with yearly interest
    ``interest_bp`` (1/100 %) added monthly; ``None`` if it never gets paid; 0 if nothing
    is owed. Same formula as the workbook's ``NPER``."""
    if balance_oere <= 0:
        return 0
    if payment_oere <= 0:
        return None
    if interest_bp <= 0:
        return -(-balance_oere // payment_oere)
    with localcontext() as context:
        context.prec = 40
        rate = Decimal(interest_bp) / Decimal(10_000) / Decimal(12)
        balance, payment = Decimal(balance_oere), Decimal(payment_oere)
        if payment <= balance * rate:
            return None
        months = -(1 - rate * balance / payment).ln() / (1 + rate).ln()
        # A 40-digit result a hair above a whole month is that month (float NPER agrees).
        return int(months.quantize(Decimal("1e-9")).to_integral_value(rounding=ROUND_CEILING))
