"""The year sheet as a table: section headers, item lines, subtotals and summary rows.

Columns: item, person, frequency, first month ("Fra måned"), amount, January…December,
year total, monthly average, note. Only item lines are editable; every edit goes through
the undo stack (``setData`` pushes a command, the command calls ``apply_values``), so
typing, paste, Delete, add and remove all undo the same way.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QUndoStack

from mentordesk.domain.economy import EconomySection, Frequency, covered_by_norm
from mentordesk.domain.money import format_dkk
from mentordesk.economy import Sheet, SheetTotals, YearRates, compute_totals
from mentordesk.economy.sheet import divide_half_up
from ui.views.economy.sheet_commands import (
    CellChange,
    HouseholdCommand,
    InsertLinesCommand,
    SetCellsCommand,
)
from ui.views.economy.sheet_state import (
    EXPENSE,
    HOUSEHOLD_FIELDS,
    INCOME,
    MONTHS,
    SECTIONS,
    FieldKey,
    LineState,
    fill_months,
    from_core,
    household_norm,
    to_core,
)
from ui.views.economy.values import CellValueError, parse_cell, person_label

AnyIndex = QModelIndex | QPersistentModelIndex

COL_LABEL, COL_PERSON, COL_FREQUENCY, COL_FROM_MONTH, COL_AMOUNT = 0, 1, 2, 3, 4
COL_FIRST_MONTH = 5  # January
COL_YEAR = COL_FIRST_MONTH + MONTHS  # 17
COL_AVERAGE = COL_YEAR + 1
COL_NOTE = COL_AVERAGE + 1
COLUMN_COUNT = COL_NOTE + 1
MONEY_COLUMNS = frozenset({COL_AMOUNT, *range(COL_FIRST_MONTH, COL_NOTE)})

DEFICIT_BACKGROUND = "#f8d0d0"
NEGATIVE_TEXT = "#a40000"
HEADER_BACKGROUND = "#dde6f0"
TOTAL_BACKGROUND = "#eef2f6"


def column_key(column: int) -> FieldKey | None:
    """The line field a column edits; None for computed columns."""
    if COL_FIRST_MONTH <= column < COL_YEAR:
        return ("month", column - COL_FIRST_MONTH)
    return {COL_LABEL: "label", COL_PERSON: "person", COL_FREQUENCY: "frequency",
            COL_FROM_MONTH: "first_month", COL_AMOUNT: "amount_oere",
            COL_NOTE: "note"}.get(column)


@dataclass(frozen=True)
class Row:
    kind: str  # "header" | "line" | "subtotal" | "gap" | "summary"
    section: str = ""
    uid: int = 0
    summary: str = ""  # disposable | per_day | balance | norm | deductions | ability


translate = QCoreApplication.translate
VARIES = Frequency.VARIES.value

# The everyday budget (actual items), then the ability to pay by the public method.
SUMMARY_KEYS = ("disposable", "per_day", "balance", "norm", "deductions", "ability")


class SheetTableModel(QAbstractTableModel):
    changed = Signal()  # any value changed (the totals, chart and dirty flag follow)
    input_rejected = Signal(str)  # a Danish message: bad input, nothing changed

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.undo_stack = QUndoStack(self)
        self._lines: list[LineState] = []
        self._rows: list[Row] = []
        self.base = Sheet(citizen_id=0, year=2000)
        self.rates = YearRates(2000)  # what the rates table offers the year
        self.norm_oere = 0
        self.public_debt_ids: frozenset[int] = frozenset()  # their lines are deducted
        self.totals: SheetTotals | None = None
        # The team's item list: (section, label casefolded) → (label, category code).
        self.items: dict[tuple[str, str], tuple[str, str]] = {}

    def set_items(self, items: list[tuple[str, str, str]]) -> None:
        """(section, label, category) of the item list the sheet offers."""
        self.items = {(section, label.casefold()): (label, category)
                      for section, label, category in items}

    def item_labels(self, section: str) -> list[str]:
        return [label for (item_section, _key), (label, _code) in self.items.items()
                if item_section == section]

    # -- loading ----------------------------------------------------------------------

    def set_sheet(self, base: Sheet, rates: YearRates) -> None:
        """A freshly loaded sheet: the undo history starts over. ``base`` also carries
        the year, household and version; ``rates`` what the rates table offers the year."""
        self.beginResetModel()
        self._lines = _section_ordered(from_core(base))
        self.base, self.rates = base, rates
        self.norm_oere = household_norm(base, rates)
        self._rebuild_rows()
        self._recompute()
        self.endResetModel()
        self.undo_stack.clear()
        self.undo_stack.setClean()

    def lines(self) -> list[LineState]:
        return [line.copy() for line in self._lines]

    def sheet(self) -> Sheet:
        """What to save: the loaded sheet with the lines as edited."""
        return to_core(self.base, self._lines)

    def line_at(self, row: int) -> LineState | None:
        if 0 <= row < len(self._rows) and self._rows[row].kind == "line":
            return self._line(self._rows[row].uid)
        return None

    def row_of(self, uid: int) -> int:
        for index, row in enumerate(self._rows):
            if row.kind == "line" and row.uid == uid:
                return index
        return -1

    def row_info(self, row: int) -> Row:
        return self._rows[row]

    def section_rows(self, section: str) -> list[int]:
        return [i for i, row in enumerate(self._rows)
                if row.kind == "line" and row.section == section]

    def summary_row(self, key: str) -> int:
        return next(i for i, row in enumerate(self._rows) if row.summary == key)

    def subtotal_row(self, section: str) -> int:
        return next(i for i, row in enumerate(self._rows)
                    if row.kind == "subtotal" and row.section == section)

    # -- Qt model ---------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return column_titles()[section] if 0 <= section < COLUMN_COUNT else None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if (index.isValid() and self._rows[index.row()].kind == "line"
                and column_key(index.column()) is not None):
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole and column in MONEY_COLUMNS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if row.kind == "line":
            return self._line_data(self._line(row.uid), column, role)
        return self._fixed_row_data(row, column, role)

    def _line_data(self, line: LineState, column: int, role: int) -> object:
        key = column_key(column)
        if role == Qt.ItemDataRole.EditRole:
            if key is None:
                return None
            value = line.get(key)
            return format_dkk(value, with_unit=False) if column in MONEY_COLUMNS else value
        if role == Qt.ItemDataRole.DisplayRole:
            return self._line_text(line, column)
        if role == Qt.ItemDataRole.ForegroundRole and column in MONEY_COLUMNS:
            return _negative_brush(self._line_number(line, column))
        if column == COL_LABEL and role in (Qt.ItemDataRole.FontRole,
                                            Qt.ItemDataRole.ToolTipRole):
            return _budget_mark(line, role)
        return None

    def _line_text(self, line: LineState, column: int) -> str:
        if column == COL_LABEL:
            return line.label
        if column == COL_PERSON:
            return person_label(line.person)
        if column == COL_FREQUENCY:
            return _frequency_label(line.frequency)
        if column == COL_NOTE:
            return line.note
        if column == COL_FROM_MONTH:
            return month_names()[min(max(line.first_month, 1), MONTHS) - 1]
        return _money(self._line_number(line, column))

    @staticmethod
    def _line_number(line: LineState, column: int) -> int:
        if column == COL_AMOUNT:
            return line.amount_oere
        if column == COL_YEAR:
            return line.year_total()
        if column == COL_AVERAGE:
            return divide_half_up(line.year_total(), MONTHS)
        return line.months[column - COL_FIRST_MONTH]

    def _fixed_row_data(self, row: Row, column: int, role: int) -> object:
        if role == Qt.ItemDataRole.FontRole and row.kind != "gap":
            font = QFont()
            font.setBold(row.kind in ("header", "subtotal") or row.summary == "disposable")
            return font
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._fixed_background(row, column)
        if role == Qt.ItemDataRole.ToolTipRole and row.summary == "balance":
            return self._deficit_tip(column)
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_LABEL:
            return _row_explanation(row)
        values = self._fixed_values(row)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._fixed_text(row, column, values)
        if role == Qt.ItemDataRole.ForegroundRole and values and column in MONEY_COLUMNS:
            return _negative_brush(values.get(column, 0))
        return None

    def _fixed_background(self, row: Row, column: int) -> QBrush | None:
        if row.kind == "header":
            return QBrush(QColor(HEADER_BACKGROUND))
        if row.summary == "balance" and self._is_deficit(column):
            return QBrush(QColor(DEFICIT_BACKGROUND))
        if row.kind == "subtotal" or row.summary == "disposable":
            return QBrush(QColor(TOTAL_BACKGROUND))
        return None

    def _is_deficit(self, column: int) -> bool:
        month = column - COL_FIRST_MONTH + 1  # the core counts months from 1
        return self.totals is not None and month in self.totals.deficit_months

    def _deficit_tip(self, column: int) -> str | None:
        if self._is_deficit(column):
            return translate("EconomySheet",
                             "Deficit: the running balance is below zero this month.")
        return None

    def _fixed_text(self, row: Row, column: int, values: dict[int, int]) -> str:
        if column == COL_LABEL:
            return _row_title(row)
        if row.summary == "balance" and column == COL_NOTE and self.totals is not None:
            return deficit_text(self.totals.deficit_months)
        if column in values:
            return _money(values[column])
        return ""

    def _fixed_values(self, row: Row) -> dict[int, int]:
        """Column → øre for subtotal and summary rows."""
        totals = self.totals
        if totals is None or row.kind in ("header", "gap"):
            return {}
        if row.kind == "subtotal":
            income = row.section == INCOME
            return _spread(totals.income if income else totals.expense,
                           totals.income_year if income else totals.expense_year,
                           totals.income_average if income else totals.expense_average)
        if row.summary == "disposable":
            return _spread(totals.disposable, totals.disposable_year,
                           totals.disposable_average)
        if row.summary == "per_day":
            return _spread(totals.disposable_per_day, None, totals.disposable_per_day_average)
        if row.summary == "balance":
            return _spread(totals.running_balance, None, None)
        if row.summary == "norm":
            norm = totals.norm_month
            return _spread((norm,) * MONTHS, norm * MONTHS, norm)
        if row.summary == "deductions":
            months = tuple(sum(sums[m] for sums in totals.groups.values()) for m in range(MONTHS))
            return _spread(months, sum(months), divide_half_up(sum(months), MONTHS))
        if row.summary == "ability":
            return _spread(totals.ability, totals.ability_year, totals.ability_average)
        return {}

    # -- editing ----------------------------------------------------------------------

    def setData(self, index: AnyIndex, value: Any,  # noqa: N802
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not (self.flags(index)
                                                   & Qt.ItemFlag.ItemIsEditable):
            return False
        line = self._line(self._rows[index.row()].uid)
        try:
            parsed = parse_cell(index.column(), value)
        except CellValueError as error:
            self.input_rejected.emit(str(error))
            return False
        changes = self.changes_for(line, index.column(), parsed)
        if changes:
            self.undo_stack.push(SetCellsCommand(
                self, changes, translate("EconomySheet", "Edit cell")))
        return True

    def changes_for(self, line: LineState, column: int, value: Any) -> list[CellChange]:
        """The cell changes one typed value makes: an amount, frequency or first month also
        refills the months, so the sheet keeps matching what the line says."""
        key = column_key(column)
        assert key is not None
        if line.get(key) == value:
            return []
        changes = [CellChange(line.uid, key, line.get(key), value)]
        if key == "label":
            # A label from the item list carries its code (the export and the PDF group
            # by it); a free text has none.
            category = self.items.get((line.section, str(value).casefold()), ("", ""))[1]
            if category != line.category:
                changes.append(CellChange(line.uid, "category", line.category, category))
                covered = line.section == EXPENSE and covered_by_norm(category)
                if covered != line.norm_covered:
                    changes.append(CellChange(line.uid, "norm_covered", line.norm_covered,
                                              covered))
        frequency = value if key == "frequency" else line.frequency
        if key in ("amount_oere", "frequency", "first_month") and frequency != VARIES:
            amount = value if key == "amount_oere" else line.amount_oere
            first = value if key == "first_month" else line.first_month
            filled = fill_months(frequency, amount, first)
            changes += [CellChange(line.uid, ("month", month), line.months[month], new)
                        for month, new in enumerate(filled) if line.months[month] != new]
        elif isinstance(key, tuple) and line.frequency != VARIES:
            # A month typed by hand breaks the line's rule: it now varies by month, so
            # a later change of amount cannot silently overwrite the typed month.
            changes.append(CellChange(line.uid, "frequency", line.frequency, VARIES))
        return changes

    def set_budget_mark(self, uid: int, key: str, value: bool | int | None) -> None:
        """Mark a line "covered by the norm" or link it to a debt (undoable)."""
        line = self._line(uid)
        self.push_changes([CellChange(uid, key, line.get(key), value)],
                          translate("EconomySheet", "Ability to pay"))

    def set_rates(self, rates: YearRates) -> None:
        """What the rates table now offers the year (an admin saved rates)."""
        self.rates = rates
        self.norm_oere = household_norm(self.base, rates)
        self._recompute()
        self._all_changed()

    def set_public_debts(self, debt_ids: frozenset[int]) -> None:
        """The citizen's public debts: a line paying one is deducted as such."""
        self.public_debt_ids = debt_ids
        self._recompute()
        self._all_changed()

    def push_changes(self, changes: list[CellChange], text: str) -> None:
        if changes:
            self.undo_stack.push(SetCellsCommand(self, changes, text))

    def apply_values(self, values: list[tuple[int, FieldKey, Any]]) -> None:
        """Called by undo commands only."""
        for uid, key, value in values:
            self._line(uid).set(key, value)
        self._recompute()
        self._all_changed()

    def insert_lines(self, lines: list[LineState], position: int) -> None:
        """Called by undo commands only: ``position`` indexes the flat line list."""
        self.beginResetModel()
        for offset, line in enumerate(lines):
            self._lines.insert(position + offset, line)
        self._lines = _section_ordered(self._lines)
        self._rebuild_rows()
        self._recompute()
        self.endResetModel()
        self.changed.emit()

    def remove_lines(self, uids: list[int]) -> list[tuple[int, LineState]]:
        """Called by undo commands only; returns (position, line), lowest position first."""
        wanted = set(uids)
        removed = [(i, line) for i, line in enumerate(self._lines) if line.uid in wanted]
        self.beginResetModel()
        self._lines = [line for line in self._lines if line.uid not in wanted]
        self._rebuild_rows()
        self._recompute()
        self.endResetModel()
        self.changed.emit()
        return removed

    def insert_position(self, section: str, after_uid: int | None = None) -> int:
        """Flat-list position for a new line: after ``after_uid`` or at the section's end."""
        if after_uid is not None:
            for index, line in enumerate(self._lines):
                if line.uid == after_uid:
                    return index + 1
        last = [i for i, line in enumerate(self._lines) if line.section == section]
        if last:
            return last[-1] + 1
        return 0 if section == INCOME else len(self._lines)

    def add_line(self, section: str, after_uid: int | None = None,
                 label: str = "") -> LineState:
        line = LineState(section=section, label=label)
        self.undo_stack.push(InsertLinesCommand(
            self, [line], self.insert_position(section, after_uid),
            translate("EconomySheet", "Add row")))
        return line

    def set_household(self, values: dict[str, Any]) -> None:
        """Called by undo commands only: adults, children, norm kind."""
        self.base = replace(self.base, **values)
        self.norm_oere = household_norm(self.base, self.rates)
        self._recompute()
        self._all_changed()

    def household(self) -> dict[str, Any]:
        return {name: getattr(self.base, name) for name in HOUSEHOLD_FIELDS}

    def push_household(self, values: dict[str, Any]) -> None:
        old = self.household()
        if any(old[name] != value for name, value in values.items()):
            self.undo_stack.push(HouseholdCommand(
                self, old, {**old, **values}, translate("EconomySheet", "Household")))

    def mark_saved(self, version: int) -> None:
        """After a save: the new version, and the current state is the clean one."""
        self.base = replace(self.base, version=version)
        self.undo_stack.setClean()

    # -- internals --------------------------------------------------------------------

    def _line(self, uid: int) -> LineState:
        for line in self._lines:
            if line.uid == uid:
                return line
        raise KeyError(uid)

    def _rebuild_rows(self) -> None:
        rows: list[Row] = []
        for section in SECTIONS:
            rows.append(Row("header", section))
            rows += [Row("line", section, line.uid) for line in self._lines
                     if line.section == section]
            rows.append(Row("subtotal", section))
        rows.append(Row("gap"))
        rows += [Row("summary", summary=key) for key in SUMMARY_KEYS]
        self._rows = rows

    def _recompute(self) -> None:
        self.totals = compute_totals(to_core(self.base, self._lines), self.norm_oere,
                                     self.public_debt_ids)

    def _all_changed(self) -> None:
        if self._rows:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._rows) - 1, COLUMN_COUNT - 1))
        self.changed.emit()


def _section_ordered(lines: list[LineState]) -> list[LineState]:
    # Stable: the order within a section is the user's.
    return [line for section in SECTIONS for line in lines if line.section == section]


def _spread(months: tuple[int, ...], total: int | None, average: int | None) -> dict[int, int]:
    values = {COL_FIRST_MONTH + month: amount for month, amount in enumerate(months)}
    if total is not None:
        values[COL_YEAR] = total
    if average is not None:
        values[COL_AVERAGE] = average
    return values


def _budget_mark(line: LineState, role: int) -> object:
    """Italic and a tip for a line the ability to pay leaves out (the norm covers it, or
    the repayment plan pays it)."""
    left_out = line.norm_covered or line.debt_id is not None
    if role == Qt.ItemDataRole.FontRole:
        font = QFont()
        font.setItalic(left_out)
        return font
    if line.debt_id is not None:
        return translate("EconomySheet", "Instalment on a debt: counted once, in the "
                         "repayment plan (or as public debt in the ability to pay).")
    if line.norm_covered:
        return translate("EconomySheet", "Covered by the norm amount: the ability to pay "
                         "leaves it out, the budget shows it.")
    return None


def _money(oere: int) -> str:
    return format_dkk(oere, with_unit=False)


def _negative_brush(oere: int) -> QBrush | None:
    return QBrush(QColor(NEGATIVE_TEXT)) if oere < 0 else None


def _frequency_label(code: str) -> str:
    try:
        return Frequency(code).label
    except ValueError:
        return code


def month_names() -> list[str]:
    return [translate("EconomySheet", "Jan"), translate("EconomySheet", "Feb"),
            translate("EconomySheet", "Mar"), translate("EconomySheet", "Apr"),
            translate("EconomySheet", "May"), translate("EconomySheet", "Jun"),
            translate("EconomySheet", "Jul"), translate("EconomySheet", "Aug"),
            translate("EconomySheet", "Sep"), translate("EconomySheet", "Oct"),
            translate("EconomySheet", "Nov"), translate("EconomySheet", "Dec")]


def column_titles() -> list[str]:
    return [translate("EconomySheet", "Item"), translate("EconomySheet", "Person"),
            translate("EconomySheet", "Frequency"), translate("EconomySheet", "From month"),
            translate("EconomySheet", "Amount"),
            *month_names(), translate("EconomySheet", "Year total"),
            translate("EconomySheet", "Avg./month"), translate("EconomySheet", "Note")]


def _row_title(row: Row) -> str:
    if row.kind == "header":
        return EconomySection(row.section).label
    if row.kind == "subtotal":
        if row.section == INCOME:
            return translate("EconomySheet", "Total income")
        return translate("EconomySheet", "Total expenses")
    return {
        "disposable": translate("EconomySheet", "Disposable per month"),
        "per_day": translate("EconomySheet", "Disposable amount per day"),
        "balance": translate("EconomySheet", "Running balance"),
        "norm": translate("EconomySheet", "Norm amount per month"),
        "deductions": translate("EconomySheet", "Housing, support, debt …"),
        "ability": translate("EconomySheet", "Ability to pay"),
    }.get(row.summary, "")


def _row_explanation(row: Row) -> str | None:
    """The whole name of a summary row whose title is kept short enough for the item
    column on a laptop (the column is sized for "Rådighedsbeløb pr. måned")."""
    return {
        "disposable": translate("EconomySheet", "Disposable amount per month (budget)"),
        "norm": translate("EconomySheet", "Public method: norm amount per month"),
        "deductions": translate("EconomySheet",
                                "Housing, support, special needs, public debt"),
        "ability": translate("EconomySheet", "Ability to pay (public method)"),
    }.get(row.summary)


def deficit_text(months: tuple[int, ...]) -> str:
    """"Underskud i: mar, apr" – the deficit months in words, not only in colour."""
    if not months:
        return ""
    names = month_names()
    return translate("EconomySheet", "Deficit in: {months}").format(
        months=", ".join(names[month - 1] for month in sorted(months)))


__all__ = ["COLUMN_COUNT", "EXPENSE", "INCOME", "SheetTableModel"]
