"""Vocabulary and default rates for the citizen's economy overview (*økonomisk overblik*).

All amounts are integer øre (see ``money``). Rates are per month and shipped as defaults;
the team edits them per year in the database, so nothing here is authoritative after setup.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .labels import LabeledStrEnum


class Frequency(LabeledStrEnum):
    """How often an economy line is paid or received."""

    MONTHLY = "monthly", "Månedlig"
    QUARTERLY = "quarterly", "Kvartalsvis"
    YEARLY = "yearly", "Årlig"
    ONCE = "once", "Én gang"
    # Months typed one by one (seasonal electricity, a pay rise in July): no fill rule.
    VARIES = "varies", "Varierende"

    @property
    def times_per_year(self) -> int:
        """How many months a fill puts the amount in (``VARIES``: 0, it is not filled)."""
        return {"monthly": 12, "quarterly": 4, "yearly": 1, "once": 1, "varies": 0}[self.value]


class Person(LabeledStrEnum):
    """Whose income or expense a line is: households often have two adults."""

    CITIZEN = "citizen", "Borger"
    PARTNER = "partner", "Partner"
    SHARED = "shared", "Fælles"


class EconomySection(LabeledStrEnum):
    INCOME = "income", "Indtægter"
    EXPENSE = "expense", "Udgifter"


@dataclass(frozen=True)
class EconomyItem:
    """A suggested line in the yearly sheet; the mentor can add free-text lines too."""

    code: str
    label: str
    section: EconomySection
    default_frequency: Frequency = Frequency.MONTHLY


_IN, _OUT = EconomySection.INCOME, EconomySection.EXPENSE

# Income is entered net (after tax), as it arrives in the bank account.
INCOME_ITEMS: tuple[EconomyItem, ...] = (
    EconomyItem("wages", "Løn", _IN),
    EconomyItem("unemployment_benefit", "Dagpenge", _IN),
    EconomyItem("sickness_benefit", "Sygedagpenge", _IN),
    EconomyItem("cash_benefit", "Kontanthjælp", _IN),
    EconomyItem("student_grant", "SU", _IN),
    EconomyItem("pension", "Pension", _IN),
    EconomyItem("housing_benefit", "Boligstøtte", _IN),
    # Børne- og ungeydelse is paid quarterly, which is why the sheet has months at all.
    EconomyItem("child_benefit", "Børne- og ungeydelse", _IN, Frequency.QUARTERLY),
    EconomyItem("child_support_received", "Børnebidrag", _IN),
    EconomyItem("other_income", "Anden indtægt", _IN),
)

EXPENSE_ITEMS: tuple[EconomyItem, ...] = (
    EconomyItem("rent", "Husleje", _OUT),
    EconomyItem("electricity", "El", _OUT),
    EconomyItem("heating", "Varme", _OUT),
    EconomyItem("water", "Vand", _OUT),
    EconomyItem("insurance", "Forsikringer", _OUT),
    EconomyItem("phone_internet", "Telefon og internet", _OUT),
    EconomyItem("transport", "Transport", _OUT),
    EconomyItem("childcare", "Daginstitution", _OUT),
    EconomyItem("medicine", "Medicin", _OUT),
    EconomyItem("union_fund", "Fagforening og a-kasse", _OUT),
    EconomyItem("child_support_paid", "Børnebidrag", _OUT),
    EconomyItem("debt_instalments", "Afdrag på gæld", _OUT),
    EconomyItem("other_expense", "Anden udgift", _OUT),
)


class DebtStatus(LabeledStrEnum):
    """How far a debt has gone in collection."""

    REMINDER = "reminder", "Rykker"
    COLLECTION = "collection", "Inkasso"
    BAILIFF = "bailiff", "Fogedret"
    DEBT_AGENCY = "debt_agency", "Gældsstyrelsen"
    WAGE_DEDUCTION = "wage_deduction", "Lønindeholdelse"
    INSTALMENT_PLAN = "instalment_plan", "Aktiv afdragsordning"
    DEFAULTED = "defaulted", "Misligholdt"


class DebtType(LabeledStrEnum):
    """Kind of debt. ``is_priority`` debts are paid first in a repayment plan."""

    RENT = "rent", "Husleje"
    UTILITIES = "utilities", "El, vand og varme"
    FINES = "fines", "Bøder"
    CHILD_SUPPORT = "child_support", "Børnebidrag"
    PUBLIC = "public", "Offentlig gæld"
    BANK_LOAN = "bank_loan", "Banklån"
    CONSUMER_CREDIT = "consumer_credit", "Forbrugslån og kredit"
    PHONE_INTERNET = "phone_internet", "Telefon og internet"
    OTHER = "other", "Anden gæld"

    @property
    def is_priority(self) -> bool:
        # Unpaid rent or utilities can cost the citizen the home; fines can end in prison
        # (forvandlingsstraf); child support and public debt are collected by wage deduction.
        return self in PRIORITY_DEBT_TYPES


PRIORITY_DEBT_TYPES: frozenset[DebtType] = frozenset(
    {DebtType.RENT, DebtType.UTILITIES, DebtType.FINES, DebtType.CHILD_SUPPORT, DebtType.PUBLIC}
)


class OneOffBenefitStatus(LabeledStrEnum):
    """Status of an application for *enkeltydelse* (aktivloven §81/§82)."""

    DRAFT = "draft", "Kladde"
    SENT = "sent", "Sendt"
    GRANTED = "granted", "Bevilget"
    REFUSED = "refused", "Afslået"
    APPEALED = "appealed", "Påklaget"


ONE_OFF_BENEFIT_LEGAL_BASIS = "Aktivloven §81/§82"


class NormKind(LabeledStrEnum):
    """Which published norm the disposable amount is compared with."""

    DISPOSABLE_AMOUNT = "disposable_amount", "Rådighedsbeløb (Gældsstyrelsen)"
    DEBT_RELIEF = "debt_relief", "Gældssanering"


@dataclass(frozen=True)
class NormRates:
    """Monthly norm amounts in øre for one year and one kind of norm."""

    year: int
    kind: NormKind
    first_adult: int
    second_adult: int
    child_0_1: int
    child_2_6: int
    child_7_17: int

    def child_rate(self, age: int) -> int:
        """Rate for a child of ``age`` years; adults (18+) are not children here."""
        if age < 0 or age > 17:
            raise ValueError(f"Barnets alder skal være 0–17 år, ikke {age}")
        if age <= 1:
            return self.child_0_1
        if age <= 6:
            return self.child_2_6
        return self.child_7_17

    def household_norm(self, adults: int, child_ages: Iterable[int] = ()) -> int:
        """Monthly norm for a household of 1–2 adults and children of the given ages."""
        if adults not in (1, 2):
            raise ValueError("Husstanden skal have 1 eller 2 voksne")
        total = self.first_adult + (self.second_adult if adults == 2 else 0)
        return total + sum(self.child_rate(age) for age in child_ages)


# Published 2024 figures (per month) from Gældsstyrelsen and the debt-relief guidelines.
# Check and add the current year's figures in the app's rates table each January.
DISPOSABLE_AMOUNT_2024 = NormRates(
    year=2024,
    kind=NormKind.DISPOSABLE_AMOUNT,
    first_adult=724_000,
    second_adult=504_000,
    child_0_1=197_000,
    child_2_6=252_000,
    child_7_17=363_000,
)
DEBT_RELIEF_2024 = NormRates(
    year=2024,
    kind=NormKind.DEBT_RELIEF,
    first_adult=701_000,
    second_adult=488_000,
    child_0_1=191_000,
    child_2_6=246_000,
    child_7_17=353_000,
)
DEFAULT_NORM_RATES: tuple[NormRates, ...] = (DISPOSABLE_AMOUNT_2024, DEBT_RELIEF_2024)
