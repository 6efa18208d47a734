"""The first step of unlocking at start-up: the person's keys and the first window's facts,
before SQLAlchemy and the ORM are imported.

``vault`` is the one way in and stays so: every unlock still ends in ``vault._unlock``
(key registry, rotation, failed-unlock notes, the log's witness and triggers) and the
unlock event, started right after the first paint with the keys found here, so the
passphrase's key derivation runs once. This step only looks: it writes nothing, and any
doubt (a wrong passphrase, an enrolment code, a rotation left half-done, a schema to
migrate, a login that is not an active user) is None, and the full unlock decides and
explains exactly as it would without this step.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path

from mentordesk.errors import CannotOpenDatabase
from mentordesk.keys import keyfile
from mentordesk.keys.crypto import PersonKeys, WrongSecret
from mentordesk.keys.keyfile import KeyFile, Slot, SlotKind
from mentordesk.keys.keystore import KeyStore
from mentordesk.storage.cipher_file import RawKey, read_salt
from mentordesk.storage.first_look import FirstLook, read_first_look

# A slot and the file id in, the person's keys and the database key out.
UnlockSlot = Callable[[Slot, str], tuple[PersonKeys, bytes]]


@dataclass(frozen=True)
class FirstOpening:
    """The slot's login and keys (for the full unlock) and what the first window shows."""

    login: str
    keys: PersonKeys
    look: FirstLook


class FirstOpeningInAdvance:
    """A first opening begun on its own thread before the caller is ready for it: at
    launch, while the GUI's modules import (``ui/launch.py``), the passphrase's key
    derivation and the driver's read run beside them (both release the interpreter).

    It is for one file and one login, and is taken once; the caller asks with the file and
    login it is about to open, so a mismatch (another file chosen, another login) simply
    means opening the usual way. A daemon thread: a keyring that never answers must not
    keep the program from ending.
    """

    def __init__(self, path: Path, login: str,
                 look: Callable[[], FirstOpening | None]) -> None:
        self.path = path
        self.login = login
        self._outcome: Future[FirstOpening | None] = Future()
        self._taken = False
        threading.Thread(target=self._run, args=(look,), name="first-opening",
                         daemon=True).start()

    def take(self, path: Path, login: str) -> Callable[[], FirstOpening | None] | None:
        """The wait for this opening's outcome, when it is for ``path`` and ``login`` and
        not taken before; else None. The wait raises what the opening raised."""
        if self._taken or path != self.path or login != self.login:
            return None
        self._taken = True
        return self._outcome.result

    def _run(self, look: Callable[[], FirstOpening | None]) -> None:
        try:
            self._outcome.set_result(look())
        except BaseException as error:  # handed to whoever waits, as a worker would
            self._outcome.set_exception(error)


def first_opening_with_passphrase(path: Path, passphrase: str,
                                  login: str) -> FirstOpening | None:
    """As ``vault.unlock_with_passphrase`` would begin; None: let it do all of it."""

    def unlock(slot: Slot, file_id: str) -> tuple[PersonKeys, bytes]:
        return slot.unlock(passphrase, file_id)

    return _first_opening(path, login, unlock)


def first_opening_with_keyring(path: Path, keystore: KeyStore,
                               login: str) -> FirstOpening | None:
    """As ``vault.unlock_with_keyring`` would begin; None: let it do all of it."""

    def unlock(slot: Slot, file_id: str) -> tuple[PersonKeys, bytes]:
        remembered = keystore.recall(file_id, login)
        if remembered is None:
            raise WrongSecret("nothing remembered")  # the full unlock says so in Danish
        return remembered, slot.open_with(remembered, file_id)

    return _first_opening(path, login, unlock)


def _first_opening(path: Path, login: str, unlock: UnlockSlot) -> FirstOpening | None:
    try:
        key_file = _settled_key_file(path)
        slot = key_file.slot_for(login.strip()) if key_file else None
        if key_file is None or slot is None or slot.kind is SlotKind.ENROLMENT:
            return None
        keys, database_key = unlock(slot, key_file.file_id)
        raw_key = RawKey(database_key, read_salt(path))
    except (CannotOpenDatabase, WrongSecret, OSError, ValueError):
        return None
    look = read_first_look(path, raw_key, slot.login, key_file.file_id)
    return FirstOpening(slot.login, keys, look) if look is not None else None


def _settled_key_file(path: Path) -> KeyFile | None:
    """The key file, when no rotation was left half-done (the full unlock settles that)."""
    if not keyfile.has_key_file(path) or keyfile.next_key_file_path(path).exists():
        return None
    return keyfile.load(path)
