"""The Handleplan page: choose a citizen on the left, work on their plan on the right.

The list (``ui.views.common.citizen_picker``) holds the citizens the user may see (a
mentor: their own), searchable by name. It is read when the page is shown, not when the
window opens.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSplitter, QVBoxLayout, QWidget

from ui.operations import Operations
from ui.views.common.citizen_picker import CitizenPicker
from ui.views.plan.plan_widget import PlanWidget


class PlanPage(QWidget):
    citizens_loaded = Signal(int)

    def __init__(self, ops: Operations, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title_label = QLabel(title)
        self.title_label.setObjectName("pageTitle")
        self.picker = CitizenPicker(ops)
        self.search_edit = self.picker.search_edit
        self.citizen_list = self.picker.citizen_list
        self.plan_widget = PlanWidget(ops)
        self.hint_label = QLabel(self.tr("Choose a citizen on the left to see their action plan."))
        self.picker.citizen_chosen.connect(self._on_citizen_chosen)
        self.picker.cleared.connect(lambda: self._on_citizen_chosen(None))
        self.picker.citizens_loaded.connect(self._on_citizens_loaded)
        self._build()

    def _build(self) -> None:
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.hint_label)
        right_layout.addWidget(self.plan_widget, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.picker)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([220, 900])
        top = QHBoxLayout()
        top.addWidget(self.title_label)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        QWidget.setTabOrder(self.citizen_list, self.plan_widget.table)

    def refresh(self) -> None:
        self.picker.refresh()

    def chosen_citizen(self) -> int | None:
        return self.picker.chosen_citizen()

    def choose_citizen(self, citizen_id: int) -> None:
        self.picker.choose(citizen_id)

    def _on_citizens_loaded(self, count: int) -> None:
        self.hint_label.setVisible(self.chosen_citizen() is None)
        self.citizens_loaded.emit(count)

    def _on_citizen_chosen(self, citizen_id: int | None) -> None:
        self.hint_label.setVisible(citizen_id is None)
        if citizen_id != self.plan_widget.citizen_id:
            self.plan_widget.show_citizen(citizen_id)
