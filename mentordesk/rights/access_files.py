"""The files of the right-of-access package: the data as JSON and as a workbook.

The workbook has one sheet per table and one for the access log. Every value is written
with ``write_string``/``write_number`` and ``strings_to_formulas`` off: a citizen's note
that starts with "=" stays text in Excel and LibreOffice.
"""

from __future__ import annotations

import io
import json
import re
from datetime import datetime
from typing import Any

from mentordesk.rights.collect import CitizenData
from mentordesk.rights.tables import CITIZEN_TABLES

FORMAT = "MentorDesk indsigtspakke 1"
LOG_HEADER = ("tidspunkt", "rolle", "handling", "emne", "detaljer")
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


def data_json(data: CitizenData, printed_at: datetime) -> bytes:
    document = {
        "format": FORMAT,
        "udskrevet": printed_at.isoformat(timespec="seconds"),
        "borger_id": data.citizen_id,
        "tabeller": {spec.name: {"titel": spec.title, "rækker": data.rows(spec.name)}
                     for spec in CITIZEN_TABLES},
        "rapporter": [name for name, _pdf in data.reports],
        "adgangslog": data.log,
    }
    return json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8")


def data_workbook(data: CitizenData) -> bytes:
    import xlsxwriter

    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False,
                                        "strings_to_urls": False, "strings_to_numbers": False})
    bold = book.add_format({"bold": True})
    used: set[str] = set()
    for spec in CITIZEN_TABLES:
        rows = data.rows(spec.name)
        header = list(rows[0]) if rows else [c.name for c in spec.table.columns]
        _sheet(book, _sheet_name(spec.title, used), header, rows, bold)
    _sheet(book, _sheet_name("Adgangslog", used), list(LOG_HEADER), data.log, bold)
    book.close()
    return buffer.getvalue()


def _sheet(book: Any, name: str, header: list[str], rows: list[dict[str, Any]],
           bold: Any) -> None:
    sheet = book.add_worksheet(name)
    for column, title in enumerate(header):
        sheet.write_string(0, column, title, bold)
        sheet.set_column(column, column, 18)
    for number, row in enumerate(rows, start=1):
        for column, key in enumerate(header):
            _cell(sheet, number, column, row.get(key))
    sheet.freeze_panes(1, 0)


def _cell(sheet: Any, row: int, column: int, value: Any) -> None:
    if value is None:
        return
    if isinstance(value, bool):
        sheet.write_string(row, column, "ja" if value else "nej")
    elif isinstance(value, int | float):
        sheet.write_number(row, column, value)
    else:
        # Excel's own limit for one cell; the JSON file has the whole text.
        sheet.write_string(row, column, str(value)[:32767])


def _sheet_name(title: str, used: set[str]) -> str:
    base = _SHEET_FORBIDDEN.sub("-", title)[:28] or "Ark"
    name, number = base, 2
    while name.lower() in used:
        name, number = f"{base[:26]} {number}", number + 1
    used.add(name.lower())
    return name
