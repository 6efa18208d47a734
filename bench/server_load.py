"""Benchmark: twenty people on one team server for a minute.

The 250-citizen demo (cached, see bench/server_setup.py) is imported into a throwaway
cluster; twenty processes (``spawn``, as on Windows), each logged in as their own person
(10 mentors under row-level security, 8 coordinators, 2 admins), do a day's mix at once:
search, open a record, log a contact, edit a goal, the team's week hours, now and then a
progression report (tests/server_load_mix.py). Printed: per operation the count and the
median and p95 in ms, the edit conflicts (the app's dialog), the errors that would reach
a person (target 0) and the acknowledged writes missing on the server afterwards
(target 0). The machine's cores are shared by all twenty: the p95 figures say how the
server copes with a team's worst minute on this machine, not how fast one PC is.

    python bench/server_load.py [--seconds 60] [--citizens 250]
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import server_setup  # noqa: E402

from tests.server_load_mix import lost_writes, p95, run_load, team_people  # noqa: E402
from tests.server_support import ServerDatabases  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--citizens", type=int, default=250)
    args = parser.parse_args()
    server_setup.isolate_home()
    path = server_setup.demo_file(args.citizens, 5)
    cluster = server_setup.start_cluster()
    try:
        team = server_setup.import_demo(ServerDatabases(cluster), path)
        people = team_people(team.superuser, server_setup.PASSWORD)
        print(f"{len(people)} people on the {args.citizens}-citizen demo (imported in "
              f"{team.import_seconds:.1f} s), {args.seconds:.0f} s…", flush=True)
        result = run_load(people, args.seconds)
        lost = lost_writes(team.superuser, result.outcomes)
    finally:
        cluster.stop()
    _print(result, lost)


def _print(result, lost: list[str]) -> None:  # type: ignore[no-untyped-def]
    print(f"{'operation':<20}{'count':>8}{'median ms':>11}{'p95 ms':>9}")
    for name, times in sorted(result.timings().items()):
        print(f"{name:<20}{len(times):>8}{statistics.median(times) * 1000:>11.0f}"
              f"{p95(times) * 1000:>9.0f}")
    contacts = sum(len(outcome.contacts) for outcome in result.outcomes)
    edits = sum(len(outcome.goal_versions) for outcome in result.outcomes)
    conflicts = sum(outcome.conflicts for outcome in result.outcomes)
    print(f"writes acknowledged: {contacts} contacts, {edits} goal edits; edit conflicts "
          f"(the dialog): {conflicts}")
    print(f"errors reaching a person: {len(result.errors)}   (target 0)")
    for error in result.errors[:10]:
        print("  " + error.replace("\n", "\n    "))
    print(f"acknowledged writes missing on the server: {len(lost)}   (target 0)")
    for problem in lost[:10]:
        print("  " + problem)


if __name__ == "__main__":
    main()
