"""Disk full during a save and during an export: an error, committed data intact, the
previous export intact. The full disk is real at the OS level: the writer runs with a
file-size limit (RLIMIT_FSIZE), so every write past it fails with EFBIG, as on a full
disk, inside SQLite as much as in Python."""

from __future__ import annotations

import os
import resource
import signal
from pathlib import Path

from reliability_support import (
    add_citizen,
    citizen_ids,
    file_checks,
    fork_child,
    new_database,
    open_database,
    read_all,
    row_checksums,
)

from mentordesk import vault
from mentordesk.errors import MentorDeskError
from mentordesk.files import write_atomically
from mentordesk.kernel.context import Context
from mentordesk.services.citizens import NewCitizen, create_citizen
from mentordesk.services.team import resolve_actor


def _limit_file_size(limit: int) -> None:
    # Without this the kernel kills the process (SIGXFSZ) instead of failing the write.
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))


def _case_data(database) -> dict[str, str]:
    """Every table but the log (each unlock appends a "login" event to it by design;
    its chain is verified by ``file_checks``)."""
    return {table: checksum for table, checksum in row_checksums(database).items()
            if table not in ("audit_event", "app_meta")}


def _outcome(lines: list[str]) -> str:
    assert len(lines) == 1, lines
    return lines[0]


def test_disk_full_during_a_save(tmp_path):
    path = tmp_path / "fuld.mentordesk"
    raw_key = new_database(path)
    database = open_database(path, raw_key)
    kept = add_citizen(database, "Gemt", note="Gemt før disken blev fuld.")
    before = _case_data(database)
    database.close()
    size = path.stat().st_size

    def body(write_fd: int) -> None:
        database = open_database(path, raw_key)
        # Resolving the user writes its own (small) audit event: done before the limit,
        # so the only write that meets the full disk is the save under test.
        actor = resolve_actor(database, vault.current_login())
        _limit_file_size(size + 64 * 1024)
        try:
            # ~2 MB in one transaction: cannot fit in 64 KB more.
            create_citizen(Context(database, actor), NewCitizen(first_name="Stor",
                                                       note="æøå " * 500_000))
        except Exception as error:  # noqa: BLE001 - what the caller would see
            os.write(write_fd, f"FAILED {type(error).__name__}\n".encode())
        else:
            os.write(write_fd, b"SAVED\n")
        finally:
            database.close()

    pid, read_fd = fork_child(body)
    outcome = _outcome(read_all(read_fd))
    os.waitpid(pid, 0)
    assert outcome.startswith("FAILED"), outcome
    assert file_checks(path, raw_key) == []
    database = open_database(path, raw_key)
    try:
        assert _case_data(database) == before
        assert kept in citizen_ids(database)
        # And the file still takes ordinary saves once there is room again.
        add_citizen(database, "Efter")
    finally:
        database.close()


def test_disk_full_during_an_export(tmp_path):
    export = tmp_path / "eksport" / "rapport.pdf"
    previous = b"%PDF-1.4 den forrige rapport\n" * 100
    write_atomically(export, previous)

    def body(write_fd: int) -> None:
        _limit_file_size(64 * 1024)
        try:
            write_atomically(export, b"%PDF-1.4 ny rapport\n" * 20_000)
        except OSError as error:
            os.write(write_fd, f"FAILED {error.errno}\n".encode())
        except MentorDeskError as error:
            os.write(write_fd, f"FAILED {error}\n".encode())
        else:
            os.write(write_fd, b"WRITTEN\n")

    pid, read_fd = fork_child(body)
    outcome = _outcome(read_all(read_fd))
    os.waitpid(pid, 0)
    assert outcome.startswith("FAILED"), outcome
    assert export.read_bytes() == previous
    assert sorted(entry.name for entry in Path(export.parent).iterdir()) == ["rapport.pdf"]
