"""The one place that opens a MentorDesk database: a SQLCipher file or a team server.

A file is a SQLCipher 4 database, opened through SQLAlchemy's ``sqlite+pysqlcipher``
dialect with a *raw* 256-bit key (``x'<hex>'``) so the expensive passphrase KDF runs
once per unlock, not once per connection. Every connection gets the pragmas from
ARCHITECTURE.md in a fixed order: key first (any pragma before it would write a
plaintext header on a new file), then the cipher check, then the rest.

A team server is PostgreSQL 15+ through ``postgresql+psycopg``, reached with a
:class:`ServerProfile` over TLS that verifies the server's certificate against the team's
CA (``sslmode=verify-full``). Its transactions give the file's guarantees (see
:func:`install_server_transactions`).
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

import sqlcipher3
from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import URL
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.pool import NullPool, QueuePool

from mentordesk.errors import CannotOpenDatabase
from mentordesk.storage.cipher_file import (
    BUSY_TIMEOUT_MS,
    CACHE_SIZE_KIB,
    RawKey,
    check_looks_encrypted,
    fingerprint,
    remove_side_files_created_by_failed_open,
    silence_cipher_logging,
)

# Re-exported (``X as X``): callers have always found these in the engine module.
from mentordesk.storage.cipher_file import KEY_SIZE as KEY_SIZE
from mentordesk.storage.cipher_file import SALT_SIZE as SALT_SIZE
from mentordesk.storage.cipher_file import SQLITE_PLAIN_HEADER as SQLITE_PLAIN_HEADER
from mentordesk.storage.cipher_file import read_salt as read_salt

_NETWORK_FILESYSTEMS = {"nfs", "nfs4", "cifs", "smb3", "smbfs", "fuse.sshfs", "9p", "afs"}
_SYNC_FOLDER_MARKERS = ("onedrive", "dropbox", "google drive", "googledrive", "icloud")

# Execution option marking a connection/session that only reads.
READ_ONLY = "mentordesk_read_only"

# The dialect names SQLAlchemy reports (``engine.dialect.name``) for the two backends.
FILE_DIALECT = "sqlite"
SERVER_DIALECT = "postgresql"
# Every write transaction on a server takes this transaction-scoped advisory lock first
# (an arbitrary constant: "MentorDesk writer"), the server's form of BEGIN IMMEDIATE.
SERVER_WRITE_LOCK = 0x4D44_5752
SERVER_CONNECT_TIMEOUT_S = 10

def check_writable(path: Path) -> None:
    """MentorDesk writes to the file and beside it (journal, lock record, audit log): a
    read-only file or folder is refused up front with a message, not a SQLite error."""
    if not os.access(path, os.W_OK):
        raise CannotOpenDatabase(
            f"Filen {path.name} er skrivebeskyttet. MentorDesk skal kunne skrive i filen; "
            "bed it-support om skriveadgang, eller kopiér filen til en mappe, du kan skrive i."
        )
    if not os.access(path.parent, os.W_OK | os.X_OK):
        raise CannotOpenDatabase(
            f"Mappen med {path.name} er skrivebeskyttet. MentorDesk skal kunne skrive "
            "ved siden af filen; bed it-support om skriveadgang til mappen."
        )


def is_network_path(path: Path) -> bool:
    """True for UNC paths, mapped network drives and network file systems."""
    # Check before resolving too: POSIX resolve() folds a leading "//" into "/".
    if _is_unc(str(path)):
        return True
    resolved = str(path.resolve())
    if _is_unc(resolved):
        return True
    if sys.platform == "win32":
        return _windows_drive_is_remote(resolved)
    return _posix_mount_type(Path(resolved)) in _NETWORK_FILESYSTEMS


def _is_unc(text: str) -> bool:
    return text.startswith("\\\\") or text.startswith("//")


def _windows_drive_is_remote(resolved: str) -> bool:
    import ctypes

    drive_remote = 4
    root = os.path.splitdrive(resolved)[0] + "\\"
    # typeshed declares ctypes.windll only when checking for Windows.
    return ctypes.windll.kernel32.GetDriveTypeW(root) == drive_remote  # type: ignore[attr-defined]


def _posix_mount_type(path: Path) -> str:
    mounts = Path("/proc/mounts")
    if not mounts.exists():
        return ""
    best, best_type = "", ""
    for line in mounts.read_text(encoding="utf-8", errors="replace").splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        mount_point, fs_type = fields[1], fields[2]
        if str(path).startswith(mount_point) and len(mount_point) > len(best):
            best, best_type = mount_point, fs_type
    return best_type


def is_sync_folder(path: Path) -> bool:
    """Cloud-sync folders copy half-written files between PCs: warn the user."""
    lowered = str(path.resolve()).lower()
    return any(marker in lowered for marker in _SYNC_FOLDER_MARKERS)


def journal_mode_for(path: Path) -> str:
    # WAL needs shared memory between processes, which network file systems do not give.
    return "DELETE" if is_network_path(path) else "WAL"


def _database_url(path: Path, raw_key: RawKey) -> URL:
    return URL.create(
        "sqlite+pysqlcipher",
        username="",
        password=raw_key.pragma_value(),
        database=str(path),
    )


def rekey_file(path: Path, old_key: RawKey, new_key: RawKey) -> None:
    """One connection, PRAGMA rekey, closed: the only safe way (other connections break)."""
    connection = sqlcipher3.connect(str(path), isolation_level=None)
    try:
        connection.execute(f'PRAGMA key = "{old_key.pragma_value()}"')
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        connection.execute(f'PRAGMA rekey = "{new_key.pragma_value()}"')
        # Folding the log in now leaves one file under the new key.
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        connection.close()


def driver_connection(connection: Connection) -> sqlcipher3.Connection:
    """The sqlcipher3 connection under ``connection``, for pragmas that must run outside a
    transaction and for the backup API.

    SQLAlchemy types it as optional because an invalidated connection has none; an open
    connection always has one, so None here is a programming error.
    """
    driver = connection.connection.driver_connection
    if driver is None:
        raise RuntimeError("The database connection has been invalidated.")
    return driver


def install_connection_pragmas(engine: Engine, journal_mode: str) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:
        # The dialect has already sent PRAGMA key. A wrong key only shows on the first
        # read, so read right away, before any other pragma can touch the file.
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute("SELECT count(*) FROM sqlite_master")
            cursor.execute("PRAGMA foreign_keys = ON")
            cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            cursor.execute("PRAGMA temp_store = MEMORY")
            cursor.execute("PRAGMA secure_delete = ON")
            cursor.execute(f"PRAGMA cache_size = -{CACHE_SIZE_KIB}")
            cursor.execute(f"PRAGMA journal_mode = {journal_mode}")
            cursor.execute("PRAGMA synchronous = NORMAL" if journal_mode == "WAL"
                           else "PRAGMA synchronous = FULL")
        finally:
            cursor.close()
        # Let SQLAlchemy's "begin" event emit the transaction start (BEGIN IMMEDIATE).
        dbapi_connection.isolation_level = None

    @event.listens_for(engine, "begin")
    def _on_begin(connection) -> None:
        # Read-then-write in a deferred transaction fails under WAL with "database is
        # locked" whatever the busy timeout; taking the write lock up front avoids it.
        # Pure reads (READ_ONLY option) stay deferred so they never block a writer.
        if connection.get_execution_options().get(READ_ONLY):
            connection.exec_driver_sql("BEGIN")
        else:
            connection.exec_driver_sql("BEGIN IMMEDIATE")


@dataclass(frozen=True)
class ServerProfile:
    """How a PC reaches the team server: where, which database, who, and the team's CA.

    The CA file is required: a profile never connects without verifying the server's
    certificate and host name, so a password is never sent to an impostor."""

    host: str
    port: int
    dbname: str
    login: str
    password: str = field(repr=False)
    ca_file: Path

    def url(self) -> URL:
        return URL.create(
            "postgresql+psycopg",
            username=self.login,
            # No password: libpq's own PGPASSWORD or password file (IT's ~/.pgpass).
            password=self.password or None,
            host=self.host,
            port=self.port,
            database=self.dbname,
            query={"sslmode": "verify-full", "sslrootcert": str(self.ca_file),
                   "connect_timeout": str(SERVER_CONNECT_TIMEOUT_S),
                   "application_name": "MentorDesk"},
        )

    def describe(self) -> str:
        """For messages: never the password."""
        return f"{self.login}@{self.host}:{self.port}/{self.dbname}"


def install_server_transactions(engine: Engine) -> None:
    """The file's transaction guarantees, given by PostgreSQL.

    A write transaction on the file (BEGIN IMMEDIATE) is the only writer from its first
    read to its commit, so read-then-write (the audit chain's last hash, "is this slot
    free", version checks) can never interleave with another writer. On the server every
    write transaction takes one transaction-scoped advisory lock before anything else, in
    READ COMMITTED: writers run one at a time, and since none can commit while another
    holds the lock, every statement of the holder sees the same data a serial run would.
    Unlike SERIALIZABLE this never fails at commit after the caller's work has run, so
    nothing needs re-running; the lock is released by commit, rollback or a dropped
    connection. Reads never wait for it: a read transaction is REPEATABLE READ, READ ONLY,
    one snapshot for all its statements, like a read transaction on the file under WAL.
    """

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:
        with dbapi_connection.cursor() as cursor:
            # The file's busy timeout: wait this long for the writer's lock, then fail
            # with a lock error that Database.session retries.
            cursor.execute(f"SET lock_timeout = {BUSY_TIMEOUT_MS}")
            cursor.execute("SET TIME ZONE 'UTC'")
        dbapi_connection.commit()

    @event.listens_for(engine, "begin")
    def _on_begin(connection) -> None:
        if connection.get_execution_options().get(READ_ONLY):
            connection.exec_driver_sql(
                "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        else:
            connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({SERVER_WRITE_LOCK})")


def build_server_engine(profile: ServerProfile, *, pooled: bool = True) -> Engine:
    """The engine for a team server, not yet connected (loads psycopg, the driver)."""
    engine = create_engine(
        profile.url(),
        poolclass=QueuePool if pooled else NullPool,
        # A server restart or a dropped network leaves dead pooled connections: test
        # each one as it is taken, so the next operation gets a live one.
        pool_pre_ping=True,
        **({"pool_size": 2, "max_overflow": 2} if pooled else {}),
    )
    install_server_transactions(engine)
    return engine


def open_server_engine(profile: ServerProfile, *, pooled: bool = True) -> Engine:
    """Connect to a team server, proving the certificate and the login right away."""
    return reached(build_server_engine(profile, pooled=pooled),
                   f"Teamserveren {profile.describe()}")


def reached(engine: Engine, server: str) -> Engine:
    """``engine`` once one connection proved the certificate and the login; else it is
    disposed and ``CannotOpenDatabase`` says "<server> kunne ikke nås (<libpq's reason>)"."""
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except (DatabaseError, OperationalError) as error:
        engine.dispose()
        raise CannotOpenDatabase(
            f"{server} kunne ikke nås ({getattr(error, 'orig', error)}).") from error
    return engine


def build_engine(path: Path, raw_key: RawKey, *, pooled: bool = True) -> Engine:
    """Create the engine for an existing or new database file; does not touch the file."""
    silence_cipher_logging()
    engine = create_engine(
        _database_url(path, raw_key),
        module=sqlcipher3.dbapi2,
        poolclass=QueuePool if pooled else NullPool,
        **({"pool_size": 2, "max_overflow": 2} if pooled else {}),
    )
    install_connection_pragmas(engine, journal_mode_for(path))
    return engine


def open_engine(path: Path, raw_key: RawKey, *, pooled: bool = True) -> Engine:
    """Open an existing database, proving the key right before anything else happens."""
    check_looks_encrypted(path)
    check_writable(path)
    before = fingerprint(path)
    engine = build_engine(path, raw_key, pooled=pooled)
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except (DatabaseError, OperationalError) as error:
        engine.dispose()
        remove_side_files_created_by_failed_open(path, before)
        raise CannotOpenDatabase(_explain_open_failure(error, path)) from error
    return engine


def create_database_file(path: Path, raw_key: RawKey) -> Engine:
    """Create a new, empty encrypted file. Refuses to overwrite anything."""
    if path.exists():
        raise CannotOpenDatabase(f"Filen {path.name} findes allerede og bliver ikke overskrevet.")
    path.parent.mkdir(parents=True, exist_ok=True)
    engine = build_engine(path, raw_key)
    with engine.connect() as connection:
        # Writing the schema version forces SQLCipher to write the first (encrypted) page.
        connection.exec_driver_sql("PRAGMA user_version = 0")
    return engine


def _explain_open_failure(error: Exception, path: Path) -> str:
    message = str(getattr(error, "orig", error)).lower()
    if "file is not a database" in message or "not a database" in message:
        return (
            f"Databasen {path.name} kunne ikke åbnes: forkert adgangskode, "
            "eller filen er beskadiget eller ikke en MentorDesk-database."
        )
    if "locked" in message or "busy" in message:
        return f"Databasen {path.name} er låst af et andet program. Prøv igen om lidt."
    return f"Databasen {path.name} kunne ikke åbnes ({getattr(error, 'orig', error)})."
