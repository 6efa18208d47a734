"""The two kinds of table a progression report draws: label/value grids and plain tables
of program-made strings. Shared by the report's sections (``render``, ``summary``)."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.platypus import Flowable, Table, TableStyle

from mentordesk.pdf.toolkit import (
    FONT,
    FONT_BOLD,
    GRID_COLOUR,
    SHADE_COLOUR,
    TABLE_FONT,
    cell_paragraph,
    styles,
)

NOT_FILLED = "(ikke udfyldt)"


def key_value_grid(rows: list[list[str]], widths: list[float]) -> Table:
    """Label/value pairs: labels (the program's own words, even columns) as plain bold
    strings, values (often user text) as escaped paragraphs that wrap (an e-mail address
    after its "@" and dots)."""
    cell = styles()["cell"]
    body = [[text if column % 2 == 0 else cell_paragraph(text, cell)
             for column, text in enumerate(row)] for row in rows]
    table = Table(body, colWidths=widths)
    label_columns = range(0, len(widths), 2)
    table.setStyle(TableStyle([
        TABLE_FONT,
        ("GRID", (0, 0), (-1, -1), 0.4, GRID_COLOUR),
        *[("BACKGROUND", (column, 0), (column, -1), SHADE_COLOUR) for column in label_columns],
        *[("FONT", (column, 0), (column, -1), FONT_BOLD, 9) for column in label_columns],
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]))
    return table


def plain_table(header: list[str], rows: Sequence[Sequence[str | Flowable]],
                widths: list[float], *, align_right: tuple[int, ...] = ()) -> Table:
    """A table of short program-made strings (weeks, counts, hours).

    Plain strings are drawn literally (no markup is parsed, so nothing needs escaping)
    and cost a fraction of Paragraph cells: the difference is most of a batch's time.
    Free text the user typed goes into a cell as ``cell_paragraph`` (escaped, wrapping)
    instead: a string never wraps and would run on under the next column.
    """
    table = Table([header, *rows], colWidths=widths, repeatRows=1)
    commands = [
        ("FONT", (0, 0), (-1, -1), FONT, 9),
        ("FONT", (0, 0), (-1, 0), FONT_BOLD, 9),
        ("GRID", (0, 0), (-1, -1), 0.4, GRID_COLOUR),
        ("BACKGROUND", (0, 0), (-1, 0), SHADE_COLOUR),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    commands += [("ALIGN", (column, 1), (column, -1), "RIGHT") for column in align_right]
    table.setStyle(TableStyle(commands))
    return table
