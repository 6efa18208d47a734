"""The month view: whole weeks as rows (ISO week number on the left), a line per appointment.

Painted like the week view, from the same prepared scene; a day with more appointments
than fit shows "+N mere" and a double-click on the day opens it in the day view.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QPoint, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QContextMenuEvent, QFont, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QToolTip, QWidget

from ui.i18n import DANISH
from ui.views.calendar.scene import Block, CalendarScene
from ui.views.calendar.time_grid import (
    CLOSED_FILL,
    CONFLICT,
    GRID_LINE,
    HOLIDAY_FILL,
    HOLIDAY_TEXT,
    TODAY_FILL,
    _marks,
    mentor_colour,
    tooltip_for,
)

WEEK_GUTTER = 34
HEADING_HEIGHT = 22


class MonthGrid(QWidget):
    day_activated = Signal(object)  # date: open it in the day view
    block_activated = Signal(object)  # Occurrence
    block_menu_requested = Signal(object, QPoint)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scene: CalendarScene | None = None
        self.days: list[date] = []
        self.month = 0
        self.today = date.today()
        self.setMouseTracking(True)
        self._line_rects: list[tuple[QRectF, Block]] = []

    def show_scene(self, scene: CalendarScene, days: list[date], today: date,
                   month: int) -> None:
        self.scene, self.days, self.today, self.month = scene, days, today, month
        self.update()

    def _cell(self, index: int) -> QRectF:
        rows = max(len(self.days) // 7, 1)
        width = (self.width() - WEEK_GUTTER) / 7
        height = (self.height() - HEADING_HEIGHT) / rows
        return QRectF(WEEK_GUTTER + (index % 7) * width,
                      HEADING_HEIGHT + (index // 7) * height, width, height)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("white"))
        self._line_rects = []
        for weekday in range(7):
            rect = self._cell(weekday)
            painter.drawText(QRectF(rect.x(), 0, rect.width(), HEADING_HEIGHT),
                             Qt.AlignmentFlag.AlignCenter,
                             DANISH.dayName(weekday + 1, DANISH.FormatType.ShortFormat))
        for index, day in enumerate(self.days):
            self._paint_day(painter, index, day)
        painter.end()

    def _paint_day(self, painter: QPainter, index: int, day: date) -> None:
        rect = self._cell(index)
        facts = self.scene.facts(day) if self.scene else None
        if facts and facts.holiday:
            painter.fillRect(rect, HOLIDAY_FILL)
        elif day.month != self.month or (facts is not None and facts.staffed is None):
            painter.fillRect(rect, CLOSED_FILL)
        elif day == self.today:
            painter.fillRect(rect, TODAY_FILL)
        painter.setPen(GRID_LINE)
        painter.drawRect(rect)
        if index % 7 == 0:
            painter.setPen(QColor("#666666"))
            painter.drawText(QRectF(0, rect.y() + 2, WEEK_GUTTER - 4, 16),
                             Qt.AlignmentFlag.AlignRight, str(day.isocalendar().week))
        heading = str(day.day)
        if facts and facts.holiday:
            heading += f"  {facts.holiday}"
        font = QFont(self.font())
        font.setBold(day == self.today)
        painter.setFont(font)
        painter.setPen(HOLIDAY_TEXT if facts and facts.holiday else QColor("black"))
        line_height = painter.fontMetrics().height()
        painter.drawText(rect.adjusted(3, 1, -3, 0), Qt.AlignmentFlag.AlignLeft,
                         painter.fontMetrics().elidedText(heading, Qt.TextElideMode.ElideRight,
                                                          int(rect.width()) - 6))
        painter.setFont(self.font())
        blocks = self.scene.blocks_on(day) if self.scene else []
        room = max(int((rect.height() - line_height - 2) // line_height), 0)
        shown = blocks if len(blocks) <= room else blocks[:max(room - 1, 0)]
        y = rect.y() + line_height + 1
        for block in shown:
            line = QRectF(rect.x() + 2, y, rect.width() - 4, line_height)
            painter.fillRect(line, mentor_colour(block.occurrence.mentor_id))
            painter.setPen(CONFLICT if block.occurrence.conflicts else QColor("black"))
            text = (f"{_marks(block.occurrence)}{block.occurrence.start_label} "
                    f"{block.occurrence.title}")
            painter.drawText(line.adjusted(2, 0, -2, 0), Qt.AlignmentFlag.AlignLeft,
                             painter.fontMetrics().elidedText(
                                 text, Qt.TextElideMode.ElideRight, int(line.width()) - 4))
            self._line_rects.append((line, block))
            y += line_height
        if len(shown) < len(blocks):
            painter.setPen(QColor("#444444"))
            painter.drawText(QRectF(rect.x() + 3, y, rect.width() - 6, line_height),
                             Qt.AlignmentFlag.AlignLeft,
                             self.tr("+{count} more").format(count=len(blocks) - len(shown)))

    def _block_at(self, point: QPoint) -> Block | None:
        for rect, block in self._line_rects:
            if rect.contains(point):
                return block
        return None

    def _day_at(self, point: QPoint) -> date | None:
        for index, day in enumerate(self.days):
            if self._cell(index).contains(point):
                return day
        return None

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        point = event.position().toPoint()
        block = self._block_at(point)
        if block is not None:
            self.block_activated.emit(block.occurrence)
        elif (day := self._day_at(point)) is not None:
            self.day_activated.emit(day)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        block = self._block_at(event.pos())
        if block is not None:
            self.block_menu_requested.emit(block.occurrence, event.globalPos())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        block = self._block_at(event.position().toPoint())
        if block is None:
            QToolTip.hideText()
        else:
            QToolTip.showText(event.globalPosition().toPoint(), tooltip_for(block), self)
