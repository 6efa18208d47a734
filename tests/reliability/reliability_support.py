"""Shared by the reliability suite: real encrypted files, forked writer processes,
row checksums. Linux CI forks (no re-import per process), so 50 kill -9 runs stay fast.
"""

from __future__ import annotations

import functools
import hashlib
import os
import signal
import sys
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import inspect, text

from mentordesk import vault
from mentordesk.kernel.context import Context
from mentordesk.keys import keyfile
from mentordesk.keys.crypto import PersonKeys
from mentordesk.security.integrity import check_database
from mentordesk.services import new_team
from mentordesk.services.citizens import NewCitizen, create_citizen
from mentordesk.services.team import resolve_actor
from mentordesk.storage.database import Database
from mentordesk.storage.engine import RawKey, read_salt

PASSPHRASE = "pålidelighed og sikkerhed 2026"
# 30 s in CI (the number); export a smaller value for a quick local run.
WRITE_SECONDS = float(os.environ.get("MENTORDESK_RELIABILITY_SECONDS", "30"))


def new_database(path: Path) -> RawKey:
    database = new_team.create_database(path, PASSPHRASE, team_name="Pålidelighedsteamet").database
    raw_key = database.raw_key
    database.close()
    return raw_key


def open_database(path: Path, raw_key: RawKey) -> Database:
    """Opened as the team's admin, whose key slot is unwrapped once per process: the
    reliability loops open the file hundreds of times and must not pay Argon2 each time.
    ``raw_key`` is what a backup of the file opens with (``open_copy``)."""
    database = vault.unlock_with_keys(path, vault.current_login(), _admin_keys(path))
    assert database.raw_key.key == raw_key.key
    return database


def open_copy(path: Path, raw_key: RawKey) -> Database:
    """A backup or replaced copy: the database key with the copy's own salt."""
    return Database.open(path, RawKey(raw_key.key, read_salt(path)))


@functools.cache
def _admin_keys(path: Path) -> PersonKeys:
    key_file = keyfile.load(path)
    slot = key_file.slot_for(vault.current_login())
    assert slot is not None
    return slot.unlock(PASSPHRASE, key_file.file_id)[0]


def add_citizen(database: Database, label: str, **fields: str) -> int:
    actor = resolve_actor(database, vault.current_login())
    return create_citizen(Context(database, actor), NewCitizen(first_name="Prøve", last_name=label,
                                                      **fields)).value


def fork_child(body: Callable[[int], None]) -> tuple[int, int]:
    """Run ``body(write_fd)`` in a forked process; returns (pid, read_fd)."""
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never return into pytest
        os.close(read_fd)
        code = 0
        try:
            body(write_fd)
        except BaseException as error:  # noqa: BLE001 - reported to the parent
            os.write(write_fd, f"ERROR {type(error).__name__}: {error}\n".encode())
            code = 1
        finally:
            os._exit(code)
    os.close(write_fd)
    return pid, read_fd


def read_all(read_fd: int) -> list[str]:
    chunks = []
    while chunk := os.read(read_fd, 65536):
        chunks.append(chunk)
    os.close(read_fd)
    return b"".join(chunks).decode().splitlines()


def kill_hard(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    os.waitpid(pid, 0)


def file_checks(path: Path, raw_key: RawKey) -> list[str]:
    """Failed check lines of ``mentordesk check`` (cipher, structure, references, chain)."""
    database = open_database(path, raw_key)
    try:
        report = check_database(database)
    finally:
        database.close()
    return [line for line in report.lines() if not line.startswith("OK")]


def row_checksums(database: Database) -> dict[str, str]:
    """One sha256 per table over its rows in primary-key order."""
    sums = {}
    with database.read_session() as session:
        connection = session.connection()
        for table in sorted(inspect(connection).get_table_names()):
            rows = connection.execute(text(f'SELECT * FROM "{table}" ORDER BY 1')).all()
            sums[table] = hashlib.sha256(repr(rows).encode()).hexdigest()
    return sums


def citizen_ids(database: Database) -> set[int]:
    with database.read_session() as session:
        return set(session.execute(text("SELECT id FROM citizen")).scalars())


def report(line: str) -> None:
    """Counts for the closing note; shown with ``pytest -s`` and in CI logs."""
    print(f"\n[reliability] {line}", file=sys.stderr)
