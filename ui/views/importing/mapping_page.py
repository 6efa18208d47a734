"""Wizard page: which column of the file is which field, with a preview of the first rows.

Everything from the file (headings and cells) is shown as plain text: a cell such as
``<b>x</b>`` or ``=SUM(A1)`` appears exactly as typed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWizardPage,
)

from mentordesk.importing import ImportField, ImportTable, mapping_problems
from mentordesk.importing.values import text as cell_text

if TYPE_CHECKING:
    from ui.views.importing.import_wizard import ImportWizard

PREVIEW_ROWS = 20


def plain_label(text: str = "", *, object_name: str = "") -> QLabel:
    """A word-wrapped label that never interprets its text as HTML."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    if object_name:
        label.setObjectName(object_name)
    return label


def read_only_item(value: str) -> QTableWidgetItem:
    item = QTableWidgetItem(value)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    return item


class ImportMappingPage(QWizardPage):
    FILE_COLUMN, EXAMPLE, FIELD = range(3)

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.combos: list[QComboBox] = []
        self.setTitle(self.tr("Match the columns"))
        self.setSubTitle(self.tr(
            "Choose what each column holds. Recognised headings are chosen already; columns "
            "set to \"Do not import\" are left out."))
        self.columns_table = QTableWidget(0, 3)
        self.columns_table.setHorizontalHeaderLabels(
            [self.tr("Column in the file"), self.tr("Example"), self.tr("Field in MentorDesk")])
        self.columns_table.verticalHeader().setVisible(False)
        self.columns_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.columns_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.preview_table = QTableWidget()
        self.preview_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview_label = plain_label()
        self.problems_label = plain_label(object_name="errorLabel")
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.columns_table)
        splitter.addWidget(self.preview_table)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.preview_label)
        layout.addWidget(self.problems_label)

    def initializePage(self) -> None:
        table = self._wizard.table
        if table is None:
            return
        self._fill_columns(table)
        self._fill_preview(table)
        self._update_problems()

    def _fill_columns(self, table: ImportTable) -> None:
        self.combos = []
        self.columns_table.setRowCount(len(table.headers))
        for column in range(len(table.headers)):
            example = next((cell_text(row.cell(column)) for row in table.rows
                            if cell_text(row.cell(column))), "")
            self.columns_table.setItem(column, self.FILE_COLUMN,
                                       read_only_item(table.column_title(column)))
            self.columns_table.setItem(column, self.EXAMPLE, read_only_item(example))
            combo = self._field_combo(self._wizard.mapping.get(column))
            combo.currentIndexChanged.connect(lambda _i, c=column: self._on_field_chosen(c))
            self.columns_table.setCellWidget(column, self.FIELD, combo)
            self.combos.append(combo)

    def _field_combo(self, chosen: ImportField | None) -> QComboBox:
        combo = QComboBox()
        combo.addItem(self.tr("Do not import"), "")
        for field in ImportField:
            combo.addItem(field.label, field.value)  # the core's Danish label
        combo.setCurrentIndex(max(0, combo.findData(chosen.value if chosen else "")))
        return combo

    def _fill_preview(self, table: ImportTable) -> None:
        shown = table.rows[:PREVIEW_ROWS]
        self.preview_table.clear()
        self.preview_table.setColumnCount(len(table.headers))
        self.preview_table.setRowCount(len(shown))
        self.preview_table.setHorizontalHeaderLabels(
            [table.column_title(column) for column in range(len(table.headers))])
        # Row numbers as in the file, so a row can be found in Excel.
        self.preview_table.setVerticalHeaderLabels([str(row.number) for row in shown])
        for row_index, row in enumerate(shown):
            for column in range(len(table.headers)):
                self.preview_table.setItem(row_index, column,
                                           read_only_item(cell_text(row.cell(column))))
        self.preview_label.setText(self.tr("Showing %n of the file's rows.", "", len(shown))
                                   + " " + self.tr("The file has %n row(s) of citizens.", "",
                                                   len(table.rows)))

    def choose_field(self, column: int, field: ImportField | None) -> None:
        """Set a column's field as the user would with its combo box."""
        combo = self.combos[column]
        combo.setCurrentIndex(combo.findData(field.value if field else ""))

    def _on_field_chosen(self, column: int) -> None:
        value = self.combos[column].currentData()
        if value:
            self._wizard.mapping[column] = ImportField(value)
        else:
            self._wizard.mapping.pop(column, None)
        self._update_problems()

    def _update_problems(self) -> None:
        self.problems_label.setText("\n".join(mapping_problems(self._wizard.mapping)))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self._wizard.table is not None and not mapping_problems(self._wizard.mapping)
