"""Edit one course type of the catalogue: the defaults a new grant starts from."""

from __future__ import annotations

from typing import Any, cast

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from mentordesk.domain.catalogue import PriceModel
from mentordesk.domain.money import format_dkk
from mentordesk.services.catalogue_admin import (
    Catalogue,
    CourseTypeInput,
    CourseTypeItem,
    create_course_type,
    update_course_type,
)
from mentordesk.services.grants import weekly_hours_label
from ui.operations import Operations
from ui.views.common.form_fields import PriceInput, WeeklyHoursInput, select_data
from ui.views.common.record_dialog import RecordDialog, SaveJob


class CourseTypeDialog(RecordDialog):
    def __init__(self, ops: Operations, catalogue: Catalogue,
                 course: CourseTypeItem | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(ops, parent)
        self._catalogue = catalogue
        self._course = course
        self.setWindowTitle(self.tr("Edit course type") if course
                            else self.tr("New course type"))
        self.setMinimumWidth(640)
        self._build()
        if course is not None:
            self._fill(course)
            self.edit(course.version, course.values())

    def _build(self) -> None:
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("e.g. Mentor support - For citizens with …"))
        self.basis_combo = QComboBox()
        self.basis_combo.addItem(self.tr("(none)"), None)
        for basis in self._catalogue.legal_bases:
            self.basis_combo.addItem(basis.label, basis.id)
        self.weeks_spin = QSpinBox()
        self.weeks_spin.setRange(0, 520)
        self.weeks_spin.setSpecialValueText(self.tr("not set"))
        self.weeks_spin.setSuffix(self.tr(" weeks"))
        self.fixed_check = QCheckBox(self.tr("Fixed length (exactly, not \"from\")"))
        period = QHBoxLayout()
        period.addWidget(self.weeks_spin)
        period.addWidget(self.fixed_check)
        period.addStretch(1)
        self.hours_input = WeeklyHoursInput()
        self.price_input = PriceInput(with_max_hours=True)
        self.roles_edit = QLineEdit()
        self.roles_edit.setPlaceholderText(self.tr("e.g. social worker, psychologist, volunteers"))
        self.description_edit = QPlainTextEdit()
        self.description_edit.setTabChangesFocus(True)
        self.description_edit.setFixedHeight(90)
        self.active_check = QCheckBox(self.tr("Active (offered for new grants)"))
        self.active_check.setChecked(True)
        # VAT belongs to the service supplied, so to its course type (see
        # schedule.billing); off: momsfritaget, as most social services are.
        self.vat_check = QCheckBox(self.tr("Subject to VAT (25 %) on the billing basis"))
        for label, widget in ((self.tr("Name:"), self.name_edit),
                              (self.tr("Legal basis:"), self.basis_combo),
                              (self.tr("Minimum period:"), period),
                              (self.tr("Weekly hours:"), self.hours_input),
                              (self.tr("Price:"), self.price_input),
                              ("", self.vat_check),
                              (self.tr("Roles:"), self.roles_edit),
                              (self.tr("Description:"), self.description_edit),
                              ("", self.active_check)):
            self.form.addRow(label, widget)

    def _fill(self, course: CourseTypeItem) -> None:
        self.name_edit.setText(course.name)
        select_data(self.basis_combo, course.legal_basis_id)
        self.weeks_spin.setValue(course.min_weeks or 0)
        self.fixed_check.setChecked(course.fixed_period)
        self.hours_input.set_minutes(course.hours_min_minutes, course.hours_max_minutes)
        self.price_input.set_price(course.price_model, course.price_oere, course.price_max_hours)
        self.roles_edit.setText(course.roles)
        self.description_edit.setPlainText(course.description)
        self.active_check.setChecked(course.active)
        self.vat_check.setChecked(course.vat_liable)

    def collect(self) -> dict[str, Any]:
        hours_min, hours_max = self.hours_input.minutes()
        price_model, price_oere, price_max_hours = self.price_input.price()
        return {
            "name": self.name_edit.text(), "legal_basis_id": self.basis_combo.currentData(),
            "min_weeks": self.weeks_spin.value() or None,
            "fixed_period": self.fixed_check.isChecked(),
            "hours_min_minutes": hours_min, "hours_max_minutes": hours_max,
            "price_model": price_model, "price_oere": price_oere,
            "price_max_hours": price_max_hours, "roles": self.roles_edit.text(),
            "description": self.description_edit.toPlainText(),
            "active": self.active_check.isChecked(),
            "vat_liable": self.vat_check.isChecked(),
        }

    def create_job(self, values: dict[str, Any]) -> SaveJob:
        return lambda context: create_course_type(context, CourseTypeInput(**values))

    def update_job(self, version: int, changes: dict[str, Any],
                   original: dict[str, Any]) -> SaveJob:
        assert self._course is not None
        course_id = self._course.id
        return lambda context: update_course_type(context, course_id, version, changes,
                                          original)

    def field_labels(self) -> dict[str, str]:
        return {
            "name": self.tr("Name"), "legal_basis_id": self.tr("Legal basis"),
            "min_weeks": self.tr("Minimum period"), "fixed_period": self.tr("Fixed length"),
            "hours_min_minutes": self.tr("Weekly hours, minimum"),
            "hours_max_minutes": self.tr("Weekly hours, maximum"),
            "price_model": self.tr("Price model"), "price_oere": self.tr("Price"),
            "price_max_hours": self.tr("Hours covered by the weekly price"),
            "roles": self.tr("Roles"), "description": self.tr("Description"),
            "active": self.tr("Active"), "vat_liable": self.tr("Subject to VAT"),
        }

    def text_fields(self) -> frozenset[str]:
        return frozenset({"description"})

    def shown(self, field: str, value: object) -> str:
        if value is None:
            return self.tr("(empty)")
        if isinstance(value, bool):
            return self.tr("Yes") if value else self.tr("No")
        if field == "legal_basis_id":
            basis = self._catalogue.legal_basis(value)  # type: ignore[arg-type]
            return basis.label if basis else str(value)
        if field in ("hours_min_minutes", "hours_max_minutes"):
            return weekly_hours_label(value, value)  # type: ignore[arg-type]
        if field == "price_oere":
            return format_dkk(value)  # type: ignore[arg-type]
        if field == "price_model":
            return PriceModel(cast(str, value)).label
        return super().shown(field, value)
