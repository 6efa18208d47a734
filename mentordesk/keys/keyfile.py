"""The key file beside the database: one slot per person, each holding the database key
sealed to that person, and that person's private keys wrapped with their own secret.

The file holds no secret in the clear: without a passphrase (or the one-time enrolment
code, or the printed recovery key) a slot gives nothing. It names the logins, which is
why a wrong login and a wrong passphrase get the same message.

A key rotation (someone removed) first writes the next key file beside this one
(``*.keys.next``), then re-encrypts the database, then moves the next file into place:
a crash in between leaves a database that the next file opens, and :func:`load` finishes
the move.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path

from mentordesk.errors import CannotOpenDatabase
from mentordesk.files import write_atomically
from mentordesk.keys.crypto import (
    PersonKeys,
    PublicKeys,
    WrappingKey,
    b64,
    open_seal,
    seal,
    unb64,
    unwrap_keys,
    wrap_keys,
)

FORMAT = "mentordesk-keys/1"
KEY_FILE_SUFFIX = ".keys"
NEXT_SUFFIX = ".next"


class SlotKind(StrEnum):
    PERSON = "person"  # unwrapped with the person's own passphrase
    ENROLMENT = "enrolment"  # unwrapped once with the one-time code, then replaced
    RECOVERY = "recovery"  # unwrapped with the printed recovery key


@dataclass(frozen=True)
class Slot:
    login: str
    kind: SlotKind
    public: PublicKeys
    wrapped: dict[str, str | int]
    sealed: dict[str, str]

    def unlock(self, secret: str, file_id: str) -> tuple[PersonKeys, bytes]:
        """The person's private keys and the database key, or WrongSecret."""
        keys = self.private_keys(secret, file_id)
        return keys, self.open_with(keys, file_id)

    def private_keys(self, secret: str, file_id: str) -> PersonKeys:
        """The slot's private keys unwrapped with its secret, or WrongSecret (a team
        server's backup is opened with the recovery slot's keys, not a database key)."""
        return unwrap_keys(self.wrapped, secret, _wrap_aad(file_id, self.login, self.kind))

    def open_with(self, keys: PersonKeys, file_id: str) -> bytes:
        """The database key from remembered private keys (no passphrase needed)."""
        if keys.public != self.public:
            raise CannotOpenDatabase("Den gemte nøgle hører ikke til denne person.")
        return open_seal(self.sealed, keys, file_id.encode("utf-8"))

    def resealed(self, database_key: bytes, file_id: str) -> Slot:
        return replace(self, sealed=seal(database_key, self.public, file_id.encode("utf-8")))

    def to_json(self) -> dict[str, object]:
        return {"login": self.login, "kind": self.kind.value, "box_public": b64(self.public.box),
                "sign_public": b64(self.public.sign), "wrapped": self.wrapped,
                "sealed": self.sealed}

    @classmethod
    def from_json(cls, data: dict[str, object]) -> Slot:
        public = PublicKeys(unb64(str(data["box_public"])), unb64(str(data["sign_public"])))
        wrapped = data["wrapped"]
        sealed = data["sealed"]
        if not isinstance(wrapped, dict) or not isinstance(sealed, dict):
            raise ValueError("slot fields")
        return cls(str(data["login"]), SlotKind(str(data["kind"])), public, wrapped, sealed)


def new_slot(login: str, kind: SlotKind, keys: PersonKeys, wrapping: WrappingKey,
             database_key: bytes, file_id: str) -> Slot:
    """A slot for ``keys``: wrapped with ``wrapping`` (from the person's secret), the
    database key sealed to them. The login and kind are bound into the wrapping, so a
    slot renamed in the file no longer unwraps."""
    return Slot(login, kind, keys.public,
                wrap_keys(keys, wrapping, _wrap_aad(file_id, login, kind)),
                seal(database_key, keys.public, file_id.encode("utf-8")))


@dataclass(frozen=True)
class KeyFile:
    file_id: str
    slots: tuple[Slot, ...] = field(default_factory=tuple)

    def slot_for(self, login: str) -> Slot | None:
        wanted = login.casefold()
        return next((slot for slot in self.slots if slot.login.casefold() == wanted), None)

    def with_slot(self, slot: Slot) -> KeyFile:
        """This file with ``slot`` added, replacing any slot of the same login."""
        return replace(self, slots=(*self.without([slot.login]).slots, slot))

    def without(self, logins: Iterable[str]) -> KeyFile:
        gone = {login.casefold() for login in logins}
        return replace(self, slots=tuple(s for s in self.slots if s.login.casefold() not in gone))

    def resealed(self, database_key: bytes) -> KeyFile:
        """Every slot given the new database key: only public keys are needed."""
        return replace(self, slots=tuple(s.resealed(database_key, self.file_id)
                                         for s in self.slots))

    def to_bytes(self) -> bytes:
        document = {"format": FORMAT, "file_id": self.file_id,
                    "slots": [slot.to_json() for slot in self.slots]}
        return json.dumps(document, indent=1, ensure_ascii=True).encode("ascii")

    @classmethod
    def from_bytes(cls, data: bytes) -> KeyFile:
        document = json.loads(data.decode("utf-8"))
        if document.get("format") != FORMAT:
            raise ValueError("not a MentorDesk key file")
        return cls(str(document["file_id"]),
                   tuple(Slot.from_json(slot) for slot in document["slots"]))


def key_file_path(database_path: Path) -> Path:
    return database_path.with_name(database_path.name + KEY_FILE_SUFFIX)


def next_key_file_path(database_path: Path) -> Path:
    return database_path.with_name(database_path.name + KEY_FILE_SUFFIX + NEXT_SUFFIX)


def has_key_file(database_path: Path) -> bool:
    return key_file_path(database_path).is_file()


def load(database_path: Path) -> KeyFile:
    """The key file of ``database_path``; a clear Danish message if it is missing or
    damaged (the database cannot be opened without it)."""
    return read_key_file(key_file_path(database_path), database_path)


def load_next(database_path: Path) -> KeyFile | None:
    """The key file a rotation wrote but did not yet move into place, if any."""
    path = next_key_file_path(database_path)
    return read_key_file(path, database_path) if path.is_file() else None


def read_key_file(path: Path, database_path: Path) -> KeyFile:
    try:
        return KeyFile.from_bytes(path.read_bytes())
    except FileNotFoundError:
        raise CannotOpenDatabase(
            f"Nøglefilen {path.name} mangler ved siden af {database_path.name}. "
            "Databasen kan ikke åbnes uden den; hent den fra sikkerhedskopien."
        ) from None
    except (OSError, ValueError, KeyError, TypeError):
        raise CannotOpenDatabase(
            f"Nøglefilen {path.name} er beskadiget og kan ikke læses."
        ) from None


def save(database_path: Path, key_file: KeyFile) -> None:
    write_atomically(key_file_path(database_path), key_file.to_bytes())


def save_next(database_path: Path, key_file: KeyFile) -> None:
    write_atomically(next_key_file_path(database_path), key_file.to_bytes())


def promote_next(database_path: Path) -> None:
    """The rotation's last step: the next key file becomes the key file."""
    next_key_file_path(database_path).replace(key_file_path(database_path))


def _wrap_aad(file_id: str, login: str, kind: SlotKind) -> bytes:
    return f"{file_id}\n{login.casefold()}\n{kind.value}".encode()
