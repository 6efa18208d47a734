"""What the calendar paints, as plain lists: built on the worker thread, painted on the GUI.

Painting must stay cheap with a whole team's week (20 mentors, hundreds of blocks), so
all the work that does not need Qt happens here, off the GUI thread: an appointment that
spans midnight is cut into one block per day, overlapping blocks of a day get side-by-side
lanes, holidays and staffed hours become per-day facts. The widgets only scale and draw.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta

MINUTES_PER_DAY = 24 * 60

DAY, WEEK, MONTH, AGENDA = "day", "week", "month", "agenda"


@dataclass(frozen=True)
class Occurrence:
    """One appointment occurrence as the calendar needs it (adapted from the core's)."""

    key: object  # handed back to the actions (edit, mark done, delete)
    starts_at: datetime
    duration_minutes: int
    title: str  # initials or alias + form, never CPR or note
    mentor_id: int | None = None
    mentor_text: str = ""
    place: str = ""
    conflicts: tuple[str, ...] = ()  # Danish reasons; empty when none
    recurring: bool = False
    status: str = ""  # "", "done", "no_show", "group", "cancelled"
    start_label: str = field(default="", compare=False)  # "09:00", made off the GUI thread
    time_label: str = field(default="", compare=False)  # "09:00–10:30"

    def __post_init__(self) -> None:
        # Formatting datetimes while painting costs an import per call under PySide6's
        # import hook; done once here (on the worker), painting only reads strings.
        if not self.time_label:
            end = self.starts_at + timedelta(minutes=self.duration_minutes)
            start = f"{self.starts_at.hour:02d}:{self.starts_at.minute:02d}"
            object.__setattr__(self, "start_label", start)
            object.__setattr__(self, "time_label", f"{start}–{end.hour:02d}:{end.minute:02d}")

    @property
    def ends_at(self) -> datetime:
        return self.starts_at + timedelta(minutes=self.duration_minutes)

    def time_text(self) -> str:
        return self.time_label


@dataclass(frozen=True)
class Block:
    """The part of an occurrence on one day, with its lane among overlapping blocks."""

    occurrence: Occurrence
    day: date
    start_minute: int  # from midnight of ``day``
    end_minute: int
    lane: int = 0
    lanes: int = 1
    column: object = None  # the team's day: the mentor's column; else the day's

    @property
    def column_key(self) -> object:
        return self.day if self.column is None else self.column


@dataclass(frozen=True)
class DayFacts:
    day: date
    holiday: str = ""  # the Danish name, e.g. "Juledag"
    staffed: tuple[int, int] | None = None  # minutes from midnight, None: closed
    absent: tuple[str, ...] = ()  # "Mentor: ferie" lines for the day


@dataclass(frozen=True)
class GridColumn:
    """One column of the day/week grid: a day, or in the team's day one mentor."""

    key: object  # what a block's ``column_key`` is matched against
    day: date
    heading: str


@dataclass
class CalendarScene:
    """Everything one view shows for its period."""

    first: date
    last: date
    days: list[DayFacts] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    columns: list[GridColumn] = field(default_factory=list)  # empty: one per day

    def blocks_on(self, day: date) -> list[Block]:
        return [block for block in self.blocks if block.day == day]

    def facts(self, day: date) -> DayFacts:
        for facts in self.days:
            if facts.day == day:
                return facts
        return DayFacts(day)


def split_by_day(occurrence: Occurrence, first: date, last: date) -> list[Block]:
    """One block per day the occurrence touches within ``first``..``last``.

    An appointment 22:00–01:00 shows at the bottom of one day and the top of the next.
    """
    blocks = []
    start, end = occurrence.starts_at, occurrence.ends_at
    day = start.date()
    while True:
        midnight = datetime.combine(day, time())
        begin = max(start, midnight)
        finish = min(end, midnight + timedelta(days=1))
        if first <= day <= last and (finish > begin or occurrence.duration_minutes == 0):
            blocks.append(Block(occurrence, day, _minute(begin, midnight),
                                max(_minute(finish, midnight), _minute(begin, midnight) + 1)))
        day += timedelta(days=1)
        if datetime.combine(day, time()) >= end:
            break
    return blocks


def _minute(moment: datetime, midnight: datetime) -> int:
    return int((moment - midnight).total_seconds() // 60)


def with_lanes(blocks: Sequence[Block]) -> list[Block]:
    """Overlapping blocks of a column side by side: each cluster of overlaps shares its
    lanes.

    Greedy interval partitioning per cluster (sorted by start), so the number of lanes in
    a cluster is the largest number of blocks at the same moment.
    """
    placed: list[Block] = []
    by_column: dict[object, list[Block]] = {}
    for block in blocks:
        by_column.setdefault((block.day, block.column_key), []).append(block)
    for day_blocks in by_column.values():
        day_blocks.sort(key=lambda item: (item.start_minute, -item.end_minute))
        cluster: list[tuple[Block, int]] = []
        lane_ends: list[int] = []
        cluster_end = -1
        for block in day_blocks:
            if block.start_minute >= cluster_end and cluster:
                placed += _finish_cluster(cluster, len(lane_ends))
                cluster, lane_ends = [], []
            lane = next((index for index, end in enumerate(lane_ends)
                         if end <= block.start_minute), len(lane_ends))
            if lane == len(lane_ends):
                lane_ends.append(block.end_minute)
            else:
                lane_ends[lane] = block.end_minute
            cluster.append((block, lane))
            cluster_end = max(cluster_end, block.end_minute)
        placed += _finish_cluster(cluster, len(lane_ends))
    return placed


def _finish_cluster(cluster: list[tuple[Block, int]], lanes: int) -> list[Block]:
    return [Block(block.occurrence, block.day, block.start_minute, block.end_minute,
                  lane, max(lanes, 1), block.column) for block, lane in cluster]


def build_scene(first: date, last: date, occurrences: Iterable[Occurrence],
                days: Iterable[DayFacts]) -> CalendarScene:
    blocks = [block for occurrence in occurrences
              for block in split_by_day(occurrence, first, last)]
    scene = CalendarScene(first, last, list(days), with_lanes(blocks))
    scene.blocks.sort(key=lambda block: (block.day, block.start_minute, block.lane))
    return scene


def build_team_day(day: DayFacts, occurrences: Iterable[Occurrence],
                   people: Sequence[tuple[int, str]]) -> CalendarScene:
    """The team's day as resources: one column per person in ``people`` (id, name), each
    appointment in the column of every mentor on it (a shared visit shows twice)."""
    columns = [GridColumn(person_id, day.day, name) for person_id, name in people]
    shown = {person_id for person_id, _name in people}
    blocks = [replace(block, column=occurrence.mentor_id)
              for occurrence in occurrences if occurrence.mentor_id in shown
              for block in split_by_day(occurrence, day.day, day.day)]
    scene = CalendarScene(day.day, day.day, [day], with_lanes(blocks), columns)
    scene.blocks.sort(key=lambda block: (block.start_minute, block.lane))
    return scene


def period_for(view: str, anchor: date) -> tuple[date, date]:
    """The days a view shows around ``anchor``: its day, ISO week or the month's grid
    (whole weeks, Monday first, so the month view is always 7 columns wide)."""
    if view == DAY:
        return anchor, anchor
    if view in (WEEK, AGENDA):
        monday = anchor - timedelta(days=anchor.weekday())
        return monday, monday + timedelta(days=6)
    first_of_month = anchor.replace(day=1)
    next_month = (first_of_month + timedelta(days=32)).replace(day=1)
    start = first_of_month - timedelta(days=first_of_month.weekday())
    last_of_month = next_month - timedelta(days=1)
    end = last_of_month + timedelta(days=6 - last_of_month.weekday())
    return start, end


def step(view: str, anchor: date, direction: int) -> date:
    """The anchor one view-length earlier (-1) or later (+1)."""
    if view == DAY:
        return anchor + timedelta(days=direction)
    if view in (WEEK, AGENDA):
        return anchor + timedelta(days=7 * direction)
    month = anchor.month - 1 + direction
    year = anchor.year + month // 12
    month = month % 12 + 1
    return date(year, month, 1)
