"""The year sheet as the editor holds it while the user works: plain, mutable lines.

Each line has a ``uid`` that never changes while the sheet is open, so an undo command
can find "its" line again after rows were added or removed above it. Field names are the
ones the undo commands and the table model share:
``label``, ``person``, ``frequency``, ``amount_oere``, ``note`` and ``("month", 0..11)``.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field, replace
from typing import Any

from mentordesk.domain.economy import EconomySection, Frequency, Person
from mentordesk.economy import Sheet, SheetLine, YearRates, choose_rates
from mentordesk.economy import fill_months as core_fill

INCOME, EXPENSE = EconomySection.INCOME.value, EconomySection.EXPENSE.value
SECTIONS = (INCOME, EXPENSE)
MONTHS = 12
FieldKey = str | tuple[str, int]

HOUSEHOLD_FIELDS = ("adults", "children_0_1", "children_2_6", "children_7_17", "norm_kind",
                    "rates_year")

_uids = itertools.count(1)


def new_uid() -> int:
    return next(_uids)


@dataclass
class LineState:
    section: str
    label: str = ""
    category: str = ""
    person: str = "citizen"
    frequency: str = Frequency.MONTHLY.value
    amount_oere: int = 0
    first_month: int = 1
    months: list[int] = field(default_factory=lambda: [0] * MONTHS)
    note: str = ""
    line_id: int | None = None  # the database row, None for a line added here
    uid: int = field(default_factory=new_uid)
    norm_covered: bool = False  # the public norm pays for it (``SheetLine.norm_covered``)
    debt_id: int | None = None  # the debt it pays an instalment on

    def get(self, key: FieldKey) -> Any:
        if isinstance(key, tuple):
            return self.months[key[1]]
        return getattr(self, key)

    def set(self, key: FieldKey, value: Any) -> None:
        if isinstance(key, tuple):
            self.months[key[1]] = value
        else:
            setattr(self, key, value)

    def year_total(self) -> int:
        return sum(self.months)

    def copy(self) -> LineState:
        return replace(self, months=list(self.months))


def fill_months(frequency: str, amount_oere: int, first_month: int) -> list[int]:
    """The core's rule (monthly, quarterly, yearly, once from ``first_month``)."""
    return list(core_fill(frequency, amount_oere, min(max(first_month, 1), MONTHS)))


def from_core(sheet: Sheet) -> list[LineState]:
    return [LineState(section=line.section.value, label=line.label, category=line.category,
                      person=line.person.value, frequency=line.frequency.value,
                      amount_oere=line.amount_oere, first_month=line.first_month,
                      months=list(line.months), note=line.note, line_id=line.line_id,
                      norm_covered=line.norm_covered, debt_id=line.debt_id)
            for line in sheet.ordered().lines]


def to_core(base: Sheet, lines: list[LineState]) -> Sheet:
    """``base`` (year, household, version) with the edited lines, in screen order."""
    return replace(base, lines=tuple(
        SheetLine(section=EconomySection(line.section), label=line.label,
                  months=tuple(line.months), category=line.category,
                  person=Person(line.person), frequency=Frequency(line.frequency),
                  amount_oere=line.amount_oere, first_month=line.first_month,
                  note=line.note, line_id=line.line_id, norm_covered=line.norm_covered,
                  debt_id=line.debt_id)
        for line in lines))


def household_norm(sheet: Sheet, rates: YearRates) -> int:
    """The household's monthly norm under the rates the sheet uses (its year's, or an
    earlier year's once confirmed; 0 without), as the core's summary computes it."""
    return choose_rates(sheet, rates).norm(sheet)
