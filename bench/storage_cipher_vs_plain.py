"""Benchmark (b): one storage workload on SQLCipher vs plain SQLite, as a ratio.

Both engines get the same pragmas (cache, WAL, foreign keys, BEGIN IMMEDIATE) from
``install_connection_pragmas``; the only difference is the encryption. Target: ≤ 1.3×.
"""

from __future__ import annotations

import os
import random
import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import create_engine, func, insert, select, text
from sqlalchemy.pool import QueuePool

from mentordesk.storage.engine import RawKey, build_engine, install_connection_pragmas
from mentordesk.storage.models import Base, Citizen, Contact, User

CITIZENS = 2_500
CONTACTS_PER_CITIZEN = 40
QUERIES = 2_000


def plain_engine(path: Path):
    engine = create_engine(f"sqlite:///{path}", poolclass=QueuePool)
    install_connection_pragmas(engine, "WAL")
    return engine


def cipher_engine(path: Path):
    return build_engine(path, RawKey(os.urandom(32), os.urandom(16)))


def workload(engine) -> dict[str, float]:
    Base.metadata.create_all(engine)
    rng = random.Random(5)
    timings: dict[str, float] = {}
    start = time.perf_counter()
    with engine.begin() as connection:
        connection.execute(insert(User), [
            {"login": f"m{i}", "full_name": f"Mentor {i}", "role": "mentor", "version": 1}
            for i in range(20)])
        connection.execute(insert(Citizen), [
            {"first_name": f"Navn{i}", "last_name": f"Efternavn{i}", "search_key":
             f"navn{i} efternavn{i}", "cpr_last4": f"{i % 10000:04d}", "status": "active",
             "version": 1} for i in range(CITIZENS)])
    day0 = date(2022, 1, 3)
    rows = [{"citizen_id": c + 1, "mentor_id": rng.randint(1, 20), "duration_minutes": 60,
             "contact_on": day0 + timedelta(days=rng.randint(0, 1400)), "form": "phone",
             "note": "Samtale om ugens aftaler og næste skridt.", "version": 1}
            for c in range(CITIZENS) for _ in range(CONTACTS_PER_CITIZEN)]
    with engine.begin() as connection:
        connection.execute(insert(Contact), rows)
    timings["bulk insert"] = time.perf_counter() - start

    start = time.perf_counter()
    for _ in range(200):
        with engine.begin() as connection:
            connection.execute(insert(Contact), [rows[rng.randrange(len(rows))]])
    timings["200 small commits"] = time.perf_counter() - start

    start = time.perf_counter()
    with engine.connect() as connection:
        for _ in range(QUERIES):
            citizen = rng.randint(1, CITIZENS)
            connection.execute(select(func.sum(Contact.duration_minutes)).where(
                Contact.citizen_id == citizen, Contact.contact_on >= date(2024, 1, 1))).scalar()
        connection.commit()
    timings[f"{QUERIES} indexed queries"] = time.perf_counter() - start

    start = time.perf_counter()
    with engine.connect() as connection:
        for term in ("navn1", "efternavn23", "9", "navn24"):
            connection.execute(text("SELECT id FROM citizen WHERE search_key LIKE :p"),
                               {"p": f"%{term}%"}).all()
        connection.commit()
    timings["search scans"] = time.perf_counter() - start
    engine.dispose()
    return timings


def run(repeats: int = 3) -> list[tuple[str, float, float]]:
    results: dict[str, tuple[list[float], list[float]]] = {}
    for _ in range(repeats):
        with tempfile.TemporaryDirectory() as folder:
            plain = workload(plain_engine(Path(folder) / "plain.db"))
            cipher = workload(cipher_engine(Path(folder) / "cipher.db"))
        for name in plain:
            results.setdefault(name, ([], []))
            results[name][0].append(plain[name])
            results[name][1].append(cipher[name])
    table = [(name, statistics.median(p), statistics.median(c)) for name, (p, c) in results.items()]
    total_plain = sum(p for _n, p, _c in table)
    total_cipher = sum(c for _n, _p, c in table)
    table.append(("whole workload", total_plain, total_cipher))
    return table


def main() -> None:
    print("(b) storage workload: SQLCipher vs plain SQLite (median of 3 runs)")
    print(f"{'step':<26}{'plain s':>10}{'cipher s':>10}{'ratio':>8}")
    for name, plain, cipher in run():
        print(f"{name:<26}{plain:>10.3f}{cipher:>10.3f}{cipher / plain:>7.2f}×")
    print("target: whole workload ≤ 1.30×")


if __name__ == "__main__":
    main()
