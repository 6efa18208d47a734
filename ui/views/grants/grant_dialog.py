"""Create or edit one grant; end a grant.

Choosing a course type fills in its legal basis, weekly hours and price from the
catalogue (the user may change them). The discharge date is shown for SEL §12 only, and
a period shorter than the course type's minimum is a warning, not an error.
"""

from __future__ import annotations

from datetime import date
from typing import Any, cast

from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QSpinBox, QWidget

from mentordesk.domain.catalogue import PriceModel, default_outreach_days
from mentordesk.domain.dates import format_date
from mentordesk.domain.money import format_dkk
from mentordesk.services.catalogue_admin import Catalogue
from mentordesk.services.grants import (
    NO_OUTREACH_DEADLINE,
    GrantInput,
    GrantRow,
    create_grant,
    end_grant,
    is_discharge_basis,
    period_warning,
    prefill_from_course_type,
    update_grant,
    weekly_hours_label,
)
from ui.operations import Operations
from ui.views.common.date_edit import DanishDateEdit
from ui.views.common.form_fields import (
    PriceInput,
    WeeklyHoursInput,
    plain_label,
    select_data,
)
from ui.views.common.record_dialog import RecordDialog, SaveJob
from ui.views.grants.billing_fields import GrantBillingFields

WARNING_STYLE = "color: #8a5a00;"


class GrantDialog(RecordDialog):
    def __init__(self, ops: Operations, catalogue: Catalogue, citizen_id: int,
                 grant: GrantRow | None = None, parent: QWidget | None = None) -> None:
        super().__init__(ops, parent)
        self._catalogue = catalogue
        self._citizen_id = citizen_id
        self._grant = grant
        self.setWindowTitle(self.tr("Edit grant") if grant else self.tr("New grant"))
        self.setMinimumWidth(620)
        self._build()
        if grant is None:
            self.start_edit.set_date(date.today())
        else:
            self._fill(grant)
            self.edit(grant.version, grant.values())
        self._update_dependent_fields()

    # -- layout -----------------------------------------------------------------------

    def _build(self) -> None:
        kept = self._grant
        self.course_combo = QComboBox()
        self.course_combo.addItem(self.tr("(no course type)"), None)
        for course in self._catalogue.course_types:
            if course.active or (kept and course.id == kept.course_type_id):
                self.course_combo.addItem(course.name, course.id)
        self.basis_combo = QComboBox()
        for basis in self._catalogue.legal_bases:
            if basis.active or (kept and basis.id == kept.legal_basis_id):
                self.basis_combo.addItem(basis.label, basis.id)
        self.authority_combo = QComboBox()
        self.authority_combo.addItem(self.tr("(none)"), None)
        for authority in self._catalogue.authorities:
            self.authority_combo.addItem(authority.name, authority.id)
        self.caseworker_edit = QLineEdit()
        self.contact_edit = QLineEdit()
        self.contact_edit.setPlaceholderText(self.tr("Phone or e-mail"))
        self.start_edit = DanishDateEdit(self.tr("Start"), required=True)
        self.end_edit = DanishDateEdit(self.tr("End"), required=False)
        self.end_edit.setPlaceholderText(self.tr("dd-mm-yyyy (empty: ongoing)"))
        self.discharge_edit = DanishDateEdit(self.tr("Discharge"), required=False)
        self.hours_input = WeeklyHoursInput()
        self.price_input = PriceInput()
        self.note_edit = QPlainTextEdit()
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setFixedHeight(70)
        # The authority's own words: the progression report opens with them.
        self.purpose_edit, self.goals_edit = QPlainTextEdit(), QPlainTextEdit()
        for text_edit in (self.purpose_edit, self.goals_edit):
            text_edit.setTabChangesFocus(True)
            text_edit.setFixedHeight(56)
        self.outreach_spin = QSpinBox()
        self.outreach_spin.setRange(0, 365)
        self.outreach_spin.setSpecialValueText(self.tr("No deadline"))
        self.outreach_spin.setSuffix(self.tr(" days"))
        self.warning_label = plain_label()
        self.warning_label.setStyleSheet(WARNING_STYLE)
        self._lay_out()
        self.course_combo.activated.connect(self._apply_course_type)
        self.basis_combo.currentIndexChanged.connect(self._update_dependent_fields)
        for edit in (self.start_edit, self.end_edit):
            edit.textChanged.connect(self._update_dependent_fields)

    def _lay_out(self) -> None:
        rows = (
            (self.tr("Course type:"), self.course_combo),
            (self.tr("Legal basis:"), self.basis_combo),
            (self.tr("Ordering authority:"), self.authority_combo),
            (self.tr("Caseworker:"), self.caseworker_edit),
            (self.tr("Caseworker contact:"), self.contact_edit),
            (self.tr("Start date:"), self.start_edit),
            (self.tr("End date:"), self.end_edit),
            (self.tr("Discharge from psychiatry:"), self.discharge_edit),
            (self.tr("Weekly hours:"), self.hours_input),
            (self.tr("Price:"), self.price_input),
            (self.tr("Not reached after:"), self.outreach_spin),
            (self.tr("Purpose:"), self.purpose_edit),
            (self.tr("Authority's goals:"), self.goals_edit),
            (self.tr("Note:"), self.note_edit),
        )
        for label, widget in rows:
            self.form.addRow(label, widget)
        self.billing = GrantBillingFields(self)
        self.billing.add_rows(self.form, after=self.authority_combo)
        self.extra_layout.addWidget(self.warning_label)

    def _fill(self, grant: GrantRow) -> None:
        select_data(self.course_combo, grant.course_type_id)
        select_data(self.basis_combo, grant.legal_basis_id)
        select_data(self.authority_combo, grant.authority_id)
        self.caseworker_edit.setText(grant.caseworker_name)
        self.contact_edit.setText(grant.caseworker_contact)
        self.start_edit.set_date(grant.start_on)
        self.end_edit.set_date(grant.end_on)
        self.discharge_edit.set_date(grant.discharge_on)
        self.hours_input.set_minutes(grant.hours_min_minutes, grant.hours_max_minutes)
        self.price_input.set_price(grant.price_model, grant.price_oere)
        self.note_edit.setPlainText(grant.note)
        self.purpose_edit.setPlainText(grant.purpose)
        self.goals_edit.setPlainText(grant.authority_goals)
        self.outreach_spin.setValue(grant.outreach_days or 0)
        self.billing.fill(grant)

    # -- behaviour --------------------------------------------------------------------

    def choose_course_type(self, course_id: int | None) -> None:
        """Select a course type as the user would (and pre-fill from it)."""
        select_data(self.course_combo, course_id)
        self._apply_course_type()

    def _apply_course_type(self, *_args: object) -> None:
        course = self._catalogue.course_type(self.course_combo.currentData())
        if course is None:
            self._update_dependent_fields()
            return
        values = prefill_from_course_type(course)
        if "legal_basis_id" in values:
            select_data(self.basis_combo, values["legal_basis_id"])
        self.hours_input.set_minutes(values["hours_min_minutes"], values["hours_max_minutes"])
        self.price_input.set_price(values["price_model"], values["price_oere"])
        self._update_dependent_fields()

    def _update_dependent_fields(self, *_args: object) -> None:
        basis = self._catalogue.legal_basis(self.basis_combo.currentData())
        is_discharge = basis is not None and is_discharge_basis(basis.code)
        self.form.setRowVisible(self.discharge_edit, is_discharge)
        if self._grant is None and basis is not None and self.sender() is self.basis_combo:
            # A new grant starts from the legal basis's outreach deadline (§99: 30 days).
            self.outreach_spin.setValue(default_outreach_days(basis.code) or 0)
        self.warning_label.setText(self._period_warning())

    def _period_warning(self) -> str:
        course = self._catalogue.course_type(self.course_combo.currentData())
        basis = self._catalogue.legal_basis(self.basis_combo.currentData())
        try:
            start, end = self.start_edit.date_value(), self.end_edit.date_value()
        except ValueError:
            return ""  # the error shows when saving; no warning about a half-typed date
        if start is None:
            return ""
        # The core's words: too short for the course, or too long for the legal basis
        # (LAB mentor support is granted 6 months at a time).
        return period_warning(start, end, course.min_weeks if course else None,
                              basis.code if basis else "")

    def collect(self) -> dict[str, Any]:
        hours_min, hours_max = self.hours_input.minutes()
        price_model, price_oere, _max_hours = self.price_input.price()
        basis_id = self.basis_combo.currentData()
        if basis_id is None:
            raise ValueError(self.tr("Choose a legal basis."))
        return {
            "legal_basis_id": basis_id,
            "course_type_id": self.course_combo.currentData(),
            "authority_id": self.authority_combo.currentData(),
            "caseworker_name": self.caseworker_edit.text(),
            "caseworker_contact": self.contact_edit.text(),
            "start_on": self.start_edit.date_value(),
            "end_on": self.end_edit.date_value(),
            "discharge_on": (self.discharge_edit.date_value()
                             if self.form.isRowVisible(self.discharge_edit) else None),
            "hours_min_minutes": hours_min, "hours_max_minutes": hours_max,
            "price_model": price_model, "price_oere": price_oere,
            "note": self.note_edit.toPlainText(),
            "purpose": self.purpose_edit.toPlainText(),
            "authority_goals": self.goals_edit.toPlainText(),
            # 0 shows "No deadline".
            "outreach_days": self.outreach_spin.value() or None,
            **self.billing.values(),
        }

    def create_job(self, values: dict[str, Any]) -> SaveJob:
        citizen_id = self._citizen_id
        # The form always states the deadline: "Ingen frist" must not become the default.
        new = GrantInput(**{**values, "outreach_days": values["outreach_days"]
                            or NO_OUTREACH_DEADLINE})
        return lambda context: create_grant(context, citizen_id, new)

    def update_job(self, version: int, changes: dict[str, Any],
                   original: dict[str, Any]) -> SaveJob:
        assert self._grant is not None
        grant_id = self._grant.id
        return lambda context: update_grant(context, grant_id, version, changes, original)

    # -- conflicts --------------------------------------------------------------------

    def field_labels(self) -> dict[str, str]:
        return {
            "legal_basis_id": self.tr("Legal basis"), "course_type_id": self.tr("Course type"),
            "authority_id": self.tr("Ordering authority"),
            "caseworker_name": self.tr("Caseworker"),
            "caseworker_contact": self.tr("Caseworker contact"),
            "start_on": self.tr("Start date"), "end_on": self.tr("End date"),
            "discharge_on": self.tr("Discharge from psychiatry"),
            "hours_min_minutes": self.tr("Weekly hours, minimum"),
            "hours_max_minutes": self.tr("Weekly hours, maximum"),
            "price_model": self.tr("Price model"), "price_oere": self.tr("Price"),
            "note": self.tr("Note"), "purpose": self.tr("Purpose"),
            "authority_goals": self.tr("Authority's goals"),
            "outreach_days": self.tr("Not reached after"),
            **self.billing.labels(),
        }

    def text_fields(self) -> frozenset[str]:
        # One-line fields are chosen, not merged.
        return frozenset({"note", "purpose", "authority_goals"})

    def shown(self, field: str, value: object) -> str:
        if value is None:
            return self.tr("(empty)")
        if isinstance(value, date):
            return format_date(value)
        if field == "legal_basis_id":
            basis = self._catalogue.legal_basis(value)  # type: ignore[arg-type]
            return basis.label if basis else str(value)
        if field == "course_type_id":
            course = self._catalogue.course_type(value)  # type: ignore[arg-type]
            return course.name if course else str(value)
        if field == "authority_id":
            authority = self._catalogue.authority(value)  # type: ignore[arg-type]
            return authority.name if authority else str(value)
        if field in ("hours_min_minutes", "hours_max_minutes"):
            return weekly_hours_label(value, value)  # type: ignore[arg-type]
        if field == "price_oere":
            return format_dkk(value)  # type: ignore[arg-type]
        if field == "price_model":
            return PriceModel(cast(str, value)).label
        return str(value)


class EndGrantDialog(RecordDialog):
    """End a grant on a given day (default today): its last covered day."""

    def __init__(self, ops: Operations, grant: GrantRow, parent: QWidget | None = None) -> None:
        super().__init__(ops, parent)
        self._grant = grant
        self.setWindowTitle(self.tr("End grant"))
        self.end_edit = DanishDateEdit(self.tr("End date"), required=True)
        self.end_edit.set_date(grant.end_on or date.today())
        self.form.addRow(plain_label(f"{grant.legal_basis_code} · {grant.period_label}"))
        self.form.addRow(self.tr("Last day of the grant:"), self.end_edit)
        self.edit(grant.version, {"end_on": grant.end_on})

    def collect(self) -> dict[str, Any]:
        return {"end_on": self.end_edit.date_value()}

    def update_job(self, version: int, changes: dict[str, Any],
                   original: dict[str, Any]) -> SaveJob:
        grant_id, end_on = self._grant.id, changes["end_on"]
        return lambda context: end_grant(context, grant_id, version, end_on)

    def field_labels(self) -> dict[str, str]:
        return {"end_on": self.tr("End date")}

    def shown(self, field: str, value: object) -> str:
        return format_date(value) if isinstance(value, date) else self.tr("(ongoing)")
