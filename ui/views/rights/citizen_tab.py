"""A "Rights" tab for the citizen record: the access package for the open citizen."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from ui.operations import Operations
from ui.views.areas import CitizenTab
from ui.views.common.visibility import hidden_unless
from ui.views.rights.export_action import AccessExport


class RightsTab(CitizenTab):
    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._citizen_id: int | None = None
        self.exporter = AccessExport(ops, self)
        allowed = ops.actor.sees_all_citizens
        explanation = QLabel(self.tr(
            "The citizen has the right to see everything registered about them: the access "
            "package holds a readable summary, all data as JSON and a workbook, approved "
            "reports, economy workbooks and the access log (roles, not staff names).")
            if allowed else self.tr(
            "Only a coordinator or an administrator can export the access package."))
        explanation.setWordWrap(True)
        self.export_button = QPushButton(self.tr("Export access package…"))
        hidden_unless(allowed, self.export_button)
        self.export_button.clicked.connect(self._export)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.exporter.done.connect(self.status_label.setText)
        self.exporter.failed.connect(self.status_label.setText)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addWidget(self.export_button)
        layout.addWidget(self.status_label)
        layout.addStretch(1)

    def show_citizen(self, citizen_id: int | None) -> None:
        self._citizen_id = citizen_id
        self.export_button.setEnabled(citizen_id is not None)
        self.status_label.clear()

    def _export(self) -> None:
        if self._citizen_id is not None:
            self.exporter.choose(self._citizen_id)
