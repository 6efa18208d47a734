"""Benchmark (c): citizen search per keystroke through the service vs the raw SQL query.

2 500 demo citizens (realistic names, mentors, assignments). Search terms are typed one
keystroke at a time — "H", "Ha", "Han", … and the last four CPR digits — as the search
field does. The service does what a keystroke costs: visibility rules, the match, the
primary mentor, Danish ordering, row objects and one audit event committed. The baseline
is the same SELECT the service runs, executed bare on the same encrypted file through the
driver. Target: p95 ≤ 3× the raw query.
"""

from __future__ import annotations

import random
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

from mentordesk import vault
from mentordesk.demo import build_demo
from mentordesk.kernel.context import Context
from mentordesk.services.citizens import citizen_list_query, list_citizens
from mentordesk.services.team import resolve_actor

CITIZENS = 2_500
WORDS_TYPED = 12
PASSPHRASE = "benchmark-adgangskode"


def _keystrokes(rows, rng: random.Random) -> list[str]:
    """Every prefix of a few real first names, last names and CPR endings."""
    named = [row for row in rows if not row.is_anonymous]
    words = [rng.choice(named).name.split()[rng.randrange(2)] for _ in range(WORDS_TYPED)]
    words += [str(rng.randint(9000, 9999)) for _ in range(3)]  # demo CPR endings
    return [word[:length] for word in words for length in range(1, len(word) + 1)]


def _literal_sql(query, connection) -> str:
    return str(query.compile(connection, compile_kwargs={"literal_binds": True}))


def _percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def run() -> tuple[list[float], list[float], int]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "search.mentordesk"
        build_demo(path, PASSPHRASE, citizens=CITIZENS, years=1, seed=11).close()
        database = vault.unlock_with_passphrase(path, PASSPHRASE)
        actor = resolve_actor(database, vault.current_login())
        terms = _keystrokes(list_citizens(Context(database, actor)), random.Random(3))
        today = date.today()
        raw_times, service_times = [], []
        with database.engine.connect() as connection:
            driver = connection.connection.driver_connection
            for term in terms:
                sql = _literal_sql(citizen_list_query(actor, term, None, today), connection)
                start = time.perf_counter()
                driver.execute(sql).fetchall()
                raw_times.append(time.perf_counter() - start)
            connection.commit()
        for term in terms:
            start = time.perf_counter()
            list_citizens(Context(database, actor), search=term)
            service_times.append(time.perf_counter() - start)
        database.close()
    return raw_times, service_times, len(terms)


def main() -> None:
    raw, service, keystrokes = run()
    print(f"(c) citizen search over {CITIZENS} demo citizens, {keystrokes} keystrokes")
    print(f"{'':<22}{'median ms':>10}{'p95 ms':>10}")
    for name, values in (("raw SQL", raw), ("service + audit", service)):
        print(f"{name:<22}{statistics.median(values) * 1000:>10.2f}"
              f"{_percentile(values, 0.95) * 1000:>10.2f}")
    ratio = _percentile(service, 0.95) / _percentile(raw, 0.95)
    print(f"p95 ratio: {ratio:.2f}×   (target ≤ 3×)")


if __name__ == "__main__":
    main()
