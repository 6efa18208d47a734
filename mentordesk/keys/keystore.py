"""This PC's keyring: a person's unwrapped private keys for one database, remembered
only on this PC and Windows account when they ask for it.

Keyed by the database's file id and the login, so two people on one Windows account,
or one person in two teams, never get each other's key. The database key itself is
never remembered: after a rotation (someone removed) the remembered person keys still
open the re-sealed slot.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from mentordesk.keys.crypto import PersonKeys

if TYPE_CHECKING:
    from keyring.backend import KeyringBackend

KEYRING_SERVICE = "MentorDesk"
# keyring's name for win32cred.CRED_PERSIST_LOCAL_MACHINE: this PC, this Windows account.
WINDOWS_PERSISTENCE = "local machine"


class KeyStore:
    """The OS keyring. Pass a backend to use a specific one (tests use an in-memory
    backend); without it the platform's default keyring is used. Any keyring failure
    means "not remembered": the app then asks for the passphrase, it never falls back
    to a plaintext file."""

    def __init__(self, backend: KeyringBackend | None = None) -> None:
        self._backend = backend

    def keyring(self) -> KeyringBackend:
        # Imported on first use: keyring costs ~60 ms at start-up, and the demo never
        # needs it.
        import keyring

        return _keep_on_this_pc(self._backend or keyring.get_keyring())

    def remember(self, file_id: str, login: str, keys: PersonKeys) -> bool:
        return self.put(_entry(file_id, login), keys.to_text())

    def recall(self, file_id: str, login: str) -> PersonKeys | None:
        stored = self.get(_entry(file_id, login))
        if not stored:
            return None
        try:
            return PersonKeys.from_text(stored)
        except ValueError:
            return None  # a damaged entry is as good as none: ask for the passphrase

    def forget(self, file_id: str, login: str) -> None:
        self.delete(_entry(file_id, login))

    # -- raw entries (also this PC's own secret for the failed-unlock notes) --------------

    def put(self, name: str, value: str) -> bool:
        from keyring.errors import KeyringError

        try:
            self.keyring().set_password(KEYRING_SERVICE, name, value)
        except KeyringError:
            return False
        return True

    def get(self, name: str) -> str | None:
        from keyring.errors import KeyringError

        try:
            return self.keyring().get_password(KEYRING_SERVICE, name)
        except KeyringError:
            return None

    def delete(self, name: str) -> None:
        from keyring.errors import KeyringError, PasswordDeleteError

        try:
            self.keyring().delete_password(KEYRING_SERVICE, name)
        except (PasswordDeleteError, KeyringError):
            pass  # nothing remembered, nothing to forget


def _entry(file_id: str, login: str) -> str:
    return f"{file_id}:{login.casefold()}"


def _keep_on_this_pc(backend: KeyringBackend) -> KeyringBackend:
    """Windows Credential Manager stores with *enterprise* persistence by default, which
    roams with a roaming profile to every PC the user logs on to; a remembered key must
    stay on this PC. ``persist`` exists on keyring's Windows backend only (also when it
    sits inside keyring's chainer)."""
    for candidate in (backend, *getattr(backend, "backends", ())):
        if hasattr(type(candidate), "persist"):
            candidate.persist = WINDOWS_PERSISTENCE  # type: ignore[attr-defined]
    return backend
