"""What an import file holds once read: a header row and data rows of plain cells.

A cell is text or a date (an Excel date cell); nothing else survives reading, so no
formula, hyperlink or number format from the file can reach the database or the screen.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date

from mentordesk.errors import MentorDeskError

Cell = str | date

# Unpacked size limit: openpyxl on a zip bomb takes minutes and gigabytes (ARCHITECTURE.md).
MAX_UNPACKED_BYTES = 50 * 1024 * 1024
# A team's citizen list has hundreds or a few thousand rows; far more means the wrong file.
MAX_DATA_ROWS = 50_000
MAX_COLUMNS = 200


class ImportRefused(MentorDeskError):
    """The file as a whole cannot be imported; ``str()`` is one Danish sentence."""


@dataclass(frozen=True)
class SourceRow:
    """One data row. ``number`` is the row number the user sees in Excel or the CSV file."""

    number: int
    cells: tuple[Cell, ...]

    def cell(self, column: int) -> Cell:
        return self.cells[column] if column < len(self.cells) else ""


@dataclass(frozen=True)
class ImportTable:
    source_name: str
    headers: tuple[str, ...]
    rows: tuple[SourceRow, ...]
    kind: str  # "xlsx" | "csv"

    def column_title(self, column: int) -> str:
        """The header as written, or "Kolonne 3" for a column without one."""
        header = self.headers[column].strip() if column < len(self.headers) else ""
        return header or f"Kolonne {column + 1}"


def is_blank(cell: Cell) -> bool:
    return isinstance(cell, str) and not cell.strip()


def build_table(source_name: str, kind: str,
                numbered_rows: Iterable[tuple[int, list[Cell]]]) -> ImportTable:
    """Header = the first non-empty row; blank rows after it are dropped.

    Refuses an empty file, a file with headers but no data and an oversized one, each
    with one message; reading stops at the first row over the limits.
    """
    filled = list(_filled_rows(source_name, numbered_rows))
    if not filled:
        raise ImportRefused(f"Filen »{source_name}« er tom.")
    (_, header_cells), data = filled[0], filled[1:]
    if not data:
        raise ImportRefused(
            f"Filen »{source_name}« har kun en overskriftsrække og ingen borgere.")
    width = max(len(cells) for _, cells in filled)
    headers = tuple(_text(cell) for cell in header_cells) + ("",) * (width - len(header_cells))
    rows = tuple(SourceRow(number, tuple(cells) + ("",) * (width - len(cells)))
                 for number, cells in data)
    return ImportTable(source_name, headers, rows, kind)


def _filled_rows(source_name: str, numbered_rows: Iterable[tuple[int, list[Cell]]]
                 ) -> Iterator[tuple[int, list[Cell]]]:
    count = 0
    for number, cells in numbered_rows:
        trimmed = _trimmed(cells)
        if not trimmed:
            continue
        if len(trimmed) > MAX_COLUMNS:
            raise ImportRefused(
                f"Filen »{source_name}« har mere end {MAX_COLUMNS} kolonner og ligner ikke "
                "en borgerliste.")
        count += 1
        if count > MAX_DATA_ROWS + 1:  # + the header row
            raise ImportRefused(
                f"Filen »{source_name}« har mere end {MAX_DATA_ROWS} rækker; der kan højst "
                f"indlæses {MAX_DATA_ROWS} ad gangen. Del filen op.")
        yield number, trimmed


def _trimmed(cells: list[Cell]) -> list[Cell]:
    end = len(cells)
    while end and is_blank(cells[end - 1]):
        end -= 1
    return cells[:end]


def _text(cell: Cell) -> str:
    return cell.strip() if isinstance(cell, str) else cell.isoformat()
