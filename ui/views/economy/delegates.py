"""Cell editors of the year sheet: a combo for person, frequency and first month, a line
edit elsewhere.

The line edit opens with the text the user typed to start editing (spreadsheet style)
and commits on Enter/Tab; the view then moves on (see ``sheet_view``).
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from mentordesk.domain.economy import Frequency
from ui.views.economy.sheet_model import (
    COL_FREQUENCY,
    COL_FROM_MONTH,
    COL_LABEL,
    COL_PERSON,
    MONEY_COLUMNS,
    SheetTableModel,
    month_names,
)
from ui.views.economy.values import person_choices

COMBO_COLUMNS = (COL_PERSON, COL_FREQUENCY, COL_FROM_MONTH)

AnyIndex = QModelIndex | QPersistentModelIndex


class SheetDelegate(QStyledItemDelegate):
    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,  # noqa: N802
                     index: AnyIndex) -> QWidget:
        if index.column() in COMBO_COLUMNS:
            combo = QComboBox(parent)
            for code, label in _choices(index.column()):
                combo.addItem(label, code)
            # A choice made with the mouse is committed at once, like Excel's lists.
            combo.activated.connect(lambda _i, combo=combo: self._commit_and_close(combo))
            return combo
        editor = QLineEdit(parent)
        editor.setFrame(False)
        if index.column() == COL_LABEL:
            self._complete_items(editor, index)
        if index.column() in MONEY_COLUMNS:
            editor.setAlignment(Qt.AlignmentFlag.AlignRight)
        return editor

    @staticmethod
    def _complete_items(editor: QLineEdit, index: AnyIndex) -> None:
        """Offer the team's item list for the line's section (free text stays allowed)."""
        model = index.model()
        line = model.line_at(index.row()) if isinstance(model, SheetTableModel) else None
        if line is None or not isinstance(model, SheetTableModel):
            return
        completer = QCompleter(model.item_labels(line.section), editor)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        editor.setCompleter(completer)

    def _commit_and_close(self, editor: QWidget) -> None:
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:  # noqa: N802
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QComboBox):
            position = editor.findData(value)
            editor.setCurrentIndex(max(position, 0))
            return
        if isinstance(editor, QLineEdit) and not editor.text():
            # Keep text already typed: the key that started editing is in the editor.
            editor.setText("" if value is None else str(value))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel,  # noqa: N802
                     index: AnyIndex) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
        elif isinstance(editor, QLineEdit):
            model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)


def _choices(column: int) -> list[tuple[object, str]]:
    if column == COL_PERSON:
        return list(person_choices())
    if column == COL_FREQUENCY:
        return list(Frequency.choices())
    return list(enumerate(month_names(), start=1))
