"""Rates by year with their source: a small editor for coordinators and admins.

One year and one kind at a time: the five monthly rates (first adult, each extra adult,
children by age) and where they come from. Saving without a source is refused by the
core; every sheet of the year (and those that borrowed earlier rates) follows at once.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from mentordesk.domain.economy import NORM_ITEMS, NormKind
from mentordesk.economy import NormRateRow, norm_rates, save_year_rates
from mentordesk.kernel.context import Context
from ui.operations import Operations
from ui.views.economy.inputs import AmountEdit

LOAD, SAVE = "load", "save"


def load_rates(context: Context, year: int) -> list[NormRateRow]:
    return norm_rates(context.database, year)


class RatesDialog(QDialog):
    def __init__(self, ops: Operations, year: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ops = ops
        self.setWindowTitle(self.tr("Norm rates"))
        self.year_spin = QSpinBox()
        self.year_spin.setRange(2000, 2100)
        self.year_spin.setValue(year or date.today().year)
        self.kind_combo = QComboBox()
        for code, label in NormKind.choices():
            self.kind_combo.addItem(label, code)
        labels = (self.tr("First adult"), self.tr("Each extra adult"),
                  self.tr("Child 0–1 years"), self.tr("Child 2–6 years"),
                  self.tr("Child 7–17 years"))
        self.amount_edits = {item: AmountEdit(label) for item, label in zip(
            NORM_ITEMS, labels, strict=True)}
        self.source_edit = QLineEdit()
        self.source_edit.setPlaceholderText(self.tr("e.g. borger.dk: Gældsstyrelsens "
                                                    "rådighedssatser 2026"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self._build(labels)
        self.year_spin.valueChanged.connect(lambda _year: self.reload())
        self.kind_combo.currentIndexChanged.connect(lambda _index: self.reload())
        self.reload()

    def _build(self, labels: tuple[str, ...]) -> None:
        form = QFormLayout()
        form.addRow(self.tr("Year:"), self.year_spin)
        form.addRow(self.tr("Norm:"), self.kind_combo)
        for item, label in zip(NORM_ITEMS, labels, strict=True):
            form.addRow(self.tr("{label} (kr. per month):").format(label=label),
                        self.amount_edits[item])
        form.addRow(self.tr("Source:"), self.source_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Close)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def kind(self) -> NormKind:
        return NormKind(self.kind_combo.currentData())

    def reload(self) -> None:
        self._ops.run(load_rates, self.year_spin.value(), owner=self, slot=LOAD,
                      done=self._show)

    def _show(self, rows: list[NormRateRow]) -> None:
        mine = {row.item: row for row in rows if row.kind is self.kind()}
        for item, edit in self.amount_edits.items():
            edit.set_oere(mine[item].amount_oere if item in mine else None)
        self.source_edit.setText(next((row.source for row in mine.values()), ""))
        self.message.setText("" if mine else self.tr(
            "There are no rates for {year}. Enter them with their source.").format(
                year=self.year_spin.value()))

    def save(self) -> None:
        try:
            amounts = {item: edit.oere() or 0 for item, edit in self.amount_edits.items()}
        except ValueError as error:
            self.message.setText(str(error))
            return
        self._ops.run(save_year_rates, self.year_spin.value(), self.kind(), amounts,
                      self.source_edit.text(), owner=self, slot=SAVE,
                      label=self.tr("Saving rates…"), done=lambda _rows: self._saved(),
                      failed=self.message.setText)

    def _saved(self) -> None:
        self.message.setText(self.tr("The rates for {year} are saved.").format(
            year=self.year_spin.value()))
