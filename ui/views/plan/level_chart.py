"""The chart of one goal's functional level over time (QtCharts).

Imported only when a goal's detail is first shown: QtCharts is a heavy module and the
app starts without it. The y axis is reversed, so level 0 (no reduced function, the best)
is at the top and progress reads as a line going up; its labels are the Danish level
names. A "not assessed" assessment is a gap in the line, never a point: it is not a score.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCharts import (
    QCategoryAxis,
    QChart,
    QChartView,
    QDateTimeAxis,
    QLineSeries,
)
from PySide6.QtCore import QDate, QDateTime, QMargins, QPointF, Qt, QTime
from PySide6.QtGui import QColor, QPainter, QPen, QResizeEvent
from PySide6.QtWidgets import QWidget

from mentordesk.domain.vum import FunctionLevel

LINE_COLOUR = "#1f6fb2"
# Days of air left and right of the first and last assessment, so end points are not
# drawn on the chart's frame (and one assessment still gets a readable range).
PADDING_DAYS = 7
LEVEL_PADDING = 0.3
TICK_LABEL_WIDTH = 130  # pixels per date label on the x axis, spacing included


def _noon(day: date) -> QDateTime:
    # Noon: no daylight-saving edge moves the day.
    return QDateTime(QDate(day.year, day.month, day.day), QTime(12, 0))


def _msecs(day: date) -> float:
    return float(_noon(day).toMSecsSinceEpoch())


def date_of(x: float) -> date:
    """The date a point's x value stands for (the inverse of how points are placed)."""
    day = QDateTime.fromMSecsSinceEpoch(int(x)).date()
    return date(day.year(), day.month(), day.day())


def segments(series: list[tuple[date, int | None]]) -> list[list[tuple[date, int]]]:
    """Split the series at "not assessed" values: each run of levels is one line."""
    runs: list[list[tuple[date, int]]] = []
    current: list[tuple[date, int]] = []
    for day, level in series:
        if level is None:
            if current:
                runs.append(current)
            current = []
        else:
            current.append((day, level))
    if current:
        runs.append(current)
    return runs


ROOMY_HEIGHT = 260  # below this the axis titles leave the labels too little room
# Below this, five level labels are closer than a line of text and Qt cuts every one of
# them to "…" (a laptop's record tab): label 0, 2 and 4 only.
EVERY_LEVEL_HEIGHT = 170


class LevelChart(QChartView):
    """Shows ``[(date, level or None), …]``; ``line_series`` are the drawn lines."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(120)  # readable, and leaves a laptop room for the goal list
        self.line_series: list[QLineSeries] = []
        self._span_days = 1
        self._chart = QChart()
        self._chart.legend().hide()
        self._chart.setMargins(QMargins(4, 4, 4, 4))
        self._chart.setBackgroundRoundness(0)
        self.setChart(self._chart)
        self.x_axis = QDateTimeAxis()
        self.x_axis.setFormat("dd-MM-yyyy")
        self.x_axis.setTitleText(self.tr("Date"))
        self.y_axis = self._level_axis()
        self._chart.addAxis(self.x_axis, Qt.AlignmentFlag.AlignBottom)
        self._chart.addAxis(self.y_axis, Qt.AlignmentFlag.AlignLeft)
        self._label_levels(every=True)
        self.show_series([])

    def _level_axis(self) -> QCategoryAxis:
        axis = QCategoryAxis()
        axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        axis.setReverse(True)  # lower is better: the best level at the top
        axis.setTitleText(self.tr("Level (0 = best)"))
        return axis

    def _label_levels(self, every: bool) -> None:
        """Every level on the axis, or only the even ones when they would not fit."""
        axis = self.y_axis
        wanted = [f"{level.value} {level.short_label}" for level in FunctionLevel
                  if every or level.value % 2 == 0]
        if axis.categoriesLabels() == wanted:
            return
        for label in axis.categoriesLabels():
            axis.remove(label)
        for level in FunctionLevel:
            if every or level.value % 2 == 0:
                axis.append(f"{level.value} {level.short_label}", level.value)
        axis.setRange(-LEVEL_PADDING, 4 + LEVEL_PADDING)

    def show_series(self, series: list[tuple[date, int | None]]) -> None:
        for line in self.line_series:
            self._chart.removeSeries(line)
            line.deleteLater()
        self.line_series = []
        for run in segments(series):
            self._add_line(run)
        self._set_date_range([day for day, _level in series])
        empty = not any(level is not None for _day, level in series)
        self._chart.setTitle(self.tr("No levels assessed yet") if empty else "")

    def _add_line(self, run: list[tuple[date, int]]) -> None:
        line = QLineSeries()
        line.setPointsVisible(True)  # a single assessment between gaps is still seen
        line.setPen(QPen(QColor(LINE_COLOUR), 2))
        line.append([QPointF(_msecs(day), float(level)) for day, level in run])
        self._chart.addSeries(line)
        line.attachAxis(self.x_axis)
        line.attachAxis(self.y_axis)
        self.line_series.append(line)

    def _set_date_range(self, days: list[date]) -> None:
        first, last = (min(days), max(days)) if days else (date.today(), date.today())
        start = _noon(first).addDays(-PADDING_DAYS)
        end = _noon(last).addDays(PADDING_DAYS)
        self.x_axis.setRange(start, end)
        self._span_days = max(start.daysTo(end), 1)
        self._fit_ticks()

    def _fit_ticks(self) -> None:
        # Enough ticks to date the points, few enough that the dd-mm-åååå labels never
        # collide however narrow the chart is.
        by_width = max(2, self.width() // TICK_LABEL_WIDTH)
        by_span = self._span_days // 14 + 2
        self.x_axis.setTickCount(max(2, min(6, by_width, by_span)))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._fit_ticks()
        # Small (a laptop): the axis titles go, so the levels and dates keep their room
        # instead of being cut to "…".
        roomy = self.height() >= ROOMY_HEIGHT
        for axis in (self.x_axis, self.y_axis):
            axis.setTitleVisible(roomy)
        self._label_levels(every=self.height() >= EVERY_LEVEL_HEIGHT)

    def plotted(self) -> list[list[tuple[date, int]]]:
        """The lines as drawn: per line, its (date, level) points."""
        return [[(date_of(point.x()), round(point.y())) for point in line.points()]
                for line in self.line_series]
