"""``server backup`` and ``server restore``: ``pg_dump`` encrypted to the team's recovery key.

A backup needs no secret: ``pg_dump``'s output (custom format) is streamed through
AES-256-GCM in chunks under a random content key, and that key is sealed to the recovery
slot's public X25519 key (stored on the server by ``server import``). The dump is never on
disk in the clear: it goes from pg_dump's stdout through the cipher into a temporary file
beside the target, which is renamed into place only when pg_dump succeeded.

File layout: ``MAGIC``, a 4-byte length and a JSON header (the recovery slot, the sealed
content key), then chunks of ``[4-byte length][12-byte nonce][ciphertext]``. Each chunk's
associated data binds the header's hash, the chunk's number and whether it is the last, so
chunks cannot be reordered, swapped between backups, or cut off at the end unnoticed.

A restore asks for the printed recovery secret, opens the content key with it, and
streams the decrypted dump into ``pg_restore`` in one transaction, into an empty database.
A dump names the team's owner and group roles but holds no roles itself (they belong to
the cluster): a restore onto another cluster creates them first, and afterwards gives
every person in the restored team a login role (``people``), without a password where
the role is new.
"""

from __future__ import annotations

import hashlib
import json
import os
import struct
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TypeVar

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy import Connection

from mentordesk.errors import CannotOpenDatabase, MentorDeskError
from mentordesk.keys.crypto import open_seal, seal
from mentordesk.server.people import GivenLogin, logins_of_the_team
from mentordesk.server.pg_tools import connection_arguments, find_tool, tool_environment
from mentordesk.server.recovery import RECOVERY_SLOT_KEY, RecoverySlot
from mentordesk.storage import server_roles
from mentordesk.storage.engine import ServerProfile, open_server_engine
from mentordesk.storage.queries.table_copy import user_relations_on_server
from mentordesk.storage.server_roles import team_transaction

MAGIC = b"MENTORDESK-SERVER-BACKUP/1\n"
FORMAT = "mentordesk-server-backup/1"
CHUNK_SIZE = 1024 * 1024
_SEAL_AAD = b"mentordesk server backup content key v1"
_LENGTH = struct.Struct(">I")
_NONCE_SIZE = 12
_TOOL_TIMEOUT_S = 6 * 60 * 60
_T = TypeVar("_T")


class BackupFailed(MentorDeskError):
    """pg_dump or pg_restore failed, or the server is not fit for the request."""


@dataclass(frozen=True)
class BackupHeader:
    recovery: RecoverySlot
    sealed_key: dict[str, str]

    def to_bytes(self) -> bytes:
        return json.dumps({"format": FORMAT, "recovery": self.recovery.to_text(),
                           "sealed_key": self.sealed_key}, ensure_ascii=True).encode("ascii")

    @classmethod
    def from_bytes(cls, data: bytes) -> BackupHeader:
        document = json.loads(data.decode("ascii"))
        if document.get("format") != FORMAT:
            raise ValueError("format")
        return cls(RecoverySlot.from_text(document["recovery"]), dict(document["sealed_key"]))


def backup_server(profile: ServerProfile, target: Path) -> int:
    """Write an encrypted backup of the server database to ``target``; returns its size."""
    recovery = _stored_recovery_slot(profile)
    content_key = AESGCM.generate_key(bit_length=256)
    header = BackupHeader(recovery, seal(content_key, recovery.public, _SEAL_AAD)).to_bytes()
    command = [str(find_tool("pg_dump")), "--format=custom", *connection_arguments(profile)]
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary_name = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    temporary = Path(temporary_name)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(MAGIC + _LENGTH.pack(len(header)) + header)
            _dump_encrypted(command, tool_environment(profile), content_key,
                            hashlib.sha256(header).digest(), out)
            out.flush()
            os.fsync(out.fileno())
        temporary.replace(target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return target.stat().st_size


def read_header(source: Path) -> BackupHeader:
    """The header of a backup (what the restore needs before asking for the secret)."""
    with source.open("rb") as stream:
        return _read_header(stream)[0]


def restore_server(source: Path, recovery_secret: str,
                   profile: ServerProfile) -> list[GivenLogin]:
    """Decrypt ``source`` with the recovery secret and restore it into the EMPTY server
    database of ``profile``, in one transaction (``WrongSecret``: nothing touched);
    returns the team's people with their login roles."""
    with source.open("rb") as stream:
        header, header_hash = _read_header(stream)
        keys = header.recovery.unwrap(recovery_secret)
        content_key = open_seal(header.sealed_key, keys, _SEAL_AAD)
        _refuse_unless_empty(profile)
        _in_team_transaction(profile, server_roles.create_group_roles)
        command = [str(find_tool("pg_restore")), "--single-transaction", "--exit-on-error",
                   *connection_arguments(profile)]
        process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.PIPE, env=tool_environment(profile))
        assert process.stdin is not None
        try:
            _feed(process.stdin, decrypted_chunks(stream, content_key, header_hash))
        except BaseException:
            # pg_restore runs in one transaction: killed, it leaves the database empty.
            process.kill()
            process.wait()
            raise
        _finish(process, "pg_restore")
    return _in_team_transaction(profile, logins_of_the_team)


def _feed(stdin: IO[bytes], chunks: Iterator[bytes]) -> None:
    """Write the dump into pg_restore; a pg_restore that stopped (``--exit-on-error``)
    closes the pipe, and its own message is what ``_finish`` reports."""
    try:
        for plaintext in chunks:
            stdin.write(plaintext)
        stdin.close()
    except BrokenPipeError:
        pass


def decrypted_chunks(stream: IO[bytes], content_key: bytes,
                     header_hash: bytes) -> Iterator[bytes]:
    """The dump, chunk by chunk; ``CannotOpenDatabase`` for any altered, reordered or
    missing chunk (one read ahead: only the last chunk may say it is the last)."""
    cipher = AESGCM(content_key)
    current = _read_chunk(stream)
    index = 0
    while current is not None:
        following = _read_chunk(stream)
        nonce, ciphertext = current[:_NONCE_SIZE], current[_NONCE_SIZE:]
        try:
            yield cipher.decrypt(nonce, ciphertext,
                                 _chunk_aad(header_hash, index, following is None))
        except InvalidTag:
            raise CannotOpenDatabase(
                "Sikkerhedskopien er beskadiget eller ændret og kan ikke gendannes.") from None
        current, index = following, index + 1
    if index == 0:
        raise CannotOpenDatabase("Sikkerhedskopien er tom.")


def _read_chunk(stream: IO[bytes]) -> bytes | None:
    length_bytes = stream.read(_LENGTH.size)
    if not length_bytes:
        return None
    if len(length_bytes) < _LENGTH.size:
        raise CannotOpenDatabase("Sikkerhedskopien er afkortet.")
    length = _LENGTH.unpack(length_bytes)[0]
    body = stream.read(length)
    if len(body) < length:
        raise CannotOpenDatabase("Sikkerhedskopien er afkortet.")
    return body


def _dump_encrypted(command: list[str], environment: dict[str, str], content_key: bytes,
                    header_hash: bytes, out: IO[bytes]) -> None:
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               env=environment)
    assert process.stdout is not None
    cipher = AESGCM(content_key)
    try:
        # One chunk read ahead: the last one must be marked final before it is sealed.
        pending = process.stdout.read(CHUNK_SIZE)
        index = 0
        while True:
            following = process.stdout.read(CHUNK_SIZE)
            nonce = os.urandom(_NONCE_SIZE)
            sealed = cipher.encrypt(nonce, pending,
                                    _chunk_aad(header_hash, index, not following))
            out.write(_LENGTH.pack(len(nonce) + len(sealed)) + nonce + sealed)
            if not following:
                break
            pending, index = following, index + 1
    except BaseException:
        process.kill()
        process.wait()
        raise
    _finish(process, "pg_dump")


def _finish(process: subprocess.Popen[bytes], name: str) -> None:
    process.stdin = None  # already written and closed: communicate must not flush it
    _out, errors = process.communicate(timeout=_TOOL_TIMEOUT_S)
    if process.returncode != 0:
        detail = (errors or b"").decode("utf-8", "replace").strip().splitlines()
        raise BackupFailed(f"{name} fejlede (kode {process.returncode})"
                           + (f": {detail[-1]}" if detail else "."))


def _chunk_aad(header_hash: bytes, index: int, final: bool) -> bytes:
    return header_hash + struct.pack(">Q?", index, final)


def _read_header(stream: IO[bytes]) -> tuple[BackupHeader, bytes]:
    try:
        if stream.read(len(MAGIC)) != MAGIC:
            raise ValueError("magic")
        header_bytes = stream.read(_LENGTH.unpack(stream.read(_LENGTH.size))[0])
        return BackupHeader.from_bytes(header_bytes), hashlib.sha256(header_bytes).digest()
    except (ValueError, KeyError, TypeError, struct.error):
        raise CannotOpenDatabase(
            "Filen er ikke en sikkerhedskopi af en MentorDesk-teamserver.") from None


def _stored_recovery_slot(profile: ServerProfile) -> RecoverySlot:
    from mentordesk.storage.database import ServerDatabase

    database = ServerDatabase.connect(profile)
    try:
        stored = database.meta(RECOVERY_SLOT_KEY)
    finally:
        database.close()
    if not stored:
        raise BackupFailed("Teamserveren har ingen gendannelsesnøgle at kryptere til "
                           "(den gemmes, når teamets fil flyttes til serveren).")
    return RecoverySlot.from_text(stored)


def _in_team_transaction(profile: ServerProfile,
                         work: Callable[[Connection], _T]) -> _T:
    engine = open_server_engine(profile, pooled=False)
    try:
        with team_transaction(engine) as connection:
            return work(connection)
    finally:
        engine.dispose()


def _refuse_unless_empty(profile: ServerProfile) -> None:
    engine = open_server_engine(profile, pooled=False)
    try:
        with engine.connect() as connection:
            relations = connection.execute(user_relations_on_server()).scalar()
    finally:
        engine.dispose()
    if relations:
        raise BackupFailed(f"Databasen {profile.describe()} er ikke tom; en sikkerhedskopi "
                           "gendannes kun i en tom database.")
