"""Unlocking a database as a person: the one way in for the GUI and the command line.

The database key is random (256 bit) and is never derived from a passphrase. It sits in
the key file beside the database, sealed to each person's public key (``mentordesk.keys``).
Unlocking with your login and your own passphrase unwraps *your* private keys, which open
*your* slot: the person the database is unlocked as is the slot's login, checked against
the keys the team enrolled. The OS login is only the default for the login field; no
environment variable changes who you are.

"Remember on this PC" keeps your unwrapped private keys in the OS keyring (Windows
Credential Manager, local-machine persistence), keyed by the file id and your login.
"""

from __future__ import annotations

import logging
import os
import secrets
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from mentordesk.domain.codes import RECOVERY_LOGIN
from mentordesk.errors import CannotOpenDatabase, KeyUnavailable, WeakPassphrase
from mentordesk.keys import keyfile, registry
from mentordesk.keys.crypto import PersonKeys, WrappingKey, WrongSecret
from mentordesk.keys.failed_unlocks import flush_failed_unlocks, note_failed_unlock
from mentordesk.keys.identity import Identity, current_login
from mentordesk.keys.keyfile import KeyFile, Slot, SlotKind
from mentordesk.keys.keystore import KEYRING_SERVICE, WINDOWS_PERSISTENCE, KeyStore
from mentordesk.keys.witness import inspect_log
from mentordesk.storage.database import FILE_ID_KEY, Database
from mentordesk.storage.engine import KEY_SIZE, SALT_SIZE, RawKey, read_salt

__all__ = [
    "KEYRING_SERVICE", "WINDOWS_PERSISTENCE", "EnrolmentPending", "KeyStore", "NewDatabase",
    "RawKey", "StaleKey", "change_own_passphrase", "check_passphrase_strength",
    "create_encrypted_database", "current_login", "generate_secret", "reopen_as",
    "require_identity", "unlock_with_keyring", "unlock_with_keys", "unlock_with_passphrase",
    "unwrap_own_slot",
]

MIN_PASSPHRASE_LENGTH = 12
# Letters that cannot be mistaken for each other when copied by hand from paper.
_GENERATED_ALPHABET = "abcdefghjkmnpqrstuvwxyz"

log = logging.getLogger(__name__)


class StaleKey(KeyUnavailable):
    """This PC remembered a key, but it no longer opens the file (the person was removed,
    or the key file was replaced): ask for the passphrase."""


class EnrolmentPending(KeyUnavailable):
    """The login has a one-time enrolment code, not yet a passphrase of their own."""


def check_passphrase_strength(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        raise WeakPassphrase(
            f"Adgangskoden skal være mindst {MIN_PASSPHRASE_LENGTH} tegn lang. "
            "Brug gerne en sætning på flere ord."
        )
    if len(set(passphrase)) < 5:
        raise WeakPassphrase("Adgangskoden er for ensformig. Brug flere forskellige tegn.")


def generate_secret(groups: int = 6) -> str:
    """A random secret for the recovery key or an enrolment code: groups of 4 letters,
    ~18 bits each (6 groups: ~108 bits), easy to copy by hand."""
    return "-".join("".join(secrets.choice(_GENERATED_ALPHABET) for _ in range(4))
                    for _ in range(groups))


# -- creating ---------------------------------------------------------------------------


@dataclass(frozen=True)
class NewDatabase:
    """A database just created, unlocked as its first admin, and the recovery key to
    print (shown once; never written anywhere unless the user chooses where)."""

    database: Database
    recovery_key: str


def create_encrypted_database(path: Path, passphrase: str, *, team_name: str,
                              admin_login: str) -> NewDatabase:
    """A new, empty database with a random key, sealed to its first admin (``admin_login``
    with ``passphrase``) and to a recovery key. Its catalogue and the admin's user row
    are the team's business: ``mentordesk.services.new_team.create_database``."""
    check_passphrase_strength(passphrase)
    file_id = str(uuid.uuid4())
    database_key = os.urandom(KEY_SIZE)
    database = Database.create(path, RawKey(database_key, os.urandom(SALT_SIZE)), team_name,
                               file_id=file_id)
    admin = Identity(admin_login, PersonKeys.generate())
    recovery = Identity(RECOVERY_LOGIN, PersonKeys.generate(), SlotKind.RECOVERY)
    recovery_key = generate_secret()
    key_file = KeyFile(file_id, (
        keyfile.new_slot(admin.login, SlotKind.PERSON, admin.keys,
                         WrappingKey.derive(passphrase), database_key, file_id),
        keyfile.new_slot(recovery.login, SlotKind.RECOVERY, recovery.keys,
                         WrappingKey.derive(recovery_key), database_key, file_id),
    ))
    with database.session() as session:
        registry.register_key(session, admin.login, SlotKind.PERSON, admin.public, admin)
        registry.register_key(session, recovery.login, SlotKind.RECOVERY, recovery.public, admin)
        registry.start_signing(session)
    keyfile.save(path, key_file)
    database.signer = admin
    return NewDatabase(database, recovery_key)


# -- unlocking --------------------------------------------------------------------------


def unlock_with_passphrase(path: Path, passphrase: str, *, login: str | None = None,
                           remember: bool = False, keystore: KeyStore | None = None) -> Database:
    """Open ``path`` as ``login`` (default: the OS login) with that person's passphrase."""
    keystore = keystore or KeyStore()
    login = (login or current_login()).strip()

    def open_slot(slot: Slot, file_id: str) -> tuple[PersonKeys, bytes]:
        if slot.kind is SlotKind.ENROLMENT:
            raise EnrolmentPending(
                f"«{slot.login}» har endnu ikke valgt sin egen adgangskode. Vælg "
                "«Første gang» og brug engangskoden fra din administrator.")
        return slot.unlock(passphrase, file_id)

    database, identity, file_id = _unlock(path, login, open_slot, keystore)
    if remember:
        keystore.remember(file_id, identity.login, identity.keys)
    return database


def unlock_with_keyring(path: Path, keystore: KeyStore | None = None, *,
                        login: str | None = None) -> Database:
    """Open with the keys this PC remembers for ``login``; KeyUnavailable means: ask."""
    keystore = keystore or KeyStore()
    login = (login or current_login()).strip()
    read_salt(path)  # a file that cannot be a database is named as such, before the keys
    file_id = keyfile.load(path).file_id
    remembered = keystore.recall(file_id, login)
    if remembered is None:
        raise KeyUnavailable("Nøglen er ikke gemt på denne pc. Indtast adgangskoden.")

    def open_slot(slot: Slot, slot_file_id: str) -> tuple[PersonKeys, bytes]:
        return remembered, slot.open_with(remembered, slot_file_id)

    try:
        database, _identity, _file_id = _unlock(path, login, open_slot, keystore)
    except (CannotOpenDatabase, KeyUnavailable) as error:
        keystore.forget(file_id, login)
        raise StaleKey("Den gemte nøgle åbner ikke længere databasen. Indtast adgangskoden."
                       ) from error
    return database


def unlock_with_keys(path: Path, login: str, keys: PersonKeys,
                     keystore: KeyStore | None = None) -> Database:
    """Open as a person whose private keys are already in memory (enrolment, tests)."""

    def open_slot(slot: Slot, file_id: str) -> tuple[PersonKeys, bytes]:
        return keys, slot.open_with(keys, file_id)

    return _unlock(path, login, open_slot, keystore or KeyStore())[0]


def reopen_as(path: Path, raw_key: RawKey, identity: Identity) -> Database:
    """Open ``path`` again as the same person (after a restore replaced the file, or
    after a refused one): the identity is checked against the file's enrolled keys."""
    database = Database.open(path, raw_key)
    try:
        registry.require_enrolled(database, identity)
    except BaseException:
        database.close()
        raise
    database.signer = identity
    return database


def unwrap_own_slot(path: Path, passphrase: str, *,
                    login: str | None = None) -> tuple[Identity, bytes]:
    """The person and the database key from their slot, without opening the database:
    a restore into the place of a file that was moved away as damaged needs exactly this.
    A wrong login or passphrase is WrongSecret, as at any unlock."""
    key_file = keyfile.load(path)
    slot = key_file.slot_for((login or current_login()).strip())
    if slot is None or slot.kind is SlotKind.ENROLMENT:
        raise WrongSecret("Forkert login eller adgangskode.")
    keys, database_key = slot.unlock(passphrase, key_file.file_id)
    return Identity(slot.login, keys, slot.kind), database_key


def change_own_passphrase(database: Database, new_passphrase: str) -> None:
    """Re-wrap the unlocked person's private keys under a new passphrase. Nothing else
    changes: the database key, the other slots and every backup stay as they are."""
    check_passphrase_strength(new_passphrase)
    identity = require_identity(database)
    key_file = keyfile.load(database.path)
    slot = key_file.slot_for(identity.login)
    if slot is None or slot.public != identity.public:
        raise CannotOpenDatabase("Din nøgle findes ikke længere i nøglefilen.")
    database_key = slot.open_with(identity.keys, key_file.file_id)
    keyfile.save(database.path, key_file.with_slot(keyfile.new_slot(
        identity.login, slot.kind, identity.keys, WrappingKey.derive(new_passphrase),
        database_key, key_file.file_id)))


def require_identity(database: Database) -> Identity:
    signer = database.signer
    if not isinstance(signer, Identity):
        raise CannotOpenDatabase("Databasen er ikke låst op med en personlig nøgle.")
    return signer


SlotOpener = Callable[[Slot, str], tuple[PersonKeys, bytes]]


def _unlock(path: Path, login: str, open_slot: SlotOpener,
            keystore: KeyStore) -> tuple[Database, Identity, str]:
    """Try the key file, then a rotation's next key file if one was left half-done."""
    read_salt(path)  # refuses, untouched, anything that cannot be a MentorDesk file
    candidates, pending = _key_files(path)
    failure: Exception | None = None
    for key_file in candidates:
        try:
            database, identity = _open_as(path, key_file, login, open_slot)
        except (WrongSecret, EnrolmentPending):
            note_failed_unlock(candidates[0].file_id, login, keystore)
            raise
        except CannotOpenDatabase as error:
            failure = error
            continue
        _settle_rotation(path, promote=key_file is pending, pending=pending is not None)
        flush_failed_unlocks(database, key_file.file_id, identity.login, keystore)
        database.log_warning = inspect_log(database, key_file.file_id, identity.login)
        return database, identity, key_file.file_id
    note_failed_unlock(candidates[0].file_id, login, keystore)
    assert failure is not None
    raise failure


def _key_files(path: Path) -> tuple[list[KeyFile], KeyFile | None]:
    """The key file, then the next one a rotation left behind (if any)."""
    pending = keyfile.load_next(path)
    if not keyfile.has_key_file(path):
        if pending is None:
            raise CannotOpenDatabase(
                f"Der er ingen nøglefil ved siden af {path.name}. Er databasen fra en ældre "
                "MentorDesk med én fælles adgangskode, så skal den først have personlige "
                f"nøgler: mentordesk migrate-keys \"{path}\" (se README).")
        return [pending], pending
    return [keyfile.load(path), *([pending] if pending else [])], pending


def _open_as(path: Path, key_file: KeyFile, login: str,
             open_slot: SlotOpener) -> tuple[Database, Identity]:
    slot = key_file.slot_for(login)
    if slot is None:
        raise WrongSecret("Forkert login eller adgangskode.")
    keys, database_key = open_slot(slot, key_file.file_id)
    database = Database.open(path, RawKey(database_key, read_salt(path)))
    identity = Identity(slot.login, keys, slot.kind)
    try:
        if database.meta(FILE_ID_KEY) != key_file.file_id:
            raise CannotOpenDatabase("Nøglefilen hører til en anden database.")
        registry.require_enrolled(database, identity)
    except BaseException:
        database.close()
        raise
    database.signer = identity
    return database, identity


def _settle_rotation(path: Path, *, promote: bool, pending: bool) -> None:
    """Finish or discard a key rotation that was cut off (see ``keys.keyfile``)."""
    if promote:
        keyfile.promote_next(path)
        log.warning("Finished an interrupted key rotation for %s", path.name)
    elif pending:
        keyfile.next_key_file_path(path).unlink(missing_ok=True)
