"""The Samarbejdspartnere page: the team's partner register with search and editing.

The register is small (tens, not thousands), so it is loaded whole and filtered as
the user types, without a round trip to the database.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from mentordesk.kernel.changes import Kind
from mentordesk.services.catalogue_admin import Removal
from mentordesk.services.partners import PartnerItem, list_partners, remove_partner
from ui.operations import Operations
from ui.views.common.form_fields import plain_label
from ui.views.common.record_dialog import RecordDialog
from ui.views.common.record_list import RecordListPanel, Request
from ui.views.common.record_table import RowLook, TableColumn
from ui.views.partners.partner_dialog import PartnerDialog

INACTIVE_GREY = "#777777"


class PartnersPage(RecordListPanel):
    def __init__(self, ops: Operations, title: str, parent: QWidget | None = None) -> None:
        # Removing is a coordinator's decision (the service enforces it too).
        may_remove = ops.actor.sees_all_citizens
        super().__init__(
            ops, self._columns(), look=_inactive_look, kinds=(Kind.PARTNERS,),
            search_hint=self.tr("Search name, kind, organisation …"),
            new_text=self.tr("New partner (Ctrl+N)"), edit_text=self.tr("Edit (Enter)"),
            remove_text=self.tr("Remove (Delete)") if may_remove else "", parent=parent)
        title_label = QLabel(title)
        title_label.setObjectName("pageTitle")
        self.body.insertWidget(0, title_label)
        self.status_label = plain_label()
        self.body.addWidget(self.status_label)
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

    def visible_names(self) -> list[str]:
        return [partner.name for partner in self.shown_rows()]

    # -- the list's questions ---------------------------------------------------------

    def load_request(self) -> Request:
        return (list_partners,)

    def make_dialog(self, row: PartnerItem | None) -> RecordDialog:
        return PartnerDialog(self._ops, row, parent=self)

    def new_partner(self) -> None:
        self.new_record()

    def remove_request(self, row: PartnerItem) -> Request:
        return (remove_partner, row.id, row.version)

    def remove_question(self, row: PartnerItem) -> str:
        return self.tr(
            "Remove {name} from the register? A partner named in consents or contacts is "
            "deactivated instead, so those records keep saying who it was.").format(
                name=row.name)

    def removed(self, row: PartnerItem, removal: Removal) -> None:
        if removal is Removal.DEACTIVATED:
            message = self.tr("{name} is in use and was deactivated instead of deleted.")
        else:
            message = self.tr("{name} was deleted.")
        self.status_label.setText(message.format(name=row.name))

    def remove_failed(self, message: str) -> None:
        # The refusal names the row, which is user text: shown in a plain-text label.
        self.status_label.setText(message)


def _inactive_look(row: PartnerItem) -> RowLook | None:
    return None if row.active else RowLook(foreground=INACTIVE_GREY)
