"""The economy overview of one citizen: the year sheet, a chart, debts and one-off benefits.

Loading reads the year's summary (sheet, norm rates, debts, plan, benefits) in one
audited read on the worker thread. The sheet is edited in memory (undo/redo) and saved
explicitly (Ctrl+S) against the version loaded: a stale save opens the conflict dialog.
Leaving a changed sheet (another year, another citizen) asks first.

What others change in this citizen's economy (a debt, a benefit, another user's save)
arrives on the change hub and is read again; unsaved edits in the sheet are kept. The
editor's own sheet writes (save, import, restore) are already on screen or read back by
the action itself, so their announcement is skipped. Hidden, the editor only notes that
it is out of date and reads when shown again: a hidden tab reads (and logs) nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QMessageBox,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from mentordesk.domain.codes import Role
from mentordesk.economy import (
    EconomySummary,
    ItemRow,
    Sheet,
    choose_rates,
    copy_last_year,
    list_items,
    load_sheet,
    public_debt_ids,
    save_sheet,
)
from mentordesk.economy import summary as load_summary
from mentordesk.errors import StaleEdit
from mentordesk.kernel.changes import Changes, Kind
from mentordesk.kernel.context import Context
from ui.operations import Operations
from ui.tasks import Task
from ui.views.common.reload_when_shown import ReloadWhenShown
from ui.views.economy.benefits_tab import BenefitsTab
from ui.views.economy.budget_marks import BudgetMarks
from ui.views.economy.chart import EconomyChart
from ui.views.economy.debts_tab import DebtsTab
from ui.views.economy.file_actions import FileActions
from ui.views.economy.household_bar import HouseholdBar
from ui.views.economy.limitation_dialog import LimitationDialog
from ui.views.economy.rates_dialog import RatesDialog
from ui.views.economy.sheet_commands import RemoveLinesCommand
from ui.views.economy.sheet_conflict import KEEP_MINE, TAKE_THEIRS, SheetConflictDialog
from ui.views.economy.sheet_model import SheetTableModel
from ui.views.economy.sheet_state import EXPENSE, INCOME
from ui.views.economy.sheet_view import SheetTableView

SAVE, DISCARD, CANCEL = "save", "discard", "cancel"
# What the editor runs, each replacing only its own kind: a reload for another user's
# change must not drop the outcome of a save or a copy still under way.
LOAD, SAVING, COPY = "load", "save", "copy"
ERROR_STYLE = "color: #a40000;"


def load_year(context: Context, citizen_id: int, year: int,
              with_items: bool) -> tuple[EconomySummary, list[ItemRow] | None]:
    """The year's summary, and the sheet's item list the first time (it rarely changes)."""
    items = list_items(context.database) if with_items else None
    return load_summary(context, citizen_id, year), items


class EconomyEditor(QWidget):
    loaded = Signal(int)  # the year now shown
    saved = Signal(int)  # the new version
    conflict_shown = Signal(object)  # the SheetConflictDialog (tests, focus)

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.citizen_id: int | None = None
        self.summary: EconomySummary | None = None
        self._forced_dirty = False  # e.g. last year's copy: new until saved
        self.conflict_dialog: SheetConflictDialog | None = None
        self.unsaved_prompt: Callable[[], str] = self._ask_unsaved
        self.model = SheetTableModel(self)
        self.view = SheetTableView(self.model)
        self.budget_marks = BudgetMarks(self.model, self.view, lambda: self.debts.debt_rows,
                                        self)
        self.household = HouseholdBar()
        self.household.set_year(date.today().year)
        self.chart = EconomyChart()
        self.debts = DebtsTab(ops)
        self.benefits = BenefitsTab(ops)
        self.files = FileActions(self)
        self.message_label = QLabel()
        self.message_label.setStyleSheet(ERROR_STYLE)
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)
        self.message_label.setWordWrap(True)
        self._refresh = ReloadWhenShown(self, self.reload)
        self._build()
        self._connect()
        self._update_actions()

    # -- layout -----------------------------------------------------------------------

    def _build(self) -> None:
        self.toolbar = QToolBar()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        stack = self.model.undo_stack
        self.save_action = self._action(self.tr("Save"), "Ctrl+S", self.save)
        self.undo_action = stack.createUndoAction(self, self.tr("Undo"))
        self.undo_action.setShortcut(QKeySequence("Ctrl+Z"))
        self.redo_action = stack.createRedoAction(self, self.tr("Redo"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        for action in (self.undo_action, self.redo_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        self.toolbar.addAction(self.save_action)
        self.toolbar.addAction(self.undo_action)
        self.toolbar.addAction(self.redo_action)
        self.toolbar.addSeparator()
        self.add_income_action = self._action(self.tr("Add income"), "",
                                              lambda: self.add_line(INCOME))
        self.add_expense_action = self._action(self.tr("Add expense"), "",
                                               lambda: self.add_line(EXPENSE))
        self.remove_action = self._action(self.tr("Remove row"), "Ctrl+Delete",
                                          self.remove_selected_lines)
        self.copy_year_action = self._action(self.tr("Copy last year"), "",
                                             self.copy_last_year)
        self.rates_action = self._action(self.tr("Rates…"), "", self.open_rates)
        self.limitation_action = self._action(self.tr("Limitation rules…"), "",
                                              self.open_limitation_rules)
        for action in (self.add_income_action, self.add_expense_action, self.remove_action,
                       self.copy_year_action):
            self.toolbar.addAction(action)
        self.budget_marks.add_to(self.toolbar)
        self.toolbar.addSeparator()
        self.files.add_to(self.toolbar)
        if self.ops.actor.role in (Role.ADMIN, Role.COORDINATOR):
            self.toolbar.addAction(self.rates_action)
            self.toolbar.addAction(self.limitation_action)
        self.tabs = QTabWidget()
        sheet_page = QWidget()
        sheet_layout = QVBoxLayout(sheet_page)
        sheet_layout.setContentsMargins(0, 0, 0, 0)
        sheet_layout.addWidget(self.view, 1)
        self.tabs.addTab(sheet_page, self.tr("Year overview"))
        self.tabs.addTab(self.chart, self.tr("Chart"))
        self.tabs.addTab(self.debts, self.tr("Debts and repayment plan"))
        self.tabs.addTab(self.benefits, self.tr("One-off benefits"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.household)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message_label)

    def _action(self, text: str, shortcut: str, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _connect(self) -> None:
        self.model.changed.connect(self._on_sheet_changed)
        self.model.input_rejected.connect(self.show_message)
        self.view.message.connect(self.show_message)
        self.model.undo_stack.cleanChanged.connect(self._clean_changed)
        self.household.year_requested.connect(self._year_requested)
        self.household.household_edited.connect(self.model.push_household)
        self.ops.hub.changed.connect(self._on_changes)

    def _on_changes(self, changes: Changes) -> None:
        if (self.citizen_id is None or not changes.touches(Kind.ECONOMY)
                or not changes.concerns(self.citizen_id) or self.ops.hub.origin is self):
            return
        self._refresh()

    def show_message(self, text: str) -> None:
        """A problem (bad input, refused paste, failed save): in red under the sheet."""
        self.message_label.setStyleSheet(ERROR_STYLE)
        self.message_label.setText(text)
        self.message_label.setVisible(bool(text))

    def show_info(self, text: str) -> None:
        """A result (exported, imported): in the normal text colour."""
        self.message_label.setStyleSheet("")
        self.message_label.setText(text)
        self.message_label.setVisible(bool(text))

    # -- state ------------------------------------------------------------------------

    @property
    def year(self) -> int:
        return self.household.year()

    def has_unsaved_changes(self) -> bool:
        return self.summary is not None and (
            self._forced_dirty or not self.model.undo_stack.isClean())

    def discard_changes(self) -> None:
        """Forget unsaved edits (after the user chose to save or drop them)."""
        self._forced_dirty = False
        self.model.undo_stack.setClean()

    def _clean_changed(self, _clean: bool) -> None:
        # The stack also reports when it is destroyed together with this editor.
        if shiboken6.isValid(self) and shiboken6.isValid(self.model.undo_stack):
            self._update_actions()

    def _update_actions(self) -> None:
        ready = self.summary is not None
        for action in (self.save_action, self.add_income_action, self.add_expense_action,
                       self.remove_action, self.copy_year_action):
            action.setEnabled(ready)
        self.save_action.setEnabled(self.has_unsaved_changes())
        self.files.set_enabled(ready)
        self.household.setEnabled(self.citizen_id is not None)

    def _on_sheet_changed(self) -> None:
        self.household.show_household(self.model.household(), self.model.norm_oere,
                                      choose_rates(self.model.sheet(), self.model.rates))
        self.chart.show_totals(self.model.totals)
        if self.model.totals is not None:
            self.debts.show_available(self.model.totals.available_for_debt, self.model.sheet())
        self._update_actions()

    # -- loading ----------------------------------------------------------------------

    def show_citizen(self, citizen_id: int | None) -> None:
        """Show a citizen (None: nothing). Unsaved changes are saved or dropped first,
        as the user answers: the citizen has already been chosen elsewhere."""
        if citizen_id != self.citizen_id and self.has_unsaved_changes():
            if self.unsaved_prompt() == SAVE:
                self.save(leaving=True)
        self.citizen_id = citizen_id
        for slot in (LOAD, SAVING, COPY):  # nothing for the previous citizen is shown
            self.ops.forget(self, slot)
        self._refresh.forget()
        self.summary = None
        self._forced_dirty = False
        self.show_message("")
        self.debts.show_citizen(citizen_id)
        self.benefits.show_citizen(citizen_id)
        if citizen_id is not None:
            self.reload()
        self._update_actions()

    def reload(self) -> None:
        citizen_id, year = self.citizen_id, self.year
        if citizen_id is None:
            return
        # A newer load (another citizen or year, a change) replaces this one.
        self.ops.run(load_year, citizen_id, year, not self.model.items, owner=self,
                     slot=LOAD, label=self.tr("Loading economy overview…"),
                     done=lambda result: self._loaded(*result))

    def _loaded(self, result: EconomySummary, items: list[ItemRow] | None) -> None:
        if items is not None:
            self.model.set_items([(item.section.value, item.label, item.category)
                                  for item in items])
        self._show(result)

    def reload_now(self) -> None:
        """Load the stored sheet again, replacing what is shown (after import/restore)."""
        self.ops.forget(self, COPY)  # last year's lines were asked for another sheet
        self.summary = None
        self.reload()

    def _show(self, result: EconomySummary, sheet: Sheet | None = None) -> None:
        keep_sheet = self.summary is not None and self.has_unsaved_changes() and sheet is None
        self.summary = result
        if not keep_sheet:  # a debt saved meanwhile must not drop edits in the sheet
            self.model.set_sheet(sheet or result.sheet, result.year_rates)
            self._forced_dirty = sheet is not None
        else:  # rates saved meanwhile apply to the edited sheet too
            self.model.set_rates(result.year_rates)
        self.model.set_public_debts(public_debt_ids(result.debts))
        self.debts.show_debts(result.debts, self.model.totals.available_for_debt
                              if self.model.totals else 0, self.model.sheet(),
                              result.possibly_time_barred)
        self.benefits.show_benefits(result.benefits)
        self._on_sheet_changed()
        self.loaded.emit(result.year)

    def _year_requested(self, year: int) -> None:
        previous = self.summary.year if self.summary is not None else year
        if self.has_unsaved_changes():
            answer = self.unsaved_prompt()
            if answer == CANCEL:
                self.household.set_year(previous)
                return
            if answer == SAVE:
                self.save(leaving=True)
        self._forced_dirty = False
        self.reload_now()

    def _ask_unsaved(self) -> str:
        box = QMessageBox(QMessageBox.Icon.Question, "MentorDesk", self.tr(
            "The economy overview has changes that are not saved. Save them?"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel, self)
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        answer = box.exec()
        return {QMessageBox.StandardButton.Save: SAVE,
                QMessageBox.StandardButton.Discard: DISCARD}.get(
                    QMessageBox.StandardButton(answer), CANCEL)

    # -- editing ----------------------------------------------------------------------

    def add_line(self, section: str) -> None:
        current = self.model.line_at(self.view.currentIndex().row())
        after = current.uid if current is not None and current.section == section else None
        line = self.model.add_line(section, after)
        self.view.go_to(self.model.row_of(line.uid), 0)
        self.view.setFocus()

    def remove_selected_lines(self) -> None:
        rows = {index.row() for index in self.view.selectionModel().selectedIndexes()}
        rows.add(self.view.currentIndex().row())
        uids = [line.uid for row in sorted(rows)
                if (line := self.model.line_at(row)) is not None]
        if uids:
            self.model.undo_stack.push(RemoveLinesCommand(self.model, uids,
                                                          self.tr("Remove row")))

    def open_rates(self) -> None:
        """The rates table (coordinators and admins): a saved rate reloads every sheet."""
        self.rates_dialog = RatesDialog(self.ops, self.year, self)
        self.rates_dialog.show()

    def open_limitation_rules(self) -> None:
        """The limitation rules (coordinators and admins): every debt's flag follows."""
        self.limitation_dialog = LimitationDialog(self.ops, self)
        self.limitation_dialog.show()

    def copy_last_year(self) -> None:
        citizen_id, year = self.citizen_id, self.year
        if citizen_id is None or self.summary is None:
            return
        if self.model.lines() and not self._confirm_replace():
            return
        # Another citizen or year meanwhile drops the copy (see show_citizen, reload_now).
        self.ops.run(copy_last_year, citizen_id, year, owner=self, slot=COPY,
                     label=self.tr("Copying last year…"), done=self._show_copy)

    def _show_copy(self, sheet: Sheet) -> None:
        assert self.summary is not None  # a reload in between only replaced it
        self._show(self.summary, sheet)

    def _confirm_replace(self) -> bool:
        answer = QMessageBox.question(self, "MentorDesk", self.tr(
            "Replace this year's lines with last year's? You can undo it by not saving."))
        return answer == QMessageBox.StandardButton.Yes

    # -- saving -----------------------------------------------------------------------

    def save(self, version: int | None = None, *, leaving: bool = False) -> Task | None:
        """Save the sheet against the version loaded (or ``version`` after a conflict).
        ``leaving``: the editor moves on to another year or citizen, so a failure is
        shown in a message box rather than next to a sheet no longer on screen."""
        if self.citizen_id is None or self.summary is None:
            return None
        citizen_id, year = self.citizen_id, self.summary.year
        sheet = self.model.sheet()
        expected = sheet.version if version is None else version
        stack_index = self.model.undo_stack.index()
        if leaving:
            # The editor moves on: the outcome belongs to no sheet on screen any more,
            # and the next load must not replace this save. A failure shows in a box.
            return self.ops.run(save_sheet, citizen_id, year, expected, sheet, owner=self,
                                slot="save-on-leaving", label=self.tr("Saving…"))
        task = self.ops.run(
            save_sheet, citizen_id, year, expected, sheet, owner=self, slot=SAVING,
            label=self.tr("Saving…"), done=lambda saved: self._on_saved(saved, stack_index),
            failed=lambda message: self._on_save_failed(task, message, sheet))
        return task

    def _on_saved(self, saved: Sheet, stack_index: int) -> None:
        self._forced_dirty = False
        self.model.mark_saved(saved.version)
        if self.model.undo_stack.index() != stack_index:
            # Edited while the save ran: those edits are still unsaved.
            self.model.undo_stack.resetClean()
        self.show_message("")
        self._update_actions()
        self.saved.emit(saved.version)

    def _on_save_failed(self, task: Task, message: str, mine: Sheet) -> None:
        if not isinstance(task.error, StaleEdit):
            self.show_message(message)
            return
        assert self.citizen_id is not None
        self.ops.run(load_sheet, self.citizen_id, mine.year, owner=self, slot=SAVING,
                     label=self.tr("Loading the saved version…"),
                     done=lambda theirs: self._resolve(theirs, mine))

    def _resolve(self, theirs: Sheet, mine: Sheet) -> None:
        dialog = SheetConflictDialog(theirs, mine, self)
        dialog.finished.connect(lambda result: self._resolved(result, theirs))
        self.conflict_dialog = dialog
        dialog.open()
        self.conflict_shown.emit(dialog)

    def _resolved(self, result: int, theirs: Sheet) -> None:
        if result == KEEP_MINE:
            self.model.base = replace(self.model.base, version=theirs.version)
            self.save(theirs.version)
        elif result == TAKE_THEIRS:
            self.discard_changes()
            self.reload_now()
        else:
            self.show_message(self.tr(
                "Not saved: someone else saved this overview while you were editing. "
                "Your changes are still here."))
