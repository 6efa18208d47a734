"""Economy overview vocabulary and the 2024 norm rates (øre per month)."""

import pytest

from mentordesk.domain.economy import (
    DEBT_RELIEF_2023,
    DEFAULT_NORM_RATES,
    DISPOSABLE_AMOUNT_2024,
    EXPENSE_ITEMS,
    INCOME_ITEMS,
    PRIORITY_DEBT_TYPES,
    DebtStatus,
    DebtType,
    EconomySection,
    Frequency,
    NormKind,
    OneOffBenefitStatus,
)


def test_income_and_expense_items():
    assert all(item.section is EconomySection.INCOME for item in INCOME_ITEMS)
    assert all(item.section is EconomySection.EXPENSE for item in EXPENSE_ITEMS)
    income = {item.label for item in INCOME_ITEMS}
    assert {"Løn", "Kontanthjælp", "SU", "Boligstøtte", "Børne- og ungeydelse"} <= income
    expenses = {item.label for item in EXPENSE_ITEMS}
    assert {"Husleje", "El", "Varme", "Medicin", "Afdrag på gæld"} <= expenses
    codes = [item.code for item in INCOME_ITEMS + EXPENSE_ITEMS]
    assert len(codes) == len(set(codes))


def test_child_benefit_is_quarterly():
    child_benefit = next(i for i in INCOME_ITEMS if i.code == "child_benefit")
    assert child_benefit.default_frequency is Frequency.QUARTERLY
    assert Frequency.QUARTERLY.times_per_year == 4
    assert Frequency.MONTHLY.label == "Månedlig"


def test_debt_statuses():
    assert [s.label for s in DebtStatus] == [
        "Rykker",
        "Inkasso",
        "Fogedret",
        "Udlæg",
        "Gældsstyrelsen",
        "Lønindeholdelse",
        "Aktiv afdragsordning",
        "Misligholdt",
    ]


def test_priority_debts():
    assert {d.value for d in PRIORITY_DEBT_TYPES} == {
        "rent",
        "utilities",
        "fines",
        "child_support",
        "spousal_support",
        "public",
    }
    assert DebtType.RENT.is_priority
    assert not DebtType.CONSUMER_CREDIT.is_priority


def test_one_off_benefit_statuses():
    assert OneOffBenefitStatus.choices() == [
        ("draft", "Kladde"),
        ("sent", "Sendt"),
        ("granted", "Bevilget"),
        ("refused", "Afslået"),
        ("appealed", "Påklaget"),
    ]


def test_2024_disposable_amount_rates():
    rates = DISPOSABLE_AMOUNT_2024
    assert (rates.year, rates.kind) == (2024, NormKind.DISPOSABLE_AMOUNT)
    assert (rates.first_adult, rates.second_adult) == (724_000, 504_000)
    assert (rates.child_0_1, rates.child_2_6, rates.child_7_17) == (197_000, 252_000, 363_000)


def test_debt_relief_rates_are_the_2023_figures():
    rates = DEBT_RELIEF_2023
    assert (rates.year, rates.kind) == (2023, NormKind.DEBT_RELIEF)
    assert (rates.first_adult, rates.second_adult) == (701_000, 488_000)
    assert (rates.child_0_1, rates.child_2_6, rates.child_7_17) == (191_000, 246_000, 353_000)
    assert DEFAULT_NORM_RATES == (DISPOSABLE_AMOUNT_2024, DEBT_RELIEF_2023)


def test_household_norm():
    rates = DISPOSABLE_AMOUNT_2024
    assert rates.household_norm(1) == 724_000
    # Two adults, a baby, a 4-year-old and a 12-year-old.
    assert rates.household_norm(2, [1, 4, 12]) == 724_000 + 504_000 + 197_000 + 252_000 + 363_000
    assert rates.child_rate(2) == 252_000 and rates.child_rate(7) == 363_000


@pytest.mark.parametrize("age", [-1, 18])
def test_child_rate_rejects_adults_and_negative_ages(age):
    with pytest.raises(ValueError, match="0–17"):
        DISPOSABLE_AMOUNT_2024.child_rate(age)


def test_household_norm_counts_every_extra_adult():
    # Example (c): three adults, 2024 — 7.240 + 2 × 5.040 = 17.320 kr. a month.
    assert DISPOSABLE_AMOUNT_2024.household_norm(3) == 1_732_000
    with pytest.raises(ValueError):
        DISPOSABLE_AMOUNT_2024.household_norm(0)
