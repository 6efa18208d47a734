"""Open an xlsx file safely and read its sheets as plain grids of values.

Refused BEFORE openpyxl parses anything (a zip bomb costs it minutes and gigabytes):
not a zip, more than 50 MB unpacked, more than 500 parts, no workbook part, or an XML
part that declares a DOCTYPE (entity expansion: "billion laughs"). openpyxl then reads
read-only with cached values (``data_only``) through defusedxml.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from mentordesk.errors import MentorDeskError

if TYPE_CHECKING:
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet

MAX_UNPACKED_BYTES = 50 * 1024 * 1024
MAX_PARTS = 500
MAX_ROWS = 2_000
MAX_COLUMNS = 60
_ZIP_MAGIC = b"PK\x03\x04"
_PROLOG_BYTES = 64 * 1024
_DOCTYPE = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)

CellValue = str | int | float | date | None


class WorkbookRefused(MentorDeskError):
    """The file cannot be imported; ``str()`` is one Danish sentence. Nothing changed."""


@dataclass(frozen=True)
class Grid:
    """One sheet's values: ``rows[r][c]`` (0-based), blank cells ``None``."""

    name: str
    rows: tuple[tuple[CellValue, ...], ...]
    hidden: bool = False

    def cell(self, row: int, column: int) -> CellValue:
        if row >= len(self.rows) or column >= len(self.rows[row]):
            return None
        return self.rows[row][column]


def check_container(path: Path) -> None:
    """Refuse anything but a sane xlsx zip; reads only the zip directory and XML prologs."""
    name = path.name
    try:
        with path.open("rb") as handle:
            head = handle.read(4)
    except FileNotFoundError:
        raise WorkbookRefused(f"Filen »{name}« findes ikke.") from None
    except OSError:
        raise WorkbookRefused(f"Filen »{name}« kan ikke åbnes.") from None
    if head != _ZIP_MAGIC:
        raise WorkbookRefused(f"Filen »{name}« er ikke en Excel-fil (.xlsx).")
    try:
        with zipfile.ZipFile(path) as archive:
            entries = archive.infolist()
            _check_entries(name, entries)
            for entry in entries:
                if entry.filename.endswith((".xml", ".rels", ".vml")):
                    with archive.open(entry) as part:
                        if _DOCTYPE.search(part.read(_PROLOG_BYTES)):
                            raise WorkbookRefused(
                                f"Filen »{name}« indeholder XML-erklæringer, som et "
                                "regneark ikke bruger (mulig angrebsfil). Den indlæses ikke.")
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        raise WorkbookRefused(f"Filen »{name}« er beskadiget eller ikke en Excel-fil.") \
            from None


def _check_entries(name: str, entries: list[zipfile.ZipInfo]) -> None:
    if len(entries) > MAX_PARTS:
        raise WorkbookRefused(f"Filen »{name}« har over {MAX_PARTS} dele og indlæses ikke; "
                              "et økonomisk overblik er langt mindre.")
    if sum(entry.file_size for entry in entries) > MAX_UNPACKED_BYTES:
        raise WorkbookRefused(
            f"Filen »{name}« fylder over {MAX_UNPACKED_BYTES // (1024 * 1024)} MB udpakket og "
            "indlæses ikke; et økonomisk overblik er langt mindre.")
    names = {entry.filename for entry in entries}
    if "xl/workbook.xml" not in names:
        raise WorkbookRefused(f"Filen »{name}« er ikke et Excel-regneark (.xlsx).")


def read_grids(path: Path) -> list[Grid]:
    """Every sheet's values (at most ``MAX_ROWS`` × ``MAX_COLUMNS``), after the checks."""
    path = Path(path)
    check_container(path)
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True,
                                      keep_links=False)
    except Exception as error:  # openpyxl raises anything from KeyError to XML errors
        raise WorkbookRefused(f"Filen »{path.name}« kan ikke læses som regneark.") from error
    try:
        return [_grid(sheet) for sheet in book.worksheets]
    except WorkbookRefused:
        raise
    except Exception as error:
        raise WorkbookRefused(f"Filen »{path.name}« kan ikke læses som regneark.") from error
    finally:
        book.close()


def _grid(sheet: ReadOnlyWorksheet) -> Grid:
    rows: list[tuple[CellValue, ...]] = []
    for values in sheet.iter_rows(max_col=MAX_COLUMNS, values_only=True):
        if len(rows) >= MAX_ROWS:
            raise WorkbookRefused(f"Arket »{sheet.title}« har over {MAX_ROWS} rækker; "
                                  "det ligner ikke et økonomisk overblik.")
        rows.append(tuple(_value(value) for value in values))
    while rows and all(value is None for value in rows[-1]):
        rows.pop()
    state = getattr(sheet, "sheet_state", "visible")
    return Grid(name=sheet.title, rows=tuple(rows), hidden=state != "visible")


def _value(value: object) -> CellValue:
    if value is None or isinstance(value, bool):
        return None if value is None else str(value)
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, (str, int, float, date)):
        return value
    return str(value)
