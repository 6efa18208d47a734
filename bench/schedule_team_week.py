"""Benchmark: the whole team's week (20 mentors, 250 demo citizens) through the calendar
service vs a bare SELECT of the same appointment rows, and the week's hours overview.

``calendar_items`` expands series, attaches logged contacts, group sessions, conflicts
(holidays, absences, double bookings across the mentors' other bookings), names and one
audit event. The baseline is the raw candidate-row query on the same encrypted file. The
GUI runs this on the TaskRunner worker thread, so the figure is latency, not a freeze.

    python bench/schedule_team_week.py
"""

from __future__ import annotations

import statistics
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import select

from mentordesk import vault
from mentordesk.demo import build_demo
from mentordesk.domain.dates import week_bounds
from mentordesk.kernel.context import Context
from mentordesk.schedule import calendar_items, weekly_hours
from mentordesk.services.team import resolve_actor
from mentordesk.storage.models import Appointment

PASSPHRASE = "benchmark-adgangskode"
ROUNDS = 15


def _timed(action, rounds: int = ROUNDS) -> list[float]:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return times


def run() -> dict[str, list[float]]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "week.mentordesk"
        build_demo(path, PASSPHRASE, citizens=250, mentors=20, years=1, seed=5).close()
        database = vault.unlock_with_passphrase(path, PASSPHRASE)
        try:
            actor = resolve_actor(database, vault.current_login())
            monday, sunday = week_bounds(date.today() + timedelta(days=7))
            window = (datetime.combine(monday, datetime.min.time()),
                      datetime.combine(sunday + timedelta(days=1), datetime.min.time()))

            def raw() -> None:
                with database.read_session() as session:
                    session.execute(select(Appointment.__table__).where(
                        Appointment.starts_at < window[1])).all()

            context = Context(database, actor)
            count = len(calendar_items(context, monday, sunday))
            results = {
                "raw SELECT": _timed(raw),
                "calendar_items": _timed(lambda: calendar_items(context, monday, sunday)),
                "weekly_hours": _timed(lambda: weekly_hours(context, monday, sunday), 5),
            }
            print(f"team week {monday}..{sunday}: {count} calendar items")
            return results
        finally:
            database.close()


def main() -> None:
    results = run()
    baseline = statistics.median(results["raw SELECT"])
    print(f"{'measure':<16} {'median ms':>10} {'max ms':>8} {'× raw':>7}")
    for name, times in results.items():
        median = statistics.median(times)
        print(f"{name:<16} {median:>10.1f} {max(times):>8.1f} {median / baseline:>7.1f}")


if __name__ == "__main__":
    main()
