"""The "Samtykker" tab of a citizen's record: consents with their state in colour.

Green: valid; amber: expires within 30 days; red: expired; grey: withdrawn.
Keyboard: Ctrl+N new consent, Enter (or double-click) edits the selected one.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from mentordesk.domain.dates import format_date
from mentordesk.kernel.context import Context
from mentordesk.services.partners import (
    ConsentRow,
    ConsentState,
    PartnerItem,
    consents_for_citizen,
    list_partners,
)
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
from ui.views.partners.consent_dialog import ConsentDialog, WithdrawConsentDialog
from ui.workspace import Workspace

STATE_LOOKS = {
    ConsentState.VALID: RowLook(background="#e3f4e1"),
    ConsentState.EXPIRING: RowLook(background="#fff1c7"),
    ConsentState.EXPIRED: RowLook(background="#f9dede"),
    ConsentState.WITHDRAWN: RowLook(background="#eeeeee", foreground="#666666"),
}


class ConsentsTab(CitizenTab):
    loaded = Signal(int)  # number of consents shown

    def __init__(self, workspace: Workspace, runner: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._runner = runner
        self._generation = 0
        self.citizen_id: int | None = None
        self.partners: list[PartnerItem] | None = None
        self.dialog: RecordDialog | None = None
        self.model = RecordTableModel(self._columns(), lambda row: STATE_LOOKS[row.state], self)
        self._build()
        self._update_buttons()

    def tab_title(self) -> str:
        return self.tr("Consents")

    def _columns(self) -> list[TableColumn]:
        return [
            TableColumn(self.tr("State"), lambda row: row.state.label),
            TableColumn(self.tr("Partner"), lambda row: row.partner_name),
            TableColumn(self.tr("Kind"), lambda row: row.partner_kind_label),
            TableColumn(self.tr("Purpose"), lambda row: row.purpose),
            TableColumn(self.tr("Given"), lambda row: format_date(row.given_on)),
            TableColumn(self.tr("Expires"), lambda row: _date_or_empty(row.expires_on)),
            TableColumn(self.tr("Withdrawn"), lambda row: _date_or_empty(row.withdrawn_on)),
        ]

    def _build(self) -> None:
        self.new_button = QPushButton(self.tr("New consent (Ctrl+N)"))
        self.edit_button = QPushButton(self.tr("Edit (Enter)"))
        self.withdraw_button = QPushButton(self.tr("Withdraw…"))
        self.new_button.clicked.connect(self.new_consent)
        self.edit_button.clicked.connect(self.edit_selected)
        self.withdraw_button.clicked.connect(self.withdraw_selected)
        self.table = record_table(self.model)
        self.table.activated.connect(lambda _index: self.edit_selected())
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.empty_label = plain_label(self.tr(
            "No consents registered. Contact with partners needs the citizen's consent."))
        buttons = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.withdraw_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label)
        shortcut = QShortcut(QKeySequence("Ctrl+N"), self, self.new_consent)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def _update_buttons(self, *_args: object) -> None:
        ready = self.citizen_id is not None and self.partners is not None
        consent = selected_row(self.table) if ready else None
        self.new_button.setEnabled(ready)
        self.edit_button.setEnabled(consent is not None)
        self.withdraw_button.setEnabled(consent is not None
                                        and consent.state is not ConsentState.WITHDRAWN)
        self.empty_label.setVisible(ready and self.model.rowCount() == 0)

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

        def job(_context: TaskContext) -> tuple[list[ConsentRow], list[PartnerItem]]:
            return (consents_for_citizen(Context(database, actor), citizen_id),
                    list_partners(Context(database, actor)))

        task = self._runner.submit(job, label=self.tr("Loading consents…"), parent=self)
        task.succeeded.connect(lambda result: self._show(generation, *result))

    def _show(self, generation: int, rows: list[ConsentRow],
              partners: list[PartnerItem]) -> None:
        if generation != self._generation:
            return  # another citizen was chosen meanwhile
        self.partners = partners
        self.model.set_rows(rows)
        if rows:
            self.table.selectRow(0)
        self._update_buttons()
        self.loaded.emit(len(rows))

    def states(self) -> list[str]:
        """The state text of each row, top to bottom, as the user reads it."""
        return [row.state.label for row in self.model.rows()]

    # -- actions ----------------------------------------------------------------------

    def new_consent(self) -> None:
        if self.citizen_id is None or self.partners is None:
            return
        self._open(ConsentDialog(self._runner, self._workspace, self.partners,
                                 self.citizen_id, parent=self))

    def edit_selected(self) -> None:
        consent = selected_row(self.table)
        if consent is None or self.partners is None or self.citizen_id is None:
            return
        self._open(ConsentDialog(self._runner, self._workspace, self.partners,
                                 self.citizen_id, consent, parent=self))

    def withdraw_selected(self) -> None:
        consent = selected_row(self.table)
        if consent is not None and consent.state is not ConsentState.WITHDRAWN:
            self._open(WithdrawConsentDialog(self._runner, self._workspace, consent,
                                             parent=self))

    def _open(self, dialog: RecordDialog) -> None:
        if self.dialog is not None:
            # Kept until the next one opens, so a save still under way finds it alive.
            self.dialog.deleteLater()
        self.dialog = dialog
        dialog.saved.connect(lambda _row: self.reload())
        dialog.open()


def _date_or_empty(value: object) -> str:
    return format_date(value) if value else ""  # type: ignore[arg-type]
