"""The weekly hours as an xlsx workbook (XlsxWriter): the proof of delivered hours.

Hours are numbers (decimal hours, shown ``1,67 t`` in a Danish Excel: the app's one hour
format), not text, so the receiver can sum them; names are written as strings with
``strings_to_formulas`` off, so a name such as ``=HYPERLINK(…)`` stays text.
"""

from __future__ import annotations

from datetime import date
from io import BytesIO
from pathlib import Path

from mentordesk import audit
from mentordesk.domain.catalogue import hours_flag_label
from mentordesk.domain.dates import format_date
from mentordesk.domain.duration import XLSX_HOURS_FORMAT, hours_value
from mentordesk.files import write_atomically
from mentordesk.kernel.context import Context
from mentordesk.schedule.overview import HoursOverview, weekly_hours


def export_hours_xlsx(context: Context, start: date, end: date, path: Path,
                      *, today: date | None = None) -> Path:
    """Write the overview for ``start..end`` to ``path`` (atomically); audited as EXPORT."""
    overview = weekly_hours(context, start, end, today=today)
    data = hours_workbook(overview)
    written = write_atomically(Path(path), data)
    with context.session() as session:
        for citizen_id in sorted(overview.citizen_names):
            audit.record(session, context.actor.login, audit.Action.EXPORT, entity="hours",
                         citizen_id=citizen_id, detail="Timeoverblik eksporteret til en xlsx-fil")
        audit.record(session, context.actor.login, audit.Action.EXPORT, entity="hours",
                     detail=f"Timeoverblik {format_date(start)} – {format_date(end)} "
                     f"til {audit.file_kind(written)}")
    return written


def hours_workbook(overview: HoursOverview) -> bytes:
    import xlsxwriter

    buffer = BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False,
                                        "strings_to_urls": False, "strings_to_numbers": False})
    formats = {
        "head": book.add_format({"bold": True, "bg_color": "#E8EEF4", "border": 1}),
        "hours": book.add_format({"num_format": XLSX_HOURS_FORMAT}),
        "date": book.add_format({"num_format": "dd-mm-yyyy"}),
        "title": book.add_format({"bold": True, "font_size": 13}),
    }
    _citizen_sheet(book, overview, formats)
    _mentor_sheet(book, overview, formats)
    _totals_sheet(book, overview, formats)
    book.close()
    return buffer.getvalue()


def _write_row(sheet, row: int, values: list, formats: dict, kinds: list[str]) -> None:
    for column, (value, kind) in enumerate(zip(values, kinds, strict=True)):
        if value is None:
            sheet.write_blank(row, column, None)
        elif kind == "text":
            sheet.write_string(row, column, str(value))
        elif kind == "date":
            sheet.write_datetime(row, column, value, formats["date"])
        elif kind == "hours":
            sheet.write_number(row, column, value, formats["hours"])
        else:
            sheet.write_number(row, column, value)


def _header(sheet, title: str, header: list[str], formats: dict, widths: list[int]) -> None:
    sheet.write_string(0, 0, title, formats["title"])
    for column, (text, width) in enumerate(zip(header, widths, strict=True)):
        sheet.write_string(2, column, text, formats["head"])
        sheet.set_column(column, column, width)
    sheet.freeze_panes(3, 1)


def _citizen_sheet(book, overview: HoursOverview, formats: dict) -> None:
    sheet = book.add_worksheet("Borgere")
    _header(sheet, f"Timeoverblik {format_date(overview.start)} – {format_date(overview.end)}",
            ["Borger", "Mentor", "Uge", "Mandag", "Bevilget min. (timer)",
             "Bevilget maks. (timer)", "Leveret (timer)", "Planlagt (timer)", "Status"],
            formats, [28, 24, 10, 12, 12, 12, 12, 12, 20])
    kinds = ["text", "text", "text", "date", "hours", "hours", "hours", "hours", "text"]
    for index, week in enumerate(overview.citizen_weeks):
        mentor = overview.citizen_mentor.get(week.citizen_id)
        _write_row(sheet, 3 + index, [
            overview.citizen_names.get(week.citizen_id, ""),
            overview.mentor_names.get(mentor, "") if mentor else "", week.week,
            week.week_start, hours_value(week.granted_min_minutes),
            hours_value(week.granted_max_minutes),
            hours_value(week.delivered_minutes), hours_value(week.planned_minutes),
            hours_flag_label(week.flag)], formats, kinds)


def _mentor_sheet(book, overview: HoursOverview, formats: dict) -> None:
    sheet = book.add_worksheet("Mentorer")
    _header(sheet, "Kapacitet, leveret og planlagt pr. mentor",
            ["Mentor", "Uge", "Mandag", "Kapacitet (timer)", "Leveret (timer)",
             "Planlagt (timer)"], formats, [28, 10, 12, 14, 14, 14])
    kinds = ["text", "text", "date", "hours", "hours", "hours"]
    for index, week in enumerate(overview.mentor_weeks):
        _write_row(sheet, 3 + index, [
            overview.mentor_names.get(week.mentor_id, ""), week.week, week.week_start,
            hours_value(week.capacity_minutes), hours_value(week.delivered_minutes),
            hours_value(week.planned_minutes)], formats, kinds)


def _totals_sheet(book, overview: HoursOverview, formats: dict) -> None:
    sheet = book.add_worksheet("Måneder og periode")
    _header(sheet, "Summer pr. måned og for hele perioden",
            ["Borger", "Måned", "Uger", "Bevilget min. (timer)", "Bevilget maks. (timer)",
             "Leveret (timer)", "Planlagt (timer)", "Uger under", "Uger over"],
            formats, [28, 12, 8, 12, 12, 12, 12, 10, 10])
    kinds = ["text", "text", "number", "hours", "hours", "hours", "hours", "number", "number"]
    row = 3
    blocks = [*overview.month_totals().items(), ("Hele perioden", overview.citizen_totals())]
    for month, totals in blocks:
        for total in totals:
            _write_row(sheet, row, [
                overview.citizen_names.get(total.citizen_id, ""), month, total.weeks,
                hours_value(total.granted_min_minutes), hours_value(total.granted_max_minutes),
                hours_value(total.delivered_minutes), hours_value(total.planned_minutes),
                total.weeks_under, total.weeks_over], formats, kinds)
            row += 1
