"""Income against expenses by month as a bar chart, with the disposable amount as a line.

QtCharts is imported when the chart is first built (it costs start-up time and most
sessions never open the chart tab).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from mentordesk.economy import SheetTotals
from ui.views.economy.sheet_model import month_names

INCOME_COLOUR = "#3a7d44"
EXPENSE_COLOUR = "#b5473a"
DISPOSABLE_COLOUR = "#2b5d8a"


class EconomyChart(QWidget):
    """Shows the last totals given to ``show_totals``; builds the chart when visible."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.view: Any = None
        self.empty_label = QLabel(self.tr("No figures yet."))
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._layout.addWidget(self.empty_label)
        self._totals: SheetTotals | None = None
        self.income_values: list[float] = []
        self.expense_values: list[float] = []

    def show_totals(self, totals: SheetTotals | None) -> None:
        self._totals = totals
        if self.isVisible():
            self._draw()

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self._draw()

    def _draw(self) -> None:
        from PySide6.QtCharts import (  # lazily: see module text
            QBarCategoryAxis,
            QBarSeries,
            QBarSet,
            QChart,
            QChartView,
            QLineSeries,
            QValueAxis,
        )

        totals = self._totals
        self.empty_label.setVisible(totals is None)
        if totals is None:
            return
        self.income_values = [amount / 100 for amount in totals.income]
        self.expense_values = [amount / 100 for amount in totals.expense]
        income = QBarSet(self.tr("Income"))
        income.append(self.income_values)
        income.setColor(QColor(INCOME_COLOUR))
        expense = QBarSet(self.tr("Expenses"))
        expense.append(self.expense_values)
        expense.setColor(QColor(EXPENSE_COLOUR))
        bars = QBarSeries()
        bars.append(income)
        bars.append(expense)
        line = QLineSeries()
        line.setName(self.tr("Disposable amount"))
        line.setColor(QColor(DISPOSABLE_COLOUR))
        for month, amount in enumerate(totals.disposable):
            line.append(month, amount / 100)
        chart = QChart()
        chart.addSeries(bars)
        chart.addSeries(line)
        chart.setTitle(self.tr("Income and expenses by month (kr.)"))
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        months = QBarCategoryAxis()
        months.append(month_names())
        chart.addAxis(months, Qt.AlignmentFlag.AlignBottom)
        values = QValueAxis()
        values.setLabelFormat("%.0f")
        low = min([0.0, *self.expense_values, *(a / 100 for a in totals.disposable)])
        high = max([0.0, *self.income_values, *self.expense_values])
        values.setRange(low, high * 1.1 if high else 1.0)
        values.applyNiceNumbers()
        chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
        for series in (bars, line):
            series.attachAxis(months)
            series.attachAxis(values)
        if self.view is None:
            self.view = QChartView()
            self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
            self._layout.addWidget(self.view, 1)
        old = self.view.chart()
        self.view.setChart(chart)
        if old is not None:
            old.deleteLater()
