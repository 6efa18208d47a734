"""Create or edit one partner in the register."""

from __future__ import annotations

from typing import Any, cast

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit, QWidget

from mentordesk.services.partners import (
    PartnerInput,
    PartnerItem,
    PartnerKind,
    create_partner,
    update_partner,
)
from ui.operations import Operations
from ui.views.common.form_fields import select_data
from ui.views.common.record_dialog import RecordDialog, SaveJob


class PartnerDialog(RecordDialog):
    def __init__(self, ops: Operations, partner: PartnerItem | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(ops, parent)
        self._partner = partner
        self.setWindowTitle(self.tr("Edit partner") if partner else self.tr("New partner"))
        self.setMinimumWidth(480)
        self.name_edit = QLineEdit()
        self.kind_combo = QComboBox()
        for kind in PartnerKind:
            self.kind_combo.addItem(kind.label, kind.value)  # the core's Danish label
        self.organisation_edit = QLineEdit()
        self.phone_edit = QLineEdit()
        self.email_edit = QLineEdit()
        self.note_edit = QPlainTextEdit()
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setFixedHeight(70)
        self.active_check = QCheckBox(self.tr("Active (offered for new consents)"))
        self.active_check.setChecked(True)
        for label, widget in ((self.tr("Name:"), self.name_edit),
                              (self.tr("Kind:"), self.kind_combo),
                              (self.tr("Organisation:"), self.organisation_edit),
                              (self.tr("Phone:"), self.phone_edit),
                              (self.tr("E-mail:"), self.email_edit),
                              (self.tr("Note:"), self.note_edit),
                              ("", self.active_check)):
            self.form.addRow(label, widget)
        if partner is not None:
            self._fill(partner)
            self.edit(partner.version, partner.values())

    def _fill(self, partner: PartnerItem) -> None:
        self.name_edit.setText(partner.name)
        select_data(self.kind_combo, partner.kind)
        self.organisation_edit.setText(partner.organisation)
        self.phone_edit.setText(partner.phone)
        self.email_edit.setText(partner.email)
        self.note_edit.setPlainText(partner.note)
        self.active_check.setChecked(partner.active)

    def collect(self) -> dict[str, Any]:
        return {
            "name": self.name_edit.text(), "kind": self.kind_combo.currentData(),
            "organisation": self.organisation_edit.text(), "phone": self.phone_edit.text(),
            "email": self.email_edit.text(), "note": self.note_edit.toPlainText(),
            "active": self.active_check.isChecked(),
        }

    def create_job(self, values: dict[str, Any]) -> SaveJob:
        return lambda context: create_partner(context, PartnerInput(**values))

    def update_job(self, version: int, changes: dict[str, Any],
                   original: dict[str, Any]) -> SaveJob:
        assert self._partner is not None
        partner_id = self._partner.id
        return lambda context: update_partner(context, partner_id, version, changes, original)

    def field_labels(self) -> dict[str, str]:
        return {"name": self.tr("Name"), "kind": self.tr("Kind"),
                "organisation": self.tr("Organisation"), "phone": self.tr("Phone"),
                "email": self.tr("E-mail"), "note": self.tr("Note"), "active": self.tr("Active")}

    def text_fields(self) -> frozenset[str]:
        return frozenset({"note"})  # one-line fields are chosen, not merged

    def shown(self, field: str, value: object) -> str:
        if field == "kind" and value in set(PartnerKind):
            return PartnerKind(cast(str, value)).label
        if field == "active":
            return self.tr("Active") if value else self.tr("Inactive")
        return super().shown(field, value)
