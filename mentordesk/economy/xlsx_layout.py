"""What the exported workbook looks like, shared by the writer and the reader of our own
files: sheet names, columns, row codes, and how amounts and user text go into cells."""

from __future__ import annotations

import re
from decimal import Decimal

YEAR_SHEET = "Årsoversigt"
DEBT_SHEET = "Gæld og afdrag"
BENEFIT_SHEET = "Enkeltydelser"
RATES_SHEET = "Satser"
MARKER_SHEET = "MentorDesk"
MARKER = "mentordesk-economy"
FORMAT_VERSION = 1

# Year sheet columns (0-based): label, person, frequency, amount, first month, 12 months,
# year total, average, note, and a hidden row code the reader uses to find its way.
COL_LABEL, COL_PERSON, COL_FREQUENCY, COL_AMOUNT, COL_FIRST = 0, 1, 2, 3, 4
COL_MONTH0 = 5
COL_TOTAL = COL_MONTH0 + 12
COL_AVERAGE = COL_TOTAL + 1
COL_NOTE = COL_AVERAGE + 1
COL_CODE = COL_NOTE + 1
# Where an expense line goes in the ability to pay (``BudgetGroup`` label): the ability
# rows sum the lines by this column, so the mentor can see (and change) the grouping.
COL_GROUP = COL_CODE + 1
DEBT_LINK = "#debt="  # in the code column: "line:rent#debt=12" (the line pays debt 12)
HEADER_ROW = 4  # 0-based: title, household, norm, note above it
HOUSEHOLD_ROW = 1  # adults B2, children D2 / F2 / H2, norm kind J2, rates year L2
RATES_YEAR_COLUMN = 11  # the earlier year whose rates the user confirmed (blank: none)
NOTE_ROW = 2

# Debt sheet: the plan's summary cells (column B, 0-based rows) and the debt columns.
DEBT_SUMMARY_ROWS = ("available", "pool", "token", "priority", "rest", "others",
                     "token_only", "weight", "leftover", "shortfall", "total")
DEBT_SUMMARY_FIRST = 2
DEBT_HEADER_ROW = DEBT_SUMMARY_FIRST + len(DEBT_SUMMARY_ROWS) + 1
DEBT_COLUMNS = ("Kreditor", "Inkasso", "Sagsnr.", "Type", "Prioritet", "Status",
                "Hovedstol", "Saldo", "Saldo pr.", "Rente p.a.", "Gebyrer", "Aftalt afdrag",
                "Afdrag i plan", "Afbetalt om (mdr.)", "Konflikt", "Betales i budgettet",
                "Note")
# Hidden helper columns after the note: øre, weight, base, remainder, rank, wanted
# (priority), priority payment, other payment.
DEBT_HELPERS = ("øre", "vægt", "grundandel", "rest", "rang", "ønsket", "prioriteret",
                "øvrig")

YES, NO = "Ja", "Nej"

# C0 controls and DEL go (they mean nothing in a cell and some break Excel); a newline
# inside a note is kept. Tab and CR are removed, so they can never lead a cell.
_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f]")
# A leading = + - @ would make Excel (or a CSV saved from it) treat the text as a formula;
# a leading apostrophe is escaped too, so reading our own file back is exact.
_FORMULA_START = ("=", "+", "-", "@", "'")


def kroner(oere: int | None) -> float:
    """øre → kroner as the float a cell holds (exact to the øre after ROUND)."""
    return float(Decimal(oere or 0) / 100)


def cell_text(text: str) -> str:
    """User text as it goes into a cell: never a formula, no control characters."""
    cleaned = _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    if cleaned.startswith(_FORMULA_START):
        return "'" + cleaned
    return cleaned


def text_from_cell(text: str) -> str:
    """The reverse of ``cell_text`` for our own workbooks."""
    return text[1:] if text.startswith("'") else text


def column_letter(column: int) -> str:
    """0-based column → "A", "B", … "AA"."""
    letters = ""
    column += 1
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def cell_ref(row: int, column: int, *, absolute: bool = False) -> str:
    """0-based row and column → "B7" (or "$B$7")."""
    mark = "$" if absolute else ""
    return f"{mark}{column_letter(column)}{mark}{row + 1}"
