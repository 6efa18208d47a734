"""Benchmark: the file benchmarks' workloads on the team server vs the SQLCipher file.

Two demos (cached, see bench/server_setup.py): the 250-citizen one and 2 500 citizens over
five years (about a million contacts). Each is imported into a throwaway cluster (the
tests' own: TLS, SCRAM, row-level security applied as ``server init`` would). Per size,
as a COORDINATOR and as a MENTOR (whom row-level security filters on the server), the
same operations the app runs, file vs server:

- citizen search p95: ``list_citizens`` per keystroke of a few names;
- team week hours: ``weekly_hours`` for this week; year-to-date totals: ``hours_totals``;
- report batch: ``run_batch`` for up to 250 of the person's active citizens, reports/s;
- start-up: open (unlock the file with the passphrase / log in to the server), resolve
  the person and read the first citizens list.

Then "RLS cost": the same operations as the mentor on their own login (row-level
security on) vs on the superuser's connection acting as the mentor (the app's own checks
identical, no row-level security), plus two plain statements over the contact table.

Ratios are within one run (server / file, RLS / no RLS); on a shared machine compare
ratios, not milliseconds. Figures are medians of a few rounds unless named p95.

    python bench/server_vs_file.py [--sizes 250 2500] [--no-reports]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import server_setup  # noqa: E402
from sqlalchemy import func, select, text  # noqa: E402

from mentordesk.domain.codes import CitizenStatus, Role  # noqa: E402
from mentordesk.domain.dates import week_bounds  # noqa: E402
from mentordesk.kernel.context import Context  # noqa: E402
from mentordesk.reports.progress.assemble import Period  # noqa: E402
from mentordesk.reports.progress.batch import Selection, run_batch  # noqa: E402
from mentordesk.schedule import hours_totals, weekly_hours  # noqa: E402
from mentordesk.services.citizens import list_citizens  # noqa: E402
from mentordesk.services.team import resolve_actor  # noqa: E402
from mentordesk.storage.database import Database, ServerDatabase  # noqa: E402
from mentordesk.storage.models import Assignment, Contact, User  # noqa: E402
from tests.server_support import ServerDatabases  # noqa: E402

ROUNDS = 5
STARTUPS = 3
BATCH_LIMIT = 250
SEARCHED = ("Ha", "Hans", "Ann", "Jens", "Møl", "Niel", "Sø", "Ped", "1234")
COORDINATOR = "mentor01"  # the demo's first person is a coordinator


def median_ms(action: Callable[[], object], rounds: int = ROUNDS) -> float:
    action()  # caches and the pool once, outside the clock
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def p95_ms(actions: list[Callable[[], object]]) -> float:
    actions[0]()
    times = []
    for action in actions:
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def workloads(database: Database, login: str, *, reports: bool) -> dict[str, float]:
    """The interactive figures (ms) and the batch's reports/s for ``login``."""
    context = Context(database, resolve_actor(database, login))
    today = date.today()
    monday, sunday = week_bounds(today)
    new_year = date(today.year, 1, 1)
    keystrokes = [word[:length] for word in SEARCHED for length in range(1, len(word) + 1)]
    figures = {
        "search p95 ms": p95_ms([lambda typed=typed: list_citizens(context, typed)
                                 for typed in keystrokes]),
        "team week hours ms": median_ms(
            lambda: weekly_hours(context, monday, sunday, today=today)),
        "year-to-date totals ms": median_ms(
            lambda: hours_totals(context, new_year, today, today=today)),
    }
    if reports:
        figures["report batch reports/s"] = reports_per_second(context, today)
    return figures


def reports_per_second(context: Context, today: date) -> float:
    ids = tuple(row.id for row in list_citizens(context)
                if row.status_code == CitizenStatus.ACTIVE.value)
    end = today.replace(day=1) - timedelta(days=1)
    period = Period((end - timedelta(days=85)).replace(day=1), end)
    with tempfile.TemporaryDirectory(prefix="mentordesk-bench-reports-") as folder:
        run_batch(context, Selection(citizen_ids=ids[:1]), period, Path(folder) / "warm",
                  today=today)
        start = time.perf_counter()
        result = run_batch(context, Selection(citizen_ids=ids[:BATCH_LIMIT]), period,
                           Path(folder) / "batch", today=today)
        seconds = time.perf_counter() - start
    return len(result.files) / seconds if result.files else 0.0


def startup_ms(open_database: Callable[[], Database], login: str) -> float:
    """Open, resolve the person, the first citizens list, close: median of fresh opens."""
    times = []
    for _ in range(STARTUPS):
        start = time.perf_counter()
        database = open_database()
        try:
            list_citizens(Context(database, resolve_actor(database, login)))
        finally:
            database.close()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def busiest_mentor(path: Path) -> str:
    """The (non-volunteer) mentor with the most current assignments: RLS at its widest."""
    database = server_setup.open_demo(path)
    try:
        with database.read_session() as session:
            return str(session.execute(
                select(User.login).join(Assignment, Assignment.user_id == User.id)
                .where(User.role == Role.MENTOR.value, User.active, Assignment.end_on.is_(None))
                .group_by(User.login).order_by(func.count().desc(), User.login).limit(1)
            ).scalar_one())
    finally:
        database.close()


def plain_statements(database: Database) -> dict[str, float]:
    """Two statements straight over the contact table (the policy on every row)."""
    def count_contacts() -> None:
        with database.read_session() as session:
            session.scalar(select(func.count()).select_from(Contact))

    def year_minutes() -> None:
        with database.read_session() as session:
            session.execute(text(
                "SELECT citizen_id, sum(duration_minutes) FROM contact "
                "WHERE contact_on >= date_trunc('year', now())::date GROUP BY citizen_id")
            ).all()
    return {"count(*) contact ms": median_ms(count_contacts),
            "year's minutes per citizen (SQL) ms": median_ms(year_minutes)}


def one_size(databases: ServerDatabases, citizens: int, *, reports: bool) -> None:
    with tempfile.TemporaryDirectory(prefix="mentordesk-bench-file-") as folder:
        path = server_setup.working_copy(server_setup.demo_file(citizens, 5), Path(folder))
        compare(databases, citizens, path, reports=reports)


def compare(databases: ServerDatabases, citizens: int, path: Path, *, reports: bool) -> None:
    mentor = busiest_mentor(path)
    team = server_setup.import_demo(databases, path)
    server_setup.give_logins(team, {COORDINATOR: Role.COORDINATOR, mentor: Role.MENTOR})
    print(f"\n== {citizens} citizens, 5 years: imported in {team.import_seconds:.1f} s; "
          f"coordinator {COORDINATOR}, mentor {mentor} ==", flush=True)
    rows: dict[str, dict[str, float]] = {}
    for who in (COORDINATOR, mentor):
        file = server_setup.open_demo(path)
        try:
            on_file = workloads(file, who, reports=reports)
        finally:
            file.close()
        server = ServerDatabase.connect(team.as_login(who))
        try:
            on_server = workloads(server, who, reports=reports)
        finally:
            server.close()
        on_file["start-up ms"] = startup_ms(lambda: server_setup.open_demo(path), who)
        on_server["start-up ms"] = startup_ms(
            lambda who=who: ServerDatabase.connect(team.as_login(who)), who)
        for name in on_file:
            rows.setdefault(name, {}).update(
                {f"{who} file": on_file[name], f"{who} server": on_server[name]})
    _print_versus(rows, COORDINATOR, mentor)
    _print_rls(team, mentor)


def _print_versus(rows: dict[str, dict[str, float]], coordinator: str, mentor: str) -> None:
    print(f"{'':<26}{'coordinator':>26}{'':>8}{'mentor (RLS on server)':>26}")
    print(f"{'':<26}{'file':>12}{'server':>12}{'ratio':>8}{'file':>12}{'server':>12}"
          f"{'ratio':>8}")
    for name, values in rows.items():
        line = f"{name:<26}"
        for who in (coordinator, mentor):
            file, server = values[f"{who} file"], values[f"{who} server"]
            line += f"{file:>12.1f}{server:>12.1f}{server / file:>7.2f}×"
        print(line)
    print("(ratio: server / file; for reports/s higher is better)")


def _print_rls(team: server_setup.ImportedTeam, mentor: str) -> None:
    figures = {}
    for label, profile in (("RLS", team.as_login(mentor)), ("no RLS", team.superuser)):
        database = ServerDatabase.connect(profile)
        try:
            figures[label] = {**workloads(database, mentor, reports=False),
                              **plain_statements(database)}
        finally:
            database.close()
    print(f"RLS cost as {mentor}: own login (RLS) vs superuser acting as {mentor}")
    print(f"{'':<38}{'RLS':>10}{'no RLS':>10}{'ratio':>8}")
    for name, with_rls in figures["RLS"].items():
        without = figures["no RLS"][name]
        print(f"{name:<38}{with_rls:>10.1f}{without:>10.1f}{with_rls / without:>7.2f}×")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[250, 2_500])
    parser.add_argument("--no-reports", action="store_true")
    args = parser.parse_args()
    server_setup.isolate_home()
    for size in args.sizes:
        server_setup.demo_file(size, 5)  # built before the cluster starts
    cluster = server_setup.start_cluster()
    try:
        databases = ServerDatabases(cluster)
        for size in args.sizes:
            one_size(databases, size, reports=not args.no_reports)
    finally:
        cluster.stop()


if __name__ == "__main__":
    main()
