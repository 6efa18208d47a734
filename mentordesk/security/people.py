"""People and their keys: enrol a team member, let them choose their own passphrase,
remove them when they leave, and renew the recovery key. Used by the team page and by
``mentordesk users``.

Enrolment: an admin gives a team member a one-time code; the member's first unlock with
that code makes a fresh key pair that only they know, registered by their enrolment key
(which the admin's key registered), so the admin never holds the member's key.

Removal rotates the database key: a new random key, the file re-encrypted, the key
re-sealed to everyone else's public key (no one else's passphrase is needed), and every
backup this installation keeps re-encrypted to the new key; the leaver's passphrase then
opens neither the file nor any of those backups.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path

import sqlcipher3

from mentordesk import audit
from mentordesk.domain.codes import RECOVERY_LOGIN
from mentordesk.errors import AccessDenied, CannotOpenDatabase, InvalidInput, NotFound
from mentordesk.files import write_atomically
from mentordesk.kernel.access import require_admin
from mentordesk.kernel.changes import NOTHING, Changes, Kind, Result
from mentordesk.kernel.context import Context
from mentordesk.keys import keyfile, registry
from mentordesk.keys.crypto import PersonKeys, WrappingKey
from mentordesk.keys.identity import Identity
from mentordesk.keys.keyfile import SlotKind
from mentordesk.security import lock
from mentordesk.storage.backup import backup_folder_for
from mentordesk.storage.database import Database
from mentordesk.storage.engine import KEY_SIZE, RawKey, read_salt, rekey_file
from mentordesk.storage.models import User
from mentordesk.storage.queries.team import user_with_login
from mentordesk.vault import (
    KeyStore,
    change_own_passphrase,
    check_passphrase_strength,
    generate_secret,
    require_identity,
    unlock_with_keys,
)

_SIDE_SUFFIXES = ("-wal", "-shm", "-journal")
_TEAM_CHANGED = Changes.of(Kind.TEAM)

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class KeyHolder:
    """A person in the key file, as `users list` and the team page show them."""

    login: str
    kind: SlotKind
    fingerprint: str


def key_holders(context: Context) -> list[KeyHolder]:
    key_file = keyfile.load(context.database.path)
    return [KeyHolder(slot.login, slot.kind, slot.public.fingerprint())
            for slot in key_file.slots]


# -- enrolment --------------------------------------------------------------------------


def enrol_person(context: Context, login: str) -> Result[str]:
    """A one-time enrolment code for an existing, active team member (admins only).

    The code unwraps a slot that can do one thing: let the member choose their own
    passphrase (:func:`complete_enrolment`). A new code replaces any earlier one, and a
    member who already has a key gets a new one the same way (a forgotten passphrase).
    """
    require_admin(context.actor)
    admin = require_identity(context.database)
    user = _active_user(context, login)
    if user.login.casefold() in (admin.login.casefold(), RECOVERY_LOGIN):
        raise AccessDenied("En engangskode kan ikke udstedes til dig selv eller til "
                           "gendannelsesnøglen. Skift din egen adgangskode under "
                           "Indstillinger → Sikkerhed.")
    code = generate_secret(5)
    keys = PersonKeys.generate()
    key_file = keyfile.load(context.database.path)
    database_key = _database_key(context.database)
    with context.session() as session:
        registry.register_key(session, user.login, SlotKind.ENROLMENT, keys.public, admin)
        audit.record(session, context.actor.login, audit.Action.ENROL_KEY, entity="user",
                     entity_id=user.id, detail=f"Engangskode udstedt til {user.login} "
                     f"(nøgle {keys.public.fingerprint()})")
    keyfile.save(context.database.path, key_file.with_slot(keyfile.new_slot(
        user.login, SlotKind.ENROLMENT, keys, WrappingKey.derive(code), database_key,
        key_file.file_id)))
    return Result(code, _TEAM_CHANGED)


def complete_enrolment(path: Path, login: str, code: str, new_passphrase: str, *,
                       remember: bool = False, keystore: KeyStore | None = None) -> Database:
    """A member's first unlock: the one-time code opens the enrolment slot, a fresh key
    pair replaces it under the member's own passphrase, and the database is returned
    unlocked as them. A wrong code changes nothing."""
    check_passphrase_strength(new_passphrase)
    key_file = keyfile.load(path)
    slot = key_file.slot_for(login)
    if slot is None or slot.kind is not SlotKind.ENROLMENT:
        raise CannotOpenDatabase("Der er ingen engangskode til dette login. Bed en "
                                 "administrator om en ny.")
    enrolment_keys, database_key = slot.unlock(code.strip().lower(), key_file.file_id)
    database = unlock_with_keys(path, slot.login, enrolment_keys, keystore)
    try:
        own = Identity(slot.login, PersonKeys.generate())
        with database.session() as session:
            registry.retire_keys(session, slot.login)
            registry.register_key(session, slot.login, SlotKind.PERSON, own.public,
                                  Identity(slot.login, enrolment_keys, SlotKind.ENROLMENT))
            audit.record(session, slot.login, audit.Action.ENROL_KEY, entity="user",
                         detail=f"Egen adgangskode valgt (nøgle {own.public.fingerprint()})")
        keyfile.save(path, key_file.with_slot(keyfile.new_slot(
            slot.login, SlotKind.PERSON, own.keys, WrappingKey.derive(new_passphrase),
            database_key, key_file.file_id)))
    except BaseException:
        database.close()
        raise
    database.signer = own
    if remember:
        (keystore or KeyStore()).remember(key_file.file_id, own.login, own.keys)
    return database


def give_demo_keys(database: Database, logins: list[str], passphrase: str) -> None:
    """Every fictitious demo staff member gets a slot under the public demo passphrase, so
    that anyone trying the demo can unlock as a mentor and see what a mentor sees. One
    Argon2id derivation serves them all: the passphrase is public anyway."""
    admin = require_identity(database)
    key_file = keyfile.load(database.path)
    wrapping = WrappingKey.derive(passphrase)
    slots = []
    with database.session() as session:
        for login in logins:
            keys = PersonKeys.generate()
            registry.register_key(session, login, SlotKind.PERSON, keys.public, admin)
            slots.append(keyfile.new_slot(login, SlotKind.PERSON, keys, wrapping,
                                          _database_key(database), key_file.file_id))
    for slot in slots:
        key_file = key_file.with_slot(slot)
    keyfile.save(database.path, key_file)


def change_my_passphrase(context: Context, new_passphrase: str) -> Result[None]:
    """Your own passphrase, for your slot only: nobody else's key, no re-encryption, no
    backup under an old key (``vault.change_own_passphrase``)."""
    change_own_passphrase(context.database, new_passphrase)
    with context.session() as session:
        audit.record(session, context.actor.login, audit.Action.PASSPHRASE_CHANGED,
                     entity="user", entity_id=context.actor.user_id,
                     detail="Egen adgangskode skiftet")
    return Result(None, NOTHING)


# -- removal and rotation ---------------------------------------------------------------


@dataclass(frozen=True)
class Removal:
    login: str
    backups_reencrypted: int
    backups_destroyed: list[Path]


def remove_person(context: Context, login: str) -> Result[Removal]:
    """Remove ``login`` from the team (admins only): deactivated, their keys retired and
    their slot gone, the database key rotated. Refused while anyone else has the file
    open (re-encryption breaks their connections), for yourself, for the recovery key
    and for the last active admin."""
    require_admin(context.actor)
    database = context.database
    if login.casefold() == context.actor.login.casefold():
        raise AccessDenied("Du kan ikke fjerne dig selv. Bed en anden administrator.")
    if login.casefold() == RECOVERY_LOGIN:
        raise AccessDenied("Gendannelsesnøglen kan fornyes, men ikke fjernes.")
    user = _user(context, login)
    lock.refuse_if_open_elsewhere(database)
    with context.session() as session:
        stored = session.get(User, user.id)
        assert stored is not None
        stored.active = False
        registry.retire_keys(session, user.login)
        audit.record(session, context.actor.login, audit.Action.REMOVE_PERSON, entity="user",
                     entity_id=user.id,
                     detail=f"{user.login} er fjernet fra teamet; databasenøglen skiftes")
    removal = rotate_database_key(database, without=[user.login])
    return Result(Removal(user.login, removal.backups_reencrypted, removal.backups_destroyed),
                  Changes.everything())


def rotate_database_key(database: Database, *, without: list[str]) -> Removal:
    """A new random database key for the file and every backup beside it; the slots of
    ``without`` dropped, the others re-sealed. Crash-safe: the next key file is written
    before the file is re-encrypted, and unlocking finishes a rotation cut off midway."""
    path, old_key = database.path, database.raw_key
    new_key = RawKey(os.urandom(KEY_SIZE), read_salt(path))
    key_file = keyfile.load(path).without(without).resealed(new_key.key)
    keyfile.save_next(path, key_file)
    database.engine.dispose()
    rekey_file(path, old_key, new_key)
    keyfile.promote_next(path)
    database.rebind(new_key)
    reencrypted, destroyed = reencrypt_backups(path, old_key, new_key)
    with database.session() as session:
        audit.record(session, require_identity(database).login, audit.Action.ROTATE_KEY,
                     entity="database",
                     detail=f"Databasenøglen er skiftet; {reencrypted} sikkerhedskopier "
                            f"omkrypteret, {len(destroyed)} slettet")
    return Removal(", ".join(without), reencrypted, destroyed)


def reencrypt_backups(path: Path, old_key: RawKey,
                       new_key: RawKey) -> tuple[int, list[Path]]:
    """Every backup this installation keeps (the backup folder beside the database) moves
    to the new key; one that the old key does not open cannot be moved and is destroyed,
    so no copy under a key a leaver knew survives here. Any other failure (a locked or
    unreadable file) stops here with the copy kept: a backup is never destroyed because of
    a passing file-system problem."""
    reencrypted, destroyed = 0, []
    for backup in _backup_files(path):
        try:
            rekey_file(backup, RawKey(old_key.key, read_salt(backup)),
                       RawKey(new_key.key, read_salt(backup)))
            _replace_travelling_key_file(path, backup)
            reencrypted += 1
        except (sqlcipher3.DatabaseError, CannotOpenDatabase) as error:
            if isinstance(error, sqlcipher3.OperationalError):
                raise  # locked or unreadable: keep it, say so
            log.warning("Destroying a backup the old key does not open: %s", backup.name)
            _destroy(backup)
            destroyed.append(backup)
    return reencrypted, destroyed


def _replace_travelling_key_file(path: Path, backup: Path) -> None:
    """A backup's own copy of the key file (``take_backup``) must match its new key."""
    travelling = keyfile.key_file_path(backup)
    if travelling.is_file():
        write_atomically(travelling, keyfile.key_file_path(path).read_bytes())


def _backup_files(path: Path) -> list[Path]:
    folder = backup_folder_for(path)
    if not folder.is_dir():
        return []
    return sorted(candidate for candidate in folder.rglob(f"*{path.suffix}")
                  if candidate.is_file())


def _destroy(backup: Path) -> None:
    for suffix in ("", *_SIDE_SUFFIXES, keyfile.KEY_FILE_SUFFIX):
        backup.with_name(backup.name + suffix).unlink(missing_ok=True)


# -- recovery key -----------------------------------------------------------------------


def renew_recovery_key(context: Context) -> Result[str]:
    """A new recovery key (admins only); the old one stops working at once. The secret is
    returned to be printed, never stored."""
    require_admin(context.actor)
    admin = require_identity(context.database)
    secret = generate_secret()
    keys = PersonKeys.generate()
    key_file = keyfile.load(context.database.path)
    database_key = _database_key(context.database)
    with context.session() as session:
        registry.retire_keys(session, RECOVERY_LOGIN)
        registry.register_key(session, RECOVERY_LOGIN, SlotKind.RECOVERY, keys.public, admin)
        audit.record(session, context.actor.login, audit.Action.ENROL_KEY, entity="database",
                     detail=f"Ny gendannelsesnøgle (nøgle {keys.public.fingerprint()})")
    keyfile.save(context.database.path, key_file.with_slot(keyfile.new_slot(
        RECOVERY_LOGIN, SlotKind.RECOVERY, keys, WrappingKey.derive(secret), database_key,
        key_file.file_id)))
    return Result(secret, _TEAM_CHANGED)


# -- helpers ----------------------------------------------------------------------------


def _database_key(database: Database) -> bytes:
    return database.raw_key.key


def _user(context: Context, login: str) -> User:
    with context.read() as session:
        user = session.scalar(user_with_login(login.strip()))
    if user is None:
        raise NotFound(f"Der er ingen bruger med login «{login}».")
    return user


def _active_user(context: Context, login: str) -> User:
    user = _user(context, login)
    if not user.active:
        raise InvalidInput(f"{user.login} er deaktiveret. Aktivér brugeren først.")
    return user
