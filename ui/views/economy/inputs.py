"""Small inputs the debt and benefit dialogs share: an amount in Danish kroner and a
yearly interest rate in percent. Both raise ``ValueError`` with a Danish sentence."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QWidget

from mentordesk.domain.money import format_dkk, parse_dkk


class AmountEdit(QLineEdit):
    """Kroner typed the Danish way ("1.234,50"); ``oere()`` gives øre."""

    def __init__(self, field_name: str, *, optional: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field_name = field_name
        self.optional = optional
        self.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.setPlaceholderText(self.tr("0,00"))

    def set_oere(self, oere: int | None) -> None:
        self.setText("" if oere is None else format_dkk(oere, with_unit=False))

    def oere(self) -> int | None:
        text = self.text().strip()
        if not text:
            return None if self.optional else 0
        try:
            return parse_dkk(text)
        except ValueError as error:
            raise ValueError(f"{self.field_name}: {error}") from None


class PercentEdit(QLineEdit):
    """A yearly interest rate such as "7,25" (%), kept as basis points (725)."""

    def __init__(self, field_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field_name = field_name
        self.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.setPlaceholderText(self.tr("e.g. 7,25"))

    def set_basis_points(self, points: int) -> None:
        self.setText(format_percent(points) if points else "")

    def basis_points(self) -> int:
        text = self.text().strip().removesuffix("%").strip().replace(",", ".")
        if not text:
            return 0
        try:
            value = Decimal(text)
        except InvalidOperation:
            raise ValueError(self.tr("{field}: write the rate in percent, e.g. 7,25.").format(
                field=self.field_name)) from None
        points = value * 100
        if points != points.to_integral_value() or not 0 <= points <= 100_000:
            raise ValueError(self.tr(
                "{field}: a rate between 0 and 1.000 with at most two decimals.").format(
                    field=self.field_name))
        return int(points)


def format_percent(points: int) -> str:
    """725 → "7,25"."""
    whole, rest = divmod(points, 100)
    return f"{whole},{rest:02d}" if rest else str(whole)
