"""Read-only summary of the selected citizen (``CitizenSummary`` from the service).

Only the masked CPR ever reaches this pane: the service gives nothing else.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QFrame, QLabel, QStackedLayout, QVBoxLayout, QWidget

from mentordesk.services.citizens import CitizenSummary

EMPTY = "–"


class CitizenSummaryPane(QFrame):
    FIELDS = (
        "name", "cpr", "status", "address", "phone", "email", "preferred_contact",
        "primary_mentor", "substitutes", "grants", "opened_on",
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("summaryPane")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.citizen_id: int | None = None
        self.fields: dict[str, QLabel] = {name: self._value_label() for name in self.FIELDS}
        self.placeholder = QLabel(self.tr("Select a citizen to see the summary."))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self._stack = QStackedLayout()
        self._stack.addWidget(self.placeholder)
        self._stack.addWidget(self._form_page())
        QVBoxLayout(self).addLayout(self._stack)

    def _form_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        labels = {
            "name": self.tr("Name"), "cpr": self.tr("CPR"), "status": self.tr("Status"),
            "address": self.tr("Address"), "phone": self.tr("Phone"),
            "email": self.tr("E-mail"), "preferred_contact": self.tr("Preferred contact"),
            "primary_mentor": self.tr("Primary mentor"), "substitutes": self.tr("Substitutes"),
            "grants": self.tr("Grants"), "opened_on": self.tr("Case opened"),
        }
        for name in self.FIELDS:
            form.addRow(labels[name], self.fields[name])
        return page

    def _value_label(self) -> QLabel:
        label = QLabel(EMPTY)
        label.setWordWrap(True)
        # Selectable so an address or phone number can be copied, but never edited here.
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def show_summary(self, summary: CitizenSummary) -> None:
        self.citizen_id = summary.id
        name = summary.display_name
        if summary.is_anonymous:
            name = self.tr("{alias} (anonymous, §99)").format(alias=name)
        values = {
            "name": name, "cpr": summary.cpr_masked, "status": summary.status.label,
            "address": summary.address, "phone": summary.phone, "email": summary.email,
            "preferred_contact": summary.preferred_contact,
            "primary_mentor": summary.primary_mentor,
            "substitutes": ", ".join(summary.substitutes),
            "grants": "\n".join(_grant_text(grant) for grant in summary.grants),
            "opened_on": summary.opened_on,
        }
        for name_, value in values.items():
            self.fields[name_].setText(value or EMPTY)
        self._stack.setCurrentIndex(1)

    def clear(self) -> None:
        self.citizen_id = None
        for label in self.fields.values():
            label.setText(EMPTY)
        self._stack.setCurrentIndex(0)

    def value(self, field: str) -> str:
        return self.fields[field].text()


def _grant_text(grant: object) -> str:
    parts = (getattr(grant, name) for name in ("legal_basis", "course_type", "authority",
                                                "period"))
    return " · ".join(part for part in parts if part)
