"""Benchmark: the team week in the Kalender page on demo data (20 mentors).

Measures, on the real page with the real TaskRunner (offscreen Qt):
- load: refresh() until the prepared scene is shown (service + scene on the worker);
- paint: one full repaint of the week grid (grab of header + body);
- stall: the longest gap between ticks of a 5 ms GUI timer from the click until the new
  week is on screen (load on the worker, then the real repaint), i.e. how long the
  window would not react. The paint figure is measured after that, outside the meter.
Baseline, in the same run: the same page on an empty week (no appointments), so the
ratios show what the team's data costs on top of drawing the grid itself.
Run: ``QT_QPA_PLATFORM=offscreen python bench/calendar_week.py [--citizens 250]``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from mentordesk.demo import build_demo  # noqa: E402
from ui.operations import ChangeHub, Operations  # noqa: E402
from ui.tasks import TaskRunner  # noqa: E402
from ui.views.calendar.page import CalendarPage  # noqa: E402
from ui.workspace import load_workspace  # noqa: E402

PASSPHRASE = "benchmark-adgangskode"
ROUNDS = 5
EMPTY_WEEK = date(2000, 1, 3)  # long before any demo data


class StallMeter:
    """The longest gap between 5 ms timer ticks: a blocked GUI thread shows as a gap."""

    def __init__(self) -> None:
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._tick)
        self.last = 0.0
        self.longest = 0.0

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self.last)
        self.last = now

    def start(self) -> None:
        self.last, self.longest = time.perf_counter(), 0.0
        self.timer.start()

    def stop(self) -> float:
        self.timer.stop()
        self._tick()
        return self.longest


def wait_for(app: QApplication, done: list) -> None:
    while not done:
        app.processEvents()
        time.sleep(0.001)


def measure(app: QApplication, page: CalendarPage, anchor: date) -> tuple[float, float, float,
                                                                           int]:
    meter = StallMeter()
    done: list = []
    page.scene_loaded.connect(done.append)
    meter.start()
    started = time.perf_counter()
    page.go_to(anchor)
    wait_for(app, done)
    loaded = time.perf_counter() - started
    for _ in range(5):  # the real repaint of the shown scene happens in here
        app.processEvents()
        time.sleep(0.002)
    stall = meter.stop()
    painted_at = time.perf_counter()
    page.time_grid.header.grab()
    page.time_grid.body.grab()
    paint = time.perf_counter() - painted_at
    page.scene_loaded.disconnect(done.append)
    return loaded, paint, stall, len(page.scene.blocks)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--citizens", type=int, default=250)
    parser.add_argument("--mentors", type=int, default=20)
    arguments = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv)
    today = date(2026, 11, 23)
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        database = build_demo(Path(folder) / "demo.mentordesk", PASSPHRASE,
                              citizens=arguments.citizens, mentors=arguments.mentors,
                              years=1, seed=1, today=today)
        print(f"demo: {arguments.citizens} citizens, {arguments.mentors} mentors "
              f"({time.perf_counter() - started:.1f} s to build)")
        runner = TaskRunner()
        workspace = load_workspace(database)
        page = CalendarPage(Operations(workspace, runner, ChangeHub()), "Kalender", today=today)
        page.resize(1400, 900)
        page.show()
        results: dict[str, list[tuple[float, float, float, int]]] = {"empty": [], "team": []}
        measure(app, page, today)  # warm up: imports, caches, the first audit write
        for _ in range(ROUNDS):
            results["empty"].append(measure(app, page, EMPTY_WEEK))
            results["team"].append(measure(app, page, today))
        runner.stop(database.close)
    report(results)


def report(results: dict[str, list[tuple[float, float, float, int]]]) -> None:
    def median(kind: str, index: int) -> float:
        return statistics.median(row[index] for row in results[kind])

    blocks = results["team"][0][3]
    print(f"team week: {blocks} blocks (median of {ROUNDS} rounds)")
    for label, index in (("load (service + scene)", 0), ("paint (full grid)", 1),
                         ("longest GUI stall", 2)):
        base, team = median("empty", index), median("team", index)
        print(f"{label:24s} empty week {base * 1000:7.1f} ms   team week "
              f"{team * 1000:7.1f} ms   ratio {team / base if base else float('nan'):5.2f}×")
    worst = max(row[2] for row in results["team"])
    print(f"worst GUI stall over all team-week rounds: {worst * 1000:.1f} ms")


if __name__ == "__main__":
    main()
