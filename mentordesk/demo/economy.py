"""Economy for the demo: yearly household sheets, debts and one-off benefit applications
for some citizens, and progress-report drafts (made in the same build phase)."""

from __future__ import annotations

import random
from datetime import date, timedelta

from sqlalchemy.orm import Session

from mentordesk.demo.state import ECONOMY_SHARE, DemoState, bulk, next_id
from mentordesk.demo.texts import (
    BENEFIT_PURPOSES,
    CITIZEN_VIEWS,
    REPORT_ASSESSMENTS,
    REPORT_NEXT_STEPS,
)
from mentordesk.domain.economy import (
    DISPOSABLE_AMOUNT_2024,
    EXPENSE_ITEMS,
    INCOME_ITEMS,
    ONE_OFF_BENEFIT_LEGAL_BASIS,
    DebtStatus,
    DebtType,
    Frequency,
    NormKind,
    OneOffBenefitStatus,
    covered_by_norm,
)
from mentordesk.domain.vum import InterventionStatus
from mentordesk.economy.sheet import fill_months
from mentordesk.storage import models as m
from mentordesk.storage.models import MONTH_COLUMNS

_LABELS = {item.code: item.label for item in (*INCOME_ITEMS, *EXPENSE_ITEMS)}
# (income item, net kroner per month low, high, weight)
_INCOMES = (("cash_benefit", 8_500, 11_500, 35), ("pension", 13_000, 15_500, 20),
            ("sickness_benefit", 13_000, 15_500, 12), ("unemployment_benefit", 14_000, 16_500, 10),
            ("wages", 9_000, 18_000, 15), ("student_grant", 5_800, 6_900, 8))
# (expense item, frequency, kroner low, high, share of households, first month)
_EXPENSES = (("rent", "monthly", 4_200, 8_900, 1.0, 1),
             ("electricity", "monthly", 350, 900, 1.0, 1),
             ("heating", "quarterly", 1_200, 3_600, 0.6, 3),
             ("water", "quarterly", 300, 800, 0.5, 2),
             ("insurance", "yearly", 1_800, 4_500, 0.7, 1),
             ("phone_internet", "monthly", 149, 399, 1.0, 1),
             ("transport", "monthly", 300, 600, 0.6, 1),
             ("medicine", "monthly", 100, 450, 0.5, 1))
_SEASON = (1.3, 1.3, 1.1, 1.0, 0.8, 0.8, 0.8, 0.8, 1.0, 1.1, 1.3, 1.3)  # electricity by month
_CREDITORS = {
    DebtType.RENT: "Vestby Boligforening", DebtType.UTILITIES: "Nordby Forsyning A/S",
    DebtType.FINES: "Bødeopkrævningen (demo)", DebtType.CHILD_SUPPORT: "Børnebidrag (demo)",
    DebtType.SPOUSAL_SUPPORT: "Ægtefællebidrag (demo)",
    DebtType.PUBLIC: "Restskat (demo)", DebtType.BANK_LOAN: "Demobanken A/S",
    DebtType.CONSUMER_CREDIT: "Kviklån Demo ApS", DebtType.PHONE_INTERNET: "Teleselskabet Demo A/S",
    DebtType.OTHER: "Webshoppen Demo ApS",
}
_PUBLIC_COLLECTED = {DebtType.FINES, DebtType.CHILD_SUPPORT, DebtType.SPOUSAL_SUPPORT,
                     DebtType.PUBLIC}


def add_economy(state: DemoState, session: Session) -> None:
    """Sheets and debts for ECONOMY_SHARE of the citizens (active or paused, named), one-off
    benefits for some of them, and report drafts for a few active citizens with goals."""
    rng, today = state.rng, state.today
    pool = [c for c in state.cases if c.status in ("active", "paused") and not c.anonymous]
    chosen = rng.sample(pool, min(len(pool), round(state.n_citizens * ECONOMY_SHARE)))
    overview_id = next_id(session, m.EconomyOverview)
    overviews, lines, debt_rows = [], [], []
    for offset, case in enumerate(chosen):
        owed = [debt | {"citizen_id": case.id} for debt in debts(rng, today)]
        paying = sum(d["agreed_payment_oere"] for d in owed if d["status"] != "wage_deduction")
        overview, sheet = economy_sheet(rng, paying)
        overviews.append(overview | {"id": overview_id + offset, "citizen_id": case.id,
                                     "year": today.year,
                                     "rates_year": _confirmed_rates_year(today.year)})
        lines += [line | {"overview_id": overview_id + offset, "position": position}
                  for position, line in enumerate(sheet)]
        debt_rows += owed
    benefits = [benefit_application(rng, today) | {"citizen_id": case.id}
                for case in rng.sample(chosen, min(len(chosen), max(2, len(chosen) // 10)))]
    reportable = [c for c in state.cases if c.status == "active" and c.goals and not c.anonymous]
    reports = [{
        "citizen_id": case.id, "period_from": today - timedelta(days=91), "period_to": today,
        "status": "draft", "mentor_assessment": rng.choice(REPORT_ASSESSMENTS),
        "citizen_view": rng.choice(CITIZEN_VIEWS),
        "next_steps": rng.choice(REPORT_NEXT_STEPS),
        "recommendation": InterventionStatus.CONTINUE.value,
        "author_id": case.primary_at(today.toordinal()), "recipient": case.grants[-1].recipient,
    } for case in rng.sample(reportable, min(len(reportable), max(2, state.n_citizens // 50)))]
    for model, rows in ((m.EconomyOverview, overviews), (m.EconomyLine, lines),
                        (m.Debt, debt_rows), (m.BenefitApplication, benefits),
                        (m.ReportDraft, reports)):
        bulk(session, model, rows)


def _kroner(rng: random.Random, low: int, high: int) -> int:
    """A whole-kroner amount in øre (steps of 10 kr. above 1.000 kr.)."""
    step = 10 if high > 1_000 else 1
    return rng.randrange(low, high + 1, step) * 100


def _hundreds(oere: float) -> int:
    """Round to whole kroner (integer øre)."""
    return round(oere / 100) * 100


def _confirmed_rates_year(year: int) -> int | None:
    """The demo mentor has confirmed the newest shipped rates for a year without its own
    (as a real mentor is asked to)."""
    published = DISPOSABLE_AMOUNT_2024.year
    return published if year > published else None


def _line(section: str, code: str, frequency: str, amount: int, first_month: int = 1, *,
          months: list[int] | None = None, person: str = "citizen", note: str = "") -> dict:
    filled = list(fill_months(frequency, amount, first_month))
    if months is None:
        months = filled
    elif months != filled:
        # Seasonal electricity, a month without childcare fee: typed month by month.
        frequency = Frequency.VARIES.value
    return {"section": section, "category": code, "label": _LABELS[code], "person": person,
            "frequency": frequency, "amount_oere": amount, "first_month": first_month,
            "note": note, "version": 1,
            "norm_covered": section == "expense" and covered_by_norm(code), "debt_id": None,
            **dict(zip(MONTH_COLUMNS, months, strict=True))}


def economy_sheet(rng: random.Random, instalments_oere: int) -> tuple[dict, list[dict]]:
    """A household's yearly sheet: overview columns and income/expense lines per month."""
    adults = 2 if rng.random() < 0.2 else 1
    children = [0, 0, 0]
    if rng.random() < 0.3:
        for _ in range(rng.randint(1, 3)):
            children[rng.randrange(3)] += 1
    code, low, high, _ = rng.choices(_INCOMES, [w for *_, w in _INCOMES])[0]
    amount = _kroner(rng, low, high)
    varying = [_hundreds(amount * rng.uniform(0.85, 1.15)) for _ in range(12)] \
        if code == "wages" else None
    lines = [_line("income", code, "monthly", amount, months=varying)]
    if adults == 2:
        lines.append(_line("income", "cash_benefit", "monthly", _kroner(rng, 8_500, 11_500),
                           person="partner"))
    if rng.random() < 0.6:
        lines.append(_line("income", "housing_benefit", "monthly", _kroner(rng, 800, 3_200)))
    if sum(children):
        lines.append(_line("income", "child_benefit", "quarterly",
                           sum(children) * _kroner(rng, 3_900, 4_800)))
    for item, frequency, low, high, share, first_month in _EXPENSES:
        if rng.random() < share:
            amount = _kroner(rng, low, high)
            months = [_hundreds(amount * factor) for factor in _SEASON] \
                if item == "electricity" else None
            lines.append(_line("expense", item, frequency, amount, first_month, months=months))
    if children[0] + children[1]:
        fee = _kroner(rng, 1_300, 2_800)
        lines.append(_line("expense", "childcare", "monthly", fee,
                           months=[0 if month == 7 else fee for month in range(1, 13)],
                           note="Juli er betalingsfri"))
    if code in ("wages", "unemployment_benefit"):
        lines.append(_line("expense", "union_fund", "monthly", _kroner(rng, 450, 560)))
    if instalments_oere:
        lines.append(_line("expense", "debt_instalments", "monthly", instalments_oere))
    if rng.random() < 0.4:
        lines.append(_line("expense", "other_expense", "once", _kroner(rng, 1_200, 3_000),
                           rng.randint(1, 12), note="Tandlæge"))
    overview = {"adults": adults, "children_0_1": children[0], "children_2_6": children[1],
                "children_7_17": children[2], "norm_kind": NormKind.DISPOSABLE_AMOUNT.value,
                "note": "Lavet sammen med borgeren.", "version": 1}
    return overview, lines


def debts(rng: random.Random, today: date) -> list[dict]:
    rows = []
    for _ in range(rng.choices(range(6), (20, 25, 20, 15, 12, 8))[0]):
        kind = rng.choice(tuple(DebtType))
        status = rng.choices(tuple(DebtStatus), (20, 25, 8, 4, 15, 8, 18, 6))[0]
        principal = _kroner(rng, 1_500, 150_000 if kind in (DebtType.PUBLIC, DebtType.BANK_LOAN)
                            else 40_000)
        collector = "Gældsstyrelsen" if kind in _PUBLIC_COLLECTED or \
            status is DebtStatus.DEBT_AGENCY else (
                "Demo Inkasso A/S" if status in (DebtStatus.COLLECTION, DebtStatus.BAILIFF,
                                                  DebtStatus.ATTACHMENT) else "")
        paying = status in (DebtStatus.INSTALMENT_PLAN, DebtStatus.WAGE_DEDUCTION)
        rows.append({
            "creditor": _CREDITORS[kind], "collector": collector,
            "case_number": f"DEMO-{rng.randint(10_000, 99_999)}", "debt_type": kind.value,
            "priority_class": kind.default_priority.value, "status": status.value,
            "principal_oere": principal,
            "balance_oere": _hundreds(principal * rng.uniform(0.4, 1.3)),
            "balance_on": today - timedelta(days=rng.randint(0, 60)),
            "interest_bp": rng.choice((0, 0, 500, 725, 1_200, 1_950)),
            "fees_oere": rng.choice((0, 10_000, 25_000, 60_000)),
            "agreed_payment_oere": _kroner(rng, 200, 1_500) if paying else 0,
            "note": "", "version": 1,
        })
    return rows


def benefit_application(rng: random.Random, today: date) -> dict:
    purpose, amount = rng.choice(BENEFIT_PURPOSES)
    status = rng.choices(tuple(OneOffBenefitStatus), (15, 25, 35, 15, 10))[0]
    applied = today - timedelta(days=rng.randint(5, 200))
    decided = None
    if status in (OneOffBenefitStatus.GRANTED, OneOffBenefitStatus.REFUSED,
                  OneOffBenefitStatus.APPEALED):
        decided = min(applied + timedelta(days=rng.randint(10, 50)), today)
    return {
        "applied_on": applied, "purpose": purpose, "legal_basis": ONE_OFF_BENEFIT_LEGAL_BASIS,
        "amount_applied_oere": amount, "status": status.value,
        "amount_granted_oere": amount if status is OneOffBenefitStatus.GRANTED else None,
        "decided_on": decided,
        "appeal_deadline": decided + timedelta(days=28)
        if decided and status is not OneOffBenefitStatus.GRANTED else None,
        "note": "", "version": 1,
    }
