"""File-level housekeeping and checks that SQLite does with pragmas: overwriting deleted
content, rebuilding the file without free pages, and the whole-file integrity checks.

These run on the driver connection (VACUUM cannot run inside a transaction); callers get
plain answers and never write a pragma themselves.
"""

from __future__ import annotations

from typing import Any

import sqlcipher3
from sqlalchemy.orm import Session

from mentordesk.storage.database import Database, is_lock_error
from mentordesk.storage.engine import driver_connection


def overwrite_freed_pages(session: Session) -> None:
    """From now on in this transaction, deleted content is overwritten, not just unlinked.

    The file only: PostgreSQL has no such setting. On the team server a deleted row's
    space is reclaimed by the server's autovacuum, and its disk (encrypted, backed up) is
    IT's to protect."""
    connection = session.connection()
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql("PRAGMA secure_delete = ON")


def compact_file(database: Database) -> bool:
    """Rebuild the file without free pages and empty the WAL, so nothing deleted lingers.

    It needs the file to itself: when a colleague's session holds it, False is returned
    and nothing changes (any other error is raised).
    """
    with database.engine.connect() as connection:
        driver = driver_connection(connection)
        try:
            driver.execute("PRAGMA secure_delete = ON")
            driver.execute("VACUUM")
            driver.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except sqlcipher3.OperationalError as error:
            if not is_lock_error(error):
                raise
            return False
    return True


def cipher_problems(driver: sqlcipher3.Connection) -> list[Any]:
    """Pages whose HMAC does not match (tampering SQLite's own check cannot see)."""
    return _rows(driver, "PRAGMA cipher_integrity_check")


def structure_check(driver: sqlcipher3.Connection) -> list[Any]:
    """SQLite's own check: ``["ok"]`` for a sound file, else its findings."""
    return _rows(driver, "PRAGMA integrity_check")


def broken_references(driver: sqlcipher3.Connection) -> list[Any]:
    """Rows whose foreign key points at nothing."""
    return _rows(driver, "PRAGMA foreign_key_check")


def _rows(driver: sqlcipher3.Connection, pragma: str) -> list[Any]:
    return [row[0] if len(row) == 1 else row for row in driver.execute(pragma).fetchall()]
