"""One citizen's handleplan: the overview of all goals above, the chosen goal below.

Used by the "Handleplan" tab of a citizen's record and by the Handleplan area page.
Keyboard: Insert or Ctrl+N new goal, Enter edits the goal, Delete deletes it (after a
question). Every read and change runs on the worker thread through the plan services.
A change to this citizen's plan (here, in another window or by another view) arrives on
the change hub and the plan is read again, keeping the chosen goal; a changed contact
has the chosen goal's linked contacts read again. Hidden, the widget only notes that it
is out of date and reads when shown again: a hidden tab reads (and logs) nothing.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from mentordesk.domain.dates import format_date
from mentordesk.domain.vum import NOT_ASSESSED_LABEL, FunctionLevel
from mentordesk.kernel.changes import Changes, Kind
from mentordesk.kernel.context import Context
from mentordesk.services.plan import (
    GoalContact,
    GoalItem,
    HistoryEntry,
    Plan,
    PlanOverviewRow,
    ThemeChoice,
    delete_goal,
    goal_contacts,
    goal_history,
    load_plan,
    theme_choices,
)
from ui.operations import Operations
from ui.settings import remember_splitter
from ui.views.common.flow_layout import FlowLayout
from ui.views.common.form_fields import confirm, plain_label
from ui.views.common.keys import shortcut
from ui.views.common.record_dialog import RecordDialog
from ui.views.common.record_table import (
    RecordTableModel,
    RowLook,
    TableColumn,
    height_for_rows,
    record_table,
    selected_row,
)
from ui.views.common.reload_when_shown import ReloadWhenShown
from ui.views.plan.contact_links import ContactLinks
from ui.views.plan.evaluation_dialog import EvaluationDialog
from ui.views.plan.goal_detail import GoalDetail
from ui.views.plan.goal_dialog import GoalDialog
from ui.views.plan.pdf_export import PlanPdfExport
from ui.views.plan.step_actions import StepActions

FINISHED_GREY = "#777777"
GOALS_SHOWN = 5  # the goal list's share of the height, in goals
OVERDUE_BACKGROUND = "#fff1c7"


def load_plan_and_themes(context: Context, citizen_id: int) -> tuple[Plan, list[ThemeChoice]]:
    """The plan, and the team's themes its dialogs offer."""
    return load_plan(context, citizen_id), theme_choices(context.database)


def load_goal_extras(context: Context,
                     goal_id: int) -> tuple[list[HistoryEntry], list[GoalContact]]:
    """What the chosen goal shows besides itself: its history and linked contacts."""
    return goal_history(context, goal_id), goal_contacts(context, goal_id)


def level_cell(level: FunctionLevel | None, on: date | None) -> str:
    """"2 Moderat (05-01-2026)", "Ikke vurderet (…)", or empty before any assessment."""
    if on is None:
        return ""
    name = NOT_ASSESSED_LABEL if level is None else f"{int(level)} {level.short_label}"
    return f"{name} ({format_date(on)})"


class PlanWidget(QWidget):
    plan_loaded = Signal(int)  # number of goals
    extras_loaded = Signal(int)  # goal id whose history and contacts arrived

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ops = ops
        self.citizen_id: int | None = None
        self.plan: Plan | None = None
        self.themes: list[ThemeChoice] = []
        self.dialog: RecordDialog | None = None
        self.confirm_box: QMessageBox | None = None
        self._select_after_load: int | None = None
        self._keep_sub_goal: int | None = None
        self.model = RecordTableModel(self._columns(), self._look, self)
        self.detail = GoalDetail()
        self.steps = StepActions(ops, self.detail, self)
        self.steps.keep_sub_goal.connect(self._keep_step)
        self.steps.failed.connect(self._on_step_failed)
        self.links = ContactLinks(ops, self.detail, self)
        self.pdf = PlanPdfExport(ops, self)
        self._refresh = ReloadWhenShown(self, self._reload_all)
        self._build()
        self._update_buttons()
        ops.hub.changed.connect(self._on_changes)

    def _columns(self) -> list[TableColumn]:
        return [
            TableColumn(self.tr("Goal"), lambda row: row.title),
            TableColumn(self.tr("Theme"), lambda row: row.theme_name),
            TableColumn(self.tr("Type"), lambda row: row.goal_type_label),
            TableColumn(self.tr("Status"), lambda row: row.status_label),
            TableColumn(self.tr("First level"),
                        lambda row: level_cell(row.first_level, row.first_on)),
            TableColumn(self.tr("Latest level"),
                        lambda row: level_cell(row.latest_level, row.latest_on)),
            TableColumn(self.tr("Review date"),
                        lambda row: format_date(row.review_on) if row.review_on else ""),
        ]

    def _look(self, row: PlanOverviewRow) -> RowLook | None:
        goal = self.goal(row.goal_id)
        if goal is not None and not goal.is_open:
            return RowLook(foreground=FINISHED_GREY)
        if row.review_on and row.review_on < date.today():
            return RowLook(background=OVERDUE_BACKGROUND,
                           tooltip=self.tr("The review date has passed."))
        return None

    # -- layout -----------------------------------------------------------------------

    def _build(self) -> None:
        self.new_button = QPushButton(self.tr("New goal (Ctrl+N)"))
        self.edit_button = QPushButton(self.tr("Edit goal (Enter)"))
        self.delete_button = QPushButton(self.tr("Delete goal"))
        self.evaluation_button = QPushButton(self.tr("Complete evaluation…"))
        self.print_button = QPushButton(self.tr("Print action plan (PDF)…"))
        self.new_button.clicked.connect(self.new_goal)
        self.edit_button.clicked.connect(self.edit_goal)
        self.delete_button.clicked.connect(self.delete_goal)
        self.evaluation_button.clicked.connect(self.complete_evaluation)
        self.print_button.clicked.connect(self.print_plan)
        self.table = record_table(self.model)
        self.table.activated.connect(lambda _index: self.edit_goal())
        self.table.selectionModel().selectionChanged.connect(self._on_goal_chosen)
        self.empty_label = plain_label(self.tr(
            "No goals yet. Write the first goal together with the citizen, in their own "
            "words (Ctrl+N)."))
        self.saved_label = plain_label()
        self.saved_label.setWordWrap(False)
        self.pdf.written.connect(lambda path: self.saved_label.setText(
            self.tr("Action plan saved: {path}").format(path=path)))
        buttons = FlowLayout()  # wraps in a narrow record rather than widening it
        buttons.add_widgets(self.new_button, self.edit_button, self.delete_button)
        buttons.add_stretch()
        buttons.add_widgets(self.saved_label, self.evaluation_button, self.print_button)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addLayout(buttons)
        top_layout.addWidget(self.table, 1)
        top_layout.addWidget(self.empty_label)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(self.detail)
        # The goal list keeps room for five goals; the goal's detail, where the work
        # happens, takes what is left as the window grows, until the user moves the divider.
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([self._goal_list_height(GOALS_SHOWN), 560])
        remember_splitter(splitter, "plan", self._ops.actor.login)
        self.splitter = splitter
        QVBoxLayout(self).addWidget(splitter)
        self._shortcuts()
        QWidget.setTabOrder(self.table, self.detail.sub_goals)

    def _goal_list_height(self, rows: int) -> int:
        """The buttons, the header and ``rows`` goals (plus a little air)."""
        row = self.table.verticalHeader().defaultSectionSize()
        buttons = self.new_button.sizeHint().height()
        return buttons + height_for_rows(self.table, rows) + row // 2 + 12

    def _shortcuts(self) -> None:
        shortcut("Ctrl+N", self, self.new_goal)
        # Insert and Delete act on goals only while the overview has the focus: in the
        # sub-goal list the same keys act on sub-goals.
        for keys, slot in (("Insert", self.new_goal), ("Delete", self.delete_goal)):
            shortcut(keys, self.table, slot, Qt.ShortcutContext.WidgetShortcut)

    def _update_buttons(self) -> None:
        loaded = self.plan is not None
        has_goal = loaded and self.current_goal() is not None
        self.new_button.setEnabled(loaded)
        self.edit_button.setEnabled(has_goal)
        self.delete_button.setEnabled(has_goal)
        self.evaluation_button.setEnabled(
            loaded and any(goal.is_open for goal in self.plan.goals))  # type: ignore[union-attr]
        self.print_button.setEnabled(loaded)
        self.empty_label.setVisible(loaded and self.model.rowCount() == 0)
        # "Choose a goal" only makes sense when there are goals to choose.
        self.detail.empty_label.setVisible(
            loaded and self.model.rowCount() > 0 and not has_goal)

    # -- loading ----------------------------------------------------------------------

    def show_citizen(self, citizen_id: int | None) -> None:
        # Nothing read for the previous citizen may show up now.
        self._ops.forget(self, "plan")
        self._ops.forget(self, "extras")
        self._refresh.forget()
        self.citizen_id = citizen_id
        self.plan = None
        self.saved_label.clear()
        self.model.set_rows([])
        self.detail.set_goal(None)
        self._update_buttons()
        if citizen_id is not None:
            self.reload()

    def reload(self) -> None:
        if self.citizen_id is None:
            return
        self._ops.run(load_plan_and_themes, self.citizen_id, owner=self, slot="plan",
                      label=self.tr("Loading the action plan…"),
                      done=lambda loaded: self._show(*loaded))

    def _on_changes(self, changes: Changes) -> None:
        if (self.citizen_id is None or not changes.concerns(self.citizen_id)
                or not changes.touches(Kind.PLAN, Kind.CONTACTS)):
            return
        self._refresh()

    def _reload_all(self) -> None:
        self.reload()
        if self.detail.goal is not None:
            # Linked contacts and the goal's history are not part of the plan itself.
            self._load_extras(self.detail.goal.id)

    def _show(self, plan: Plan, themes: list[ThemeChoice]) -> None:
        kept = self.current_goal()
        wanted_id = self._select_after_load or (kept.id if kept is not None else None)
        self._select_after_load = None
        self.plan, self.themes = plan, themes
        self.model.set_rows(plan.overview)
        rows = [row.goal_id for row in plan.overview]
        if rows:
            self.select_goal(wanted_id if wanted_id in rows else rows[0])
        self._refresh_detail()
        self._update_buttons()
        self.plan_loaded.emit(len(plan.goals))

    def goal(self, goal_id: int) -> GoalItem | None:
        if self.plan is None:
            return None
        return next((goal for goal in self.plan.goals if goal.id == goal_id), None)

    def current_goal(self) -> GoalItem | None:
        row = selected_row(self.table)
        return self.goal(row.goal_id) if row is not None else None

    def select_goal(self, goal_id: int) -> None:
        for row in range(self.model.rowCount()):
            if self.model.row_at(row).goal_id == goal_id:
                self.table.selectRow(row)
                return

    def _on_goal_chosen(self, *_args: object) -> None:
        if self.plan is not None:
            self._refresh_detail()
            self._update_buttons()

    def _keep_step(self, sub_goal_id: int | None) -> None:
        self._keep_sub_goal = sub_goal_id  # a new or moved step stays chosen

    def _on_step_failed(self, sub_goal_id: int | None) -> None:
        self._keep_step(sub_goal_id)
        self.reload()  # a tick or a drag already changed what is shown

    def _refresh_detail(self) -> None:
        goal = self.current_goal()
        shown = self.detail.goal
        self.detail.set_goal(goal, self._keep_sub_goal)
        self._keep_sub_goal = None
        if goal is not None and shown != goal:
            # Another goal, or this one changed (its history grew): read its history
            # and contacts again.
            self._load_extras(goal.id)

    def _load_extras(self, goal_id: int) -> None:
        self._ops.run(load_goal_extras, goal_id, owner=self, slot="extras",
                      label=self.tr("Loading the goal's history…"),
                      done=lambda extras: self._show_extras(goal_id, *extras))

    def _show_extras(self, goal_id: int, history: list[HistoryEntry],
                     contacts: list[GoalContact]) -> None:
        goal = self.detail.goal
        if goal is None or goal.id != goal_id:
            return  # another goal was chosen meanwhile
        self.detail.set_extras(history, contacts)
        self.extras_loaded.emit(goal_id)

    # -- goals ------------------------------------------------------------------------

    def _open(self, dialog: RecordDialog) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()  # kept until now: a save under way finds it alive
        self.dialog = dialog
        dialog.saved.connect(self._on_saved)
        dialog.open()

    def _on_saved(self, item: object) -> None:
        # The hub has the plan read again right after this.
        if isinstance(item, GoalItem):
            # A new goal is the one the user wants to work on next.
            self._select_after_load = item.id

    def new_goal(self) -> None:
        if self.plan is not None:
            self._open(GoalDialog(self._ops, self.plan, self.themes, parent=self))

    def edit_goal(self) -> None:
        goal = self.current_goal()
        if self.plan is not None and goal is not None:
            self._open(GoalDialog(self._ops, self.plan, self.themes, goal, parent=self))

    def delete_goal(self) -> None:
        goal = self.current_goal()
        if goal is None:
            return
        def delete() -> None:
            self._ops.run(delete_goal, goal.id, goal.version, owner=self, slot="delete",
                          label=self.tr("Deleting the goal…"))

        self.confirm_box = confirm(self, self.tr(
            "Delete the goal \"{title}\" with its sub-goals and assessments? "
            "Its history is kept.").format(title=goal.title), delete)

    def complete_evaluation(self) -> None:
        if self.plan is not None:
            self._open(EvaluationDialog(self._ops, self.plan, parent=self))

    def print_plan(self) -> None:
        if self.plan is not None:
            self.pdf.ask_and_write(self.plan.citizen_id, self.plan.citizen_label)
