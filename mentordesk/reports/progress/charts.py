"""The report's two charts, drawn with reportlab.graphics shapes.

Drawn from plain shapes rather than reportlab's chart classes: these two layouts are
simple, the shapes cost a fraction of the chart classes' time in a 250-report batch, and
the output stays byte-stable (no floating tick heuristics).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from reportlab.graphics.shapes import Drawing, Path, PolyLine, String
from reportlab.lib import colors
from reportlab.lib.units import mm

from mentordesk.domain.dates import format_date
from mentordesk.domain.vum import FunctionLevel
from mentordesk.reports.pdf import FONT, GRID_COLOUR, HEADER_COLOUR
from mentordesk.reports.progress.assemble import LevelPoint
from mentordesk.reports.progress.hours_source import WeekFigures

BAND_COLOUR = colors.HexColor("#D9EAD3")
BAR_COLOUR = HEADER_COLOUR
LINE_COLOUR = colors.HexColor("#C55A11")
MINIMUM_COLOUR = colors.HexColor("#6AA84F")
FONT_SIZE = 6.5


def hours_chart(weeks: Sequence[WeekFigures], width: float) -> Drawing:
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
    bands = Path(fillColor=BAND_COLOUR, strokeColor=None)
    minimums = Path(fillColor=None, strokeColor=MINIMUM_COLOUR, strokeWidth=1.2)
    bars = Path(fillColor=BAR_COLOUR, strokeColor=None)
    label_every = max(1, -(-len(weeks) // 8))  # at most 8 week labels
    for index, week in enumerate(weeks):
        x = left + index * slot
        low, high = week.granted_min_minutes, week.granted_max_minutes
        if high is not None:
            low_y = bottom + _hours(low or 0) * per_hour
            _rect(bands, x, low_y, slot, max(_hours(high - (low or 0)) * per_hour, 0.8))
        elif low is not None:
            minimums.moveTo(x, bottom + _hours(low) * per_hour)
            minimums.lineTo(x + slot, bottom + _hours(low) * per_hour)
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
                width: float = 70 * mm) -> Drawing:
    """Functional level 0–4 over the period (0, no reduced function, at the top)."""
    height = 30 * mm
    left, bottom, top_pad = 20 * mm, 5 * mm, 2.5 * mm
    plot_w, plot_h = width - left - 3 * mm, height - bottom - top_pad
    drawing = _drawing(width, height)
    grid = Path(strokeColor=GRID_COLOUR, strokeWidth=0.3, fillColor=None)
    for level in FunctionLevel:
        y = bottom + plot_h * (4 - level.value) / 4
        grid.moveTo(left, y)
        grid.lineTo(left + plot_w, y)
        drawing.add(_text(left - 1.5 * mm, y - 2, f"{level.value} {level.short_label}", "end"))
    drawing.add(grid)
    span = max((end - start).days, 1)
    coordinates: list[float] = []
    marks = Path(fillColor=LINE_COLOUR, strokeColor=None)
    for point in points:
        if point.level is None:
            continue
        x = left + plot_w * min(max((point.on - start).days, 0), span) / span
        y = bottom + plot_h * (4 - point.level) / 4
        coordinates += [x, y]
        _rect(marks, x - 2, y - 2, 4, 4)
    if len(coordinates) >= 4:
        drawing.add(PolyLine(coordinates, strokeColor=LINE_COLOUR, strokeWidth=1))
    if marks.points:
        drawing.add(marks)
    drawing.add(_text(left, 0.5 * mm, format_date(start)))
    drawing.add(_text(left + plot_w, 0.5 * mm, format_date(end), "end"))
    return drawing


def _drawing(width: float, height: float) -> Drawing:
    drawing = Drawing(width, height)
    # Otherwise the renderer starts each chart in Helvetica, referenced but not embedded.
    drawing.initialFontName = FONT
    drawing.initialFontSize = FONT_SIZE
    return drawing


def _text(x: float, y: float, text: str, anchor: str = "start") -> String:
    return String(x, y, text, fontName=FONT, fontSize=FONT_SIZE, textAnchor=anchor)


def _rect(path: Path, x: float, y: float, width: float, height: float) -> None:
    path.moveTo(x, y)
    path.lineTo(x + width, y)
    path.lineTo(x + width, y + height)
    path.lineTo(x, y + height)
    path.closePath()


def _y_axis(drawing: Drawing, left: float, bottom: float, plot_w: float, plot_h: float,
            scale_top: float, step: float) -> None:
    grid = Path(strokeColor=GRID_COLOUR, strokeWidth=0.3, fillColor=None)
    value = 0.0
    while value <= scale_top + 1e-9:
        y = bottom + plot_h * value / scale_top
        grid.moveTo(left, y)
        grid.lineTo(left + plot_w, y)
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
