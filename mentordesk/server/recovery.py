"""The team's recovery slot on the server: what a backup is encrypted to.

The file's key file holds a recovery slot: the recovery key's public X25519 key, and its
private keys wrapped (Argon2id → AES-256-GCM) by the printed recovery secret, bound to the
file's id. ``server import`` stores that slot in ``app_meta``, so ``server backup`` can
encrypt to the public key with no secret at hand, and ``server restore`` needs only the
printed recovery secret. The slot gives nothing without that secret, as in the key file.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from mentordesk.domain.codes import RECOVERY_LOGIN
from mentordesk.keys import keyfile
from mentordesk.keys.crypto import PersonKeys, PublicKeys
from mentordesk.keys.keyfile import Slot

RECOVERY_SLOT_KEY = "recovery_slot"


@dataclass(frozen=True)
class RecoverySlot:
    file_id: str  # the file the slot was made for: its wrapping is bound to that id
    slot: Slot

    @property
    def public(self) -> PublicKeys:
        return self.slot.public

    def unwrap(self, secret: str) -> PersonKeys:
        """The recovery private keys, or ``WrongSecret``."""
        return self.slot.private_keys(secret, self.file_id)

    def to_text(self) -> str:
        return json.dumps({"file_id": self.file_id, "slot": self.slot.to_json()},
                          ensure_ascii=True, separators=(",", ":"))

    @classmethod
    def from_text(cls, text: str) -> RecoverySlot:
        document = json.loads(text)
        return cls(str(document["file_id"]), Slot.from_json(document["slot"]))


def recovery_slot_of(database_path: Path) -> RecoverySlot | None:
    """The recovery slot in the key file beside ``database_path`` (None if it has none)."""
    key_file = keyfile.load(database_path)
    slot = key_file.slot_for(RECOVERY_LOGIN)
    return RecoverySlot(key_file.file_id, slot) if slot is not None else None
