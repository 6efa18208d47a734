"""The lock record (who has the file open) and the invisible retry on a locked file."""

from __future__ import annotations

import threading
import time
from datetime import timedelta

import pytest
import sqlcipher3
from sqlalchemy.exc import OperationalError

from mentordesk.security import lock
from mentordesk.storage import database as database_module
from mentordesk.storage import engine as engine_module
from mentordesk.storage.models import AppMeta
from mentordesk.storage.models.base import utc_now

pytestmark = pytest.mark.both_backends
ON_THE_FILE = pytest.mark.file_only(
    reason="SQLCipher's retry on a locked file; the server's writer lock: test_server_transactions")


def test_others_see_each_other_and_stale_rows_are_ignored(database):
    mine = lock.register(database, "mig")
    theirs = lock.register(database, "kollega")
    assert [entry.login for entry in lock.others(database, mine)] == ["kollega"]
    assert lock.describe(lock.others(database, mine))[0].startswith("kollega på ")
    # Their app crashed: no heartbeat for longer than STALE_AFTER.
    later = utc_now() + lock.STALE_AFTER + timedelta(seconds=5)
    lock.heartbeat(database, mine, now=later)
    assert lock.others(database, mine, now=later) == []
    # The next registration cleans the stale row up.
    lock.register(database, "ny", now=later)
    assert {entry.login for entry in lock.others(database, None, now=later)} == {"mig", "ny"}
    lock.release(database, mine)
    assert [entry.login for entry in lock.others(database, None, now=later)] == ["ny"]
    assert theirs != mine


def _hold_write_lock(path, raw_key, seconds: float, started: threading.Event) -> None:
    connection = sqlcipher3.connect(str(path), isolation_level=None)
    connection.execute(f'PRAGMA key = "{raw_key.pragma_value()}"')
    connection.execute("BEGIN IMMEDIATE")
    started.set()
    time.sleep(seconds)
    connection.execute("COMMIT")
    connection.close()


def _short_busy_timeout(monkeypatch, database):
    monkeypatch.setattr(engine_module, "BUSY_TIMEOUT_MS", 50)
    database.engine.dispose()  # new connections pick up the short timeout


@ON_THE_FILE
def test_locked_file_is_retried_invisibly(database, db_path, monkeypatch):
    _short_busy_timeout(monkeypatch, database)
    started = threading.Event()
    holder = threading.Thread(target=_hold_write_lock,
                              args=(db_path, database.raw_key, 0.6, started))
    holder.start()
    started.wait()
    try:
        with database.session() as session:  # would fail after 50 ms without the retry
            session.merge(AppMeta(key="retry_test", value="ok"))
    finally:
        holder.join()
    assert database.meta("retry_test") == "ok"


@ON_THE_FILE
def test_retry_is_bounded(database, db_path, monkeypatch):
    _short_busy_timeout(monkeypatch, database)
    monkeypatch.setattr(database_module, "LOCK_RETRIES", 2)
    started = threading.Event()
    holder = threading.Thread(target=_hold_write_lock,
                              args=(db_path, database.raw_key, 3.0, started))
    holder.start()
    started.wait()
    began = time.monotonic()
    try:
        with pytest.raises(OperationalError, match="locked"):
            with database.session() as session:
                session.merge(AppMeta(key="never", value="x"))
        gave_up_after = time.monotonic() - began
    finally:
        holder.join()
    assert gave_up_after < 2.5  # bounded: it does not wait for the holder to finish
    assert database.meta("never") == ""
