"""An open MentorDesk database: engine, key and short-lived sessions."""

from __future__ import annotations

import random
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from pathlib import Path
from typing import Protocol

from sqlalchemy import Engine, select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from mentordesk.errors import CannotOpenDatabase, RestoreInProgress
from mentordesk.storage import text_columns
from mentordesk.storage.engine import (
    READ_ONLY,
    RawKey,
    create_database_file,
    driver_connection,
    open_engine,
)
from mentordesk.storage.migrate import current_revision, upgrade_to_head
from mentordesk.storage.models import AppMeta
from mentordesk.storage.models.base import utc_now

FILE_ID_KEY = "file_id"
TEAM_NAME_KEY = "team_name"
DEMO_KEY = "is_demo"
# Session.info key under which every write session carries the person who unlocked the
# database, so that ``audit.record`` signs each event with that person's key.
SIGNER_INFO = "mentordesk_signer"
# Set by a restore while it replaces the file's content (``storage/restore_swap.py``):
# every write transaction checks it, so no change is committed and then overwritten.
RESTORE_MARK_KEY = "restore_started"
# A restore takes seconds; a mark this old was left by a restore that was killed.
RESTORE_MARK_STALE = timedelta(minutes=10)
_READ_RESTORE_MARK = "SELECT value FROM app_meta WHERE key = ?"

# On top of the 10 s busy timeout: a writer that still finds the file locked (another PC
# holds a long transaction, a network share stalls) tries again a few times with a
# jittered pause, so users never see "database is locked" for ordinary contention.
LOCK_RETRIES = 3
LOCK_RETRY_PAUSE_S = (0.05, 0.5)


class Signer(Protocol):
    """The person the database was unlocked as: a login and their signing key."""

    @property
    def login(self) -> str: ...

    def sign(self, message: bytes) -> bytes: ...


class Database:
    """One open database file. Use :meth:`session` for each operation, then close."""

    def __init__(self, path: Path, raw_key: RawKey, engine: Engine) -> None:
        self.path = path
        self.migration_backup: Path | None = None
        # Set by the key layer once it knows who unlocked the file (mentordesk.vault).
        self.signer: Signer | None = None
        # Set at unlock when the access log is not as it must be (see keys.witness).
        self.log_warning = ""
        self._bind(raw_key, engine)

    def _bind(self, raw_key: RawKey, engine: Engine) -> None:
        self.raw_key = raw_key
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        text_columns.install(self._sessions)
        self._read_sessions = sessionmaker(
            engine.execution_options(**{READ_ONLY: True}), expire_on_commit=False
        )

    def rebind(self, raw_key: RawKey) -> None:
        """Use a new key for this same file (after a rekey): every view holding this
        object goes on working; the old engine's connections are closed first."""
        self.engine.dispose()
        self._bind(raw_key, open_engine(self.path, raw_key))

    @classmethod
    def create(cls, path: Path, raw_key: RawKey, team_name: str, *,
               file_id: str | None = None) -> Database:
        engine = create_database_file(path, raw_key)
        database = cls(path, raw_key, engine)
        upgrade_to_head(engine, path, raw_key)
        with database.session() as session:
            session.add(AppMeta(key=FILE_ID_KEY, value=file_id or str(uuid.uuid4())))
            session.add(AppMeta(key=TEAM_NAME_KEY, value=team_name))
        return database

    @classmethod
    def open(cls, path: Path, raw_key: RawKey) -> Database:
        engine = open_engine(path, raw_key)
        try:
            refuse_foreign_database(engine, path)
            backup = upgrade_to_head(engine, path, raw_key)
        except Exception:
            engine.dispose()
            raise
        database = cls(path, raw_key, engine)
        database.migration_backup = backup
        return database

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A write transaction (BEGIN IMMEDIATE), committed on success.

        The write lock is taken before the caller's code runs, so a busy file is retried
        here, invisibly, without re-running any of the caller's work. While a restore
        replaces the content, the transaction is refused (``RestoreInProgress``) instead
        of committing a change the restore would silently overwrite.
        """
        session = self._sessions()
        session.info[SIGNER_INFO] = self.signer
        try:
            _take_write_lock(session)
            refuse_while_restoring(session)
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    @contextmanager
    def read_session(self) -> Iterator[Session]:
        """A deferred read transaction for data whose reading needs no audit entry."""
        with self._read_sessions() as session:
            yield session

    def meta(self, key: str, default: str = "") -> str:
        with self.read_session() as session:
            value = session.scalar(select(AppMeta.value).where(AppMeta.key == key))
        return default if value is None else value

    def set_meta(self, key: str, value: str) -> None:
        with self.session() as session:
            session.merge(AppMeta(key=key, value=value))

    @property
    def file_id(self) -> str:
        return self.meta(FILE_ID_KEY)

    @property
    def is_demo(self) -> bool:
        return self.meta(DEMO_KEY) == "1"

    def close(self) -> None:
        self.engine.dispose()


def is_lock_error(error: BaseException) -> bool:
    message = str(getattr(error, "orig", error)).lower()
    return "database is locked" in message or "database is busy" in message


def _take_write_lock(session: Session) -> None:
    """Begin the transaction now (BEGIN IMMEDIATE), retrying a locked file a few times."""
    for attempt in range(LOCK_RETRIES + 1):
        try:
            session.connection()
            return
        except OperationalError as error:
            session.rollback()
            if not is_lock_error(error) or attempt == LOCK_RETRIES:
                raise
            time.sleep(random.uniform(*LOCK_RETRY_PAUSE_S) * (attempt + 1))


def refuse_while_restoring(session: Session) -> None:
    """Inside a write transaction: refuse when a restore has marked the file."""
    # Straight to the driver on purpose: this runs in every write transaction, and an ORM
    # select costs more to compile than the whole empty transaction.
    row = driver_connection(session.connection()).execute(
        _READ_RESTORE_MARK, (RESTORE_MARK_KEY,)).fetchone()
    started = row[0] if row else None
    if started and not _stale_mark(started):
        raise RestoreInProgress("Databasen er ved at blive gendannet fra en sikkerhedskopi, "
                                "og ændringen er ikke gemt. Vent lidt, og prøv igen.")


def _stale_mark(started: str) -> bool:
    try:
        return utc_now() - datetime.fromisoformat(started) > RESTORE_MARK_STALE
    except ValueError:
        return True  # not a time this app wrote: never let it block every write


def refuse_foreign_database(engine: Engine, path: Path) -> None:
    """A readable SQLCipher file that MentorDesk did not make is left alone."""
    if current_revision(engine) is None:
        raise CannotOpenDatabase(f"Filen {path.name} er ikke en MentorDesk-database.")
