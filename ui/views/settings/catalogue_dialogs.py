"""Edit dialogs for a legal basis and an ordering authority (administrators only)."""

from __future__ import annotations

from typing import Any, cast

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit, QWidget

from mentordesk.domain.money import format_dkk
from mentordesk.services.catalogue_admin import (
    AuthorityInput,
    AuthorityItem,
    AuthorityKind,
    LegalBasisInput,
    LegalBasisItem,
    create_authority,
    create_legal_basis,
    update_authority,
    update_legal_basis,
)
from ui.operations import Operations
from ui.views.common.form_fields import select_data
from ui.views.common.record_dialog import RecordDialog, SaveJob
from ui.views.settings.agreement_fields import AgreementFields


class LegalBasisDialog(RecordDialog):
    def __init__(self, ops: Operations, basis: LegalBasisItem | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(ops, parent)
        self._basis = basis
        self.setWindowTitle(self.tr("Edit legal basis") if basis
                            else self.tr("New legal basis"))
        self.setMinimumWidth(520)
        self.code_edit = QLineEdit()
        self.code_edit.setPlaceholderText(self.tr("e.g. SEL §85"))
        self.name_edit = QLineEdit()
        self.note_edit = QPlainTextEdit()
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setFixedHeight(80)
        self.anonymous_check = QCheckBox(self.tr("Anonymous citizens allowed (alias, no CPR)"))
        self.assessment_check = QCheckBox(self.tr("Requires an assessment (visitation)"))
        self.assessment_check.setChecked(True)
        self.active_check = QCheckBox(self.tr("Active (offered for new grants)"))
        self.active_check.setChecked(True)
        for label, widget in ((self.tr("Code:"), self.code_edit),
                              (self.tr("Name:"), self.name_edit),
                              (self.tr("Note:"), self.note_edit),
                              ("", self.anonymous_check), ("", self.assessment_check),
                              ("", self.active_check)):
            self.form.addRow(label, widget)
        if basis is not None:
            self.code_edit.setText(basis.code)
            self.name_edit.setText(basis.name)
            self.note_edit.setPlainText(basis.note)
            self.anonymous_check.setChecked(basis.allows_anonymous)
            self.assessment_check.setChecked(basis.requires_assessment)
            self.active_check.setChecked(basis.active)
            self.edit(basis.version, basis.values())

    def collect(self) -> dict[str, Any]:
        return {
            "code": self.code_edit.text(), "name": self.name_edit.text(),
            "note": self.note_edit.toPlainText(),
            "allows_anonymous": self.anonymous_check.isChecked(),
            "requires_assessment": self.assessment_check.isChecked(),
            "active": self.active_check.isChecked(),
        }

    def create_job(self, values: dict[str, Any]) -> SaveJob:
        return lambda context: create_legal_basis(context, LegalBasisInput(**values))

    def update_job(self, version: int, changes: dict[str, Any],
                   original: dict[str, Any]) -> SaveJob:
        assert self._basis is not None
        basis_id = self._basis.id
        return lambda context: update_legal_basis(context, basis_id, version, changes,
                                          original)

    def field_labels(self) -> dict[str, str]:
        return {"code": self.tr("Code"), "name": self.tr("Name"), "note": self.tr("Note"),
                "allows_anonymous": self.tr("Anonymous citizens allowed"),
                "requires_assessment": self.tr("Requires an assessment"),
                "active": self.tr("Active")}

    def text_fields(self) -> frozenset[str]:
        return frozenset({"note"})

    def shown(self, field: str, value: object) -> str:
        if isinstance(value, bool):
            return self.tr("Yes") if value else self.tr("No")
        return super().shown(field, value)


class AuthorityDialog(RecordDialog):
    def __init__(self, ops: Operations, authority: AuthorityItem | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(ops, parent)
        self._authority = authority
        self.setWindowTitle(self.tr("Edit authority") if authority
                            else self.tr("New authority"))
        self.setMinimumWidth(480)
        self.name_edit = QLineEdit()
        self.kind_combo = QComboBox()
        for kind in AuthorityKind:
            self.kind_combo.addItem(kind.label, kind.value)  # the core's Danish label
        self.address_edit = QLineEdit()
        self.email_edit = QLineEdit()
        for label, widget in ((self.tr("Name:"), self.name_edit),
                              (self.tr("Kind:"), self.kind_combo),
                              (self.tr("Address:"), self.address_edit),
                              (self.tr("E-mail:"), self.email_edit)):
            self.form.addRow(label, widget)
        self.agreement = AgreementFields(self)
        self.agreement.add_rows(self.form)
        if authority is not None:
            self.name_edit.setText(authority.name)
            select_data(self.kind_combo, authority.kind)
            self.address_edit.setText(authority.address)
            self.email_edit.setText(authority.email)
            self.agreement.fill(authority)
            self.edit(authority.version, authority.values())

    def collect(self) -> dict[str, Any]:
        return {"name": self.name_edit.text(), "kind": self.kind_combo.currentData(),
                "address": self.address_edit.text(), "email": self.email_edit.text(),
                **self.agreement.values()}

    def create_job(self, values: dict[str, Any]) -> SaveJob:
        return lambda context: create_authority(context, AuthorityInput(**values))

    def update_job(self, version: int, changes: dict[str, Any],
                   original: dict[str, Any]) -> SaveJob:
        assert self._authority is not None
        authority_id = self._authority.id
        return lambda context: update_authority(context, authority_id, version, changes,
                                        original)

    def field_labels(self) -> dict[str, str]:
        return {"name": self.tr("Name"), "kind": self.tr("Kind"),
                "address": self.tr("Address"), "email": self.tr("E-mail"),
                **self.agreement.labels()}

    def shown(self, field: str, value: object) -> str:
        if field == "kind" and value in set(AuthorityKind):
            return AuthorityKind(cast(str, value)).label
        if isinstance(value, bool):
            return self.tr("Yes") if value else self.tr("No")
        if field == "km_rate_oere":
            return self.tr("(none)") if value is None else format_dkk(cast(int, value))
        return super().shown(field, value)
