"""kill -9 of a writer at random points, 50 times: the file always opens, passes every
check, and every row the writer reported as committed is there."""

from __future__ import annotations

import os
import random
import time

from reliability_support import (
    add_citizen,
    citizen_ids,
    file_checks,
    fork_child,
    kill_hard,
    new_database,
    open_database,
    read_all,
    report,
)

RUNS = 50


def _writer(path, raw_key):
    def body(write_fd: int) -> None:
        database = open_database(path, raw_key)
        number = 0
        while True:
            number += 1
            citizen_id = add_citizen(database, f"Kill{number}", note="x" * (number % 7 * 300))
            # Reported only after commit returned: these rows must survive the kill.
            os.write(write_fd, f"{citizen_id}\n".encode())

    return body


def test_kill_minus_nine_fifty_times(tmp_path):
    path = tmp_path / "kill.mentordesk"
    raw_key = new_database(path)
    randomiser = random.Random(20261123)
    committed: set[int] = set()
    failures: list[str] = []
    for run in range(RUNS):
        pid, read_fd = fork_child(_writer(path, raw_key))
        # From "still opening" to "mid-write after many commits".
        time.sleep(randomiser.uniform(0.0, 0.6))
        kill_hard(pid)
        lines = read_all(read_fd)
        errors = [line for line in lines if line.startswith("ERROR")]
        committed |= {int(line) for line in lines if line.isdigit()}
        problems = file_checks(path, raw_key)
        database = open_database(path, raw_key)
        try:
            lost = committed - citizen_ids(database)
        finally:
            database.close()
        if errors or problems or lost:
            failures.append(f"run {run}: errors={errors} checks={problems} lost={sorted(lost)}")
    report(f"kill -9: {RUNS} runs, {len(committed)} committed rows, "
           f"{len(failures)} failed runs, lost rows: {0 if not failures else 'see failures'}")
    assert committed, "the writer never committed: the test proved nothing"
    assert failures == []
