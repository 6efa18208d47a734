"""Two marks on an expense line that keep the ability to pay from counting twice.

"Covered by the norm": the public norm (rådighedsbeløb) already pays for the item, so the
ability to pay leaves it out while the everyday budget still shows it. "Instalment on a
debt": the line is that debt's payment, so it is counted once (in the repayment plan, or
as public debt). Both are undoable edits of the sheet, like typing in a cell.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QInputDialog, QToolBar, QWidget

from mentordesk.economy import DebtRow
from ui.views.economy.sheet_model import SheetTableModel
from ui.views.economy.sheet_state import EXPENSE, LineState
from ui.views.economy.sheet_view import SheetTableView


class BudgetMarks(QObject):
    def __init__(self, model: SheetTableModel, view: SheetTableView,
                 debts: Callable[[], Sequence[DebtRow]], parent: QWidget) -> None:
        super().__init__(parent)
        self._model, self._view, self._debts, self._parent = model, view, debts, parent
        self.covered_action = QAction(self.tr("Covered by the norm"), parent)
        self.covered_action.setCheckable(True)
        self.covered_action.setToolTip(self.tr(
            "The public norm amount pays for this expense: the ability to pay leaves it "
            "out, the budget shows it."))
        self.covered_action.triggered.connect(self.toggle_covered)
        self.link_action = QAction(self.tr("Instalment on debt…"), parent)
        self.link_action.setToolTip(self.tr(
            "This expense is the payment on one of the debts: it is counted once."))
        self.link_action.triggered.connect(lambda _checked=False: self.choose_debt())
        view.selectionModel().currentChanged.connect(lambda *_args: self.update())
        model.changed.connect(self.update)

    def add_to(self, toolbar: QToolBar) -> None:
        toolbar.addAction(self.covered_action)
        toolbar.addAction(self.link_action)

    def current_expense(self) -> LineState | None:
        line = self._model.line_at(self._view.currentIndex().row())
        return line if line is not None and line.section == EXPENSE else None

    def update(self) -> None:
        line = self.current_expense()
        for action in (self.covered_action, self.link_action):
            action.setEnabled(line is not None)
        self.covered_action.setChecked(line is not None and line.norm_covered)

    def toggle_covered(self, checked: bool) -> None:
        line = self.current_expense()
        if line is not None:
            self._model.set_budget_mark(line.uid, "norm_covered", bool(checked))

    def choose_debt(self) -> None:
        line = self.current_expense()
        if line is None:
            return
        debts = list(self._debts())
        names = [self.tr("(no debt)"), *(f"{debt.creditor} ({debt.type_label})"
                                          for debt in debts)]
        current = next((index + 1 for index, debt in enumerate(debts)
                        if debt.id == line.debt_id), 0)
        name, ok = QInputDialog.getItem(self._parent, self.tr("Instalment on debt"),
                                        self.tr("The expense pays an instalment on:"),
                                        names, current, False)
        if ok:
            self.link(line, debts[names.index(name) - 1].id if names.index(name) else None)

    def link(self, line: LineState, debt_id: int | None) -> None:
        self._model.set_budget_mark(line.uid, "debt_id", debt_id)
