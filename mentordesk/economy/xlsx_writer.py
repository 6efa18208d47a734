"""Write the economy overview as an xlsx workbook (XlsxWriter) with live formulas.

Totals, averages, disposable amounts, the running balance, the ability to pay by the
public method (its workings row by row: income − the norm − each deducted group, the
expense lines summed by their visible group column) and the repayment plan are formulas,
each written WITH the value MentorDesk computed (cached), so Excel, LibreOffice and a file
viewer that never calculates all show the app's figures.
Amounts are kroner with two decimals; every division is wrapped in ``ROUND(…; 2)`` like
the app's half-up rounding, so recalculating gives the same øre.

User text is written with ``write_string`` only (``strings_to_formulas`` off, too) and
through ``cell_text``: never a formula, no control characters. Formula cells are locked
(sheet protection without password), input cells unlocked.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from io import BytesIO
from typing import Any

from mentordesk.domain.economy import (
    DEDUCTED_GROUPS,
    BudgetGroup,
    EconomySection,
    Frequency,
    NormKind,
    Person,
)
from mentordesk.economy.rates import choose_rates
from mentordesk.economy.records import EconomySummary, public_debt_ids
from mentordesk.economy.sheet import MONTH_NAMES, MONTHS, SheetLine, budget_group, days_in_month
from mentordesk.economy.xlsx_debts import write_debt_sheet
from mentordesk.economy.xlsx_layout import (
    BENEFIT_SHEET,
    COL_AMOUNT,
    COL_AVERAGE,
    COL_CODE,
    COL_FIRST,
    COL_FREQUENCY,
    COL_GROUP,
    COL_LABEL,
    COL_MONTH0,
    COL_NOTE,
    COL_PERSON,
    COL_TOTAL,
    DEBT_LINK,
    DEBT_SHEET,
    FORMAT_VERSION,
    HEADER_ROW,
    HOUSEHOLD_ROW,
    MARKER,
    MARKER_SHEET,
    NOTE_ROW,
    RATES_SHEET,
    RATES_YEAR_COLUMN,
    YEAR_SHEET,
    cell_ref,
    cell_text,
    kroner,
)

NORM_ITEM_LABELS = (("first_adult", "Første voksen"), ("second_adult", "Anden voksen"),
                    ("child_0_1", "Barn 0–1 år"), ("child_2_6", "Barn 2–6 år"),
                    ("child_7_17", "Barn 7–17 år"))
RATES_FIRST_ROW = 3  # 0-based row of the first rate item
MONEY = '#,##0.00\\ "kr."'


@dataclass
class Formats:
    """The workbook's cell formats (XlsxWriter needs them created per workbook)."""

    title: Any
    header: Any
    text: Any  # locked text (labels of formula rows)
    input_text: Any
    input_money: Any
    input_int: Any
    input_date: Any
    input_percent: Any
    money: Any  # locked formula amounts
    money_bold: Any
    section: Any
    warning: Any
    integer: Any


def _formats(book: Any) -> Formats:
    def fmt(**props: Any) -> Any:
        return book.add_format({"font_name": "Calibri", "font_size": 10, **props})

    unlocked = {"locked": False, "bg_color": "#FFFDE7"}
    return Formats(
        title=fmt(bold=True, font_size=14, font_color="#1F4E79"),
        header=fmt(bold=True, bg_color="#1F4E79", font_color="#FFFFFF", text_wrap=True,
                   valign="top"),
        text=fmt(), input_text=fmt(text_wrap=False, **unlocked),
        input_money=fmt(num_format=MONEY, **unlocked),
        input_int=fmt(num_format="0", **unlocked),
        input_date=fmt(num_format="dd-mm-yyyy", **unlocked),
        input_percent=fmt(num_format="0.00%", **unlocked),
        money=fmt(num_format=MONEY, bg_color="#E8EEF4"),
        money_bold=fmt(num_format=MONEY, bg_color="#D0DCE8", bold=True),
        section=fmt(bold=True, font_color="#1F4E79"),
        warning=fmt(bold=True, font_color="#9C0006"),
        integer=fmt(num_format="0", bg_color="#E8EEF4"),
    )


def workbook_bytes(result: EconomySummary, printed_on: date) -> bytes:
    """The whole workbook for ``result`` (no file, no database)."""
    import xlsxwriter

    stream = BytesIO()
    book = xlsxwriter.Workbook(stream, {
        "in_memory": True, "strings_to_formulas": False, "strings_to_urls": False,
        "strings_to_numbers": False,
    })
    # A fixed creation time: the same content gives the same file content.
    book.set_properties({"title": f"Økonomisk overblik {result.year}",
                         "author": "MentorDesk", "created": _created(printed_on)})
    formats = _formats(book)
    header_text = _page_header(result, printed_on)
    year_sheet = book.add_worksheet(YEAR_SHEET)
    debt_sheet = book.add_worksheet(DEBT_SHEET)
    benefit_sheet = book.add_worksheet(BENEFIT_SHEET)
    rates_sheet = book.add_worksheet(RATES_SHEET)
    rate_cells = _write_rates(rates_sheet, formats, result)
    ability_average = _write_year_sheet(year_sheet, formats, result, rate_cells)
    write_debt_sheet(debt_sheet, formats, result, f"'{YEAR_SHEET}'!{ability_average}")
    _write_benefits(benefit_sheet, formats, result)
    _write_marker(book.add_worksheet(MARKER_SHEET), result)
    for sheet in (year_sheet, debt_sheet, benefit_sheet, rates_sheet):
        _print_setup(sheet, header_text)
    book.close()
    return stream.getvalue()


def _created(printed_on: date) -> Any:
    from datetime import datetime

    return datetime(printed_on.year, printed_on.month, printed_on.day)


def _header_escape(text: str) -> str:
    # "&" starts a control code in Excel's header language.
    return cell_text(text).replace("&", "&&").replace("\n", " ")


def _page_header(result: EconomySummary, printed_on: date) -> str:
    return (f"&L{_header_escape(result.citizen_initials)}"
            f"&CØkonomisk overblik {result.year}&R{printed_on:%d-%m-%Y}")


def _print_setup(sheet: Any, header: str) -> None:
    sheet.set_landscape()
    sheet.set_paper(9)  # A4
    sheet.fit_to_pages(1, 0)
    sheet.set_margins(left=0.4, right=0.4, top=0.7, bottom=0.6)
    sheet.set_header(header)
    sheet.set_footer("&CSide &P af &N")
    # Locked cells stay selectable; formats and widths may change, formulas may not.
    sheet.protect("", {"format_columns": True, "format_rows": True,
                       "select_locked_cells": True, "select_unlocked_cells": True})


def _write_marker(sheet: Any, result: EconomySummary) -> None:
    """A very hidden sheet that tells the importer the file is ours, and for whom."""
    sheet.write_string(0, 0, MARKER)
    sheet.write_number(1, 0, FORMAT_VERSION)
    sheet.write_number(2, 0, result.year)
    sheet.write_number(3, 0, result.citizen_id)
    sheet.very_hidden()


# --- rates ----------------------------------------------------------------------------------


def rates_title(result: EconomySummary) -> str:
    """"Satser 2026", or plainly that the year has none / uses an earlier year's."""
    choice = result.rates_choice
    if choice.used is None:
        return f"Ingen satser for {result.year} – rådighedsbeløbet er ikke trukket fra"
    if choice.missing:
        return (f"Satser fra {choice.used.year} (der er ingen satser for {result.year}; "
                "bekræftet af brugeren)")
    return f"Satser {result.year}"


def _write_rates(sheet: Any, formats: Formats, result: EconomySummary) -> dict[str, str]:
    """The rates table with each kind's year and source; returns, for the sheet's norm
    kind, item → absolute cell (empty when the sheet has no rates to use)."""
    sheet.write_string(0, 0, f"{rates_title(result)} (pr. måned)", formats.title)
    sheet.write_string(RATES_FIRST_ROW - 1, 0, "Sats", formats.header)
    kinds = list(NormKind)
    choices = [choose_rates(result.sheet, result.year_rates, kind) for kind in kinds]
    for column, kind in enumerate(kinds, start=1):
        sheet.write_string(RATES_FIRST_ROW - 1, column, kind.label, formats.header)
    cells: dict[str, str] = {}
    for offset, (item, label) in enumerate(NORM_ITEM_LABELS):
        row = RATES_FIRST_ROW + offset
        sheet.write_string(row, 0, label, formats.text)
        for column, choice in enumerate(choices, start=1):
            amount = choice.used.items.get(item, 0) if choice.used else 0
            sheet.write_number(row, column, kroner(amount), formats.input_money)
            if choice.kind is result.sheet.norm_kind and choice.used is not None:
                cells[item] = f"'{RATES_SHEET}'!{cell_ref(row, column, absolute=True)}"
    year_row = RATES_FIRST_ROW + len(NORM_ITEM_LABELS)
    sheet.write_string(year_row, 0, "Satsernes år", formats.text)
    sheet.write_string(year_row + 1, 0, "Kilde", formats.text)
    for column, choice in enumerate(choices, start=1):
        used = choice.used
        sheet.write_string(year_row, column, str(used.year) if used else choice.label,
                           formats.text if used else formats.warning)
        sheet.write_string(year_row + 1, column, cell_text(used.source) if used else "",
                           formats.text)
    sheet.set_column(0, 0, 18)
    sheet.set_column(1, len(kinds), 30)
    sheet.freeze_panes(RATES_FIRST_ROW, 1)
    return cells


# --- the year sheet -------------------------------------------------------------------------


def _write_year_sheet(sheet: Any, f: Formats, result: EconomySummary,
                      rate_cells: dict[str, str]) -> str:
    """Write the year overview; returns the cell of the average ability to pay."""
    s, totals = result.sheet, result.totals
    sheet.write_string(0, 0, f"Økonomisk overblik {s.year} – {cell_text(result.citizen_name)}",
                       f.title)
    household = (("Voksne", s.adults), ("Børn 0–1 år", s.children_0_1),
                 ("Børn 2–6 år", s.children_2_6), ("Børn 7–17 år", s.children_7_17))
    for index, (label, count) in enumerate(household):
        sheet.write_string(HOUSEHOLD_ROW, index * 2, label, f.text)
        sheet.write_number(HOUSEHOLD_ROW, index * 2 + 1, count, f.input_int)
    sheet.write_string(HOUSEHOLD_ROW, 8, "Norm", f.text)
    sheet.write_string(HOUSEHOLD_ROW, 9, s.norm_kind.label, f.text)
    _write_rates_note(sheet, f, result)
    sheet.write_string(NOTE_ROW, 0, "Note", f.text)
    sheet.write_string(NOTE_ROW, 1, cell_text(s.note), f.input_text)
    headers = ("Post", "Person", "Hyppighed", "Beløb", "Første måned", *MONTH_NAMES,
               "I alt", "Gns. pr. måned", "Note", "Kode", "Betalingsevne (offentlig metode)")
    for column, title in enumerate(headers):
        sheet.write_string(HEADER_ROW, column, title, f.header)
    public = public_debt_ids(result.debts)
    row = HEADER_ROW + 1
    income_row, row = _write_section(sheet, f, row, EconomySection.INCOME, s.income_lines,
                                     totals.income, totals.income_year, totals.income_average,
                                     public)
    expense_row, row = _write_section(sheet, f, row + 1, EconomySection.EXPENSE,
                                      s.expense_lines, totals.expense, totals.expense_year,
                                      totals.expense_average, public)
    norm_formula = _norm_formula(rate_cells)
    expenses = (expense_row - len(s.expense_lines), expense_row - 1)
    summary_end = _write_summary(sheet, f, result, row + 1, income_row, expense_row)
    return _write_ability(sheet, f, result, summary_end + 1, income_row, expenses,
                          norm_formula)


def _write_rates_note(sheet: Any, f: Formats, result: EconomySummary) -> None:
    """"satser fra 2024" (or that the year has none) beside the norm; the confirmed year
    is a number the import reads back."""
    choice = result.rates_choice
    if choice.label:
        sheet.write_string(NOTE_ROW, 8, "Satser", f.text)
        sheet.write_string(NOTE_ROW, 9, choice.label, f.warning)
    if result.sheet.rates_year is not None:
        sheet.write_string(HOUSEHOLD_ROW, RATES_YEAR_COLUMN - 1, "Satser fra år", f.text)
        sheet.write_number(HOUSEHOLD_ROW, RATES_YEAR_COLUMN, result.sheet.rates_year,
                           f.input_int)


def _write_section(sheet: Any, f: Formats, row: int, section: EconomySection,
                   lines: tuple[SheetLine, ...], months: tuple[int, ...], year_total: int,
                   average: int, public_debts: frozenset[int]) -> tuple[int, int]:
    """Section heading, its lines and its total row; returns (total row, next row)."""
    sheet.write_string(row, COL_LABEL, section.label, f.section)
    sheet.write_string(row, COL_CODE, f"section:{section.value}")
    first = row + 1
    for offset, line in enumerate(lines):
        _write_line(sheet, f, first + offset, line)
        if section is EconomySection.EXPENSE:
            sheet.write_string(first + offset, COL_GROUP,
                               budget_group(line, public_debts).label, f.input_text)
    last = first + len(lines) - 1
    if lines:
        # Drop-down lists: what is typed there must read back (``from_label``) on import.
        choices: list[tuple[int, type[Any]]] = [(COL_PERSON, Person), (COL_FREQUENCY, Frequency)]
        if section is EconomySection.EXPENSE:
            choices.append((COL_GROUP, BudgetGroup))
        for column, enum in choices:
            sheet.data_validation(first, column, last, column, {
                "validate": "list", "source": [member.label for member in enum]})
    total_row = first + len(lines)
    sheet.write_string(total_row, COL_LABEL, f"{section.label} i alt", f.section)
    for month in range(MONTHS):
        column = COL_MONTH0 + month
        formula = (f"=ROUND(SUM({cell_ref(first, column)}:{cell_ref(last, column)}),2)"
                   if lines else "=0")
        sheet.write_formula(total_row, column, formula, f.money_bold, kroner(months[month]))
    _write_year_cells(sheet, f.money_bold, total_row, year_total, average)
    sheet.write_string(total_row, COL_CODE, f"total:{section.value}")
    return total_row, total_row + 1


def _write_year_cells(sheet: Any, fmt: Any, row: int, year_total: int, average: int) -> None:
    month_range = f"{cell_ref(row, COL_MONTH0)}:{cell_ref(row, COL_MONTH0 + MONTHS - 1)}"
    sheet.write_formula(row, COL_TOTAL, f"=ROUND(SUM({month_range}),2)", fmt,
                        kroner(year_total))
    sheet.write_formula(row, COL_AVERAGE, f"=ROUND({cell_ref(row, COL_TOTAL)}/12,2)", fmt,
                        kroner(average))


def _write_line(sheet: Any, f: Formats, row: int, line: SheetLine) -> None:
    sheet.write_string(row, COL_LABEL, cell_text(line.label), f.input_text)
    sheet.write_string(row, COL_PERSON, line.person.label, f.input_text)
    sheet.write_string(row, COL_FREQUENCY, line.frequency.label, f.input_text)
    sheet.write_number(row, COL_AMOUNT, kroner(line.amount_oere), f.input_money)
    sheet.write_number(row, COL_FIRST, line.first_month, f.input_int)
    for month, amount in enumerate(line.months):
        sheet.write_number(row, COL_MONTH0 + month, kroner(amount), f.input_money)
    _write_year_cells(sheet, f.money, row, line.year_total, line.monthly_average)
    sheet.write_string(row, COL_NOTE, cell_text(line.note), f.input_text)
    link = f"{DEBT_LINK}{line.debt_id}" if line.debt_id is not None else ""
    sheet.write_string(row, COL_CODE, cell_text(f"line:{line.category}{link}"))


def _norm_formula(rate_cells: dict[str, str]) -> str:
    """The household norm from the rates sheet and the household cells in row 2."""
    if not rate_cells:
        return "0"
    adults = cell_ref(HOUSEHOLD_ROW, 1, absolute=True)
    children = [cell_ref(HOUSEHOLD_ROW, column, absolute=True) for column in (3, 5, 7)]
    return (f"{rate_cells['first_adult']}+({adults}-1)*{rate_cells['second_adult']}"
            f"+{children[0]}*{rate_cells['child_0_1']}"
            f"+{children[1]}*{rate_cells['child_2_6']}"
            f"+{children[2]}*{rate_cells['child_7_17']}")


def _write_summary(sheet: Any, f: Formats, result: EconomySummary, row: int,
                   income_row: int, expense_row: int) -> int:
    """The everyday budget: disposable amount (actual items), per day, running balance,
    deficit months. Returns the last row written."""
    t, year = result.totals, result.sheet.year
    disposable, per_day, running, deficit = range(row, row + 4)
    labels = ((disposable, "Rådighedsbeløb (budget, faktiske poster)", "summary:disposable"),
              (per_day, "Rådighedsbeløb pr. dag", "summary:per_day"),
              (running, "Saldo (løbende)", "summary:running"),
              (deficit, "Underskud", "summary:deficit"))
    for label_row, label, code in labels:
        sheet.write_string(label_row, COL_LABEL, label, f.section)
        sheet.write_string(label_row, COL_CODE, code)
    for month in range(MONTHS):
        column = COL_MONTH0 + month

        def ref(at: int, column: int = column) -> str:
            return cell_ref(at, column)

        sheet.write_formula(disposable, column,
                            f"=ROUND({ref(income_row)}-{ref(expense_row)},2)",
                            f.money_bold, kroner(t.disposable[month]))
        days = days_in_month(year, month + 1)
        sheet.write_formula(per_day, column, f"=ROUND({ref(disposable)}/{days},2)", f.money,
                            kroner(t.disposable_per_day[month]))
        previous = f"{cell_ref(running, column - 1)}+" if month else ""
        sheet.write_formula(running, column, f"=ROUND({previous}{ref(disposable)},2)",
                            f.money, kroner(t.running_balance[month]))
        sheet.write_formula(deficit, column, f'=IF({ref(running)}<0,"Underskud","")',
                            f.warning, "Underskud" if month + 1 in t.deficit_months else "")
    _write_year_cells(sheet, f.money_bold, disposable, t.disposable_year, t.disposable_average)
    days_in_year = sum(days_in_month(year, month) for month in range(1, 13))
    sheet.write_formula(per_day, COL_AVERAGE,
                        f"=ROUND({cell_ref(disposable, COL_TOTAL)}/{days_in_year},2)",
                        f.money, kroner(t.disposable_per_day_average))
    _layout_year_sheet(sheet, f, running)
    return deficit


def _write_ability(sheet: Any, f: Formats, result: EconomySummary, row: int,
                   income_row: int, expenses: tuple[int, int], norm_formula: str) -> str:
    """The ability to pay by the public method, as workings: net income, − the norm,
    − each deducted group (the expense lines summed by their group column), = ability.
    Returns the cell of the average ability (what the repayment plan shares)."""
    t = result.totals
    sheet.write_string(row, COL_LABEL, "Betalingsevne (offentlig metode)", f.section)
    sheet.write_string(row, COL_CODE, "section:ability")
    norm = row + 1
    group_rows = {group: norm + 1 + index for index, group in enumerate(DEDUCTED_GROUPS)}
    ability = norm + 1 + len(DEDUCTED_GROUPS)
    sheet.write_string(norm, COL_LABEL, f"− Rådighedsbeløb: {result.sheet.norm_kind.label}",
                       f.text)
    sheet.write_string(norm, COL_CODE, "summary:norm")
    for group, group_row in group_rows.items():
        sheet.write_string(group_row, COL_LABEL, f"− {group.label}", f.text)
        sheet.write_string(group_row, COL_CODE, f"summary:group:{group.value}")
    sheet.write_string(ability, COL_LABEL, "Betalingsevne pr. måned (resultat)", f.section)
    sheet.write_string(ability, COL_CODE, "summary:ability")
    first, last = expenses
    for month in range(MONTHS):
        column = COL_MONTH0 + month
        sheet.write_formula(norm, column, f"=ROUND({norm_formula},2)", f.money,
                            kroner(t.norm_month))
        for group, group_row in group_rows.items():
            formula = (f'=ROUND(SUMIF({cell_ref(first, COL_GROUP, absolute=True)}:'
                       f'{cell_ref(last, COL_GROUP, absolute=True)},"{group.label}",'
                       f"{cell_ref(first, column)}:{cell_ref(last, column)}),2)"
                       if last >= first else "=0")
            sheet.write_formula(group_row, column, formula, f.money,
                                kroner(t.groups[group][month]))
        deducted = "-".join(cell_ref(at, column) for at in (norm, *group_rows.values()))
        sheet.write_formula(ability, column,
                            f"=ROUND({cell_ref(income_row, column)}-{deducted},2)",
                            f.money_bold, kroner(t.ability[month]))
    _write_year_cells(sheet, f.money, norm, t.norm_month * MONTHS, t.norm_month)
    for group, group_row in group_rows.items():
        _write_year_cells(sheet, f.money, group_row, t.group_year(group),
                          t.group_average(group))
    _write_year_cells(sheet, f.money_bold, ability, t.ability_year, t.ability_average)
    return cell_ref(ability, COL_AVERAGE, absolute=True)


def _layout_year_sheet(sheet: Any, f: Formats, running_row: int) -> None:
    sheet.freeze_panes(HEADER_ROW + 1, 1)
    sheet.set_column(COL_LABEL, COL_LABEL, 30)
    sheet.set_column(COL_PERSON, COL_FREQUENCY, 11)
    sheet.set_column(COL_AMOUNT, COL_AMOUNT, 12)
    sheet.set_column(COL_FIRST, COL_FIRST, 8)
    sheet.set_column(COL_MONTH0, COL_AVERAGE, 12)
    sheet.set_column(COL_NOTE, COL_NOTE, 30)
    sheet.set_column(COL_CODE, COL_CODE, 12, None, {"hidden": True})
    sheet.set_column(COL_GROUP, COL_GROUP, 30)
    sheet.set_row(HEADER_ROW, 28)
    sheet.repeat_rows(HEADER_ROW)
    months = (f"{cell_ref(running_row, COL_MONTH0)}:"
              f"{cell_ref(running_row, COL_MONTH0 + MONTHS - 1)}")
    sheet.conditional_format(months, {"type": "cell", "criteria": "<", "value": 0,
                                      "format": f.warning})


# --- benefits -------------------------------------------------------------------------------


def _write_benefits(sheet: Any, f: Formats, result: EconomySummary) -> None:
    from mentordesk.domain.economy import OneOffBenefitStatus

    sheet.write_string(0, 0, "Enkeltydelser (aktivloven §81/§82)", f.title)
    headers = ("Ansøgt", "Formål", "Lovgrundlag", "Ansøgt beløb", "Status",
               "Bevilget beløb", "Afgørelse", "Klagefrist", "Note")
    for column, title in enumerate(headers):
        sheet.write_string(2, column, title, f.header)
    first = 3
    for offset, benefit in enumerate(result.benefits):
        row = first + offset
        _write_date(sheet, row, 0, benefit.applied_on, f)
        sheet.write_string(row, 1, cell_text(benefit.purpose), f.input_text)
        sheet.write_string(row, 2, cell_text(benefit.legal_basis), f.input_text)
        sheet.write_number(row, 3, kroner(benefit.amount_applied_oere), f.input_money)
        sheet.write_string(row, 4, OneOffBenefitStatus(benefit.status).label, f.input_text)
        if benefit.amount_granted_oere is None:
            sheet.write_blank(row, 5, None, f.input_money)
        else:
            sheet.write_number(row, 5, kroner(benefit.amount_granted_oere), f.input_money)
        _write_date(sheet, row, 6, benefit.decided_on, f)
        _write_date(sheet, row, 7, benefit.appeal_deadline, f)
        sheet.write_string(row, 8, cell_text(benefit.note), f.input_text)
    total = first + len(result.benefits)
    sheet.write_string(total, 0, "I alt", f.section)
    for column, amount in ((3, sum(b.amount_applied_oere for b in result.benefits)),
                           (5, sum(b.amount_granted_oere or 0 for b in result.benefits))):
        formula = (f"=ROUND(SUM({cell_ref(first, column)}:{cell_ref(total - 1, column)}),2)"
                   if result.benefits else "=0")
        sheet.write_formula(total, column, formula, f.money_bold, kroner(amount))
    sheet.freeze_panes(3, 0)
    sheet.set_column(0, 0, 12)
    sheet.set_column(1, 1, 36)
    sheet.set_column(2, 7, 15)
    sheet.set_column(8, 8, 36)


def _write_date(sheet: Any, row: int, column: int, value: date | None, f: Formats) -> None:
    from datetime import datetime

    if value is None:
        sheet.write_blank(row, column, None, f.input_date)
    else:
        sheet.write_datetime(row, column, datetime(value.year, value.month, value.day),
                             f.input_date)
