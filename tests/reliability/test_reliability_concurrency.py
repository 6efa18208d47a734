"""Four processes write to one file for WRITE_SECONDS (30 s in CI): no error reaches the
caller (no "database is locked"), no write is lost, the audit chain stays whole."""

from __future__ import annotations

import os
import time

from reliability_support import (
    WRITE_SECONDS,
    add_citizen,
    citizen_ids,
    file_checks,
    fork_child,
    new_database,
    open_database,
    read_all,
    report,
)

from mentordesk.security import lock

WRITERS = 4


def _writer(path, raw_key, number: int, stop_at: float):
    def body(write_fd: int) -> None:
        database = open_database(path, raw_key)
        session_id = lock.register(database, f"skriver{number}")
        count = 0
        while time.monotonic() < stop_at:
            count += 1
            citizen_id = add_citizen(database, f"W{number}-{count}")
            os.write(write_fd, f"{citizen_id}\n".encode())
            if count % 25 == 0:  # the GUI's heartbeat, as often as it ever comes
                lock.heartbeat(database, session_id)
        lock.release(database, session_id)
        database.close()

    return body


def test_four_writers_no_error_no_loss(tmp_path):
    path = tmp_path / "shared.mentordesk"
    raw_key = new_database(path)
    stop_at = time.monotonic() + WRITE_SECONDS
    children = [fork_child(_writer(path, raw_key, number, stop_at))
                for number in range(WRITERS)]
    outputs = []
    for pid, read_fd in children:
        outputs.append(read_all(read_fd))
        _pid, status = os.waitpid(pid, 0)
        outputs[-1].append(f"EXIT {os.waitstatus_to_exitcode(status)}")
    errors = [line for lines in outputs for line in lines if line.startswith("ERROR")]
    exits = [line for lines in outputs for line in lines if line.startswith("EXIT")]
    reported = {int(line) for lines in outputs for line in lines if line.isdigit()}
    database = open_database(path, raw_key)
    try:
        lost = reported - citizen_ids(database)
        still_open = lock.others(database)
    finally:
        database.close()
    problems = file_checks(path, raw_key)
    report(f"{WRITERS} writers x {WRITE_SECONDS:.0f} s: {len(reported)} rows written, "
           f"{len(errors)} errors, {len(lost)} lost")
    assert errors == []
    assert exits == ["EXIT 0"] * WRITERS
    assert all(len([x for x in lines if x.isdigit()]) > 10 for lines in outputs), \
        "a writer was starved"
    assert lost == set()
    assert problems == []
    assert still_open == []  # every writer removed its lock record
