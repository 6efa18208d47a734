"""The grant's billing fields (issue 15, point 4), kept apart from the rest of the grant
dialog: the authority's own grant or case number, printed on the billing basis."""

from __future__ import annotations

from typing import Any, cast

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFormLayout, QLineEdit, QWidget

from mentordesk.services.grants import GrantRow


class GrantBillingFields(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.case_number_edit = QLineEdit()
        self.case_number_edit.setMaxLength(60)  # the column's width
        self.case_number_edit.setPlaceholderText(
            self.tr("The authority's number, printed on the billing basis"))

    def add_rows(self, form: QFormLayout, after: QWidget) -> None:
        """Right below ``after`` (the ordering authority): the number is theirs."""
        row, _role = cast("tuple[int, QFormLayout.ItemRole]", form.getWidgetPosition(after))
        form.insertRow(row + 1, self.tr("Grant/case number:"), self.case_number_edit)

    def fill(self, grant: GrantRow) -> None:
        self.case_number_edit.setText(grant.case_number)

    def values(self) -> dict[str, Any]:
        return {"case_number": self.case_number_edit.text()}

    def labels(self) -> dict[str, str]:
        return {"case_number": self.tr("Grant/case number")}
