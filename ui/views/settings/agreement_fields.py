"""The authority's billing agreement as inputs of the authority dialog: what besides
face-to-face time it pays for, and the EAN number its invoices go to. The core checks
the values (the EAN's check digit included); this only collects them."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QCheckBox, QFormLayout, QLabel, QLineEdit

from mentordesk.domain.money import format_dkk, parse_dkk
from mentordesk.services.catalogue_admin import AuthorityItem


class AgreementFields(QObject):
    """Inputs added as rows of a form; ``values()`` gives the agreement's fields."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.travel_check = QCheckBox(self.tr("Bill travel time"))
        self.km_rate_edit = QLineEdit()
        self.km_rate_edit.setPlaceholderText(self.tr("e.g. 3,79 (empty: km are not paid)"))
        self.indirect_check = QCheckBox(
            self.tr("Bill indirect time (preparation, documentation, coordination)"))
        self.ean_edit = QLineEdit()
        self.ean_edit.setPlaceholderText(self.tr("13 digits, e.g. 5798000000001"))
        self.ean_edit.setMaxLength(20)  # room for the spaces people type between groups

    def add_rows(self, form: QFormLayout) -> None:
        heading = QLabel(self.tr("Billing agreement"))
        heading.setObjectName("sectionLabel")
        form.addRow(heading)
        form.addRow("", self.travel_check)
        form.addRow(self.tr("Km rate (kr./km):"), self.km_rate_edit)
        form.addRow("", self.indirect_check)
        form.addRow(self.tr("EAN number:"), self.ean_edit)

    def fill(self, authority: AuthorityItem) -> None:
        self.travel_check.setChecked(authority.bill_travel)
        self.km_rate_edit.setText("" if authority.km_rate_oere is None
                                  else format_dkk(authority.km_rate_oere, with_unit=False))
        self.indirect_check.setChecked(authority.bill_indirect)
        self.ean_edit.setText(authority.ean)

    def values(self) -> dict[str, Any]:
        """Raises ``ValueError`` (Danish) for a km rate that is not an amount."""
        rate = self.km_rate_edit.text().strip()
        return {"bill_travel": self.travel_check.isChecked(),
                "km_rate_oere": parse_dkk(rate) if rate else None,
                "bill_indirect": self.indirect_check.isChecked(),
                "ean": self.ean_edit.text().strip()}

    def labels(self) -> dict[str, str]:
        return {"bill_travel": self.tr("Bill travel time"),
                "km_rate_oere": self.tr("Km rate"),
                "bill_indirect": self.tr("Bill indirect time"), "ean": self.tr("EAN number")}
