"""The "Samtykker" tab of a citizen's record: consents with their state in colour.

Green: valid; amber: expires within 30 days; red: expired; grey: withdrawn.
Keyboard: Ctrl+N new consent, Enter (or double-click) edits the selected one.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from mentordesk.domain.dates import format_date
from mentordesk.kernel.changes import Kind
from mentordesk.kernel.context import Context
from mentordesk.services.partners import (
    ConsentRow,
    ConsentState,
    PartnerItem,
    consents_for_citizen,
    list_partners,
)
from ui.operations import Operations
from ui.views.areas import CitizenTab
from ui.views.common.record_dialog import RecordDialog
from ui.views.common.record_list import CitizenRecordList, Request
from ui.views.common.record_table import RowLook, TableColumn
from ui.views.partners.consent_dialog import ConsentDialog, WithdrawConsentDialog

STATE_LOOKS = {
    ConsentState.VALID: RowLook(background="#e3f4e1"),
    ConsentState.EXPIRING: RowLook(background="#fff1c7"),
    ConsentState.EXPIRED: RowLook(background="#f9dede"),
    ConsentState.WITHDRAWN: RowLook(background="#eeeeee", foreground="#666666"),
}


def consents_and_partners(context: Context, citizen_id: int,
                          ) -> tuple[list[ConsentRow], list[PartnerItem]]:
    """The citizen's consents and the register their dialogs choose a partner from."""
    return consents_for_citizen(context, citizen_id), list_partners(context)


class ConsentsTab(CitizenRecordList, CitizenTab):
    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        self.partners: list[PartnerItem] | None = None
        super().__init__(
            ops, self._columns(), look=lambda row: STATE_LOOKS[row.state],
            kinds=(Kind.PARTNERS,), new_text=self.tr("New consent (Ctrl+N)"),
            edit_text=self.tr("Edit (Enter)"), empty_text=self.tr(
                "No consents registered. Contact with partners needs the citizen's consent."),
            parent=parent)
        self.withdraw_button = self.add_row_action(self.tr("Withdraw…"), self.withdraw,
                                                   applies=_may_withdraw)

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

    def states(self) -> list[str]:
        """The state text of each row, top to bottom, as the user reads it."""
        return [row.state.label for row in self.model.rows()]

    # -- the list's questions ---------------------------------------------------------

    def show_citizen(self, citizen_id: int | None) -> None:
        self.partners = None
        super().show_citizen(citizen_id)

    def ready(self) -> bool:
        return super().ready() and self.partners is not None

    def load_request(self) -> Request | None:
        return None if self.citizen_id is None else (consents_and_partners, self.citizen_id)

    def take_loaded(self, value: Any) -> list[ConsentRow]:
        rows, self.partners = value
        return rows

    def make_dialog(self, row: ConsentRow | None) -> RecordDialog | None:
        if self.citizen_id is None or self.partners is None:
            return None
        return ConsentDialog(self._ops, self.partners, self.citizen_id, row, parent=self)

    # -- actions ----------------------------------------------------------------------

    def new_consent(self) -> None:
        self.new_record()

    def withdraw(self, consent: ConsentRow) -> None:
        self._open(WithdrawConsentDialog(self._ops, consent, parent=self))

    def withdraw_selected(self) -> None:
        consent = self.selected()
        if consent is not None and _may_withdraw(consent):
            self.withdraw(consent)


def _may_withdraw(consent: ConsentRow) -> bool:
    return consent.state is not ConsentState.WITHDRAWN


def _date_or_empty(value: object) -> str:
    return format_date(value) if value else ""  # type: ignore[arg-type]
