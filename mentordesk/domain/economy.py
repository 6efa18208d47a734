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


# A household of up to ten adults (a shared home of grown-up siblings, a multi-generation
# family): every adult after the first counts the rate per extra adult.
MAX_ADULTS = 10


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
    EconomyItem("food", "Mad og husholdning", _OUT),
    EconomyItem("clothes", "Tøj og sko", _OUT),
    EconomyItem("leisure", "Fritid, gaver og rejser", _OUT),
    EconomyItem("childcare", "Daginstitution", _OUT),
    EconomyItem("medicine", "Medicin", _OUT),
    EconomyItem("union_fund", "Fagforening og a-kasse", _OUT),
    EconomyItem("child_support_paid", "Børnebidrag", _OUT),
    EconomyItem("debt_instalments", "Afdrag på gæld", _OUT),
    EconomyItem("other_expense", "Anden udgift", _OUT),
)


class BudgetGroup(LabeledStrEnum):
    """Where an expense line goes in the ability to pay by the public method
    (*betalingsevne*, Gældsstyrelsen's budget): net income − the rådighedsbeløb − housing −
    support − documented special needs − payments on public debt. ``COVERED`` lines are
    what the rådighedsbeløb already pays for, so they are left out (the norm stands in for
    them); ``INSTALMENT`` lines are a debt's payment that the repayment plan makes, so
    they are left out too (counted once, in the plan)."""

    HOUSING = "housing", "Bolig og boligudgifter"
    SUPPORT = "support", "Bidragspligt"
    SPECIAL = "special", "Dokumenterede særlige udgifter"
    PUBLIC_DEBT = "public_debt", "Afdrag på offentlig gæld"
    COVERED = "covered", "Dækket af rådighedsbeløbet"
    INSTALMENT = "instalment", "Afdrag i afdragsplanen"

    @property
    def is_deducted(self) -> bool:
        """Subtracted from net income in the ability to pay."""
        return self not in (BudgetGroup.COVERED, BudgetGroup.INSTALMENT)


DEDUCTED_GROUPS: tuple[BudgetGroup, ...] = tuple(g for g in BudgetGroup if g.is_deducted)
HOUSING_CATEGORIES = frozenset({"rent", "electricity", "heating", "water"})
SUPPORT_CATEGORIES = frozenset({"child_support_paid"})
# What Gældsstyrelsen's rådighedsbeløb is meant to pay for: food, clothes, transport,
# insurance, media licence, mobile phone, glasses, pets, leisure, gifts, travel, tobacco.
# A line of these categories is marked "covered by the norm" when it is added; the mentor
# can change the mark on any line.
NORM_COVERED_CATEGORIES = frozenset({"insurance", "phone_internet", "transport", "food",
                                     "clothes", "leisure"})


def covered_by_norm(category: str) -> bool:
    """The default "covered by the norm" mark of a line of ``category``."""
    return category in NORM_COVERED_CATEGORIES


class DebtStatus(LabeledStrEnum):
    """How far a debt has gone in collection. ``ATTACHMENT`` (udlæg) and ``WAGE_DEDUCTION``
    (lønindeholdelse) are enforcement: the plan shows them beside the payment."""

    REMINDER = "reminder", "Rykker"
    COLLECTION = "collection", "Inkasso"
    BAILIFF = "bailiff", "Fogedret"
    ATTACHMENT = "attachment", "Udlæg"
    DEBT_AGENCY = "debt_agency", "Gældsstyrelsen"
    WAGE_DEDUCTION = "wage_deduction", "Lønindeholdelse"
    INSTALMENT_PLAN = "instalment_plan", "Aktiv afdragsordning"
    DEFAULTED = "defaulted", "Misligholdt"

    @property
    def is_enforcement(self) -> bool:
        return self in (DebtStatus.ATTACHMENT, DebtStatus.WAGE_DEDUCTION)


class PriorityClass(LabeledStrEnum):
    """Why a debt is paid before ordinary creditors, in the order the plan pays them.

    Debt counselling pays first what can cost the citizen the home, the supply, the
    children's support or the freedom: rent arrears (eviction), el, vand and varme
    (cut-off), child and spousal support, fines (forvandlingsstraf) and public debt under
    wage deduction. ``OTHER_PRIORITY`` is a debt the mentor judged urgent for another
    reason. ``ORDINARY`` creditors share what is left.
    """

    HOUSING = "housing", "Bolig (husleje, risiko for udsættelse)"
    UTILITIES = "utilities", "Forsyning (el, vand, varme; risiko for afbrydelse)"
    SUPPORT = "support", "Børne- og ægtefællebidrag"
    FINES = "fines", "Bøder (risiko for forvandlingsstraf)"
    PUBLIC = "public", "Offentlig gæld (lønindeholdelse)"
    OTHER_PRIORITY = "other_priority", "Anden prioriteret gæld"
    ORDINARY = "ordinary", "Almindelig kreditor"

    @property
    def is_priority(self) -> bool:
        return self is not PriorityClass.ORDINARY

    @property
    def rank(self) -> int:
        """Payment order: 0 first; ordinary creditors last."""
        return list(PriorityClass).index(self)

    @classmethod
    def stored(cls, code: str) -> PriorityClass:
        """The class a stored code names; an unknown code (a newer release's) is shown and
        planned as an ordinary creditor rather than breaking the plan."""
        return cls(code) if code in cls._value2member_map_ else cls.ORDINARY


class DebtType(LabeledStrEnum):
    """Kind of debt; ``default_priority`` is the class a new debt of the type gets."""

    RENT = "rent", "Husleje"
    UTILITIES = "utilities", "El, vand og varme"
    FINES = "fines", "Bøder"
    CHILD_SUPPORT = "child_support", "Børnebidrag"
    SPOUSAL_SUPPORT = "spousal_support", "Ægtefællebidrag"
    PUBLIC = "public", "Offentlig gæld"
    BANK_LOAN = "bank_loan", "Banklån"
    CONSUMER_CREDIT = "consumer_credit", "Forbrugslån og kredit"
    PHONE_INTERNET = "phone_internet", "Telefon og internet"
    OTHER = "other", "Anden gæld"

    @property
    def default_priority(self) -> PriorityClass:
        return DEFAULT_PRIORITY_BY_TYPE.get(self, PriorityClass.ORDINARY)

    @property
    def is_priority(self) -> bool:
        return self.default_priority.is_priority


DEFAULT_PRIORITY_BY_TYPE: dict[DebtType, PriorityClass] = {
    DebtType.RENT: PriorityClass.HOUSING,
    DebtType.UTILITIES: PriorityClass.UTILITIES,
    DebtType.CHILD_SUPPORT: PriorityClass.SUPPORT,
    DebtType.SPOUSAL_SUPPORT: PriorityClass.SUPPORT,
    DebtType.FINES: PriorityClass.FINES,
    DebtType.PUBLIC: PriorityClass.PUBLIC,
}
PRIORITY_DEBT_TYPES: frozenset[DebtType] = frozenset(DEFAULT_PRIORITY_BY_TYPE)


class DebtBasis(LabeledStrEnum):
    """How a debt was established: it decides its limitation period (``LimitationRule``)."""

    CLAIM = "claim", "Almindeligt krav"
    JUDGMENT = "judgment", "Dom, forlig eller afgørelse"
    ACKNOWLEDGEMENT = "acknowledgement", "Skriftligt erkendt af skyldneren"


@dataclass(frozen=True)
class LimitationRule:
    """After ``years`` from the due date (or, without one, the creation date) a debt of
    ``basis`` may be time-barred (*forældet*): a flag to investigate, never a decision —
    an instalment, a reminder the citizen answered or a court case can have interrupted
    the period."""

    basis: DebtBasis
    years: int
    source: str


# The general rule and the two ten-year rules of the limitation act; the team may edit
# them in the app's table.
DEFAULT_LIMITATION_RULES: tuple[LimitationRule, ...] = (
    LimitationRule(DebtBasis.CLAIM, 3, "Forældelsesloven § 3, stk. 1"),
    LimitationRule(DebtBasis.JUDGMENT, 10, "Forældelsesloven § 5, stk. 1, nr. 1"),
    LimitationRule(DebtBasis.ACKNOWLEDGEMENT, 10, "Forældelsesloven § 5, stk. 1, nr. 2"),
)
POSSIBLY_TIME_BARRED = "mulig forældet – undersøg"


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


# The rate items of a norm (``NormRate.item``), per month: the first adult, each further
# adult, and a child by age.
NORM_ITEMS: tuple[str, ...] = ("first_adult", "second_adult", "child_0_1", "child_2_6",
                               "child_7_17")


@dataclass(frozen=True)
class NormRates:
    """Monthly norm amounts in øre for one year and one kind of norm."""

    year: int
    kind: NormKind
    first_adult: int
    second_adult: int  # per extra adult: the second, the third, …
    child_0_1: int
    child_2_6: int
    child_7_17: int
    source: str = ""  # where the figures come from (the rule, the page)

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
        """Monthly norm for a household of ``adults`` (1–``MAX_ADULTS``) and children of
        the given ages: the first adult's rate, the rate per extra adult for each further
        adult, and each child's rate by age."""
        if not 1 <= adults <= MAX_ADULTS:
            raise ValueError(f"Husstanden skal have 1–{MAX_ADULTS} voksne")
        total = self.first_adult + (adults - 1) * self.second_adult
        return total + sum(self.child_rate(age) for age in child_ages)


# The published figures MentorDesk ships, each with its source (per month). Rates change
# every 1 January: an admin enters each new year's figures with their source in the app's
# rates table; no year is ever filled with another year's figures unasked.
DISPOSABLE_AMOUNT_2024 = NormRates(
    year=2024,
    kind=NormKind.DISPOSABLE_AMOUNT,
    first_adult=724_000,
    second_adult=504_000,
    child_0_1=197_000,
    child_2_6=252_000,
    child_7_17=363_000,
    source="borger.dk: Gældsstyrelsens rådighedssatser 2024",
)
# These figures were once shipped labelled 2024; they are the 2023 debt-relief rates.
DEBT_RELIEF_2023 = NormRates(
    year=2023,
    kind=NormKind.DEBT_RELIEF,
    first_adult=701_000,
    second_adult=488_000,
    child_0_1=191_000,
    child_2_6=246_000,
    child_7_17=353_000,
    source="Gældssanering: rådighedsbeløb 2023 (skifterettens satser)",
)
DEFAULT_NORM_RATES: tuple[NormRates, ...] = (DISPOSABLE_AMOUNT_2024, DEBT_RELIEF_2023)
