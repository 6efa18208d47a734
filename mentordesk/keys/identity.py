"""Who unlocked the database: the login of the slot that opened it and that person's keys."""

from __future__ import annotations

import getpass
from dataclasses import dataclass

from mentordesk.keys.crypto import PersonKeys, PublicKeys
from mentordesk.keys.keyfile import SlotKind


@dataclass(frozen=True)
class Identity:
    """The acting person as the cryptography knows them; ``storage.database.Signer``."""

    login: str
    keys: PersonKeys
    kind: SlotKind = SlotKind.PERSON

    @property
    def public(self) -> PublicKeys:
        return self.keys.public

    def sign(self, message: bytes) -> bytes:
        return self.keys.sign(message)


def current_login() -> str:
    """The OS login: only ever the *default* for the login field, never an identity."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""
