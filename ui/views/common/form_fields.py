"""Form inputs for weekly hours and prices, and small form helpers, shared by the grant,
consent and catalogue dialogs.

Each input shows values the Danish way (dd-mm-åååå, "6–10 timer/uge", 1.234,56) and
hands back what the services store (``date``, minutes, øre). Parsing errors are raised
as ``ValueError`` with a Danish sentence, which the dialogs show inline.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QWidget,
)

from mentordesk.domain.catalogue import MINUTES_PER_HOUR, PriceModel
from mentordesk.domain.money import format_dkk, parse_dkk
from mentordesk.services.grants import weekly_hours_label

MAX_WEEKLY_HOURS = 168


def plain_label(text: str = "") -> QLabel:
    """A label that shows user text literally: "<b>" stays "<b>"."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


def select_data(combo: QComboBox, value: object) -> None:
    """Select the item whose data is ``value`` (the first item when none is)."""
    index = combo.findData(value)
    combo.setCurrentIndex(max(index, 0))


def confirm(parent: QWidget, text: str, on_yes: Callable[[], None]) -> QMessageBox:
    """Ask a yes/no question without blocking (tests and the worker go on); ``on_yes``
    runs only when the user answers yes. No is the default, so Enter cannot delete."""
    box = QMessageBox(QMessageBox.Icon.Question, "MentorDesk", text,
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.finished.connect(
        lambda result: on_yes() if result == QMessageBox.StandardButton.Yes else None)
    box.open()
    return box


class WeeklyHoursInput(QWidget):
    """Weekly hours as a band (6–10), a minimum ("from 1") or not set; in hours on
    screen, minutes in and out."""

    changed = Signal()
    NOT_SET, BAND, MINIMUM = "none", "band", "minimum"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.mode_combo = QComboBox()
        self.mode_combo.addItem(self.tr("Not set"), self.NOT_SET)
        self.mode_combo.addItem(self.tr("Band (from–to)"), self.BAND)
        self.mode_combo.addItem(self.tr("Minimum (from)"), self.MINIMUM)
        self.min_spin = self._spin()
        self.max_spin = self._spin()
        self.to_label = QLabel("–")
        self.preview = plain_label()
        self.preview.setWordWrap(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.mode_combo, self.min_spin, self.to_label, self.max_spin):
            layout.addWidget(widget)
        layout.addWidget(self.preview, 1)
        self.mode_combo.currentIndexChanged.connect(self._on_change)
        self._on_change()

    def _spin(self) -> QDoubleSpinBox:
        spin = QDoubleSpinBox()
        spin.setRange(0, MAX_WEEKLY_HOURS)
        spin.setDecimals(1)
        spin.setSingleStep(0.5)
        spin.setSuffix(self.tr(" h"))
        spin.valueChanged.connect(self._on_change)
        return spin

    def _on_change(self, *_args: object) -> None:
        mode = self.mode_combo.currentData()
        self.min_spin.setVisible(mode != self.NOT_SET)
        self.max_spin.setVisible(mode == self.BAND)
        self.to_label.setVisible(mode == self.BAND)
        self.preview.setText(weekly_hours_label(*self.minutes()))
        self.changed.emit()

    def set_minutes(self, min_minutes: int | None, max_minutes: int | None) -> None:
        mode = (self.NOT_SET if min_minutes is None and max_minutes is None
                else self.MINIMUM if max_minutes is None else self.BAND)
        self.min_spin.setValue((min_minutes or 0) / MINUTES_PER_HOUR)
        self.max_spin.setValue((max_minutes or 0) / MINUTES_PER_HOUR)
        select_data(self.mode_combo, mode)
        self._on_change()

    def minutes(self) -> tuple[int | None, int | None]:
        mode = self.mode_combo.currentData()
        if mode == self.NOT_SET:
            return None, None
        low = round(self.min_spin.value() * MINUTES_PER_HOUR)
        if mode == self.MINIMUM:
            return low, None
        return low, round(self.max_spin.value() * MINUTES_PER_HOUR)


class PriceInput(QWidget):
    """No price (agreed case by case) or an amount in kroner per hour or per week; for
    catalogue course types also how many hours a weekly price covers."""

    def __init__(self, *, with_max_hours: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model_combo = QComboBox()
        self.model_combo.addItem(self.tr("Agreed case by case"), None)
        for model in PriceModel:
            self.model_combo.addItem(model.label, model.value)  # the core's Danish label
        self.amount_edit = QLineEdit()
        self.amount_edit.setPlaceholderText(self.tr("e.g. 1.234,50"))
        self.currency_label = QLabel(self.tr("kr."))
        self.max_hours_spin = QSpinBox()
        self.max_hours_spin.setRange(0, MAX_WEEKLY_HOURS)
        self.max_hours_spin.setSpecialValueText(self.tr("no hour limit"))
        self.max_hours_spin.setPrefix(self.tr("up to "))
        self.max_hours_spin.setSuffix(self.tr(" h/week"))
        self._with_max_hours = with_max_hours
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.amount_edit, self.currency_label, self.model_combo,
                       self.max_hours_spin):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.model_combo.currentIndexChanged.connect(self._on_model_changed)
        self._on_model_changed()

    def _on_model_changed(self, *_args: object) -> None:
        model = self.model_combo.currentData()
        self.amount_edit.setEnabled(model is not None)
        self.max_hours_spin.setVisible(self._with_max_hours
                                       and model == PriceModel.PER_WEEK.value)

    def set_price(self, model: str | None, amount_oere: int | None,
                  max_hours: int | None = None) -> None:
        select_data(self.model_combo, model)
        self.amount_edit.setText(
            "" if amount_oere is None else format_dkk(amount_oere, with_unit=False))
        self.max_hours_spin.setValue(max_hours or 0)
        self._on_model_changed()

    def price(self) -> tuple[str | None, int | None, int | None]:
        """``(model, øre, max weekly hours)``; ``ValueError`` for an amount that is not one."""
        model = self.model_combo.currentData()
        if model is None:
            return None, None, None
        amount = parse_dkk(self.amount_edit.text())
        # A weekly price may cover "up to about N hours"; an hourly price never has a cap.
        covers_hours = self._with_max_hours and model == PriceModel.PER_WEEK.value
        max_hours = self.max_hours_spin.value() if covers_hours else 0
        return model, amount, (max_hours or None)
