"""Benchmark (c): citizen search through the service (audit included) vs the raw SQL query.

The service does what a user's keystroke costs: visibility rules, the LIKE match, primary
mentor lookup, Danish sorting and one audit event committed. The baseline is the bare
SELECT the service runs, executed bare on the same encrypted file through the driver. Target: p95 ≤ 3× the raw query.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from datetime import date

from sqlalchemy import insert

from mentordesk import vault
from mentordesk.services.citizens import citizen_list_query, list_citizens, search_key_for
from mentordesk.services.team import resolve_actor
from mentordesk.storage.models import Citizen

CITIZENS = 2_500
TERMS = ["an", "ha", "jen", "ød", "øb", "ni", "12", "sen", "mar", "kr", "å", "li"] * 10
FIRST = ["Anna", "Hans", "Jens", "Søren", "Mette", "Nina", "Åse", "Kristian", "Lise", "Mark"]
LAST = ["Jensen", "Hansen", "Nielsen", "Ødegaard", "Østergaard", "Madsen", "Kristensen"]


def _populate(database) -> None:
    rows = []
    for i in range(CITIZENS):
        first, last = FIRST[i % len(FIRST)], f"{LAST[i % len(LAST)]}{i}"
        rows.append({"first_name": first, "last_name": last, "alias": "",
                     "search_key": search_key_for(first, last, ""),
                     "cpr_last4": f"{i % 10000:04d}", "status": "active", "version": 1})
    with database.session() as session:
        session.execute(insert(Citizen), rows)


def _literal_sql(query, connection) -> str:
    return str(query.compile(connection, compile_kwargs={"literal_binds": True}))


def _percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def run() -> tuple[list[float], list[float]]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "search.mentordesk"
        database = vault.create_database(path, "benchmark-adgangskode", team_name="Bench")
        _populate(database)
        actor = resolve_actor(database, vault.current_login())
        raw_times, service_times = [], []
        today = date.today()
        with database.engine.connect() as connection:
            driver = connection.connection.driver_connection
            for term in TERMS:
                sql = _literal_sql(citizen_list_query(actor, term, None, today), connection)
                start = time.perf_counter()
                driver.execute(sql).fetchall()
                raw_times.append(time.perf_counter() - start)
            connection.commit()
        for term in TERMS:
            start = time.perf_counter()
            list_citizens(database, actor, search=term)
            service_times.append(time.perf_counter() - start)
        database.close()
    return raw_times, service_times


def main() -> None:
    raw, service = run()
    print(f"(c) citizen search over {CITIZENS} citizens, {len(TERMS)} searches")
    print(f"{'':<22}{'median ms':>10}{'p95 ms':>10}")
    for name, values in (("raw SQL", raw), ("service + audit", service)):
        print(f"{name:<22}{statistics.median(values) * 1000:>10.2f}"
              f"{_percentile(values, 0.95) * 1000:>10.2f}")
    ratio = _percentile(service, 0.95) / _percentile(raw, 0.95)
    print(f"p95 ratio: {ratio:.2f}×   (target ≤ 3×)")


if __name__ == "__main__":
    main()
