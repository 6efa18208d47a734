"""The "Bevillinger" tab of a citizen's record: the grants, newest first, and their dialogs.

Keyboard: Ctrl+N new grant, Enter (or double-click) edits the selected one.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from mentordesk.kernel.context import Context
from mentordesk.services.catalogue_admin import Catalogue, load_catalogue
from mentordesk.services.grants import GrantRow, GrantState, grants_for_citizen
from ui.tasks import TaskContext, TaskRunner
from ui.views.areas import CitizenTab
from ui.views.common.form_fields import plain_label
from ui.views.common.record_dialog import RecordDialog
from ui.views.common.record_table import (
    RecordTableModel,
    RowLook,
    TableColumn,
    record_table,
    selected_row,
)
from ui.views.grants.grant_dialog import EndGrantDialog, GrantDialog
from ui.workspace import Workspace

ENDED_GREY = "#777777"
WARNING_BACKGROUND = "#fff1c7"


class GrantsTab(CitizenTab):
    loaded = Signal(int)  # number of grants shown

    def __init__(self, workspace: Workspace, runner: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._runner = runner
        self._generation = 0
        self.citizen_id: int | None = None
        self.catalogue: Catalogue | None = None
        self.dialog: RecordDialog | None = None
        self.model = RecordTableModel(self._columns(), self._look, self)
        self._build()
        self._update_buttons()

    def tab_title(self) -> str:
        return self.tr("Grants")

    def _columns(self) -> list[TableColumn]:
        return [
            TableColumn(self.tr("Legal basis"), lambda row: row.legal_basis_code),
            TableColumn(self.tr("Course type"), lambda row: row.course_type_name),
            TableColumn(self.tr("Period"), lambda row: row.period_label),
            TableColumn(self.tr("Weekly hours"), lambda row: row.hours_label),
            TableColumn(self.tr("Price"), lambda row: row.price_label),
            TableColumn(self.tr("Status"), lambda row: row.state(date.today()).label),
            TableColumn(self.tr("Authority"), lambda row: row.authority_name),
            TableColumn(self.tr("Caseworker"), lambda row: row.caseworker_name),
        ]

    def _look(self, row: GrantRow) -> RowLook | None:
        if row.period_warning:
            return RowLook(background=WARNING_BACKGROUND, tooltip=row.period_warning)
        if row.state(date.today()) is GrantState.ENDED:
            return RowLook(foreground=ENDED_GREY)
        return None

    def _build(self) -> None:
        self.new_button = QPushButton(self.tr("New grant (Ctrl+N)"))
        self.edit_button = QPushButton(self.tr("Edit (Enter)"))
        self.end_button = QPushButton(self.tr("End grant…"))
        self.new_button.clicked.connect(self.new_grant)
        self.edit_button.clicked.connect(self.edit_selected)
        self.end_button.clicked.connect(self.end_selected)
        self.table = record_table(self.model)
        self.table.activated.connect(lambda _index: self.edit_selected())
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.empty_label = plain_label(self.tr("No grants registered yet."))
        buttons = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.end_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label)
        shortcut = QShortcut(QKeySequence("Ctrl+N"), self, self.new_grant)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def _update_buttons(self, *_args: object) -> None:
        has_citizen = self.citizen_id is not None and self.catalogue is not None
        self.new_button.setEnabled(has_citizen)
        has_row = has_citizen and selected_row(self.table) is not None
        self.edit_button.setEnabled(has_row)
        self.end_button.setEnabled(has_row)
        self.empty_label.setVisible(has_citizen and self.model.rowCount() == 0)

    # -- loading ----------------------------------------------------------------------

    def show_citizen(self, citizen_id: int | None) -> None:
        self._generation += 1
        self.citizen_id = citizen_id
        self.model.set_rows([])
        self._update_buttons()
        if citizen_id is not None:
            self.reload()

    def reload(self) -> None:
        citizen_id = self.citizen_id
        if citizen_id is None:
            return
        generation = self._generation
        database, actor = self._workspace.database, self._workspace.actor

        def job(_context: TaskContext) -> tuple[list[GrantRow], Catalogue]:
            return grants_for_citizen(Context(database, actor), citizen_id), load_catalogue(database)

        task = self._runner.submit(job, label=self.tr("Loading grants…"), parent=self)
        task.succeeded.connect(lambda result: self._show(generation, *result))

    def _show(self, generation: int, rows: list[GrantRow], catalogue: Catalogue) -> None:
        if generation != self._generation:
            return  # another citizen was chosen meanwhile
        self.catalogue = catalogue
        self.model.set_rows(rows)
        if rows:
            self.table.selectRow(0)
        self._update_buttons()
        self.loaded.emit(len(rows))

    # -- actions ----------------------------------------------------------------------

    def new_grant(self) -> None:
        if self.citizen_id is None or self.catalogue is None:
            return
        self._open(GrantDialog(self._runner, self._workspace, self.catalogue,
                               self.citizen_id, parent=self))

    def edit_selected(self) -> None:
        grant = selected_row(self.table)
        if grant is None or self.catalogue is None or self.citizen_id is None:
            return
        self._open(GrantDialog(self._runner, self._workspace, self.catalogue,
                               self.citizen_id, grant, parent=self))

    def end_selected(self) -> None:
        grant = selected_row(self.table)
        if grant is not None:
            self._open(EndGrantDialog(self._runner, self._workspace, grant, parent=self))

    def _open(self, dialog: RecordDialog) -> None:
        if self.dialog is not None:
            # Kept until the next one opens, so a save still under way finds it alive.
            self.dialog.deleteLater()
        self.dialog = dialog
        dialog.saved.connect(lambda _row: self.reload())
        dialog.open()
