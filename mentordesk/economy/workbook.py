"""Export the year to xlsx and import a sheet back: MentorDesk's own workbook (exact round
trip) or a mentor's own spreadsheet (recognised by ``foreign.guess_layout``).

Import is all or nothing: the file is checked and read completely first, the sheet is
saved in one transaction (version-checked, snapshot "import"), or nothing changes.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import TypeVar

from mentordesk import audit
from mentordesk.domain.economy import BudgetGroup, EconomySection, Frequency, NormKind, Person
from mentordesk.domain.labels import LabeledStrEnum
from mentordesk.economy.foreign import (
    ForeignSheetGuess,
    amount_oere,
    best_guess,
    lines_from_grid,
)
from mentordesk.economy.records import EconomySummary
from mentordesk.economy.service_records import economy_of
from mentordesk.economy.sheet import MONTHS, Sheet, SheetLine
from mentordesk.economy.xlsx_layout import (
    COL_AMOUNT,
    COL_CODE,
    COL_FIRST,
    COL_FREQUENCY,
    COL_GROUP,
    COL_LABEL,
    COL_MONTH0,
    COL_NOTE,
    COL_PERSON,
    DEBT_LINK,
    HEADER_ROW,
    HOUSEHOLD_ROW,
    MARKER,
    MARKER_SHEET,
    NOTE_ROW,
    RATES_YEAR_COLUMN,
    YEAR_SHEET,
    text_from_cell,
)
from mentordesk.economy.xlsx_reading import CellValue, Grid, WorkbookRefused, read_grids
from mentordesk.files import write_atomically
from mentordesk.kernel.access import require_citizen
from mentordesk.kernel.changes import Result
from mentordesk.kernel.context import Context

__all__ = ["ForeignSheetGuess", "ImportPreview", "WorkbookRefused", "export_xlsx",
           "import_xlsx", "preview_foreign", "read_economy_workbook"]


@dataclass(frozen=True)
class ImportPreview:
    """What an import would store. ``kind``: "own" (our export) or "foreign"; for a
    foreign sheet ``guess`` and ``grid`` let a mapping dialog re-run ``preview_foreign``."""

    source_name: str
    kind: str
    sheet: Sheet  # citizen_id 0 until imported; year as asked
    skipped: tuple[str, ...] = ()
    guess: ForeignSheetGuess | None = None
    grid: Grid | None = None
    # Our own export names the citizen and year it was made for: the UI warns when they
    # differ from where it is being imported (a file from another case).
    source_citizen_id: int | None = None
    source_year: int | None = None

    @property
    def ok(self) -> bool:
        return self.kind == "own" or (self.guess is not None and self.guess.ok)


# --- export ---------------------------------------------------------------------------------


def export_xlsx(context: Context, citizen_id: int, year: int, out: Path,
                *, today: date | None = None) -> Result[EconomySummary]:
    """Write the workbook atomically to ``out``; audited, and a snapshot "export" records
    what was handed out. Returns the summary the workbook shows.

    The figures are read in a read transaction and the workbook is rendered outside any
    transaction, so other writers wait only for the snapshot and the audit event.
    """
    from mentordesk.economy.service_sheet import record_shown_snapshot, summary_in
    from mentordesk.economy.xlsx_writer import workbook_bytes

    with context.read() as session:
        citizen = require_citizen(session, context.actor, citizen_id)
        result = summary_in(session, citizen, year)
    write_atomically(Path(out), workbook_bytes(result, today or date.today()))
    with context.session() as session:
        record_shown_snapshot(session, context.actor, result, "export")
        audit.record(session, context.actor.login, audit.Action.EXPORT,
                     entity="economy_overview", citizen_id=citizen_id,
                     detail=f"Økonomisk overblik {year} eksporteret til {audit.file_kind(out)}")
    return Result(result, economy_of(citizen_id))


# --- reading ----------------------------------------------------------------------------------


def read_economy_workbook(path: Path, year: int,
                          guess: ForeignSheetGuess | None = None) -> ImportPreview:
    """Read ``path`` (no database): our own export exactly, or a foreign sheet by
    ``guess`` (detected when None). Raises ``WorkbookRefused`` for a bad file."""
    path = Path(path)
    grids = read_grids(path)
    own = _own_grids(grids)
    if own is not None and guess is None:
        marker = next(grid for grid in grids if grid.name == MARKER_SHEET)
        return ImportPreview(path.name, "own", _own_sheet(own, year),
                             source_citizen_id=_int_or_none(marker.cell(3, 0)),
                             source_year=_int_or_none(marker.cell(2, 0)))
    grid: Grid | None
    if guess is None:
        grid, guess = best_guess(grids)
    else:
        grid = next((g for g in grids if g.name == guess.sheet_name), None)
        if grid is None:
            raise WorkbookRefused(f"Filen har intet ark ved navn »{guess.sheet_name}«.")
    return preview_foreign(path.name, grid, guess, year)


def preview_foreign(source_name: str, grid: Grid, guess: ForeignSheetGuess,
                    year: int) -> ImportPreview:
    """The lines ``guess`` finds in ``grid`` (the mapping dialog calls this on changes)."""
    if not guess.ok:
        return ImportPreview(source_name, "foreign", Sheet(citizen_id=0, year=year),
                             guess.problems, guess, grid)
    found = lines_from_grid(grid, guess)
    sheet = Sheet(citizen_id=0, year=year, lines=found.lines).ordered()
    return ImportPreview(source_name, "foreign", sheet, found.skipped, guess, grid)


def _own_grids(grids: list[Grid]) -> Grid | None:
    names = {grid.name: grid for grid in grids}
    marker = names.get(MARKER_SHEET)
    if marker is None or marker.cell(0, 0) != MARKER or YEAR_SHEET not in names:
        return None
    return names[YEAR_SHEET]


def _int_or_none(value: CellValue) -> int | None:
    if isinstance(value, (int, float)) and float(value).is_integer():
        return int(value)
    return None


def _earlier_year(value: CellValue, year: int) -> int | None:
    """The confirmed earlier rates year, if the file has one that is earlier than the
    year imported into (a file from another year may not)."""
    found = _int_or_none(value)
    return found if found is not None and 2000 <= found < year else None


def _text(value: CellValue) -> str:
    return text_from_cell(value) if isinstance(value, str) else ""


def _count(value: CellValue, label: str, low: int, high: int) -> int:
    if isinstance(value, (int, float)) and float(value).is_integer() and low <= value <= high:
        return int(value)
    raise WorkbookRefused(f"Årsoversigten: »{label}« skal være et helt tal fra {low} til "
                          f"{high}.")


def _own_sheet(grid: Grid, year: int) -> Sheet:
    """Our own year sheet: rows found by the hidden code column, values as shown."""
    household = [_count(grid.cell(HOUSEHOLD_ROW, column), label, 0, 20)
                 for column, label in ((1, "Voksne"), (3, "Børn 0–1 år"), (5, "Børn 2–6 år"),
                                       (7, "Børn 7–17 år"))]
    try:
        norm_kind = NormKind.from_label(_text(grid.cell(HOUSEHOLD_ROW, 9)))
    except ValueError:
        norm_kind = NormKind.DISPOSABLE_AMOUNT
    lines: list[SheetLine] = []
    section: EconomySection | None = None
    for row in range(HEADER_ROW + 1, len(grid.rows)):
        code = _text(grid.cell(row, COL_CODE))
        label = _text(grid.cell(row, COL_LABEL)).strip()
        if code.startswith("section:"):
            section = _section_of(code.split(":", 1)[1])
        elif code.startswith(("total:", "summary:")):
            section = None
        elif section is not None and (code.startswith("line:") or label):
            lines.append(_own_line(grid, row, section, code.removeprefix("line:")))
    return Sheet(citizen_id=0, year=year, lines=tuple(lines), adults=household[0],
                 children_0_1=household[1], children_2_6=household[2],
                 children_7_17=household[3], norm_kind=norm_kind,
                 rates_year=_earlier_year(grid.cell(HOUSEHOLD_ROW, RATES_YEAR_COLUMN), year),
                 note=_text(grid.cell(NOTE_ROW, 1)))


def _section_of(code: str) -> EconomySection | None:
    """The section a heading starts; None for a block of formulas (the ability to pay)."""
    known = code in EconomySection._value2member_map_
    return EconomySection(code) if known else None


def _own_line(grid: Grid, row: int, section: EconomySection, code: str) -> SheetLine:
    where = f"Årsoversigten, række {row + 1}"
    category, _, debt = code.partition(DEBT_LINK)
    months = []
    for month in range(MONTHS):
        amount = amount_oere(grid.cell(row, COL_MONTH0 + month))
        if amount is None and grid.cell(row, COL_MONTH0 + month) not in (None, ""):
            raise WorkbookRefused(f"{where}: {month + 1}. måned er ikke et beløb.")
        months.append(amount or 0)
    return SheetLine(
        section=section, label=_text(grid.cell(row, COL_LABEL)).strip(), months=tuple(months),
        category=category, person=_choice(Person, grid.cell(row, COL_PERSON), Person.CITIZEN),
        frequency=_choice(Frequency, grid.cell(row, COL_FREQUENCY), Frequency.VARIES),
        amount_oere=amount_oere(grid.cell(row, COL_AMOUNT)) or 0,
        first_month=_count(grid.cell(row, COL_FIRST) or 1, f"{where}: Første måned", 1, 12),
        note=_text(grid.cell(row, COL_NOTE)),
        norm_covered=_text(grid.cell(row, COL_GROUP)) == BudgetGroup.COVERED.label,
        debt_id=int(debt) if debt.isdigit() else None)


Choice = TypeVar("Choice", bound=LabeledStrEnum)


def _choice(enum: type[Choice], value: CellValue, default: Choice) -> Choice:
    try:
        return enum.from_label(_text(value))
    except ValueError:
        return default


# --- import -----------------------------------------------------------------------------------


def import_xlsx(context: Context, citizen_id: int, year: int, path: Path,
                expected_version: int | None = None,
                guess: ForeignSheetGuess | None = None) -> Result[Sheet]:
    """Read ``path`` and store its sheet as the citizen's ``year``, all or nothing.

    ``expected_version`` None: import over whatever is stored (the CLI); otherwise the
    version the user saw (``StaleEdit`` if it moved). A foreign sheet that cannot be
    read with confidence is refused with the guess's problem.
    """
    from mentordesk.economy.service_sheet import (
        check_sheet,
        find_overview,
        record_snapshot,
        snapshot_if_missing,
        store_sheet,
        without_foreign_debt_links,
    )

    preview = read_economy_workbook(path, year, guess)
    if not preview.ok:
        raise WorkbookRefused(" ".join(preview.skipped) or "Regnearket kan ikke tolkes.")
    if not preview.sheet.lines:
        raise WorkbookRefused(f"Der er ingen indtægter eller udgifter at indlæse i "
                              f"»{preview.source_name}«.")
    sheet = check_sheet(replace(preview.sheet, citizen_id=citizen_id, year=year))
    with context.session() as session:
        require_citizen(session, context.actor, citizen_id)
        current = find_overview(session, citizen_id, year)
        version = expected_version if expected_version is not None else (
            current.version if current else 0)
        sheet = without_foreign_debt_links(session, citizen_id, sheet)
        # The import replaces the whole year: what it replaces must be a version first.
        snapshot_if_missing(session, context.actor, citizen_id, year)
        saved = store_sheet(session, citizen_id, year, version, sheet)
        record_snapshot(session, context.actor, saved, "import")
        kind = "MentorDesk-eksport" if preview.kind == "own" else "eget regneark"
        audit.record(session, context.actor.login, audit.Action.UPDATE,
                     entity="economy_overview", citizen_id=citizen_id,
                     detail=f"Økonomisk overblik {year} indlæst fra {preview.source_name} "
                            f"({kind}, {len(saved.lines)} linjer)")
    return Result(saved, economy_of(citizen_id))
