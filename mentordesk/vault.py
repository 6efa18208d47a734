"""Keys: create a database with a team passphrase, unlock it, remember it on this PC.

The passphrase is stretched once with SQLCipher 4's own KDF (PBKDF2-HMAC-SHA512,
256 000 iterations, the file's 16-byte salt), so the raw key we keep is exactly the key
SQLCipher would derive: the passphrase alone still opens the file in any SQLCipher tool.
"Remember on this PC" stores that raw key in the OS keyring (Windows Credential Manager),
keyed by the file's salt; never in a plain file.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import logging
import os
import secrets
from pathlib import Path
from typing import TYPE_CHECKING

from mentordesk import audit
from mentordesk.errors import CannotOpenDatabase, KeyUnavailable, WeakPassphrase
from mentordesk.paths import state_dir
from mentordesk.storage.backup import timestamped_backup_path, write_backup
from mentordesk.storage.database import Database
from mentordesk.storage.engine import KEY_SIZE, SALT_SIZE, RawKey, read_salt, rekey_file

if TYPE_CHECKING:
    from keyring.backend import KeyringBackend

MIN_PASSPHRASE_LENGTH = 12
KDF_ITERATIONS = 256_000
KEYRING_SERVICE = "MentorDesk"
# keyring's name for win32cred.CRED_PERSIST_LOCAL_MACHINE: this PC, this Windows account.
WINDOWS_PERSISTENCE = "local machine"
_FAILED_UNLOCKS_FILE = "failed-unlocks.json"
# Letters that cannot be mistaken for each other when copied by hand from paper.
_GENERATED_ALPHABET = "abcdefghjkmnpqrstuvwxyz"
REKEY_ACTION = "rekey"

log = logging.getLogger(__name__)


class StaleKey(KeyUnavailable):
    """This PC remembered a key, but it no longer opens the file (passphrase changed):
    ask for the passphrase and remember the new key in its place."""


def current_login() -> str:
    """The OS login that identifies the user (works on Windows and elsewhere)."""
    return getpass.getuser()


def check_passphrase_strength(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        raise WeakPassphrase(
            f"Adgangskoden skal være mindst {MIN_PASSPHRASE_LENGTH} tegn lang. "
            "Brug gerne en sætning på flere ord."
        )
    if len(set(passphrase)) < 5:
        raise WeakPassphrase("Adgangskoden er for ensformig. Brug flere forskellige tegn.")


def generate_passphrase(groups: int = 6) -> str:
    """A random passphrase for the recovery sheet: 6 groups of 4 letters, ~27 bits each
    group (~130 bits in all), easy to copy by hand."""
    return "-".join("".join(secrets.choice(_GENERATED_ALPHABET) for _ in range(4))
                    for _ in range(groups))


def derive_key(passphrase: str, salt: bytes) -> RawKey:
    key = hashlib.pbkdf2_hmac(
        "sha512", passphrase.encode("utf-8"), salt, KDF_ITERATIONS, dklen=KEY_SIZE
    )
    return RawKey(key=key, salt=salt)


class KeyStore:
    """The OS keyring, keyed by the database file's salt.

    Pass a backend to use a specific one (tests use an in-memory backend); without it
    the platform's default keyring is used. Any keyring failure means "not remembered":
    the app then asks for the passphrase, it never falls back to a plaintext file.
    """

    def __init__(self, backend: KeyringBackend | None = None) -> None:
        self._backend = backend

    def _keyring(self) -> KeyringBackend:
        # Imported on first use: keyring costs ~60 ms at start-up, and the demo never
        # needs it.
        import keyring

        return _keep_on_this_pc(self._backend or keyring.get_keyring())

    def remember(self, raw_key: RawKey) -> bool:
        from keyring.errors import KeyringError

        try:
            self._keyring().set_password(KEYRING_SERVICE, raw_key.salt.hex(), raw_key.key.hex())
        except KeyringError:
            return False
        return True

    def recall(self, salt: bytes) -> RawKey | None:
        from keyring.errors import KeyringError

        try:
            stored = self._keyring().get_password(KEYRING_SERVICE, salt.hex())
        except KeyringError:
            return None
        if not stored:
            return None
        try:
            return RawKey(key=bytes.fromhex(stored), salt=salt)
        except ValueError:
            return None  # a damaged entry is as good as none: ask for the passphrase

    def forget(self, salt: bytes) -> None:
        from keyring.errors import KeyringError, PasswordDeleteError

        try:
            self._keyring().delete_password(KEYRING_SERVICE, salt.hex())
        except (PasswordDeleteError, KeyringError):
            pass  # nothing remembered, nothing to forget


def _keep_on_this_pc(backend: KeyringBackend) -> KeyringBackend:
    """Windows Credential Manager stores with *enterprise* persistence by default, which
    roams with a roaming profile to every PC the user logs on to; a remembered database
    key must stay on this PC. ``persist`` exists on keyring's Windows backend only (also
    when it sits inside keyring's chainer)."""
    for candidate in (backend, *getattr(backend, "backends", ())):
        if hasattr(type(candidate), "persist"):
            candidate.persist = WINDOWS_PERSISTENCE  # type: ignore[attr-defined]
    return backend


def create_encrypted_database(path: Path, passphrase: str, *, team_name: str) -> Database:
    """A new, empty encrypted database under ``passphrase``. Its first admin and default
    catalogue are the team's business: ``mentordesk.services.new_team.create_database``."""
    check_passphrase_strength(passphrase)
    return Database.create(path, derive_key(passphrase, os.urandom(SALT_SIZE)), team_name)


def unlock_with_passphrase(
    path: Path, passphrase: str, *, remember: bool = False, keystore: KeyStore | None = None
) -> Database:
    salt = read_salt(path)
    raw_key = derive_key(passphrase, salt)
    database = _open_or_note_failure(path, raw_key)
    if remember:
        (keystore or KeyStore()).remember(raw_key)
    return database


def unlock_with_keyring(path: Path, keystore: KeyStore | None = None) -> Database:
    """Open with the remembered key; KeyUnavailable means: ask for the passphrase."""
    salt = read_salt(path)
    raw_key = (keystore or KeyStore()).recall(salt)
    if raw_key is None:
        raise KeyUnavailable("Nøglen er ikke gemt på denne pc. Indtast adgangskoden.")
    try:
        return _open_or_note_failure(path, raw_key)
    except CannotOpenDatabase as error:
        raise StaleKey(
            "Den gemte nøgle passer ikke længere til databasen. Indtast adgangskoden."
        ) from error


def unlock_with_raw_key(path: Path, raw_key: RawKey) -> Database:
    return _open_or_note_failure(path, raw_key)


def rekey(database: Database, new_passphrase: str, *, login: str | None = None,
          keystore: KeyStore | None = None, remember: bool | None = None) -> Database:
    """Change the passphrase: backup first, then re-encrypt every page with a new key.

    The file also gets a new salt, so keys remembered on other PCs no longer match any
    keyring entry: those PCs ask for the new passphrase instead of failing oddly. This
    PC's entry moves to the new salt if it was remembered (or ``remember`` is True).
    ``database`` is re-bound to the new key in place (views holding it go on working)
    and returned. SQLCipher breaks every other connection to a re-keyed file, so the
    front ends call ``mentordesk.security.workflows.change_passphrase``, which refuses
    while anyone else has the file open.
    """
    check_passphrase_strength(new_passphrase)
    keystore = keystore or KeyStore()
    path, old_key = database.path, database.raw_key
    write_backup(database.engine, old_key, timestamped_backup_path(path, "foer-ny-adgangskode"))
    new_key = derive_key(new_passphrase, os.urandom(SALT_SIZE))
    database.close()
    rekey_file(path, old_key, new_key)
    was_remembered = keystore.recall(old_key.salt) is not None
    keystore.forget(old_key.salt)
    if remember or (remember is None and was_remembered):
        keystore.remember(new_key)
    database.rebind(new_key)
    reopened = database
    with reopened.session() as session:
        audit.record(session, login or current_login(), REKEY_ACTION, entity="database",
                     detail="Adgangskoden er skiftet")
    log.info("Database re-keyed with a new salt")
    return reopened


def _open_or_note_failure(path: Path, raw_key: RawKey) -> Database:
    try:
        database = Database.open(path, raw_key)
    except CannotOpenDatabase:
        _note_failed_unlock(raw_key.salt)
        raise
    _flush_failed_unlocks(database)
    return database


# A failed unlock cannot be written into a database we could not open; it is kept in
# this PC's state folder (no personal data: time, login, file id) and appended to the
# audit log at the next successful unlock of that file.


def _failed_unlocks_path() -> Path:
    return state_dir() / _FAILED_UNLOCKS_FILE


def _read_failed_unlocks() -> list[dict[str, str]]:
    try:
        return json.loads(_failed_unlocks_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []


def _note_failed_unlock(salt: bytes) -> None:
    try:
        pending = _read_failed_unlocks()
        pending.append(
            {"salt": salt.hex(), "login": current_login(), "at": audit.utc_timestamp()}
        )
        _failed_unlocks_path().write_text(json.dumps(pending), encoding="utf-8")
    except OSError:
        # An unwritable profile folder must not hide the real message (wrong key, …).
        log.warning("Could not note a failed unlock in the state folder")


def _flush_failed_unlocks(database: Database) -> None:
    pending = _read_failed_unlocks()
    salt = database.raw_key.salt.hex()
    mine = [entry for entry in pending if entry.get("salt") == salt]
    if not mine:
        return
    with database.session() as session:
        for entry in mine:
            audit.record(
                session,
                entry.get("login", "?"),
                audit.Action.UNLOCK_FAILED,
                detail="Forkert nøgle eller adgangskode",
                occurred_at=entry.get("at"),
            )
    rest = [entry for entry in pending if entry.get("salt") != salt]
    _failed_unlocks_path().write_text(json.dumps(rest), encoding="utf-8")
