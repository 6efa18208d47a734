"""Benchmark: the interactive loads on the 250-citizen demo and at ten times the data.

Both databases are built once with ``mentordesk demo`` into a cache folder
(``MENTORDESK_BENCH_CACHE``, default ``~/.cache/mentordesk-bench``; 2 500 citizens and
5 years take about ten minutes) and reused. Per size, in this process:

- team week hours: ``weekly_hours`` for one week, the whole team (the Timer page's week);
- year-to-date totals: ``weekly_hours`` from 1 January to today (the page's period);
- delivered minutes of the year summed from the contact log itself, for comparison (what
  the totals cost before the per-week sums, migration 0005);
- team calendar week load: ``load_scene`` as the Kalender page runs it on the worker;
- citizen search p95: ``list_citizens`` per keystroke of a few names;
- start-up to a populated window vs a bare PySide6 window, fresh processes (bench/startup).

Ratios are "10× data / demo" for the loads and "MentorDesk / bare window" for start-up,
each measured in this run. Targets: every load ≤ 150 ms on the demo and ≤ 3× that at 10×;
start-up ≤ 3× a bare window (≤ 1.5× the goal). On a shared machine, compare ratios.

    python bench/at_scale.py
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import startup  # noqa: E402  (the same start-up scripts as bench/startup.py)

from mentordesk import vault  # noqa: E402
from mentordesk.domain.dates import week_bounds  # noqa: E402
from mentordesk.kernel.context import Context  # noqa: E402
from mentordesk.paths import DEMO_PASSPHRASE  # noqa: E402
from mentordesk.schedule import weekly_hours  # noqa: E402
from mentordesk.services.citizens import list_citizens  # noqa: E402
from mentordesk.services.team import resolve_actor  # noqa: E402
from mentordesk.storage.queries import delivered_weeks  # noqa: E402

SIZES = (250, 2_500)
ROUNDS = 5
STARTUP_RUNS = 5
SEARCHED = ("Ha", "Hans", "Ann", "Jens", "Møl", "Niel", "Sø", "Ped", "1234")


def cache_folder() -> Path:
    folder = Path(os.environ.get("MENTORDESK_BENCH_CACHE",
                                 Path.home() / ".cache" / "mentordesk-bench"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def demo_database(citizens: int) -> Path:
    path = cache_folder() / f"demo-{citizens}.mentordesk"
    if not path.exists():
        print(f"building the {citizens}-citizen demo database once…", flush=True)
        subprocess.run([sys.executable, "-m", "mentordesk", "demo", str(path),
                        "--citizens", str(citizens)], check=True, capture_output=True,
                       env=dict(os.environ, MENTORDESK_PASSPHRASE=DEMO_PASSPHRASE))
    return path


def median_ms(action: Callable[[], object], rounds: int = ROUNDS) -> float:
    action()  # imports and caches once, outside the clock
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def p95_ms(actions: list[Callable[[], object]]) -> float:
    times = []
    for action in actions:
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def loads(path: Path) -> dict[str, float]:
    from ui.views.calendar.data import load_scene  # the page's worker-side load

    database = vault.unlock_with_passphrase(path, DEMO_PASSPHRASE)  # migrates once
    try:
        context = Context(database, resolve_actor(database, vault.current_login()))
        today = date.today()
        monday, sunday = week_bounds(today)
        new_year = date(today.year, 1, 1)

        def recount_year() -> None:
            with database.read_session() as session:
                session.execute(delivered_weeks.recounted_per_citizen_week()).all()

        keystrokes = [word[:length] for word in SEARCHED for length in range(1, len(word) + 1)]
        return {
            "team week hours": median_ms(
                lambda: weekly_hours(context, monday, sunday, today=today)),
            "year-to-date totals": median_ms(
                lambda: weekly_hours(context, new_year, today, today=today)),
            "  (the log summed, as before)": median_ms(recount_year),
            "team calendar week load": median_ms(lambda: load_scene(
                context, monday, sunday, scope="team", chosen=None,
                today=today, team_view=True)),
            "citizen search p95": p95_ms([
                lambda typed=typed: list_citizens(context, typed) for typed in keystrokes]),
        }
    finally:
        database.close()


def startup_ratio(path: Path) -> tuple[float, float]:
    """(bare window, MentorDesk) medians in seconds, the app opening ``path`` as its demo."""
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
               PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring")
    with tempfile.TemporaryDirectory() as home:
        env["MENTORDESK_HOME"] = home
        data = Path(home) / "data"
        data.mkdir()
        (data / "demo.mentordesk").symlink_to(path)
        startup._timed(startup.MENTORDESK_WINDOW, env)  # warm the file cache alike
        startup._timed(startup.BARE_WINDOW, env)
        bare, app = [], []
        for _ in range(STARTUP_RUNS):
            bare.append(startup._timed(startup.BARE_WINDOW, env))
            app.append(startup._timed(startup.MENTORDESK_WINDOW, env))
        shutil.rmtree(data / "backups", ignore_errors=True)
    return statistics.median(bare), statistics.median(app)


def main() -> None:
    paths = {size: demo_database(size) for size in SIZES}
    figures = {size: loads(path) for size, path in paths.items()}
    small, large = SIZES
    print(f"{'load (median ms; search p95)':<34}{small:>9}{large:>9}   ratio 10×/1×")
    for name in figures[small]:
        first, second = figures[small][name], figures[large][name]
        print(f"{name:<34}{first:>9.1f}{second:>9.1f}   {second / first:>5.2f}×")
    for size, path in paths.items():
        bare, app = startup_ratio(path)
        print(f"start-up, {size} citizens: bare {bare * 1000:.0f} ms, MentorDesk "
              f"{app * 1000:.0f} ms, ratio {app / bare:.2f}×   (target ≤ 3×, goal ≤ 1.5×)")


if __name__ == "__main__":
    main()
