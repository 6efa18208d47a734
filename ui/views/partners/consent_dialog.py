"""Record or edit a citizen's consent to share with a partner; withdraw a consent."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QWidget

from mentordesk.domain.dates import format_date
from mentordesk.services.partners import (
    ConsentInput,
    ConsentRow,
    PartnerItem,
    record_consent,
    update_consent,
    withdraw_consent,
)
from ui.operations import Operations
from ui.views.common.date_edit import DanishDateEdit
from ui.views.common.form_fields import plain_label, select_data
from ui.views.common.record_dialog import RecordDialog, SaveJob


class ConsentDialog(RecordDialog):
    def __init__(self, ops: Operations, partners: list[PartnerItem],
                 citizen_id: int, consent: ConsentRow | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(ops, parent)
        self._partners = {partner.id: partner for partner in partners}
        self._citizen_id = citizen_id
        self._consent = consent
        self.setWindowTitle(self.tr("Edit consent") if consent else self.tr("New consent"))
        self.setMinimumWidth(520)
        self.partner_combo = QComboBox()
        for partner in partners:
            if partner.active or (consent and partner.id == consent.partner_id):
                self.partner_combo.addItem(f"{partner.name} ({partner.kind_label})", partner.id)
        self.purpose_edit = QLineEdit()
        self.purpose_edit.setPlaceholderText(self.tr("What may be shared, and why"))
        self.given_edit = DanishDateEdit(self.tr("Given"), required=True)
        self.expires_edit = DanishDateEdit(self.tr("Expires"), required=False)
        self.expires_edit.setPlaceholderText(self.tr("dd-mm-yyyy (empty: until withdrawn)"))
        self.note_edit = QPlainTextEdit()
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setFixedHeight(70)
        for label, widget in ((self.tr("Partner:"), self.partner_combo),
                              (self.tr("Purpose:"), self.purpose_edit),
                              (self.tr("Given on:"), self.given_edit),
                              (self.tr("Expires on:"), self.expires_edit),
                              (self.tr("Note:"), self.note_edit)):
            self.form.addRow(label, widget)
        if not self.partner_combo.count():
            self.form.addRow(plain_label(self.tr(
                "The partner register is empty: add the partner under Partners first.")))
        if consent is None:
            self.given_edit.set_date(date.today())
        else:
            self._fill(consent)
            self.edit(consent.version, {field: value for field, value
                                        in consent.values().items() if field != "withdrawn_on"})

    def _fill(self, consent: ConsentRow) -> None:
        select_data(self.partner_combo, consent.partner_id)
        self.purpose_edit.setText(consent.purpose)
        self.given_edit.set_date(consent.given_on)
        self.expires_edit.set_date(consent.expires_on)
        self.note_edit.setPlainText(consent.note)

    def collect(self) -> dict[str, Any]:
        return {
            "partner_id": self.partner_combo.currentData(),
            "purpose": self.purpose_edit.text(),
            "given_on": self.given_edit.date_value(),
            "expires_on": self.expires_edit.date_value(),
            "note": self.note_edit.toPlainText(),
        }

    def create_job(self, values: dict[str, Any]) -> SaveJob:
        citizen_id = self._citizen_id
        return lambda context: record_consent(context, citizen_id, ConsentInput(**values))

    def update_job(self, version: int, changes: dict[str, Any],
                   original: dict[str, Any]) -> SaveJob:
        assert self._consent is not None
        consent_id = self._consent.id
        return lambda context: update_consent(context, consent_id, version, changes, original)

    def field_labels(self) -> dict[str, str]:
        return {"partner_id": self.tr("Partner"), "purpose": self.tr("Purpose"),
                "given_on": self.tr("Given on"), "expires_on": self.tr("Expires on"),
                "withdrawn_on": self.tr("Withdrawn on"), "note": self.tr("Note")}

    def text_fields(self) -> frozenset[str]:
        return frozenset({"note"})  # one-line fields are chosen, not merged

    def shown(self, field: str, value: object) -> str:
        if value is None:
            return self.tr("(empty)")
        if isinstance(value, date):
            return format_date(value)
        if field == "partner_id" and value in self._partners:
            return self._partners[value].name
        return super().shown(field, value)


class WithdrawConsentDialog(RecordDialog):
    """The citizen withdraws a consent: from today unless another day is typed."""

    def __init__(self, ops: Operations, consent: ConsentRow,
                 parent: QWidget | None = None) -> None:
        super().__init__(ops, parent)
        self._consent = consent
        self.setWindowTitle(self.tr("Withdraw consent"))
        self.date_edit = DanishDateEdit(self.tr("Withdrawn on"), required=True)
        self.date_edit.set_date(date.today())
        self.form.addRow(plain_label(f"{consent.partner_name} · {consent.purpose}"))
        self.form.addRow(self.tr("Withdrawn on:"), self.date_edit)
        self.edit(consent.version, {"withdrawn_on": consent.withdrawn_on})

    def collect(self) -> dict[str, Any]:
        return {"withdrawn_on": self.date_edit.date_value()}

    def update_job(self, version: int, changes: dict[str, Any],
                   original: dict[str, Any]) -> SaveJob:
        consent_id = self._consent.id
        withdrawn_on = changes["withdrawn_on"]
        return lambda context: withdraw_consent(context, consent_id, version, withdrawn_on)

    def field_labels(self) -> dict[str, str]:
        return {"withdrawn_on": self.tr("Withdrawn on")}

    def shown(self, field: str, value: object) -> str:
        return format_date(value) if isinstance(value, date) else self.tr("(not withdrawn)")
