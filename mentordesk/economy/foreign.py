"""Recognise a mentor's own spreadsheet: items in rows, months in columns.

``guess_layout`` finds the header row (the first row naming all twelve months, in Danish
or English, abbreviated or not, or numbered 1–12), the item column (the text column left
of the months), and the section rows ("Indtægter", "Udgifter"); ``lines_from_grid`` turns
the rows under them into sheet lines, skipping totals and rows it cannot place. When it
cannot tell, the guess says why (``problems``) and nothing is imported.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import cast

from mentordesk.domain.economy import EconomySection, Frequency
from mentordesk.domain.money import kroner_to_oere, parse_dkk
from mentordesk.economy.sheet import MONTHS, SheetLine
from mentordesk.economy.xlsx_reading import CellValue, Grid

HEADER_SEARCH_ROWS = 40
_MONTH_WORDS = {
    "januar": 1, "jan": 1, "january": 1, "februar": 2, "feb": 2, "february": 2,
    "marts": 3, "mar": 3, "march": 3, "april": 4, "apr": 4, "maj": 5, "may": 5,
    "juni": 6, "jun": 6, "june": 6, "juli": 7, "jul": 7, "july": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "october": 10,
    "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
_INCOME_WORDS = ("indtægter", "indtægt", "indkomst", "indkomster", "indtaegter", "income")
_EXPENSE_WORDS = ("udgifter", "udgift", "faste udgifter", "variable udgifter", "expenses")
# Rows that sum or summarise others: importing them would count amounts twice.
_SUMMARY_WORDS = ("i alt", "ialt", "total", "sum", "rådighed", "saldo", "balance",
                  "resultat", "overskud", "underskud", "til rest", "tilbage")
_NOTE_HEADERS = ("note", "noter", "bemærkning", "bemærkninger", "kommentar", "kommentarer")


@dataclass(frozen=True)
class ForeignSheetGuess:
    """Where things are in a foreign sheet (0-based rows and columns). The mapping dialog
    shows it pre-filled and lets the user change any of it."""

    sheet_name: str
    header_row: int = -1
    item_column: int = -1
    month_columns: tuple[int, ...] = ()  # January … December
    section_rows: tuple[tuple[int, EconomySection], ...] = ()
    note_column: int = -1
    problems: tuple[str, ...] = field(default=())

    @property
    def ok(self) -> bool:
        return not self.problems and len(self.month_columns) == MONTHS \
            and self.header_row >= 0 and self.item_column >= 0 and bool(self.section_rows)


def _norm(value: CellValue) -> str:
    if not isinstance(value, str):
        return ""
    return re.sub(r"\s+", " ", value).strip().strip(":.").casefold()


def month_of(value: CellValue) -> int | None:
    """The month a header cell names: "Januar", "jan.", "Jan", 1, "1", a date."""
    if isinstance(value, date):
        return value.month if value.day == 1 else None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return int(value) if float(value).is_integer() and 1 <= value <= 12 else None
    text = _norm(value)
    if text.isdigit():
        number = int(text)
        return number if 1 <= number <= 12 else None
    return _MONTH_WORDS.get(text)


def _header_months(grid: Grid, row: int) -> tuple[int, ...] | None:
    """The twelve month columns of ``row`` in order, if it names them all, left to right."""
    found: dict[int, int] = {}
    for column, value in enumerate(grid.rows[row]):
        month = month_of(value)
        if month is not None and month not in found:
            found[month] = column
    if len(found) != MONTHS:
        return None
    columns = tuple(found[month] for month in range(1, MONTHS + 1))
    return columns if list(columns) == sorted(columns) else None


def section_of(value: CellValue) -> EconomySection | None:
    """The section a heading names: "Indtægter", "Udgifter", "Faste udgifter",
    "Indtægter (netto)"; None for anything else (an item such as "Udgift til tandlæge"
    is longer than a heading's qualifier allows)."""
    text = _norm(value)
    for words, section in ((_INCOME_WORDS, EconomySection.INCOME),
                           (_EXPENSE_WORDS, EconomySection.EXPENSE)):
        for word in words:
            if text == word or (text.startswith(word + " ") and len(text) <= len(word) + 12
                                and not any(summary in text for summary in _SUMMARY_WORDS)):
                return section
    return None


def _is_section_row(grid: Grid, row: int, item: int, months: tuple[int, ...]) -> bool:
    # A heading carries no amounts; a row with amounts is an item whatever its name.
    return section_of(grid.cell(row, item)) is not None and all(
        not amount_oere(grid.cell(row, column)) for column in months)


def guess_layout(grid: Grid) -> ForeignSheetGuess:
    """The best guess for ``grid``; ``ok`` False with ``problems`` when it cannot tell."""
    months: tuple[int, ...]
    header, months = -1, ()
    for row in range(min(HEADER_SEARCH_ROWS, len(grid.rows))):
        found = _header_months(grid, row)
        if found:
            header, months = row, found
            break
    if header < 0:
        return ForeignSheetGuess(grid.name, problems=(
            f"Arket »{grid.name}« har ingen række med alle tolv måneder som overskrifter "
            "(fx Januar … December eller 1 … 12).",))
    item = _item_column(grid, header, months[0])
    if item < 0:
        return ForeignSheetGuess(grid.name, header, -1, months, problems=(
            f"Arket »{grid.name}« har ingen kolonne med posternes navne til venstre for "
            "månederne.",))
    # _is_section_row has already found a section on each of these rows.
    sections = tuple((row, cast(EconomySection, section_of(grid.cell(row, item))))
                     for row in range(header + 1, len(grid.rows))
                     if _is_section_row(grid, row, item, months))
    note = next((column for column, value in enumerate(grid.rows[header])
                 if column > months[-1] and _norm(value) in _NOTE_HEADERS), -1)
    problems = () if sections else (
        f"Arket »{grid.name}« viser ikke, hvilke rækker der er indtægter og hvilke der er "
        "udgifter: der mangler rækker med »Indtægter« og »Udgifter« i postkolonnen.",)
    return ForeignSheetGuess(grid.name, header, item, months, sections, note, problems)


def _item_column(grid: Grid, header: int, first_month: int) -> int:
    counts = Counter(column for row in grid.rows[header + 1:]
                     for column, value in enumerate(row[:first_month])
                     if isinstance(value, str) and value.strip())
    return counts.most_common(1)[0][0] if counts else -1


def best_guess(grids: list[Grid]) -> tuple[Grid, ForeignSheetGuess]:
    """The first visible sheet that can be read, else the first sheet's problems."""
    visible = [grid for grid in grids if not grid.hidden] or grids
    guesses = [(grid, guess_layout(grid)) for grid in visible]
    for grid, guess in guesses:
        if guess.ok:
            return grid, guess
    return guesses[0]


def amount_oere(value: CellValue) -> int | None:
    """A month cell in øre: numbers as kroner, Danish text amounts; None for blank."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        try:
            return kroner_to_oere(Decimal(repr(value)))
        except (InvalidOperation, ValueError):
            return None
    if isinstance(value, str):
        try:
            return parse_dkk(value)
        except ValueError:
            return None
    return None


@dataclass(frozen=True)
class ForeignLines:
    lines: tuple[SheetLine, ...]
    skipped: tuple[str, ...]  # "Række 14 »I alt«: en sum, sprunget over"


def lines_from_grid(grid: Grid, guess: ForeignSheetGuess) -> ForeignLines:
    """The sheet lines under each section row, with what was skipped and why."""
    sections = dict(guess.section_rows)
    current: EconomySection | None = None
    lines: list[SheetLine] = []
    skipped: list[str] = []
    for row in range(guess.header_row + 1, len(grid.rows)):
        if row in sections:
            current = sections[row]
            continue
        label_value = grid.cell(row, guess.item_column)
        label = label_value.strip() if isinstance(label_value, str) else ""
        cells = [grid.cell(row, column) for column in guess.month_columns]
        amounts = [amount_oere(value) for value in cells]
        has_amounts = any(amount for amount in amounts)
        if not label and not has_amounts:
            continue
        where = f"Række {row + 1}" + (f" »{label}«" if label else "")
        if any(amount is None and value is not None and not _blank(value)
               for amount, value in zip(amounts, cells, strict=True)):
            skipped.append(f"{where}: et månedsfelt er ikke et beløb; rækken er sprunget over.")
            continue
        if not label:
            skipped.append(f"{where}: beløb uden navn på posten; sprunget over.")
        elif any(word in _norm(label) for word in _SUMMARY_WORDS):
            skipped.append(f"{where}: en sum eller opgørelse; sprunget over.")
        elif current is None:
            skipped.append(f"{where}: står før »Indtægter«/»Udgifter«; sprunget over.")
        elif has_amounts:
            months = [abs(amount or 0) if current is EconomySection.EXPENSE else (amount or 0)
                      for amount in amounts]
            note = grid.cell(row, guess.note_column) if guess.note_column >= 0 else None
            lines.append(_line(current, label, months, note if isinstance(note, str) else ""))
    return ForeignLines(tuple(lines), tuple(skipped))


def _blank(value: CellValue) -> bool:
    return isinstance(value, str) and not value.strip()


def _line(section: EconomySection, label: str, months: list[int], note: str) -> SheetLine:
    frequency, amount, first = infer_frequency(months)
    return SheetLine(section=section, label=label[:200], months=tuple(months),
                     frequency=frequency, amount_oere=amount, first_month=first,
                     note=note.strip())


def infer_frequency(months: list[int]) -> tuple[Frequency, int, int]:
    """The fill rule that gives ``months`` exactly, else ``VARIES`` (its usual amount)."""
    from mentordesk.economy.sheet import fill_months

    used = [index for index, amount in enumerate(months) if amount]
    if not used:
        return Frequency.MONTHLY, 0, 1
    first, amount = used[0] + 1, months[used[0]]
    for frequency in (Frequency.MONTHLY, Frequency.QUARTERLY, Frequency.YEARLY):
        if list(fill_months(frequency, amount, first)) == months:
            return frequency, amount, first
    usual = Counter(amount for amount in months if amount).most_common(1)[0][0]
    return Frequency.VARIES, usual, first
