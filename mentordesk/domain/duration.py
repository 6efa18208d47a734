"""The one way the program writes an amount of time: decimal hours, ``"1,67 t"``.

Why decimal hours and not "1 t 40 min": grants are written in hours per week ("6–10 timer/uge"),
so a coordinator compares a delivered figure with a band of hours, and the hours workbook keeps
its hours as numbers the receiver sums. Decimal hours are the only format that reads the same in
the app, the progression report and the workbook, lines up in a column, and adds up by eye; a
mixed "t/min" text cannot be summed in Excel and the app used to show both side by side.
Two decimals (a 36-second resolution) is finer than any contact is logged.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from mentordesk.domain.catalogue import MINUTES_PER_HOUR

# Excel number format for the same text in the hours workbook: the cell stays a number (so
# =SUM works) and Excel's own locale supplies the decimal comma.
XLSX_HOURS_FORMAT = '0.00" t"'


def hours_number(minutes: int) -> str:
    """``100`` → ``"1,67"``, ``90`` → ``"1,5"``, ``120`` → ``"2"``: hours without the unit."""
    hours = (Decimal(minutes) / MINUTES_PER_HOUR).quantize(Decimal("0.01"), ROUND_HALF_UP)
    return f"{hours:f}".rstrip("0").rstrip(".").replace(".", ",")


def hours_text(minutes: int | None) -> str:
    """``100`` → ``"1,67 t"``, ``45`` → ``"0,75 t"``, ``60`` → ``"1 t"``, ``None`` → ``"–"``."""
    return "–" if minutes is None else f"{hours_number(minutes)} t"


def granted_text(low: int | None, high: int | None) -> str:
    """A week's granted minutes as hours: "4–6 t", "min. 5 t", "5 t", "op til 15 t";
    "–" without a grant."""
    if low is None:
        return "–"
    if high is None:
        return f"min. {hours_text(low)}"
    if high == low:
        return hours_text(low)
    if low == 0:
        return f"op til {hours_text(high)}"
    return f"{hours_number(low)}–{hours_text(high)}"


def hours_value(minutes: int | None) -> float | None:
    """Decimal hours as a number for a spreadsheet cell; ``None`` stays empty."""
    return None if minutes is None else round(minutes / MINUTES_PER_HOUR, 4)
