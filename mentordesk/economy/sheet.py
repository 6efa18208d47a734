"""The yearly economy sheet as plain values, and its totals — no database, no Qt.

Every amount is integer øre. Averages and amounts per day are the only divisions; they
round half up to whole øre with ``Decimal``, exactly as the exported workbook's
``ROUND(…; 2)`` formulas do, so the app, the PDF, ``economy summary`` and Excel agree.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from mentordesk.domain.economy import (
    DEDUCTED_GROUPS,
    HOUSING_CATEGORIES,
    SUPPORT_CATEGORIES,
    BudgetGroup,
    EconomySection,
    Frequency,
    NormKind,
    NormRates,
    Person,
)

MONTHS = 12
MONTH_NAMES = ("Januar", "Februar", "Marts", "April", "Maj", "Juni", "Juli", "August",
               "September", "Oktober", "November", "December")


def divide_half_up(numerator: int, denominator: int) -> int:
    """``numerator / denominator`` rounded half up (away from zero) to a whole number."""
    quotient = Decimal(numerator) / Decimal(denominator)
    return int(quotient.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def fill_months(frequency: Frequency | str, amount_oere: int,
                first_month: int = 1) -> tuple[int, ...]:
    """The twelve month amounts a line's frequency gives.

    Monthly: every month from ``first_month`` (a job starting in March); quarterly: every
    third month from ``first_month``; yearly and once: ``first_month`` only. ``VARIES``
    has no rule and gives twelve zeros (its months are typed one by one).
    """
    frequency = Frequency(frequency)
    if not 1 <= first_month <= MONTHS:
        raise ValueError("Første måned skal være 1–12")
    start = first_month - 1
    step = {Frequency.MONTHLY: 1, Frequency.QUARTERLY: 3}.get(frequency)
    if frequency is Frequency.VARIES:
        return (0,) * MONTHS
    if step is None:
        return tuple(amount_oere if month == start else 0 for month in range(MONTHS))
    return tuple(amount_oere if month >= start and (month - start) % step == 0 else 0
                 for month in range(MONTHS))


def days_in_month(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


@dataclass(frozen=True)
class SheetLine:
    """One income or expense item of the year: twelve month amounts in øre.

    ``frequency``, ``amount_oere`` and ``first_month`` record how the months were filled
    (``fill_months``); the months themselves are what counts in every total.
    """

    section: EconomySection
    label: str
    months: tuple[int, ...] = (0,) * MONTHS
    category: str = ""  # the item-list code ("rent"), "" for a free-text line
    person: Person = Person.CITIZEN
    frequency: Frequency = Frequency.MONTHLY
    amount_oere: int = 0
    first_month: int = 1
    note: str = ""
    line_id: int | None = None  # the database row; None for a line not saved yet
    # The public norm (rådighedsbeløb) pays for this expense: the ability to pay leaves it
    # out, the everyday budget shows it.
    norm_covered: bool = False
    # The debt this expense line pays an instalment on: counted once (``budget_group``).
    debt_id: int | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "section", EconomySection(self.section))
        object.__setattr__(self, "person", Person(self.person))
        object.__setattr__(self, "frequency", Frequency(self.frequency))
        object.__setattr__(self, "months", tuple(self.months))
        if len(self.months) != MONTHS:
            raise ValueError("En linje skal have 12 måneder")

    @classmethod
    def filled(cls, section: EconomySection | str, label: str, frequency: Frequency | str,
               amount_oere: int, first_month: int = 1, **other: Any) -> SheetLine:
        """A line whose months are filled from its frequency and amount."""
        return cls(section=EconomySection(section), label=label,
                   months=fill_months(frequency, amount_oere, first_month),
                   frequency=Frequency(frequency), amount_oere=amount_oere,
                   first_month=first_month, **other)

    @property
    def year_total(self) -> int:
        return sum(self.months)

    @property
    def monthly_average(self) -> int:
        return divide_half_up(self.year_total, MONTHS)

    def with_months(self, months: Sequence[int]) -> SheetLine:
        return replace(self, months=tuple(months))


def budgeted_payment(sheet: Sheet, debt_id: int) -> int:
    """The monthly average the sheet's expense lines linked to ``debt_id`` pay."""
    return divide_half_up(sum(line.year_total for line in sheet.expense_lines
                              if line.debt_id == debt_id), MONTHS)


def budget_group(line: SheetLine, public_debt_ids: frozenset[int] = frozenset()
                 ) -> BudgetGroup:
    """Where an expense line goes in the ability to pay (``BudgetGroup``).

    A line linked to a public debt is that debt's payment and is deducted as such (the
    plan then shows the debt as paid in the budget); a line linked to any other debt is
    left out, because the repayment plan pays that debt from the ability to pay — so an
    instalment is subtracted once either way. A line the norm covers is left out; the
    rest go by their category, anything else being a documented special need.
    """
    if line.debt_id is not None:
        return (BudgetGroup.PUBLIC_DEBT if line.debt_id in public_debt_ids
                else BudgetGroup.INSTALMENT)
    if line.norm_covered:
        return BudgetGroup.COVERED
    if line.category in HOUSING_CATEGORIES:
        return BudgetGroup.HOUSING
    if line.category in SUPPORT_CATEGORIES:
        return BudgetGroup.SUPPORT
    return BudgetGroup.SPECIAL


@dataclass(frozen=True)
class Sheet:
    """One citizen's economy overview for one year. ``version`` 0: not saved yet."""

    citizen_id: int
    year: int
    lines: tuple[SheetLine, ...] = ()
    adults: int = 1
    children_0_1: int = 0
    children_2_6: int = 0
    children_7_17: int = 0
    norm_kind: NormKind = NormKind.DISPOSABLE_AMOUNT
    note: str = ""
    version: int = 0
    # The year has no rates and the user confirmed this earlier year's (``rates``).
    rates_year: int | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "lines", tuple(self.lines))
        object.__setattr__(self, "norm_kind", NormKind(self.norm_kind))

    def section_lines(self, section: EconomySection | str) -> tuple[SheetLine, ...]:
        wanted = EconomySection(section)
        return tuple(line for line in self.lines if line.section is wanted)

    @property
    def income_lines(self) -> tuple[SheetLine, ...]:
        return self.section_lines(EconomySection.INCOME)

    @property
    def expense_lines(self) -> tuple[SheetLine, ...]:
        return self.section_lines(EconomySection.EXPENSE)

    def ordered(self) -> Sheet:
        """Income lines first, then expenses, each keeping its order (the saved order)."""
        return replace(self, lines=self.income_lines + self.expense_lines)

    def household_norm(self, rates: NormRates) -> int:
        """The monthly norm amount for this household under ``rates``: the first adult,
        the amount per extra adult for each further adult, and each child by age."""
        adults = max(self.adults, 1)
        return (rates.first_adult + (adults - 1) * rates.second_adult
                + self.children_0_1 * rates.child_0_1 + self.children_2_6 * rates.child_2_6
                + self.children_7_17 * rates.child_7_17)

    @property
    def children(self) -> int:
        return self.children_0_1 + self.children_2_6 + self.children_7_17


@dataclass(frozen=True)
class SheetTotals:
    """Everything the summary row blocks show, per month (index 0 = January) in øre.

    Two views, both labelled where shown: the everyday budget (``disposable``: income −
    every actual expense line) and the ability to pay by the public method (``ability``:
    income − the norm − the deducted groups, ``BudgetGroup``); the plan uses the latter.
    """

    income: tuple[int, ...]
    expense: tuple[int, ...]
    disposable: tuple[int, ...]  # the budget: income − all actual expenses
    disposable_per_day: tuple[int, ...]  # by the days of that month
    running_balance: tuple[int, ...]  # disposable accumulated from January
    norm_month: int  # the household's norm amount per month (0 without rates)
    ability: tuple[int, ...]  # ability to pay: income − norm − deducted groups
    groups: dict[BudgetGroup, tuple[int, ...]] = field(default_factory=dict)  # deducted
    income_year: int = 0
    expense_year: int = 0
    disposable_year: int = 0
    income_average: int = 0
    expense_average: int = 0
    disposable_average: int = 0
    disposable_per_day_average: int = 0  # the year's disposable over its days
    ability_year: int = 0
    ability_average: int = 0
    deficit_months: tuple[int, ...] = field(default=())  # 1-based: running balance < 0

    @property
    def available_for_debt(self) -> int:
        """What a repayment plan can use per month: the average ability to pay."""
        return max(0, self.ability_average)

    def group_year(self, group: BudgetGroup) -> int:
        return sum(self.groups.get(group, ()))

    def group_average(self, group: BudgetGroup) -> int:
        return divide_half_up(self.group_year(group), MONTHS)


def _column_sums(lines: Iterable[SheetLine]) -> tuple[int, ...]:
    sums = [0] * MONTHS
    for line in lines:
        for index, amount in enumerate(line.months):
            sums[index] += amount
    return tuple(sums)


def deducted_groups(sheet: Sheet, public_debt_ids: frozenset[int] = frozenset()
                    ) -> dict[BudgetGroup, tuple[int, ...]]:
    """Per deducted group (in the workings' order), its expense lines' month sums."""
    return {group: _column_sums(line for line in sheet.expense_lines
                                if budget_group(line, public_debt_ids) is group)
            for group in DEDUCTED_GROUPS}


def compute_totals(sheet: Sheet, norm_month: int = 0,
                   public_debt_ids: frozenset[int] = frozenset()) -> SheetTotals:
    """Totals, disposable amounts, running balance and the ability to pay of ``sheet``.

    ``norm_month`` is the household norm in øre per month (``Sheet.household_norm``);
    ``public_debt_ids`` the citizen's public debts (``budget_group``).
    """
    income = _column_sums(sheet.income_lines)
    expense = _column_sums(sheet.expense_lines)
    disposable = tuple(i - e for i, e in zip(income, expense, strict=True))
    per_day = tuple(divide_half_up(amount, days_in_month(sheet.year, month))
                    for month, amount in enumerate(disposable, start=1))
    running, balance = [], 0
    for amount in disposable:
        balance += amount
        running.append(balance)
    groups = deducted_groups(sheet, public_debt_ids)
    ability = tuple(income[month] - norm_month - sum(sums[month] for sums in groups.values())
                    for month in range(MONTHS))
    days_in_year = 366 if calendar.isleap(sheet.year) else 365
    return SheetTotals(
        income=income, expense=expense, disposable=disposable, disposable_per_day=per_day,
        running_balance=tuple(running), norm_month=norm_month, ability=ability,
        groups=groups,
        income_year=sum(income), expense_year=sum(expense), disposable_year=sum(disposable),
        income_average=divide_half_up(sum(income), MONTHS),
        expense_average=divide_half_up(sum(expense), MONTHS),
        disposable_average=divide_half_up(sum(disposable), MONTHS),
        disposable_per_day_average=divide_half_up(sum(disposable), days_in_year),
        ability_year=sum(ability),
        ability_average=divide_half_up(sum(ability), MONTHS),
        deficit_months=tuple(month for month, amount in enumerate(running, start=1)
                             if amount < 0),
    )
