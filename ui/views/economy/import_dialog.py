"""Import from Excel: what will be stored, and — for a mentor's own spreadsheet — where the
items, months and sections are.

The core's detection pre-fills every choice (header row, item column, January's column,
the rows that start "Indtægter" and "Udgifter", the note column); each change re-reads
the sheet in memory (``preview_foreign``, no database) and the preview shows the lines
that would be imported and the rows skipped, with why. Import is enabled only when the
core is confident; the import itself replaces the year's sheet in one transaction.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mentordesk.domain.economy import EconomySection
from mentordesk.domain.money import format_dkk
from mentordesk.economy import MONTHS, ForeignSheetGuess, ImportPreview
from mentordesk.economy.workbook import preview_foreign
from mentordesk.economy.xlsx_layout import column_letter
from mentordesk.economy.xlsx_reading import Grid
from ui.views.common.screen_fit import fit_to_screen
from ui.views.common.visibility import hidden_unless
from ui.views.economy.sheet_model import month_names

RAW_ROWS_SHOWN = 60
HEADER_TINT, MONTH_TINT, SECTION_TINT = "#dde6f0", "#eef6ee", "#fff1c7"


def _cell_text(value: object) -> str:
    return "" if value is None else str(value)


class ImportMappingDialog(QDialog):
    def __init__(self, path: Path, preview: ImportPreview,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.preview = preview
        self._updating = False
        self.setWindowTitle(self.tr("Import {file}").format(file=preview.source_name))
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.setTextFormat(Qt.TextFormat.PlainText)
        self.mapping = QGroupBox(self.tr("Where things are in the sheet"))
        self.raw_table = QTableWidget()
        self.result_table = QTableWidget()
        self.skipped_text = QPlainTextEdit()
        self.skipped_text.setReadOnly(True)
        self.skipped_text.setMaximumHeight(90)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(
            self.tr("Import and replace the year"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._build()
        fit_to_screen(self, QSize(1100, 720))
        self._show_preview(preview)

    # -- layout -----------------------------------------------------------------------

    def _build(self) -> None:
        self.header_spin = QSpinBox()
        self.item_combo = QComboBox()
        self.january_combo = QComboBox()
        self.note_combo = QComboBox()
        self.income_spin = QSpinBox()
        self.expense_spin = QSpinBox()
        form = QFormLayout(self.mapping)
        form.addRow(self.tr("Header row (month names):"), self.header_spin)
        form.addRow(self.tr("Column with the items:"), self.item_combo)
        form.addRow(self.tr("Column of January:"), self.january_combo)
        form.addRow(self.tr("Row where income starts (0: none):"), self.income_spin)
        form.addRow(self.tr("Row where expenses start (0: none):"), self.expense_spin)
        form.addRow(self.tr("Note column:"), self.note_combo)
        is_foreign = self.preview.kind == "foreign" and self.preview.grid is not None
        hidden_unless(is_foreign, self.mapping, self.raw_table)
        if is_foreign:
            self._fill_choices()
        for spin in (self.header_spin, self.income_spin, self.expense_spin):
            spin.valueChanged.connect(lambda _v: self._remap())
        for combo in (self.item_combo, self.january_combo, self.note_combo):
            combo.currentIndexChanged.connect(lambda _i: self._remap())
        top = QHBoxLayout()
        top.addWidget(self.mapping)
        top.addWidget(self.raw_table, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(top, 1)
        layout.addWidget(QLabel(self.tr("What will be imported:")))
        layout.addWidget(self.result_table, 1)
        layout.addWidget(QLabel(self.tr("Rows skipped:")))
        layout.addWidget(self.skipped_text)
        layout.addWidget(self.buttons)

    def _fill_choices(self) -> None:
        grid, guess = self.preview.grid, self.preview.guess
        assert grid is not None and guess is not None
        self._updating = True
        rows = max(len(grid.rows), 1)
        width = max((len(row) for row in grid.rows), default=1)
        self.header_spin.setRange(1, rows)
        self.income_spin.setRange(0, rows)
        self.expense_spin.setRange(0, rows)
        self.note_combo.addItem(self.tr("(none)"), -1)
        for column in range(width):
            title = self._column_title(column, guess.header_row)
            self.item_combo.addItem(title, column)
            self.january_combo.addItem(title, column)
            self.note_combo.addItem(title, column)
        self.header_spin.setValue(guess.header_row + 1 if guess.header_row >= 0 else 1)
        _select(self.item_combo, guess.item_column)
        _select(self.january_combo, guess.month_columns[0] if guess.month_columns else -1)
        _select(self.note_combo, guess.note_column)
        sections = dict((section, row) for row, section in reversed(guess.section_rows))
        self.income_spin.setValue(sections.get(EconomySection.INCOME, -1) + 1)
        self.expense_spin.setValue(sections.get(EconomySection.EXPENSE, -1) + 1)
        self._fill_raw(grid)
        self._updating = False

    def _column_title(self, column: int, header_row: int) -> str:
        grid = self.preview.grid
        assert grid is not None
        heading = _cell_text(grid.cell(header_row, column)) if header_row >= 0 else ""
        letter = column_letter(column)
        return f"{letter}: {heading}" if heading else letter

    def _fill_raw(self, grid: Grid) -> None:
        rows = grid.rows[:RAW_ROWS_SHOWN]
        width = max((len(row) for row in rows), default=0)
        self.raw_table.setRowCount(len(rows))
        self.raw_table.setColumnCount(width)
        self.raw_table.setHorizontalHeaderLabels([column_letter(c) for c in range(width)])
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                self.raw_table.setItem(r, c, QTableWidgetItem(_cell_text(value)))

    # -- mapping ----------------------------------------------------------------------

    def guess(self) -> ForeignSheetGuess | None:
        """The mapping as now chosen (None: our own export needs none)."""
        if self.preview.kind != "foreign":
            return None
        return self.preview.guess

    def chosen_guess(self) -> ForeignSheetGuess:
        base = self.preview.guess
        assert base is not None
        january = self.january_combo.currentData()
        months = tuple(range(january, january + MONTHS)) if january is not None else ()
        if base.month_columns and january == base.month_columns[0]:
            months = base.month_columns  # keep the detected columns (gaps included)
        sections = [(spin.value() - 1, section) for spin, section in (
            (self.income_spin, EconomySection.INCOME),
            (self.expense_spin, EconomySection.EXPENSE)) if spin.value() > 0]
        problems = () if sections else (self.tr(
            "Choose the row where income or expenses start."),)
        return replace(base, header_row=self.header_spin.value() - 1,
                       item_column=self.item_combo.currentData(), month_columns=months,
                       section_rows=tuple(sorted(sections)),
                       note_column=self.note_combo.currentData(), problems=problems)

    def _remap(self) -> None:
        if self._updating or self.preview.grid is None:
            return
        guess = self.chosen_guess()
        preview = preview_foreign(self.preview.source_name, self.preview.grid, guess,
                                  self.preview.sheet.year)
        self.preview = preview
        self._show_preview(preview)

    # -- preview ----------------------------------------------------------------------

    def _show_preview(self, preview: ImportPreview) -> None:
        lines = preview.sheet.lines
        if preview.kind == "own":
            self.intro.setText(self.tr(
                "A workbook exported from MentorDesk: it is imported exactly as exported. "
                "It replaces the overview of {year}; earlier versions stay under Versions."
            ).format(year=preview.sheet.year))
        else:
            self.intro.setText(self.tr(
                "A spreadsheet made outside MentorDesk. Check where the items, months and "
                "sections are; the preview follows your choices. It replaces the overview "
                "of {year}.").format(year=preview.sheet.year))
        self._fill_result(lines)
        self.skipped_text.setPlainText("\n".join(preview.skipped))
        self.import_button.setEnabled(preview.ok and bool(lines))
        if preview.grid is not None and preview.guess is not None:
            self._tint_raw(preview.guess)

    def _fill_result(self, lines: tuple) -> None:
        titles = [self.tr("Section"), self.tr("Item"), *month_names(), self.tr("Year total")]
        self.result_table.clear()
        self.result_table.setColumnCount(len(titles))
        self.result_table.setHorizontalHeaderLabels(titles)
        self.result_table.setRowCount(len(lines))
        for r, line in enumerate(lines):
            values = [line.section.label, line.label,
                      *(format_dkk(amount, with_unit=False) for amount in line.months),
                      format_dkk(line.year_total, with_unit=False)]
            for c, text in enumerate(values):
                item = QTableWidgetItem(text)
                if c >= 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self.result_table.setItem(r, c, item)
        self.result_table.resizeColumnsToContents()

    def _tint_raw(self, guess: ForeignSheetGuess) -> None:
        sections = {row for row, _section in guess.section_rows}
        months = set(guess.month_columns)
        for r in range(self.raw_table.rowCount()):
            for c in range(self.raw_table.columnCount()):
                item = self.raw_table.item(r, c)
                if item is None:
                    item = QTableWidgetItem("")
                    self.raw_table.setItem(r, c, item)
                colour = (HEADER_TINT if r == guess.header_row else SECTION_TINT
                          if r in sections else MONTH_TINT if c in months and
                          r > guess.header_row else None)
                item.setBackground(QBrush(QColor(colour)) if colour else QBrush())

    def result_rows(self) -> list[list[str]]:
        """The preview table's text (what the user sees), for tests and checks."""
        return [[_item_text(self.result_table.item(r, c))
                 for c in range(self.result_table.columnCount())]
                for r in range(self.result_table.rowCount())]


def _select(combo: QComboBox, value: int) -> None:
    combo.setCurrentIndex(max(combo.findData(value), 0))


def _item_text(item: QTableWidgetItem | None) -> str:
    return "" if item is None else item.text()  # a cell never set has no item
