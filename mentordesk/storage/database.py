"""An open MentorDesk database: engine, key and short-lived sessions."""

from __future__ import annotations

import random
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from pathlib import Path
from typing import Protocol

from sqlalchemy import Engine, select
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from mentordesk.errors import CannotOpenDatabase, ConnectionLost, RestoreInProgress
from mentordesk.storage import text_columns
from mentordesk.storage.engine import (
    READ_ONLY,
    SERVER_DIALECT,
    RawKey,
    ServerProfile,
    create_database_file,
    driver_connection,
    open_engine,
    open_server_engine,
)
from mentordesk.storage.migrate import (
    SCHEMA_HEAD,
    current_revision,
    is_known_revision,
    upgrade_server_to_head,
    upgrade_to_head,
)
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
    """One open database. Use :meth:`session` for each operation, then close.

    This class is a SQLCipher file; :class:`ServerDatabase` is the same seam on a team
    server. What differs between the two stays behind it: how a database is reached
    (``path`` + ``raw_key`` or a server profile), what a write transaction checks first
    (:meth:`_before_write`), which errors are a busy writer (:func:`is_lock_error`).
    Operations only see ``session()``/``read_session()`` and ``dialect``.
    """

    def __init__(self, path: Path, raw_key: RawKey, engine: Engine) -> None:
        self._path = path
        self._start(engine)
        self._bind(raw_key, engine)

    def _start(self, engine: Engine) -> None:
        self.migration_backup: Path | None = None
        # Set by the key layer once it knows who unlocked the file (mentordesk.vault).
        self.signer: Signer | None = None
        # Set at unlock when the access log is not as it must be (see keys.witness).
        self.log_warning = ""
        self.dialect = engine.dialect.name

    @property
    def path(self) -> Path:
        return self._path

    @path.setter
    def path(self, moved_to: Path) -> None:
        # A new file built under a temporary name is renamed into place (storage/new_file).
        self._path = moved_to

    @property
    def raw_key(self) -> RawKey:
        return self._raw_key

    @property
    def is_server(self) -> bool:
        return self.dialect == SERVER_DIALECT

    def _bind(self, raw_key: RawKey | None, engine: Engine) -> None:
        if raw_key is not None:
            self._raw_key = raw_key
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
        database._name_new_database(team_name, file_id)
        return database

    def _name_new_database(self, team_name: str, file_id: str | None) -> None:
        with self.session() as session:
            session.add(AppMeta(key=FILE_ID_KEY, value=file_id or str(uuid.uuid4())))
            session.add(AppMeta(key=TEAM_NAME_KEY, value=team_name))

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

    def _before_write(self, session: Session) -> None:
        """Inside every write transaction, before the caller's work."""
        refuse_while_restoring(session)

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
            self._before_write(session)
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


class ServerDatabase(Database):
    """A MentorDesk database on a team server (PostgreSQL), reached with a profile.

    There is no file and no database key: the server's login, TLS and (later) its roles
    guard the data, so everything that works on the file itself (key slots, rekeying,
    backups by page copy, the restore mark) is refused here with ``NotOnServer``.
    """

    def __init__(self, profile: ServerProfile, engine: Engine) -> None:
        self.profile = profile
        self._start(engine)
        self._bind(None, engine)

    @property
    def path(self) -> Path:
        raise NotOnServer("path")

    @path.setter
    def path(self, moved_to: Path) -> None:
        raise NotOnServer("path")

    @property
    def raw_key(self) -> RawKey:
        raise NotOnServer("raw_key")

    def rebind(self, raw_key: RawKey) -> None:
        raise NotOnServer("rebind")

    @classmethod
    def connect(cls, profile: ServerProfile) -> ServerDatabase:
        """Open the team's database; its schema must already be current (IT migrates a
        server, never a PC that happens to connect first)."""
        engine = open_server_engine(profile)
        try:
            revision = current_revision(engine)
            if revision is None:
                raise CannotOpenDatabase(
                    f"Databasen {profile.describe()} er ikke en MentorDesk-database.")
            if revision != SCHEMA_HEAD:
                raise CannotOpenDatabase(_schema_mismatch(profile, revision))
        except Exception:
            engine.dispose()
            raise
        return cls(profile, engine)

    @classmethod
    def create_on_server(cls, profile: ServerProfile, team_name: str, *,
                         file_id: str | None = None) -> ServerDatabase:
        """Build the schema in an empty server database and name the team."""
        engine = open_server_engine(profile)
        try:
            if current_revision(engine) is not None:
                raise CannotOpenDatabase(
                    f"Databasen {profile.describe()} har allerede et MentorDesk-skema.")
            upgrade_server_to_head(engine)
        except Exception:
            engine.dispose()
            raise
        database = cls(profile, engine)
        database._name_new_database(team_name, file_id)
        return database

    @contextmanager
    def session(self) -> Iterator[Session]:
        """The file's write transaction; a dropped connection becomes ``ConnectionLost``
        with a message that says the change is not saved (the server rolled it back)."""
        _writes_begun.count = writes_begun() + 1
        try:
            with super().session() as session:
                yield session
        except DBAPIError as error:
            if is_connection_lost(error):
                raise ConnectionLost(WRITE_CUT_OFF, during_write=True) from error
            raise

    @contextmanager
    def read_session(self) -> Iterator[Session]:
        try:
            with super().read_session() as session:
                yield session
        except DBAPIError as error:
            if is_connection_lost(error):
                raise ConnectionLost(READ_CUT_OFF, during_write=False) from error
            raise

    def _before_write(self, session: Session) -> None:
        """Nothing: the writer's lock is taken as the transaction begins (engine.py), and
        a server is restored by IT with the server stopped for the team, not page by page
        under running clients."""


class NotOnServer(RuntimeError):
    """A file-only feature was asked of a team server database (a programming error)."""

    def __init__(self, what: str) -> None:
        super().__init__(f"{what} belongs to a database file; a team server has none")


WRITE_CUT_OFF = ("Forbindelsen til teamserveren blev afbrudt. Dine ændringer er ikke gemt "
                 "endnu — prøv igen.")
READ_CUT_OFF = "Forbindelsen til teamserveren blev afbrudt. Prøv igen om lidt."
# SQLSTATE classes and codes of a connection that is gone: 08 connection exception;
# 57P01-03 the server shutting down, restarting or killing this backend.
_CONNECTION_GONE_CLASS = "08"
_CONNECTION_GONE_CODES = {"57P01", "57P02", "57P03"}

# Write transactions begun per thread: lets a caller tell whether an operation wrote
# anything before a dropped connection (and so must not be re-run).
_writes_begun = threading.local()


def writes_begun() -> int:
    """How many server write transactions this thread has begun (ever)."""
    return int(getattr(_writes_begun, "count", 0))


def is_connection_lost(error: BaseException) -> bool:
    """A dropped connection or a server going away, as opposed to an error in the SQL."""
    if getattr(error, "connection_invalidated", False):
        return True
    state = getattr(getattr(error, "orig", error), "sqlstate", None) or ""
    return state.startswith(_CONNECTION_GONE_CLASS) or state in _CONNECTION_GONE_CODES


# SQLSTATE of PostgreSQL's lock_timeout ("canceling statement due to lock timeout").
_SERVER_LOCK_NOT_AVAILABLE = "55P03"


def is_lock_error(error: BaseException) -> bool:
    """A busy writer: the file's lock, or the server's writer lock not granted in time."""
    original = getattr(error, "orig", error)
    if getattr(original, "sqlstate", None) == _SERVER_LOCK_NOT_AVAILABLE:
        return True
    message = str(original).lower()
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


def _schema_mismatch(profile: ServerProfile, revision: str) -> str:
    """Who must act when a PC and the server disagree on the schema: IT upgrades an older
    server (``server upgrade``), the PC installs a newer program for a newer one."""
    where = f"Databasen på teamserveren {profile.describe()}"
    if is_known_revision(revision):
        return (f"{where} har en ældre skemaversion end programmet. Bed it-support om at "
                "opgradere serveren med 'mentordesk server upgrade'.")
    return f"{where} er lavet af en nyere MentorDesk-version; opdatér programmet."
