"""Benchmark (b): one storage workload encrypted vs not encrypted, as a ratio.

Both engines use the very same sqlcipher3 build (same SQLite version and compile options):
the baseline simply never sets a key, so its file is plain SQLite. Comparing against the
standard library's sqlite3 instead would measure the difference between two SQLite versions,
not the cost of encryption. Both get the same pool and the same pragmas (cache, journal mode,
foreign keys, BEGIN IMMEDIATE) from ``install_connection_pragmas``. Target: ≤ 1.3×.
"""

from __future__ import annotations

import os
import random
import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import sqlcipher3
from sqlalchemy import Engine, create_engine, func, insert, select, text
from sqlalchemy.pool import QueuePool

from mentordesk.storage.engine import (
    SQLITE_PLAIN_HEADER,
    RawKey,
    build_engine,
    install_connection_pragmas,
    journal_mode_for,
)
from mentordesk.storage.models import Base, Citizen, Contact, User

CITIZENS = 2_500
CONTACTS_PER_CITIZEN = 40
QUERIES = 2_000


def plain_engine(path: Path) -> Engine:
    """sqlcipher3's own SQLite without a key: everything as ``build_engine`` but the cipher."""
    engine = create_engine(f"sqlite:///{path}", module=sqlcipher3.dbapi2, poolclass=QueuePool,
                           pool_size=2, max_overflow=2)
    install_connection_pragmas(engine, journal_mode_for(path))
    return engine


def cipher_engine(path: Path) -> Engine:
    return build_engine(path, RawKey(os.urandom(32), os.urandom(16)))


def sqlite_version(engine: Engine) -> str:
    with engine.connect() as connection:
        return connection.exec_driver_sql("SELECT sqlite_version()").scalar_one()


def check_fair_baseline(folder: Path) -> str:
    """Both engines run the same SQLite, and only the cipher file is encrypted."""
    plain_path, cipher_path = folder / "check-plain.db", folder / "check-cipher.db"
    plain, cipher = plain_engine(plain_path), cipher_engine(cipher_path)
    versions = sqlite_version(plain), sqlite_version(cipher)
    for engine in (plain, cipher):
        with engine.begin() as connection:
            connection.exec_driver_sql("CREATE TABLE probe (x)")
        engine.dispose()
    assert versions[0] == versions[1], f"different SQLite builds: {versions}"
    assert plain_path.read_bytes().startswith(SQLITE_PLAIN_HEADER), "baseline is encrypted"
    assert not cipher_path.read_bytes().startswith(SQLITE_PLAIN_HEADER), "cipher is plain"
    return versions[0]


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
    with tempfile.TemporaryDirectory() as folder:
        version = check_fair_baseline(Path(folder))
    print(f"(b) storage workload: SQLCipher with vs without a key, SQLite {version} in both "
          "(median of 3 runs)")
    print(f"{'step':<26}{'plain s':>10}{'cipher s':>10}{'ratio':>8}")
    for name, plain, cipher in run():
        print(f"{name:<26}{plain:>10.3f}{cipher:>10.3f}{cipher / plain:>7.2f}×")
    print("target: whole workload ≤ 1.30×")


if __name__ == "__main__":
    main()
