"""The Samarbejdspartnere page: the team's partner register with search and editing.

The register is small (tens, not thousands), so it is loaded whole and filtered as
the user types, without a round trip to the database.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mentordesk.kernel.changes import Changes, Kind
from mentordesk.services.catalogue_admin import Removal
from mentordesk.services.partners import PartnerItem, list_partners, remove_partner
from ui.models.danish_sort_proxy import DanishSortProxyModel
from ui.operations import Operations
from ui.views.common.coalesce import CoalescedReload
from ui.views.common.form_fields import confirm, plain_label
from ui.views.common.keys import shortcut
from ui.views.common.record_table import (
    RecordTableModel,
    RowLook,
    TableColumn,
    record_table,
    selected_row,
)
from ui.views.partners.partner_dialog import PartnerDialog

INACTIVE_GREY = "#777777"


class PartnersPage(QWidget):
    loaded = Signal(int)  # number of partners in the register

    def __init__(self, ops: Operations, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ops = ops
        self.dialog: PartnerDialog | None = None
        self.confirm_box: QMessageBox | None = None  # the open removal question
        self.model = RecordTableModel(self._columns(), self._look, self)
        self.proxy = DanishSortProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._build(title)
        self._reload_soon = CoalescedReload(self.reload, self)
        ops.hub.changed.connect(self._on_changes)
        self.reload()

    def _columns(self) -> list[TableColumn]:
        return [
            TableColumn(self.tr("Name"), lambda row: row.name),
            TableColumn(self.tr("Kind"), lambda row: row.kind_label),
            TableColumn(self.tr("Organisation"), lambda row: row.organisation),
            TableColumn(self.tr("Phone"), lambda row: row.phone),
            TableColumn(self.tr("E-mail"), lambda row: row.email),
            TableColumn(self.tr("Status"),
                        lambda row: self.tr("Active") if row.active else self.tr("Inactive")),
        ]

    def _look(self, row: PartnerItem) -> RowLook | None:
        return None if row.active else RowLook(foreground=INACTIVE_GREY)

    def _build(self, title: str) -> None:
        title_label = QLabel(title)
        title_label.setObjectName("pageTitle")
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Search name, kind, organisation …"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(self.proxy.setFilterFixedString)
        self.new_button = QPushButton(self.tr("New partner (Ctrl+N)"))
        self.edit_button = QPushButton(self.tr("Edit (Enter)"))
        self.remove_button = QPushButton(self.tr("Remove (Delete)"))
        self.new_button.clicked.connect(self.new_partner)
        self.edit_button.clicked.connect(self.edit_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        # Removing is a coordinator's decision (the service enforces it too).
        self.remove_button.setVisible(self._ops.actor.sees_all_citizens)
        self.table = record_table(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.activated.connect(lambda _index: self.edit_selected())
        self.status_label = plain_label()
        top = QHBoxLayout()
        top.addWidget(self.search_edit, 1)
        for button in (self.new_button, self.edit_button, self.remove_button):
            top.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(title_label)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status_label)
        shortcut("Ctrl+N", self, self.new_partner)
        shortcut("Delete", self, self.remove_selected)

    def visible_names(self) -> list[str]:
        return [self.proxy.index(row, 0).data() for row in range(self.proxy.rowCount())]

    # -- loading ----------------------------------------------------------------------

    def reload(self) -> None:
        self._ops.run(list_partners, owner=self, slot="load", label=self.tr("Loading partners…"),
                      done=self._show)

    def _on_changes(self, changes: Changes) -> None:
        if changes.touches(Kind.PARTNERS):
            self._reload_soon()

    def _show(self, rows: list[PartnerItem]) -> None:
        self.model.set_rows(rows)
        self.loaded.emit(len(rows))

    # -- actions ----------------------------------------------------------------------

    def new_partner(self) -> None:
        self._open(PartnerDialog(self._ops, parent=self))

    def edit_selected(self) -> None:
        partner = selected_row(self.table)
        if partner is not None:
            self._open(PartnerDialog(self._ops, partner, parent=self))

    def _open(self, dialog: PartnerDialog) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = dialog
        dialog.saved.connect(lambda _item: self._reload_soon())
        dialog.open()

    def remove_selected(self) -> None:
        partner = selected_row(self.table)
        if partner is None or not self._ops.actor.sees_all_citizens:
            return
        self.confirm_box = confirm(self, self.tr(
            "Remove {name} from the register? A partner named in consents or contacts is "
            "deactivated instead, so those records keep saying who it was.").format(
                name=partner.name), lambda: self._remove(partner))

    def _remove(self, partner: PartnerItem) -> None:
        # The refusal names the row, which is user text: shown in a plain-text label.
        self._ops.run(remove_partner, partner.id, partner.version, owner=self, slot="remove",
                      label=self.tr("Removing…"),
                      done=lambda removal: self._removed(partner, removal),
                      failed=self.status_label.setText)

    def _removed(self, partner: PartnerItem, removal: Removal) -> None:
        if removal is Removal.DEACTIVATED:
            message = self.tr("{name} is in use and was deactivated instead of deleted.")
        else:
            message = self.tr("{name} was deleted.")
        self.status_label.setText(message.format(name=partner.name))
        self._reload_soon()
