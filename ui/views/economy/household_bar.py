"""The bar above the sheet: year picker and the household the norm amount is for."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QLabel, QPushButton, QSpinBox, QWidget

from mentordesk.domain.economy import MAX_ADULTS, NormKind
from mentordesk.domain.money import format_dkk
from mentordesk.economy import RatesChoice
from ui.views.common.flow_layout import FlowLayout, kept_together
from ui.views.common.form_fields import select_data

WARNING_STYLE = "color: #a40000; font-weight: bold;"

MIN_YEAR, MAX_YEAR = 2000, 2100


class HouseholdBar(QWidget):
    year_requested = Signal(int)  # the user picked another year (not yet shown)
    household_edited = Signal(dict)  # adults/children/norm kind as the user set them

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._updating = False
        self.year_spin = QSpinBox()
        self.year_spin.setRange(MIN_YEAR, MAX_YEAR)
        self.year_spin.setAccessibleName(self.tr("Year"))
        self.year_spin.setKeyboardTracking(False)  # typing "2025" is one change, not four
        # Any household size: each adult after the first adds the amount per extra adult.
        self.adults_spin = self._spin(1, MAX_ADULTS)
        self.children_spins = {name: self._spin(0, 20)
                               for name in ("children_0_1", "children_2_6", "children_7_17")}
        self.norm_combo = QComboBox()
        for code, label in NormKind.choices():
            self.norm_combo.addItem(label, code)
        self.norm_label = QLabel()
        # A year without rates says so; an earlier year's are used only when confirmed.
        self.rates_label = QLabel()
        self.rates_label.setStyleSheet(WARNING_STYLE)
        self.use_rates_button = QPushButton()
        self.use_rates_button.clicked.connect(self._use_offered_rates)
        self._offered_year: int | None = None
        self._lay_out()
        self.year_spin.valueChanged.connect(self._year_changed)
        self.norm_combo.currentIndexChanged.connect(lambda _i: self._edited())

    def _spin(self, low: int, high: int) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(low, high)
        spin.valueChanged.connect(lambda _v: self._edited())
        return spin

    def _lay_out(self) -> None:
        layout = FlowLayout(self)  # wraps in a narrow record rather than widening it
        layout.setContentsMargins(0, 0, 0, 0)
        parts: list[tuple[str, QWidget]] = [
            (self.tr("&Year:"), self.year_spin),
            (self.tr("Adults:"), self.adults_spin),
            (self.tr("Children 0–1:"), self.children_spins["children_0_1"]),
            (self.tr("2–6:"), self.children_spins["children_2_6"]),
            (self.tr("7–17:"), self.children_spins["children_7_17"]),
            (self.tr("Norm:"), self.norm_combo),
        ]
        for text, widget in parts:
            label = QLabel(text)
            label.setBuddy(widget)
            layout.addWidget(kept_together(label, widget))
            if widget is self.year_spin:
                layout.add_spacing(24)
        layout.addWidget(self.norm_label)
        layout.addWidget(self.rates_label)
        layout.addWidget(self.use_rates_button)

    def year(self) -> int:
        return self.year_spin.value()

    def set_year(self, year: int) -> None:
        self._updating = True
        self.year_spin.setValue(year)
        self._updating = False

    def show_household(self, values: dict[str, Any], norm_oere: int,
                       rates: RatesChoice | None = None) -> None:
        self._updating = True
        self.adults_spin.setValue(values["adults"])
        for name, spin in self.children_spins.items():
            spin.setValue(values[name])
        select_data(self.norm_combo, str(values["norm_kind"]))
        self._updating = False
        self.norm_label.setText(self.tr("= {amount} per month").format(
            amount=format_dkk(norm_oere)) if norm_oere else "")
        self._show_rates(rates)

    def _show_rates(self, rates: RatesChoice | None) -> None:
        self._offered_year = rates.offered.year if rates and rates.offered else None
        if rates is None or not rates.missing:
            self.rates_label.setText("")
        elif rates.used is not None:
            self.rates_label.setText(self.tr("rates from {year}").format(year=rates.used.year))
        else:
            self.rates_label.setText(self.tr(
                "There are no rates for {year}: the norm is not deducted.").format(
                    year=rates.sheet_year))
        self.rates_label.setVisible(bool(self.rates_label.text()))
        self.use_rates_button.setText(self.tr("Use the rates from {year}").format(
            year=self._offered_year))
        self.use_rates_button.setVisible(self._offered_year is not None)

    def _use_offered_rates(self) -> None:
        if self._offered_year is not None:
            self.household_edited.emit({"rates_year": self._offered_year})

    def _year_changed(self, year: int) -> None:
        if not self._updating:
            self.year_requested.emit(year)

    def _edited(self) -> None:
        if self._updating:
            return
        values: dict[str, Any] = {"adults": self.adults_spin.value(),
                                  "norm_kind": NormKind(self.norm_combo.currentData())}
        values.update({name: spin.value() for name, spin in self.children_spins.items()})
        self.household_edited.emit(values)
