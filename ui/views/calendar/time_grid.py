"""The day and week views: days as columns (in the team's day: mentors), hours as rows,
appointments as painted blocks; a click chooses a block.

One custom-painted widget (inside a scroll area) instead of a widget per appointment: a
team week has hundreds of blocks, and painting plain rectangles from the prepared
``CalendarScene`` costs well under a frame. The header (weekday, date, holiday name) is a
separate widget above the scroll area so it stays visible while the hours scroll.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime

from PySide6.QtCore import QPoint, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QFont,
    QFontMetrics,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QTransform,
)
from PySide6.QtWidgets import QScrollArea, QToolTip, QVBoxLayout, QWidget

from mentordesk.domain.dates import format_date
from ui.i18n import DANISH
from ui.views.calendar.scene import (
    MINUTES_PER_DAY,
    Block,
    CalendarScene,
    DayFacts,
    GridColumn,
    Occurrence,
)

GUTTER = 52  # the hour labels on the left
HOUR_HEIGHT = 44
HEADER_HEIGHT = 46
FIRST_VISIBLE_HOUR = 7  # scrolled to on first show: the working day, not the night

HOLIDAY_FILL = QColor("#fbe3e3")
HOLIDAY_TEXT = QColor("#9b1c1c")
CLOSED_FILL = QColor("#eeeeee")  # outside the team's staffed hours
TODAY_FILL = QColor("#eef5ff")
GRID_LINE = QColor("#d6d6d6")
CONFLICT = QColor("#c62828")
DONE_MARK = "✓"
NO_SHOW_MARK = "✗"
CONFLICT_MARK = "⚠"
CANCELLED_MARK = "⊘"

ABSENT_TEXT = QColor("#6a4c93")
MIN_TEXT_WIDTH = 14  # narrower blocks get no text at all
_LEFT_CENTRE = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_TOP_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
_ELIDE_RIGHT = Qt.TextElideMode.ElideRight
_CONFLICT_PEN = QPen(CONFLICT, 2)
_SELECTED_PEN = QPen(QColor("#1a3e8c"), 3)
NAME_PADDING = 16  # around a mentor's name in the team's day, which is never cut
_FRAME_PEN = QPen(QColor("#7a7a7a"), 1)
_TEXT_PEN = QPen(QColor("black"))

# Distinct, readable-with-black-text fills; a mentor keeps one colour in the team view.
PALETTE = ("#cfe3ff", "#d7f0d0", "#ffe2bf", "#e8d9ff", "#ffd6e3", "#d0f0f0", "#f4efb8",
           "#e0e0e0", "#c9ecdf", "#f7d9c4")


_PALETTE_COLOURS = tuple(QColor(colour) for colour in PALETTE)


def mentor_colour(mentor_id: int | None) -> QColor:
    return _PALETTE_COLOURS[(mentor_id or 0) % len(_PALETTE_COLOURS)]


def day_heading(day: date) -> str:
    """"man. 23-11"."""
    return f"{DANISH.dayName(day.isoweekday(), DANISH.FormatType.ShortFormat)} " \
           f"{format_date(day)[:5]}"


def day_columns(days: list[date]) -> list[GridColumn]:
    return [GridColumn(day, day, day_heading(day)) for day in days]


class _GridGeometry:
    """Maps columns and minutes to pixels for a given width; shared by header and body."""

    def __init__(self, columns: list[GridColumn], width: int) -> None:
        self.column_of = {column.key: index for index, column in enumerate(columns)}
        self.column_width = max((width - GUTTER) / max(len(columns), 1), 10.0)

    def column_x(self, index: int) -> float:
        return GUTTER + index * self.column_width

    def block_rect(self, block: Block) -> QRectF:
        index = self.column_of[block.column_key]
        lane_width = (self.column_width - 4) / block.lanes
        x = self.column_x(index) + 2 + block.lane * lane_width
        top = block.start_minute * HOUR_HEIGHT / 60
        height = max((block.end_minute - block.start_minute) * HOUR_HEIGHT / 60, 14)
        return QRectF(x, top, lane_width - 1, height)


class TimeGridHeader(QWidget):
    """The heading per column (weekday and date, or a mentor's name in the team's day);
    a holiday's Danish name or who is absent under it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scene: CalendarScene | None = None
        self.columns: list[GridColumn] = []
        self.today = date.today()
        self.offset = 0  # follows the body's horizontal scrolling
        self.body: QWidget | None = None  # columns line up with the body (no scroll bar)
        self.setFixedHeight(HEADER_HEIGHT)
        self.setMouseTracking(True)

    def scroll_to(self, offset: int) -> None:
        self.offset = offset
        self.update()

    def _geometry(self) -> _GridGeometry:
        return _GridGeometry(self.columns, self.body.width() if self.body else self.width())

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().window())
        # Shifted with the body's horizontal scrolling (a transform: the translations
        # scanner takes any .translate() call for Qt's).
        painter.setTransform(QTransform.fromTranslate(-self.offset, 0))
        geometry = self._geometry()
        bold = QFont(self.font())
        bold.setBold(True)
        for index, column in enumerate(self.columns):
            facts = self.scene.facts(column.day) if self.scene else None
            rect = QRectF(geometry.column_x(index), 0, geometry.column_width, HEADER_HEIGHT)
            if facts and facts.holiday:
                painter.fillRect(rect, HOLIDAY_FILL)
            elif column.day == self.today:
                painter.fillRect(rect, TODAY_FILL)
            painter.setPen(GRID_LINE)
            painter.drawLine(rect.topLeft(), rect.bottomLeft())
            painter.setPen(self.palette().windowText().color())
            painter.setFont(bold if column.day == self.today else self.font())
            painter.drawText(rect.adjusted(4, 2, -4, -HEADER_HEIGHT / 2),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             column.heading)
            painter.setFont(self.font())
            self._paint_second_line(painter, rect.adjusted(4, HEADER_HEIGHT / 2, -4, -2),
                                    column, facts)
        painter.end()

    def _paint_second_line(self, painter: QPainter, rect: QRectF, column: GridColumn,
                           facts: DayFacts | None) -> None:
        if facts and facts.holiday:
            painter.setPen(HOLIDAY_TEXT)
            painter.drawText(rect, _LEFT_CENTRE, facts.holiday)
            return
        absent = list(_absences(column, facts))
        if absent:
            painter.setPen(ABSENT_TEXT)
            text = absent[0].split(": ", 1)[-1] if column.key != column.day \
                else self.tr("%n absent", "", len(absent))
            painter.drawText(rect, _LEFT_CENTRE, text)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        """Who is away that day (the header shows only how many)."""
        geometry = self._geometry()
        x = event.position().x() + self.offset - GUTTER
        index = int(x // geometry.column_width) if x >= 0 else -1
        column = self.columns[index] if 0 <= index < len(self.columns) else None
        facts = self.scene.facts(column.day) if self.scene and column else None
        absent = list(_absences(column, facts)) if column else []
        if facts is None or not (absent or facts.holiday):
            QToolTip.hideText()
            return
        QToolTip.showText(event.globalPosition().toPoint(),
                          "\n".join(([facts.holiday] if facts.holiday else []) + absent), self)


def _absences(column: GridColumn, facts: DayFacts | None) -> Iterator[str]:
    """The day's "Navn: ferie" lines; in a mentor's column only that mentor's."""
    for line in facts.absent if facts else ():
        if column.key == column.day or line.startswith(f"{column.heading}: "):
            yield line


class TimeGridBody(QWidget):
    """The 24 hours of the shown days, with the blocks; emits which block was used."""

    block_activated = Signal(object)  # Occurrence: double-click or Enter
    block_selected = Signal(object)  # Occurrence or None: a click chooses a block
    block_menu_requested = Signal(object, QPoint)  # Occurrence, global position
    slot_activated = Signal(object)  # datetime: double-click on an empty slot

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scene: CalendarScene | None = None
        self.columns: list[GridColumn] = []
        self.today = date.today()
        self.selected: object = None  # the chosen block's occurrence key
        self.setMinimumHeight(24 * HOUR_HEIGHT)
        self.setMouseTracking(True)
        self._texts: dict[tuple[int, int, int], str] = {}
        self._texts_for: CalendarScene | None = None

    def sizeHint(self) -> QSize:
        return QSize(800, 24 * HOUR_HEIGHT)

    # -- painting ---------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(event.rect(), QColor("white"))
        geometry = _GridGeometry(self.columns, self.width())
        self._paint_day_backgrounds(painter, geometry)
        self._paint_hour_lines(painter, event.rect())
        self._paint_blocks(painter, geometry, event.rect())
        painter.end()

    def _paint_day_backgrounds(self, painter: QPainter, geometry: _GridGeometry) -> None:
        height = self.height()
        for index, column in enumerate(self.columns):
            day = column.day
            x, width = geometry.column_x(index), geometry.column_width
            facts = self.scene.facts(day) if self.scene else None
            if facts and facts.holiday:
                painter.fillRect(QRectF(x, 0, width, height), HOLIDAY_FILL)
            else:
                # Shade what is outside the staffed hours; the whole day when closed.
                staffed = facts.staffed if facts else None
                if staffed is None:
                    painter.fillRect(QRectF(x, 0, width, height), CLOSED_FILL)
                else:
                    open_top = staffed[0] * HOUR_HEIGHT / 60
                    open_bottom = staffed[1] * HOUR_HEIGHT / 60
                    painter.fillRect(QRectF(x, 0, width, open_top), CLOSED_FILL)
                    painter.fillRect(QRectF(x, open_bottom, width, height - open_bottom),
                                     CLOSED_FILL)
                    if day == self.today:
                        painter.fillRect(QRectF(x, open_top, width, open_bottom - open_top),
                                         TODAY_FILL)
            painter.setPen(GRID_LINE)
            painter.drawLine(QRectF(x, 0, 0, height).topLeft(),
                             QRectF(x, 0, 0, height).bottomLeft())

    def _paint_hour_lines(self, painter: QPainter, exposed: QRect) -> None:
        for hour in range(24):
            y = hour * HOUR_HEIGHT
            if y > exposed.bottom() + HOUR_HEIGHT or y + HOUR_HEIGHT < exposed.top():
                continue
            painter.setPen(GRID_LINE)
            painter.drawLine(GUTTER, y, self.width(), y)
            painter.setPen(self.palette().windowText().color())
            painter.drawText(QRect(0, y, GUTTER - 6, 16), Qt.AlignmentFlag.AlignRight,
                             f"{hour:02d}:00")

    def _paint_blocks(self, painter: QPainter, geometry: _GridGeometry, exposed: QRect) -> None:
        if self.scene is None:
            return
        # Everything built once per paint, not per block: under PySide6 even OR-ing two
        # alignment flags or making a QPen costs a Python call that shows with 300 blocks.
        visible = QRectF(exposed)
        metrics = painter.fontMetrics()
        line_height = max(metrics.height(), 1)
        shown_columns = set(geometry.column_of)
        if self._texts_for is not self.scene:
            self._texts, self._texts_for = {}, self.scene
        for block in self.scene.blocks:
            if block.column_key not in shown_columns:
                continue
            rect = geometry.block_rect(block)
            if not rect.intersects(visible):
                continue
            occurrence = block.occurrence
            painter.fillRect(rect, mentor_colour(occurrence.mentor_id))
            painter.setPen(_SELECTED_PEN if occurrence.key == self.selected
                           else _CONFLICT_PEN if occurrence.conflicts else _FRAME_PEN)
            painter.drawRect(rect)
            width, height = int(rect.width()) - 5, int(rect.height()) - 2
            if width < MIN_TEXT_WIDTH:
                continue  # a sliver in a crowded hour: the tooltip tells what it is
            painter.setPen(_TEXT_PEN)
            painter.drawText(rect.adjusted(3, 1, -2, -1), _TOP_LEFT,
                             self._block_text(block, width, height, metrics, line_height))

    def _block_text(self, block: Block, width: int, height: int, metrics: QFontMetrics,
                    line_height: int) -> str:
        """The block's lines elided to its size; cached, as eliding dominates painting."""
        key = (id(block), width, height)
        text = self._texts.get(key)
        if text is None:
            occurrence = block.occurrence
            lines = [_marks(occurrence) + occurrence.title, occurrence.time_label]
            if occurrence.mentor_text:
                lines.append(occurrence.mentor_text)
            fitting = max(height // line_height, 1)
            text = "\n".join(metrics.elidedText(line, _ELIDE_RIGHT, width)
                             for line in lines[:fitting])
            self._texts[key] = text
        return text

    # -- interaction ------------------------------------------------------------------

    def block_at(self, point: QPoint) -> Block | None:
        if self.scene is None:
            return None
        geometry = _GridGeometry(self.columns, self.width())
        for block in reversed(self.scene.blocks):  # the topmost drawn first
            if block.column_key in geometry.column_of \
                    and geometry.block_rect(block).contains(point):
                return block
        return None

    def block_centre(self, occurrence_key: object) -> QPoint | None:
        """Where a block is drawn (tests click there)."""
        if self.scene is None:
            return None
        geometry = _GridGeometry(self.columns, self.width())
        for block in self.scene.blocks:
            if block.occurrence.key == occurrence_key and block.column_key in geometry.column_of:
                return geometry.block_rect(block).center().toPoint()
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        block = self.block_at(event.position().toPoint())
        self.select(block.occurrence if block else None)
        super().mousePressEvent(event)

    def select(self, occurrence: Occurrence | None) -> None:
        """Choose a block (None: none): framed, and what "Markér gennemført" acts on."""
        self.selected = occurrence.key if occurrence else None
        self.update()
        self.block_selected.emit(occurrence)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        block = self.block_at(event.position().toPoint())
        if block is not None:
            self.block_activated.emit(block.occurrence)
            return
        moment = self._moment_at(event.position().toPoint())
        if moment is not None:
            self.slot_activated.emit(moment)

    def _moment_at(self, point: QPoint) -> datetime | None:
        from datetime import time, timedelta

        geometry = _GridGeometry(self.columns, self.width())
        if point.x() < GUTTER or not self.columns:
            return None
        index = min(int((point.x() - GUTTER) // geometry.column_width), len(self.columns) - 1)
        minute = int(point.y() * 60 / HOUR_HEIGHT) // 30 * 30  # whole half hours
        minute = min(max(minute, 0), MINUTES_PER_DAY - 30)
        return datetime.combine(self.columns[index].day, time()) + timedelta(minutes=minute)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        block = self.block_at(event.pos())
        if block is not None:
            self.select(block.occurrence)
            self.block_menu_requested.emit(block.occurrence, event.globalPos())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        block = self.block_at(event.position().toPoint())
        if block is None:
            QToolTip.hideText()
            return
        QToolTip.showText(event.globalPosition().toPoint(), tooltip_for(block), self)


def _marks(occurrence: Occurrence) -> str:
    """Signs that do not rely on colour alone: conflict, done, not attended, recurring."""
    marks = ""
    if occurrence.conflicts:
        marks += CONFLICT_MARK + " "
    if occurrence.status == "done":
        marks += DONE_MARK + " "
    elif occurrence.status == "no_show":
        marks += NO_SHOW_MARK + " "
    elif occurrence.status == "cancelled":
        marks += CANCELLED_MARK + " "
    return marks


def tooltip_for(block: Block) -> str:
    occurrence = block.occurrence
    lines = [occurrence.title, f"{format_date(occurrence.starts_at.date())} "
                               f"{occurrence.time_text()}"]
    if occurrence.mentor_text:
        lines.append(occurrence.mentor_text)
    if occurrence.place:
        lines.append(occurrence.place)
    lines += [f"{CONFLICT_MARK} {reason}" for reason in occurrence.conflicts]
    return "\n".join(lines)


class TimeGrid(QWidget):
    """Header + scrollable body for a day or week."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.header = TimeGridHeader()
        self.body = TimeGridBody()
        self.header.body = self.body
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setWidget(self.body)
        self.scroll_area.setFrameShape(QScrollArea.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.scroll_area, 1)
        self.scroll_area.horizontalScrollBar().valueChanged.connect(self.header.scroll_to)
        self._scrolled = False

    def _names_width(self, columns: list[GridColumn]) -> int:
        if not columns:
            return 0
        bold = QFont(self.font())
        bold.setBold(True)
        metrics = QFontMetrics(bold)
        widest = max(metrics.horizontalAdvance(column.heading) for column in columns)
        return GUTTER + len(columns) * (widest + NAME_PADDING)

    def show_scene(self, scene: CalendarScene, days: list[date], today: date) -> None:
        columns = scene.columns or day_columns(days)
        for part in (self.header, self.body):
            part.scene, part.columns, part.today = scene, columns, today
            part.update()
        # Names are never cut to "…": the team's day scrolls sideways when the mentors'
        # columns need more than the screen (days share whatever width there is).
        self.body.setMinimumWidth(self._names_width(scene.columns))
        if self.body.selected is not None and not any(
                block.occurrence.key == self.body.selected for block in scene.blocks):
            self.body.select(None)
        if not self._scrolled:
            self._scrolled = True
            self.scroll_area.verticalScrollBar().setValue(FIRST_VISIBLE_HOUR * HOUR_HEIGHT)
