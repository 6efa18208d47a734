"""The billing basis as documents: an xlsx workbook with live sums and a PDF.

Both list every grant's items (the service, travel time, km, indirect time, hours over
the grant) with whether each is billed, the VAT per line, and the totals excluding VAT,
the VAT and including VAT. User text (names, course names, case numbers) is written as
text: a name starting with "=" never becomes a formula, "<b" never markup.
"""

from __future__ import annotations

from datetime import datetime
from io import BytesIO
from typing import Any

from mentordesk.domain.billing_terms import OVER_GRANT_LABEL, VAT_RATE_PERCENT
from mentordesk.domain.duration import XLSX_HOURS_FORMAT, hours_text, hours_value
from mentordesk.domain.money import format_dkk
from mentordesk.schedule.billing import BillingBasis, BillingItem, BillingLine, ItemKind

HEADER = ("Borger", "Bevillings-/sagsnr.", "Forløb", "Bevillingsperiode", "Post", "Timer",
          "Km", "Uger", "Pris", "Status", "Moms", "Beløb ekskl. moms (kr.)", "Moms (kr.)",
          "Beløb inkl. moms (kr.)")
_AMOUNT, _VAT, _TOTAL = 11, 12, 13  # columns L, M, N
_FIRST_ROW = 4                       # the header is on row 4 (index 3)


def ean_label(basis: BillingBasis) -> str:
    return f"EAN-nummer: {basis.authority_ean or 'ikke angivet'}"


def billing_workbook(basis: BillingBasis) -> bytes:
    import xlsxwriter

    buffer = BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False,
                                        "strings_to_urls": False})
    formats = {"head": book.add_format({"bold": True, "bg_color": "#E8EEF4", "border": 1,
                                        "text_wrap": True}),
               "money": book.add_format({"num_format": '#,##0.00 "kr."'}),
               "hours": book.add_format({"num_format": XLSX_HOURS_FORMAT}),
               "flag": book.add_format({"bold": True, "font_color": "#9C0006"})}
    sheet = book.add_worksheet("Afregningsgrundlag")
    sheet.write_string(0, 0, f"Afregningsgrundlag {basis.authority_name}, {basis.month_label}")
    sheet.write_string(1, 0, ean_label(basis))
    for column, text in enumerate(HEADER):
        sheet.write_string(_FIRST_ROW - 1, column, text, formats["head"])
    sheet.set_column(0, 4, 22)
    sheet.set_column(5, 8, 10)
    sheet.set_column(9, 9, 34)
    sheet.set_column(10, 13, 16)
    row = _FIRST_ROW
    for line in basis.lines:
        for item in line.items:
            _write_item(sheet, row, line, item, formats)
            row += 1
    _write_totals(sheet, row, basis, formats)
    sheet.freeze_panes(_FIRST_ROW, 1)
    book.close()
    return buffer.getvalue()


def _write_item(sheet: Any, row: int, line: BillingLine, item: BillingItem,
                formats: dict[str, Any]) -> None:
    for column, text in enumerate((line.citizen_name, line.case_number, line.course_name,
                                   line.grant_period, item.kind.value)):
        sheet.write_string(row, column, text)
    if item.kind is not ItemKind.KM:
        sheet.write_number(row, 5, hours_value(item.minutes), formats["hours"])
    if item.km:
        sheet.write_number(row, 6, item.km)
    if item.weeks:
        sheet.write_number(row, 7, item.weeks)
    sheet.write_string(row, 8, _price_text(line, item))
    sheet.write_string(row, 9, item.status,
                       formats["flag"] if item.kind is ItemKind.OVER_GRANT else None)
    sheet.write_string(row, 10, line.vat_label)
    excel_row = row + 1
    sheet.write_number(row, _AMOUNT, item.amount_oere / 100, formats["money"])
    rate = VAT_RATE_PERCENT / 100 if line.vat_liable else 0
    sheet.write_formula(row, _VAT, f"=ROUND(L{excel_row}*{rate},2)", formats["money"],
                        line.item_vat_oere(item) / 100)
    sheet.write_formula(row, _TOTAL, f"=L{excel_row}+M{excel_row}", formats["money"],
                        (item.amount_oere + line.item_vat_oere(item)) / 100)


def _write_totals(sheet: Any, row: int, basis: BillingBasis, formats: dict[str, Any]) -> None:
    sheet.write_string(row, 0, "I alt", formats["head"])
    last = max(row, _FIRST_ROW + 1)
    totals = (basis.total_oere, basis.total_vat_oere, basis.total_oere + basis.total_vat_oere)
    for column, letter, cached in zip((_AMOUNT, _VAT, _TOTAL), "LMN", totals, strict=True):
        sheet.write_formula(row, column, f"=SUM({letter}{_FIRST_ROW + 1}:{letter}{last})",
                            formats["money"], cached / 100)
    if basis.over_grant_minutes:
        sheet.write_string(row + 1, 0, f"{OVER_GRANT_LABEL}: "
                           f"{hours_text(basis.over_grant_minutes)} i alt, ikke med i beløbet",
                           formats["flag"])


def _price_text(line: BillingLine, item: BillingItem) -> str:
    if item.kind is ItemKind.FACE:
        return line.price_label
    if not item.billed or not item.amount_oere:
        return ""
    if item.kind is ItemKind.KM:
        return f"{format_dkk(item.amount_oere // item.km)} pr. km"
    return line.price_label


def billing_pdf(basis: BillingBasis, team_name: str, printed_at: datetime) -> bytes:
    from mentordesk.pdf.toolkit import PdfMeta, build_pdf, content_width, data_table, para

    title = f"Afregningsgrundlag – {basis.authority_name}"
    rows = [_pdf_row(line, item) for line in basis.lines for item in line.items]
    rows.append(["I alt", "", "", "", "", format_dkk(basis.total_oere),
                 format_dkk(basis.total_vat_oere)])
    width = content_width()
    story = [para(title, "title"), para(f"Måned: {basis.month_label}"), para(ean_label(basis)),
             data_table(["Borger og bevilling", "Post", "Antal", "Pris", "Status / moms",
                         "Beløb ekskl. moms", "Moms"], rows,
                        [width * f for f in (0.21, 0.15, 0.08, 0.13, 0.19, 0.13, 0.11)],
                        align_right=(2, 5, 6)),
             para("Beløb inkl. moms: "
                  f"{format_dkk(basis.total_oere + basis.total_vat_oere)}")]
    if basis.over_grant_minutes:
        story.append(para(f"{OVER_GRANT_LABEL}: {hours_text(basis.over_grant_minutes)} ud "
                          "over bevillingens ugentlige timer er ikke med i beløbet."))
    if not basis.lines:
        story.append(para("Ingen bevillinger fra denne myndighed i måneden."))
    return build_pdf(story, PdfMeta(title=title, team_name=team_name, printed_at=printed_at,
                                    subject=basis.month_label))


def _pdf_row(line: BillingLine, item: BillingItem) -> list[str]:
    grant = [line.citizen_name, line.course_name, line.grant_period]
    if line.case_number:
        grant.append(f"Sagsnr. {line.case_number}")
    return ["\n".join(grant) if item.kind is ItemKind.FACE else "", item.kind.value,
            item.quantity_label, _price_text(line, item),
            f"{item.status}\n{line.vat_label}", format_dkk(item.amount_oere),
            format_dkk(line.item_vat_oere(item))]
