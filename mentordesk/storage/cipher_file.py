"""A SQLCipher file as bytes on disk and as a plain keyed connection, without SQLAlchemy.

What every way into a file shares: the raw key, the checks that refuse a file that cannot
be a MentorDesk database before any key touches it, and the side files a failed open must
not leave behind. Kept free of SQLAlchemy so start-up can key a file and read its first
list before the ORM is imported (``storage.first_look``); ``storage.engine`` builds on it.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path

import sqlcipher3

from mentordesk.errors import CannotOpenDatabase

SQLITE_PLAIN_HEADER = b"SQLite format 3\x00"
SALT_SIZE = 16
KEY_SIZE = 32
# SQLCipher pages are at least 512 bytes; anything shorter cannot hold a database.
MIN_DATABASE_SIZE = 512
BUSY_TIMEOUT_MS = 10_000
# ~32 MB of decrypted pages per connection: re-decrypting hot pages is the main cost
# of SQLCipher over the same SQLite without a key (bench/storage_cipher_vs_plain.py).
CACHE_SIZE_KIB = 32_000

_cipher_logging_silenced = False


@dataclass(frozen=True)
class RawKey:
    """A SQLCipher raw key: 32 bytes of key material plus the file's 16-byte salt."""

    key: bytes
    salt: bytes

    def __post_init__(self) -> None:
        if len(self.key) != KEY_SIZE or len(self.salt) != SALT_SIZE:
            raise ValueError("A raw key is 32 bytes of key and 16 bytes of salt")

    def pragma_value(self) -> str:
        # Key plus salt: SQLCipher then uses exactly this salt when creating a new file,
        # which is what lets a passphrase open the same file later.
        return f"x'{self.key.hex()}{self.salt.hex()}'"


def read_salt(path: Path) -> bytes:
    """The first 16 bytes of a SQLCipher file are its salt (used to key the keyring entry)."""
    check_looks_encrypted(path)
    with open(path, "rb") as handle:
        return handle.read(SALT_SIZE)


def check_looks_encrypted(path: Path) -> None:
    """Refuse, without touching the file, anything that cannot be a SQLCipher database."""
    if path.is_dir():
        raise CannotOpenDatabase(f"{path.name} er en mappe, ikke en MentorDesk-database.")
    if not path.is_file():
        raise CannotOpenDatabase(f"Databasefilen {path} findes ikke.")
    size = path.stat().st_size
    if size < MIN_DATABASE_SIZE:
        raise CannotOpenDatabase(
            f"Filen {path.name} er ikke en MentorDesk-database (den er for lille, måske afkortet)."
        )
    with open(path, "rb") as handle:
        start = handle.read(MIN_DATABASE_SIZE)
    if start.startswith(SQLITE_PLAIN_HEADER):
        raise CannotOpenDatabase(
            f"Filen {path.name} er en ukrypteret SQLite-database, ikke en MentorDesk-database."
        )
    if _looks_like_text(start):
        raise CannotOpenDatabase(f"Filen {path.name} er en tekstfil, ikke en MentorDesk-database.")


def _looks_like_text(start: bytes) -> bool:
    """Encrypted pages are random bytes; 512 bytes of valid UTF-8 without NUL are text."""
    if b"\x00" in start:
        return False
    try:
        # Not final: the 512-byte cut may split a multi-byte character such as "ø".
        codecs.getincrementaldecoder("utf-8")().decode(start, final=False)
    except UnicodeDecodeError:
        return False
    return True


def silence_cipher_logging() -> None:
    """SQLCipher logs failed decryptions to stderr; the app reports them itself."""
    global _cipher_logging_silenced
    if _cipher_logging_silenced:
        return
    connection = sqlcipher3.connect(":memory:")
    try:
        connection.execute("PRAGMA cipher_log_level = NONE")
    finally:
        connection.close()
    _cipher_logging_silenced = True


def fingerprint(path: Path) -> set[str]:
    return {entry.name for entry in path.parent.iterdir()}


def remove_side_files_created_by_failed_open(path: Path, before: set[str]) -> None:
    """A failed open must leave nothing new beside the file (e.g. an empty -wal)."""
    for suffix in ("-wal", "-shm", "-journal"):
        side = path.with_name(path.name + suffix)
        if side.name not in before and side.exists():
            side.unlink()


def open_keyed(path: Path, raw_key: RawKey) -> sqlcipher3.Connection:
    """A plain driver connection to an existing file, keyed and proved, for reading only.

    The key goes first (any pragma before it would write a plaintext header), and one read
    follows at once: a wrong key only shows on the first read. Raises the driver's error;
    the caller decides what a failure means (start-up falls back to the full open, which
    explains it to the user)."""
    silence_cipher_logging()
    connection = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=False)
    try:
        connection.execute(f'PRAGMA key = "{raw_key.pragma_value()}"')
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        connection.execute("PRAGMA temp_store = MEMORY")
        connection.execute("PRAGMA query_only = ON")
    except BaseException:
        connection.close()
        raise
    return connection
