"""The "Handleplan" tab of a citizen's record."""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from ui.operations import Operations
from ui.views.areas import CitizenTab
from ui.views.plan.plan_widget import PlanWidget


class PlanTab(CitizenTab):
    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan_widget = PlanWidget(ops)
        self._pending: int | None = None
        self._shown_citizen: int | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plan_widget)

    def show_citizen(self, citizen_id: int | None) -> None:
        # Read when seen: browsing the citizens list must not read (and log reading) every
        # plan while another tab of the record is open.
        self._pending = citizen_id
        if citizen_id is None or self.isVisible():
            self._load()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._pending is not None:
            self._load()

    def _load(self) -> None:
        citizen_id, self._pending = self._pending, None
        if citizen_id is not None and citizen_id == self._shown_citizen:
            self.plan_widget.reload()  # the same citizen again: fresh data, same goal
        else:
            self.plan_widget.show_citizen(citizen_id)
        self._shown_citizen = citizen_id
