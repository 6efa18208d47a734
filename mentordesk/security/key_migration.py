"""``mentordesk migrate-keys``: a database opened by one shared team passphrase gets key
slots, in place.

Releases before personal keys derived the database key from the team passphrase with
SQLCipher's own KDF (PBKDF2-HMAC-SHA512, 256 000 iterations, the file's salt). The
conversion takes a backup first, re-encrypts the file under a new random key, and gives
slots to the admin who runs it (their own new passphrase), to a recovery key and, as
one-time enrolment codes, to every other active team member. Every backup beside the
database, the one just taken included, is re-encrypted too: afterwards the old team
passphrase, which everybody knew, opens nothing this installation keeps.

Crash-safe like a removal: the key file is written as ``*.keys.next`` before the file is
re-encrypted and moved into place after; unlocking finishes a conversion cut off midway.
"""

from __future__ import annotations

import hashlib
import os
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from mentordesk import audit
from mentordesk.domain.codes import RECOVERY_LOGIN, Role
from mentordesk.errors import MentorDeskError
from mentordesk.keys import keyfile, registry
from mentordesk.keys.crypto import PersonKeys, WrappingKey
from mentordesk.keys.identity import Identity
from mentordesk.keys.keyfile import KeyFile, Slot, SlotKind
from mentordesk.security.people import reencrypt_backups
from mentordesk.storage.backup import timestamped_backup_path, write_backup
from mentordesk.storage.database import FILE_ID_KEY, Database
from mentordesk.storage.engine import KEY_SIZE, RawKey, read_salt, rekey_file
from mentordesk.storage.models import AppMeta
from mentordesk.storage.queries.team import active_user_logins, user_with_login
from mentordesk.vault import check_passphrase_strength, generate_secret

LEGACY_KDF_ITERATIONS = 256_000


@dataclass
class MigratedDatabase:
    """The converted database, unlocked as the admin who converted it, and the secrets
    to hand out: the recovery key (print it) and one code per other team member."""

    database: Database
    backup: Path
    recovery_key: str
    enrolment_codes: dict[str, str] = field(default_factory=dict)


def legacy_key(team_passphrase: str, salt: bytes) -> RawKey:
    """The key an earlier release derived from the team passphrase."""
    key = hashlib.pbkdf2_hmac("sha512", team_passphrase.encode("utf-8"), salt,
                              LEGACY_KDF_ITERATIONS, dklen=KEY_SIZE)
    return RawKey(key, salt)


def migrate_to_key_slots(path: Path, team_passphrase: str, *, admin_login: str,
                         admin_passphrase: str) -> MigratedDatabase:
    check_passphrase_strength(admin_passphrase)
    if keyfile.has_key_file(path):
        raise MentorDeskError(f"{path.name} har allerede personlige nøgler.")
    old_key = legacy_key(team_passphrase, read_salt(path))
    database = Database.open(path, old_key)  # brings an old schema up to date first
    try:
        return _convert(database, old_key, admin_login.strip(), admin_passphrase)
    except BaseException:
        database.close()
        raise


def _convert(database: Database, old_key: RawKey, admin_login: str,
             admin_passphrase: str) -> MigratedDatabase:
    _require_admin(database, admin_login)
    backup = write_backup(database.engine, old_key,
                          timestamped_backup_path(database.path, "foer-personlige-noegler"))
    file_id = _file_id(database)
    new_key = RawKey(os.urandom(KEY_SIZE), old_key.salt)
    admin = Identity(admin_login, PersonKeys.generate())
    recovery = Identity(RECOVERY_LOGIN, PersonKeys.generate(), SlotKind.RECOVERY)
    recovery_key = generate_secret()
    members = _other_members(database, admin_login)
    enrolment = {login: (PersonKeys.generate(), generate_secret(5)) for login in members}
    slots = [keyfile.new_slot(admin_login, SlotKind.PERSON, admin.keys,
                              WrappingKey.derive(admin_passphrase), new_key.key, file_id),
             keyfile.new_slot(RECOVERY_LOGIN, SlotKind.RECOVERY, recovery.keys,
                              WrappingKey.derive(recovery_key), new_key.key, file_id),
             *_enrolment_slots(enrolment, new_key.key, file_id)]
    keyfile.save_next(database.path, KeyFile(file_id, tuple(slots)))
    database.engine.dispose()
    rekey_file(database.path, old_key, new_key)
    keyfile.promote_next(database.path)
    database.rebind(new_key)
    reencrypted, destroyed = reencrypt_backups(database.path, old_key, new_key)
    _register(database, admin, recovery, enrolment)
    database.signer = admin
    with database.session() as session:
        audit.record(session, admin_login, audit.Action.MIGRATE_KEYS, entity="database",
                     detail=f"Fra fælles adgangskode til personlige nøgler; {len(members)} "
                            f"engangskoder udstedt; {reencrypted} sikkerhedskopier omkrypteret"
                            f", {len(destroyed)} slettet")
    return MigratedDatabase(database, backup, recovery_key,
                            {login: code for login, (_keys, code) in enrolment.items()})


def _enrolment_slots(enrolment: dict[str, tuple[PersonKeys, str]], database_key: bytes,
                     file_id: str) -> list[Slot]:
    return [keyfile.new_slot(login, SlotKind.ENROLMENT, keys, WrappingKey.derive(code),
                             database_key, file_id)
            for login, (keys, code) in enrolment.items()]


def _register(database: Database, admin: Identity, recovery: Identity,
              enrolment: dict[str, tuple[PersonKeys, str]]) -> None:
    with database.session() as session:
        registry.register_key(session, admin.login, SlotKind.PERSON, admin.public, admin)
        registry.register_key(session, RECOVERY_LOGIN, SlotKind.RECOVERY, recovery.public,
                              admin)
        for login, (keys, _code) in enrolment.items():
            registry.register_key(session, login, SlotKind.ENROLMENT, keys.public, admin)
        registry.start_signing(session)


def _require_admin(database: Database, login: str) -> None:
    with database.read_session() as session:
        user = session.scalar(user_with_login(login))
    if user is None or not user.active or user.role != Role.ADMIN.value:
        raise MentorDeskError(
            f"«{login}» er ikke en aktiv administrator i databasen. Kør kommandoen med "
            "--user og en administrators login.")


def _other_members(database: Database, admin_login: str) -> list[str]:
    with database.read_session() as session:
        return [login for _id, login, _name in session.execute(active_user_logins())
                if login.casefold() not in (admin_login.casefold(), RECOVERY_LOGIN)]


def _file_id(database: Database) -> str:
    file_id = database.meta(FILE_ID_KEY)
    if file_id:
        return file_id
    # Files from the first releases may lack one: give it one now.
    file_id = str(uuid.uuid4())
    with database.session() as session:
        session.merge(AppMeta(key=FILE_ID_KEY, value=file_id))
    return file_id

