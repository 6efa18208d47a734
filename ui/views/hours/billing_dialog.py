"""Afregningsgrundlag: per ordering authority and month, per citizen and grant, delivered
hours × hourly price or weeks × weekly price, the travel and indirect time the authority's
agreement bills (or "ikke faktureret"), VAT, and hours over the grant flagged in red;
previewed here, saved as xlsx or PDF."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from mentordesk.domain.duration import hours_text
from mentordesk.domain.money import format_dkk
from mentordesk.kernel.context import Context
from mentordesk.schedule.billing import (
    BillingBasis,
    BillingLine,
    billing_basis,
    export_billing_pdf,
    export_billing_xlsx,
)
from mentordesk.services.catalogue_admin import load_catalogue
from ui.i18n import DANISH
from ui.operations import Operations
from ui.views.common.record_table import (
    RecordTableModel,
    RowLook,
    TableColumn,
    record_table,
)
from ui.views.common.save_dialog import open_save_dialog
from ui.views.common.screen_fit import fit_to_screen

XLSX, PDF = "xlsx", "pdf"


class BillingDialog(QDialog):
    loaded = Signal()
    exported = Signal(object)  # Path

    def __init__(self, ops: Operations, *, month: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ops = ops
        self.basis: BillingBasis | None = None
        self.file_dialog: QFileDialog | None = None
        self.setWindowTitle(self.tr("Billing basis"))
        self.authority_combo = QComboBox()
        self.month_combo = QComboBox()
        for number in range(1, 13):
            self.month_combo.addItem(DANISH.standaloneMonthName(number), number)
        self.month_combo.setCurrentIndex(month.month - 1)
        self.year_spin = QSpinBox()
        self.year_spin.setRange(2000, 2100)
        self.year_spin.setValue(month.year)
        self.model = RecordTableModel([
            TableColumn(self.tr("Citizen"), lambda line: line.citizen_name),
            TableColumn(self.tr("Grant/case number"), lambda line: line.case_number),
            TableColumn(self.tr("Course"), lambda line: line.course_name),
            TableColumn(self.tr("Grant period"), lambda line: line.grant_period),
            TableColumn(self.tr("Quantity"), lambda line: line.quantity_label),
            TableColumn(self.tr("Price"), lambda line: line.price_label),
            TableColumn(self.tr("Travel / indirect"), lambda line: line.around_label),
            TableColumn(self.tr("Over the grant"), lambda line: line.over_grant_label),
            TableColumn(self.tr("VAT"), lambda line: line.vat_label),
            TableColumn(self.tr("Amount excl. VAT"), lambda line: format_dkk(line.amount_oere)),
        ], _over_grant_look, parent=self)
        self.table = record_table(self.model)
        self.total_label = QLabel()
        self.total_label.setTextFormat(Qt.TextFormat.PlainText)
        self.ean_label = QLabel()
        self.ean_label.setTextFormat(Qt.TextFormat.PlainText)
        self.over_label = QLabel()
        self.over_label.setObjectName("errorLabel")
        self.over_label.setTextFormat(Qt.TextFormat.PlainText)
        self.over_label.setWordWrap(True)
        self.xlsx_button = QPushButton(self.tr("Save as Excel…"))
        self.pdf_button = QPushButton(self.tr("Save as PDF…"))
        self.xlsx_button.clicked.connect(lambda: self.choose_file(XLSX))
        self.pdf_button.clicked.connect(lambda: self.choose_file(PDF))
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Authority:")))
        bar.addWidget(self.authority_combo, 1)
        bar.addWidget(QLabel(self.tr("Month:")))
        bar.addWidget(self.month_combo)
        bar.addWidget(self.year_spin)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.xlsx_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.pdf_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.ean_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.over_label)
        layout.addWidget(self.total_label)
        layout.addWidget(buttons)
        fit_to_screen(self, QSize(900, 480))
        for widget in (self.authority_combo, self.month_combo):
            widget.currentIndexChanged.connect(lambda _index: self.refresh())
        self.year_spin.valueChanged.connect(lambda _value: self.refresh())
        self._load_authorities()

    def _load_authorities(self) -> None:
        self._ops.run(_authorities, owner=self, slot="authorities",
                      label=self.tr("Loading authorities…"), done=self._show_authorities)

    def _show_authorities(self, authorities: list[tuple[int, str]]) -> None:
        self.authority_combo.blockSignals(True)
        for authority_id, name in authorities:
            self.authority_combo.addItem(name, authority_id)
        self.authority_combo.blockSignals(False)
        self.refresh()

    def chosen(self) -> tuple[int | None, int, int]:
        return (self.authority_combo.currentData(), self.year_spin.value(),
                self.month_combo.currentData())

    def refresh(self) -> None:
        authority_id, year, month = self.chosen()
        if authority_id is None:
            return
        self._ops.run(billing_basis, authority_id, year, month, owner=self, slot="basis",
                      label=self.tr("Computing the billing basis…"), done=self._show)

    def _show(self, basis: BillingBasis) -> None:
        self.basis = basis
        self.model.set_rows(basis.lines)
        total = sum(line.amount_oere for line in basis.lines)
        self.total_label.setText(self.tr("Total: {amount}").format(amount=format_dkk(total))
                                 + " · " + self.tr("%n line(s)", "", len(basis.lines))
                                 + self._vat_text(basis))
        self.ean_label.setText(self.tr("EAN number: {ean}").format(
            ean=basis.authority_ean or self.tr("not given")))
        over = basis.over_grant_minutes
        self.over_label.setText(self.tr(
            "Over the grant — needs approval: {hours} above the weekly maximum, not in the "
            "amount.").format(hours=hours_text(over)) if over else "")
        self.over_label.setVisible(bool(over))
        self.loaded.emit()

    def _vat_text(self, basis: BillingBasis) -> str:
        if not basis.total_vat_oere:
            return ""
        return " · " + self.tr("VAT {vat} · incl. VAT {total}").format(
            vat=format_dkk(basis.total_vat_oere),
            total=format_dkk(basis.total_oere + basis.total_vat_oere))

    def choose_file(self, kind: str) -> None:
        authority_id, year, month = self.chosen()
        if authority_id is None:
            return
        self.file_dialog = open_save_dialog(
            self, self.tr("Save billing basis as"),
            self.tr("Excel workbooks (*.xlsx)") if kind == XLSX else self.tr("PDF files (*.pdf)"),
            f"afregningsgrundlag-{year}-{month:02d}.{kind}",
            lambda path: self.export_to(path, kind))

    def export_to(self, path: Path, kind: str) -> None:
        authority_id, year, month = self.chosen()
        if authority_id is None:
            return
        write = export_billing_xlsx if kind == XLSX else export_billing_pdf
        self._ops.run(write, authority_id, year, month, path, owner=self, slot="export",
                      label=self.tr("Exporting…"), done=self.exported.emit)


def _over_grant_look(line: BillingLine) -> RowLook | None:
    """Hours over the grant stand out: they are not billed until the authority approves."""
    return RowLook("#FDE2E1", "#9C0006", line.over_grant_label) \
        if line.over_grant_minutes else None


def _authorities(context: Context) -> list[tuple[int, str]]:
    """The ordering authorities to choose from, as (id, name)."""
    return [(item.id, item.name) for item in load_catalogue(context.database).authorities]
