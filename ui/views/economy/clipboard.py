"""Tab-separated text to and from the clipboard, the way Excel and LibreOffice copy ranges.

Excel puts a copied range on the clipboard as rows of tab-separated cells; a cell holding
a line break or a quote is wrapped in double quotes with inner quotes doubled. The csv
module reads exactly that dialect, so a pasted note with a line break stays one cell.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence

# Control characters other than tab/newline arrive from some web pages and would end up in
# the database and in exported sheets; Excel shows them as boxes.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
MAX_PASTE_CELLS = 20_000  # a whole year sheet is ~1.000 cells; more is a mistaken paste


def parse_tsv(text: str) -> list[list[str]]:
    """Rows of cells from clipboard text; the trailing line break Excel adds is dropped."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.endswith("\n"):
        text = text[:-1]
    if not text:
        return []
    rows = [list(row) for row in csv.reader(io.StringIO(text), delimiter="\t")]
    width = max(len(row) for row in rows)
    return [[_CONTROL.sub("", cell) for cell in row] + [""] * (width - len(row))
            for row in rows]


def format_tsv(rows: Sequence[Sequence[str]]) -> str:
    """Cells as Excel expects them back: quoted only when a cell needs it."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter="\t", lineterminator="\n",
                        quoting=csv.QUOTE_MINIMAL)
    for row in rows:
        writer.writerow(list(row))
    return buffer.getvalue()


def cell_count(rows: Sequence[Sequence[str]]) -> int:
    return sum(len(row) for row in rows)
