"""Read an import file (xlsx or csv) into an ImportTable, or refuse it with one message.

The kind is decided by the file's content, not its name: a zip is treated as xlsx, an OLE2
file is an old .xls or a password-protected workbook, anything else must be text (csv).
Every refusal happens before anything is written anywhere.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import zipfile
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from mentordesk.importing.table import (
    MAX_DATA_ROWS,
    MAX_UNPACKED_BYTES,
    Cell,
    ImportRefused,
    ImportTable,
    build_table,
    is_blank,
)

_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_DELIMITERS = (";", ",", "\t")
# Unicode category Cc except tab, line feed and carriage return.
_CONTROL_CHARACTER = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_SEPARATOR_HINT = re.compile(r"^sep=(.)$", re.IGNORECASE)
# Real text has almost no control characters; random bytes decoded as cp1252 have ~12 %.
_MAX_CONTROL_SHARE = 0.005


def read_import_file(path: Path) -> ImportTable:
    """The header and rows of the first sheet (xlsx) or of the csv file."""
    path = Path(path)
    name = path.name
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(8)
    except FileNotFoundError:
        raise ImportRefused(f"Filen »{name}« findes ikke.") from None
    except OSError:
        raise ImportRefused(f"Filen »{name}« kan ikke åbnes.") from None
    if size == 0:
        raise ImportRefused(f"Filen »{name}« er tom.")
    if size > MAX_UNPACKED_BYTES:
        raise _too_big(name)
    if head.startswith(_ZIP_MAGIC):
        return _read_xlsx(path)
    if head.startswith(_OLE2_MAGIC):
        raise ImportRefused(
            f"Filen »{name}« er i det gamle Excel-format (.xls) eller beskyttet med "
            "adgangskode. Gem den som .xlsx uden adgangskode, og prøv igen.")
    return _read_csv(path)


def _not_a_spreadsheet(name: str) -> ImportRefused:
    return ImportRefused(
        f"Filen »{name}« er ikke et regneark. Brug en Excel-fil (.xlsx) eller en CSV-fil "
        "(.csv).")


def _too_big(name: str) -> ImportRefused:
    return ImportRefused(
        f"Filen »{name}« er for stor: udpakket fylder den mere end "
        f"{MAX_UNPACKED_BYTES // (1024 * 1024)} MB. En borgerliste er langt mindre; tjek, at "
        "det er den rigtige fil.")


# --- csv ------------------------------------------------------------------------------------


def _read_csv(path: Path) -> ImportTable:
    name = path.name
    text = _decode(path.read_bytes(), name)
    _refuse_binary(text, name)
    text, delimiter = _excel_separator_hint(text)
    delimiter = delimiter or _sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        # Numbered by record, as Excel numbers the rows when it opens the file.
        return build_table(name, "csv", ((number, list(record))
                                         for number, record in enumerate(reader, start=1)))
    except csv.Error:
        raise _not_a_spreadsheet(name) from None


def _decode(data: bytes, name: str) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252 (old Danish Excel)."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encodings: tuple[str, ...] = ("utf-16",)
    elif data.startswith(codecs.BOM_UTF8):
        encodings = ("utf-8-sig",)
    else:
        encodings = ("utf-8", "cp1252")
    for encoding in encodings:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise _not_a_spreadsheet(name)


def _refuse_binary(text: str, name: str) -> None:
    if "\x00" in text:
        raise _not_a_spreadsheet(name)
    # A regex scan, stopping early: a character loop takes seconds on a 50 MB file.
    limit = len(text) * _MAX_CONTROL_SHARE
    for count, _match in enumerate(_CONTROL_CHARACTER.finditer(text), start=1):
        if count > limit:
            raise _not_a_spreadsheet(name)


def _excel_separator_hint(text: str) -> tuple[str, str | None]:
    """Excel may write a first line "sep=;" that it hides when opening the file: use it
    and drop it, so the row numbers match what Excel shows."""
    first, newline, rest = text.partition("\n")
    hint = _SEPARATOR_HINT.match(first.rstrip("\r"))
    return (rest, hint.group(1)) if hint and newline else (text, None)


def _sniff_delimiter(text: str) -> str:
    """The separator used most in the first non-empty line (Danish Excel writes ';')."""
    first_line = next((line for line in text.splitlines() if line.strip()), "")
    counts = {delimiter: first_line.count(delimiter) for delimiter in _DELIMITERS}
    best = max(_DELIMITERS, key=lambda delimiter: counts[delimiter])
    return best if counts[best] else ";"


# --- xlsx -----------------------------------------------------------------------------------


def _read_xlsx(path: Path) -> ImportTable:
    name = path.name
    _check_zip(path, name)
    try:
        rows, formulas = _sheet_rows(path, data_only=False)
        if formulas:
            _use_cached_values(path, rows, formulas)
    except ImportRefused:
        raise
    except Exception:  # noqa: BLE001 - any parser failure means: not a readable workbook
        raise _not_a_spreadsheet(name) from None
    return build_table(name, "xlsx", rows)


def _check_zip(path: Path, name: str) -> None:
    """Sizes from the zip directory BEFORE openpyxl sees the file (a bomb costs it GBs).

    An entry that lies about its size is cut off at the stated size by ``zipfile`` and
    then fails its CRC check, so the stated total bounds what can ever be unpacked.
    """
    try:
        with zipfile.ZipFile(path) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise _not_a_spreadsheet(name) from None
    if sum(entry.file_size for entry in entries) > MAX_UNPACKED_BYTES:
        raise _too_big(name)
    names = {entry.filename for entry in entries}
    if "[Content_Types].xml" not in names or not any(n.startswith("xl/") for n in names):
        raise _not_a_spreadsheet(name)  # a .docx, an .ods or just a zip


def _sheet_rows(path: Path, *, data_only: bool
                ) -> tuple[list[tuple[int, list[Cell]]], set[tuple[int, int]]]:
    """Rows of the first worksheet, and where the formulas are (when not ``data_only``)."""
    import openpyxl  # ~150 ms: only when an xlsx file is actually read

    workbook = openpyxl.load_workbook(path, read_only=True, data_only=data_only,
                                      keep_links=False)
    try:
        if not workbook.worksheets:
            return [], set()
        sheet = workbook.worksheets[0]
        # The stored dimensions can claim a million rows: never pad to them.
        sheet.reset_dimensions()
        rows: list[tuple[int, list[Cell]]] = []
        formulas: set[tuple[int, int]] = set()
        filled = 0
        for number, cells in enumerate(sheet.iter_rows(min_row=1), start=1):
            values = []
            for column, cell in enumerate(cells):
                if cell.data_type == "f":
                    formulas.add((number, column))
                values.append(_cell_value(cell.value))
            rows.append((number, values))
            filled += any(not is_blank(value) for value in values)
            if filled > MAX_DATA_ROWS + 1:
                break  # enough to refuse the file (build_table says why); read no further
        return rows, formulas
    finally:
        workbook.close()


def _use_cached_values(path: Path, rows: list[tuple[int, list[Cell]]],
                       formulas: set[tuple[int, int]]) -> None:
    """Formulas are never evaluated: show what Excel last computed, else the formula text."""
    cached_rows, _ = _sheet_rows(path, data_only=True)
    cached = dict(cached_rows)
    for number, values in rows:
        for column, _value in enumerate(values):
            if (number, column) not in formulas:
                continue
            cached_values = cached.get(number, [])
            if column < len(cached_values) and cached_values[column] != "":
                values[column] = cached_values[column]


def _cell_value(value: Any) -> Cell:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "Ja" if value else "Nej"
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, time):
        return value.strftime("%H:%M")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else f"{value:g}"
    # Array formulas and other objects: their text, never their meaning.
    return str(getattr(value, "text", value))
