"""The report's two charts, drawn with canvas primitives.

Drawn from plain paths and strings rather than reportlab's chart classes or its
reportlab.graphics renderer: these two layouts are simple, and walking a shape tree
(a state save, restore and colour change per node) cost more than drawing the marks in a
250-report batch. The output stays byte-stable (no floating tick heuristics).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from mentordesk.domain.dates import format_date
from mentordesk.domain.vum import FunctionLevel
from mentordesk.pdf.toolkit import FONT, GRID_COLOUR, HEADER_COLOUR
from mentordesk.reports.progress.assemble import LevelPoint
from mentordesk.reports.progress.hours_source import WeekFigures

BAND_COLOUR = colors.HexColor("#D9EAD3")
BAR_COLOUR = HEADER_COLOUR
LINE_COLOUR = colors.HexColor("#C55A11")
MINIMUM_COLOUR = colors.HexColor("#6AA84F")
FONT_SIZE = 6.5


def hours_chart(weeks: Sequence[WeekFigures], width: float) -> Chart:
    """Delivered hours per week as bars over the granted band (shaded; a line for a
    minimum without an upper limit)."""
    height = 52 * mm
    left, bottom, top_pad = 12 * mm, 9 * mm, 4 * mm
    plot_w, plot_h = width - left - 2 * mm, height - bottom - top_pad
    drawing = _drawing(width, height)
    top_value = max([1.0] + [_hours(w.delivered_minutes) for w in weeks]
                    + [_hours(w.granted_max_minutes or w.granted_min_minutes or 0)
                       for w in weeks])
    step = _tick_step(top_value)
    scale_top = step * (int(top_value / step) + 1)
    per_hour = plot_h / scale_top
    _y_axis(drawing, left, bottom, plot_w, plot_h, scale_top, step)
    if not weeks:
        return drawing
    slot = plot_w / len(weeks)
    # One path per kind of mark: each shape node costs the renderer a state change, and
    # a batch draws thousands of charts.
    bands = Path(fill=BAND_COLOUR, stroke=None)
    minimums = Path(fill=None, stroke=MINIMUM_COLOUR, width=1.2)
    bars = Path(fill=BAR_COLOUR, stroke=None)
    label_every = max(1, -(-len(weeks) // 8))  # at most 8 week labels
    for index, week in enumerate(weeks):
        x = left + index * slot
        low, high = week.granted_min_minutes, week.granted_max_minutes
        if high is not None:
            low_y = bottom + _hours(low or 0) * per_hour
            _rect(bands, x, low_y, slot, max(_hours(high - (low or 0)) * per_hour, 0.8))
        elif low is not None:
            minimums.move_to(x, bottom + _hours(low) * per_hour)
            minimums.line_to(x + slot, bottom + _hours(low) * per_hour)
        if week.delivered_minutes > 0:
            _rect(bars, x + slot * 0.2, bottom, slot * 0.6,
                  _hours(week.delivered_minutes) * per_hour)
        if index % label_every == 0:
            drawing.add(_text(x + slot / 2, bottom - 4 * mm, week.week[-2:].lstrip("0"),
                              "middle"))
    for path in (bands, minimums, bars):
        if path.points:
            drawing.add(path)
    drawing.add(_text(left + plot_w, bottom - 7.5 * mm, "Uge (grøn: bevilget, blå: leveret)",
                      "end"))
    return drawing


def level_chart(points: Sequence[LevelPoint], start: date, end: date,
                width: float = 70 * mm) -> Chart:
    """Functional level 0–4 over the period (0, no reduced function, at the top)."""
    height = 30 * mm
    left, bottom, top_pad = 20 * mm, 5 * mm, 2.5 * mm
    plot_w, plot_h = width - left - 3 * mm, height - bottom - top_pad
    drawing = _drawing(width, height)
    grid = Path(stroke=GRID_COLOUR, width=0.3, fill=None)
    for level in FunctionLevel:
        y = bottom + plot_h * (4 - level.value) / 4
        grid.move_to(left, y)
        grid.line_to(left + plot_w, y)
        drawing.add(_text(left - 1.5 * mm, y - 2, f"{level.value} {level.short_label}", "end"))
    drawing.add(grid)
    span = max((end - start).days, 1)
    coordinates: list[float] = []
    marks = Path(fill=LINE_COLOUR, stroke=None)
    for point in points:
        if point.level is None:
            continue
        x = left + plot_w * min(max((point.on - start).days, 0), span) / span
        y = bottom + plot_h * (4 - point.level) / 4
        coordinates += [x, y]
        _rect(marks, x - 2, y - 2, 4, 4)
    if len(coordinates) >= 4:
        line = Path(fill=None, stroke=LINE_COLOUR, width=1)
        line.move_to(coordinates[0], coordinates[1])
        for index in range(2, len(coordinates), 2):
            line.line_to(coordinates[index], coordinates[index + 1])
        drawing.add(line)
    if marks.points:
        drawing.add(marks)
    drawing.add(_text(left, 0.5 * mm, format_date(start)))
    drawing.add(_text(left + plot_w, 0.5 * mm, format_date(end), "end"))
    return drawing


class Path:
    """One kind of mark (grid lines, bars, band...): its segments share one colour, so
    the whole set is a single PDF path operation."""

    def __init__(self, fill: colors.Color | None = None, stroke: colors.Color | None = None,
                 width: float = 1) -> None:
        self.fill, self.stroke, self.width = fill, stroke, width
        self.points: list[tuple] = []

    def move_to(self, x: float, y: float) -> None:
        self.points.append(("move", x, y))

    def line_to(self, x: float, y: float) -> None:
        self.points.append(("line", x, y))

    def close(self) -> None:
        self.points.append(("close",))


class Chart(Flowable):
    """Paths and labels drawn straight on the page canvas, in the order they were added
    (later marks on top), labels in the embedded font in black."""

    def __init__(self, width: float, height: float, font: str, font_size: float) -> None:
        super().__init__()
        self.width, self.height = width, height
        self.font, self.font_size = font, font_size
        self.items: list[Path | tuple] = []

    def add(self, item: Path | tuple) -> None:
        self.items.append(item)

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        # drawOn wraps this in saveState/restoreState, so nothing leaks to the page.
        canvas = self.canv
        canvas.setFont(self.font, self.font_size)
        text_colour_set = False
        for item in self.items:
            if isinstance(item, Path):
                _draw_path(canvas, item)
                text_colour_set = text_colour_set and item.fill is None
            else:
                if not text_colour_set:
                    canvas.setFillColor(colors.black)
                    text_colour_set = True
                _draw_text(canvas, *item[1:])


def _draw_path(canvas, path: Path) -> None:
    pdf_path = canvas.beginPath()
    for point in path.points:
        if point[0] == "move":
            pdf_path.moveTo(point[1], point[2])
        elif point[0] == "line":
            pdf_path.lineTo(point[1], point[2])
        else:
            pdf_path.close()
    if path.fill is not None:
        canvas.setFillColor(path.fill)
    if path.stroke is not None:
        canvas.setStrokeColor(path.stroke)
        canvas.setLineWidth(path.width)
    canvas.drawPath(pdf_path, stroke=int(path.stroke is not None),
                    fill=int(path.fill is not None))


def _draw_text(canvas, x: float, y: float, text: str, anchor: str) -> None:
    if anchor == "end":
        canvas.drawRightString(x, y, text)
    elif anchor == "middle":
        canvas.drawCentredString(x, y, text)
    else:
        canvas.drawString(x, y, text)


def _drawing(width: float, height: float) -> Chart:
    return Chart(width, height, FONT, FONT_SIZE)


def _text(x: float, y: float, text: str, anchor: str = "start") -> tuple:
    return ("text", x, y, text, anchor)


def _rect(path: Path, x: float, y: float, width: float, height: float) -> None:
    path.move_to(x, y)
    path.line_to(x + width, y)
    path.line_to(x + width, y + height)
    path.line_to(x, y + height)
    path.close()


def _y_axis(drawing: Chart, left: float, bottom: float, plot_w: float, plot_h: float,
            scale_top: float, step: float) -> None:
    grid = Path(stroke=GRID_COLOUR, width=0.3, fill=None)
    value = 0.0
    while value <= scale_top + 1e-9:
        y = bottom + plot_h * value / scale_top
        grid.move_to(left, y)
        grid.line_to(left + plot_w, y)
        drawing.add(_text(left - 1.5 * mm, y - 2, f"{value:g}".replace(".", ","), "end"))
        value += step
    drawing.add(grid)
    drawing.add(_text(left - 10 * mm, bottom + plot_h + 1.5 * mm, "Timer"))


def _tick_step(top: float) -> float:
    for step in (1, 2, 5, 10, 20, 50):
        if top / step <= 6:
            return step
    return 100


def _hours(minutes: int) -> float:
    return minutes / 60
