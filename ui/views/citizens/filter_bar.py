"""The filters above the citizens list: search, status, mentor, legal basis, course type,
and "Mine borgere" for coordinators (a mentor only ever sees their own citizens)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from mentordesk.domain.codes import CitizenStatus
from mentordesk.kernel.actor import Actor
from ui.views.common.flow_layout import FlowLayout, kept_together
from ui.views.common.visibility import hidden_unless

if TYPE_CHECKING:  # the first window uses the bar before the services load
    from mentordesk.services.citizens import FilterOptions


class CitizenFilterBar(QWidget):
    search_edited = Signal()  # typed: the view debounces it
    filters_changed = Signal()  # a combo or the toggle: applied at once

    def __init__(self, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._actor = actor
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(
            self.tr("Search name, alias or the last 4 digits of the CPR number (Ctrl+F)"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(lambda _text: self.search_edited.emit())
        self.status_combo = self._combo(self.tr("All statuses"))
        for status in CitizenStatus:
            self.status_combo.addItem(status.label, status.value)  # the core's Danish label
        self.mentor_combo = self._combo(self.tr("All mentors"))
        self.basis_combo = self._combo(self.tr("All legal bases"))
        self.course_combo = self._combo(self.tr("All course types"))
        self.course_combo.setMaximumWidth(260)
        self.mine_check = QCheckBox(self.tr("My citizens"))
        self.mine_check.setToolTip(self.tr("Only citizens I am primary mentor or substitute "
                                           "for"))
        hidden_unless(actor.sees_all_citizens, self.mine_check)
        self.mine_check.toggled.connect(self._mine_toggled)
        self.count_label = QLabel()
        self.search_row = search_row = QHBoxLayout()
        search_row.addWidget(self.search_edit, 1)
        search_row.addWidget(self.mine_check)
        search_row.addWidget(self.count_label)
        combo_row = FlowLayout()  # wraps rather than widening the window
        for caption, combo in ((self.tr("Status:"), self.status_combo),
                               (self.tr("Mentor:"), self.mentor_combo),
                               (self.tr("Legal basis:"), self.basis_combo),
                               (self.tr("Course type:"), self.course_combo)):
            label = QLabel(caption)
            label.setBuddy(combo)
            combo_row.addWidget(kept_together(label, combo))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(search_row)
        layout.addLayout(combo_row)

    def _combo(self, everything: str) -> QComboBox:
        combo = QComboBox()
        combo.addItem(everything, None)
        combo.currentIndexChanged.connect(lambda _index: self.filters_changed.emit())
        return combo

    def set_options(self, options: FilterOptions) -> None:
        """Fill the combos (keeping what is chosen) once the choices are loaded."""
        for combo, items in ((self.mentor_combo, options.mentors),
                             (self.basis_combo, options.legal_bases),
                             (self.course_combo, options.course_types)):
            chosen = combo.currentData()
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(1)
            for value, label in items:
                combo.addItem(label, value)
            combo.setCurrentIndex(max(0, combo.findData(chosen)))
            combo.blockSignals(False)

    def _mine_toggled(self, mine: bool) -> None:
        self.mentor_combo.setEnabled(not mine)
        self.filters_changed.emit()

    def selected_status(self) -> CitizenStatus | None:
        value = self.status_combo.currentData()
        return CitizenStatus(value) if value else None

    def filters(self) -> dict[str, Any]:
        """Keyword arguments for ``list_citizens``."""
        mentor_id = self._actor.user_id if self.mine_check.isChecked() \
            else self.mentor_combo.currentData()
        return {"search": self.search_edit.text(), "status": self.selected_status(),
                "mentor_id": mentor_id, "legal_basis": self.basis_combo.currentData(),
                "course_type_id": self.course_combo.currentData()}
