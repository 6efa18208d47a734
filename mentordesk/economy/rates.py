"""Which norm rates a sheet uses: its own year's, or an earlier year's the user confirmed.

Rates are data by year, each with its source, and change every 1 January. A year without
rates says so plainly; the nearest earlier year's rates are used only after the user
confirmed that for the sheet (``Sheet.rates_year``), and every view then says "satser fra
2024". Pure values: the service reads the table, the app and the files show the choice.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from mentordesk.domain.economy import NORM_ITEMS, NormKind, NormRates
from mentordesk.economy.sheet import Sheet


@dataclass(frozen=True)
class KindRates:
    """One year's rates of one kind: item → øre per month, and where they come from."""

    year: int
    items: dict[str, int]
    source: str = ""


@dataclass(frozen=True)
class YearRates:
    """What the rates table offers a sheet for ``year``: the year's own rates per kind,
    and per kind the nearest earlier year that has rates."""

    year: int
    own: dict[str, KindRates] = field(default_factory=dict)  # kind → rates of the year
    earlier: dict[str, KindRates] = field(default_factory=dict)  # kind → nearest earlier


@dataclass(frozen=True)
class RatesChoice:
    """The rates a sheet uses for its norm kind (``used`` None: none)."""

    sheet_year: int
    kind: NormKind
    used: KindRates | None
    offered: KindRates | None  # the earlier year the user may confirm (when missing)

    @property
    def missing(self) -> bool:
        """The sheet's own year has no rates of its kind."""
        return self.used is None or self.used.year != self.sheet_year

    @property
    def label(self) -> str:
        """What every view prints beside the norm: "" for the year's own rates."""
        if self.used is None:
            return f"ingen satser for {self.sheet_year}"
        if self.used.year != self.sheet_year:
            return f"satser fra {self.used.year}"
        return ""

    def norm(self, sheet: Sheet) -> int:
        """The household's monthly norm under the rates used (0 without rates)."""
        if self.used is None:
            return 0
        first, extra, child_0_1, child_2_6, child_7_17 = (
            self.used.items.get(item, 0) for item in NORM_ITEMS)
        return sheet.household_norm(NormRates(
            year=self.used.year, kind=self.kind, first_adult=first, second_adult=extra,
            child_0_1=child_0_1, child_2_6=child_2_6, child_7_17=child_7_17,
            source=self.used.source))


def choose_rates(sheet: Sheet, rates: YearRates, kind: NormKind | None = None) -> RatesChoice:
    """The year's own rates; else the earlier year's, only if the sheet confirmed that
    very year (``rates_year``); else none, offering the earlier year."""
    kind = NormKind(kind or sheet.norm_kind)
    own, earlier = rates.own.get(kind.value), rates.earlier.get(kind.value)
    if own is not None:
        return RatesChoice(sheet.year, kind, own, None)
    confirmed = earlier is not None and sheet.rates_year == earlier.year
    return RatesChoice(sheet.year, kind, earlier if confirmed else None,
                       None if confirmed else earlier)
