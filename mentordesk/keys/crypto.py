"""The cryptography of personal keys, from ``cryptography`` and ``argon2-cffi`` (no home-made
primitives).

- A person's private keys (X25519 to receive the database key, Ed25519 to sign the access
  log) are wrapped with their passphrase: Argon2id (memory-hard, 64 MiB) → AES-256-GCM.
- The database key is sealed to a person's X25519 public key the way age does it for each
  recipient: a fresh ephemeral X25519 key, the shared secret stretched with HKDF-SHA256
  (salted with both public keys), AES-256-GCM over the key. The file id is the associated
  data, so a slot copied into another team's key file does not open there.
"""

from __future__ import annotations

import base64
import os
from dataclasses import dataclass

from argon2.low_level import ARGON2_VERSION, Type, hash_secret_raw
from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from mentordesk.errors import CannotOpenDatabase

# Argon2id at 64 MiB and 2 passes costs about what the old PBKDF2 unlock did (bench/unlock.py)
# while making a guessing rig pay in memory, not just in cores.
ARGON2_MEMORY_KIB = 64 * 1024
ARGON2_ITERATIONS = 2
ARGON2_LANES = 1
_SALT_SIZE = 16
_NONCE_SIZE = 12
_SEAL_INFO = b"mentordesk database key seal v1"
_RAW = serialization.Encoding.Raw
_RAW_PUBLIC = serialization.PublicFormat.Raw
_RAW_PRIVATE = serialization.PrivateFormat.Raw
_NO_ENCRYPTION = serialization.NoEncryption()


class WrongSecret(CannotOpenDatabase):
    """The passphrase (or enrolment code, or recovery key) does not unwrap this slot."""


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


@dataclass(frozen=True)
class PublicKeys:
    """What the team knows of a person: where to seal the key, how to check signatures."""

    box: bytes  # X25519
    sign: bytes  # Ed25519

    def fingerprint(self) -> str:
        """Short, printable and stable: what the monthly review and `users list` show."""
        digest = hashes.Hash(hashes.SHA256())
        digest.update(self.box + self.sign)
        return digest.finalize()[:8].hex(" ", 2).upper()

    def verify(self, signature: bytes, message: bytes) -> bool:
        try:
            Ed25519PublicKey.from_public_bytes(self.sign).verify(signature, message)
        except (InvalidSignature, ValueError):
            return False
        return True


@dataclass(frozen=True)
class PersonKeys:
    """A person's two private keys, in memory only (and in this PC's keyring if asked)."""

    box_private: bytes
    sign_private: bytes

    @classmethod
    def generate(cls) -> PersonKeys:
        return cls(
            X25519PrivateKey.generate().private_bytes(_RAW, _RAW_PRIVATE, _NO_ENCRYPTION),
            Ed25519PrivateKey.generate().private_bytes(_RAW, _RAW_PRIVATE, _NO_ENCRYPTION),
        )

    @property
    def public(self) -> PublicKeys:
        box = X25519PrivateKey.from_private_bytes(self.box_private).public_key()
        sign = Ed25519PrivateKey.from_private_bytes(self.sign_private).public_key()
        return PublicKeys(box.public_bytes(_RAW, _RAW_PUBLIC), sign.public_bytes(_RAW, _RAW_PUBLIC))

    def sign(self, message: bytes) -> bytes:
        return Ed25519PrivateKey.from_private_bytes(self.sign_private).sign(message)

    def to_text(self) -> str:
        """For the keyring: both keys in one entry."""
        return b64(self.box_private + self.sign_private)

    @classmethod
    def from_text(cls, text: str) -> PersonKeys:
        raw = unb64(text)
        if len(raw) != 64:
            raise ValueError("A person's keys are 64 bytes")
        return cls(raw[:32], raw[32:])


@dataclass(frozen=True)
class WrappingKey:
    """An AES key stretched from a secret by Argon2id, with the salt that made it."""

    salt: bytes
    key: bytes

    @classmethod
    def derive(cls, secret: str, salt: bytes | None = None) -> WrappingKey:
        salt = salt if salt is not None else os.urandom(_SALT_SIZE)
        key = argon2id(secret, salt, ARGON2_ITERATIONS, ARGON2_LANES, ARGON2_MEMORY_KIB)
        return cls(salt, key)


def argon2id(secret: str, salt: bytes, iterations: int, lanes: int, memory_kib: int) -> bytes:
    """A 32-byte key stretched from ``secret`` (Argon2id, RFC 9106, version 0x13).

    argon2-cffi rather than ``cryptography``'s Argon2id, which computes the same bytes
    but holds the interpreter for the whole ~0.3 s: with this one the unlock dialog keeps
    painting and the start-up's imports go on while the key is derived on a worker."""
    return hash_secret_raw(secret.encode("utf-8"), salt, time_cost=iterations,
                           memory_cost=memory_kib, parallelism=lanes, hash_len=32,
                           type=Type.ID, version=ARGON2_VERSION)


def wrap_keys(keys: PersonKeys, wrapping: WrappingKey, aad: bytes) -> dict[str, str | int]:
    nonce = os.urandom(_NONCE_SIZE)
    ciphertext = AESGCM(wrapping.key).encrypt(
        nonce, keys.box_private + keys.sign_private, aad)
    return {"kdf": "argon2id", "memory_kib": ARGON2_MEMORY_KIB,
            "iterations": ARGON2_ITERATIONS, "lanes": ARGON2_LANES,
            "salt": b64(wrapping.salt), "nonce": b64(nonce), "ciphertext": b64(ciphertext)}


def unwrap_keys(wrapped: dict[str, str | int], secret: str, aad: bytes) -> PersonKeys:
    """The private keys, or WrongSecret. Parameters are read from the slot so that a
    later release can raise the cost without locking anyone out."""
    salt = unb64(str(wrapped["salt"]))
    key = argon2id(secret, salt, int(wrapped["iterations"]), int(wrapped["lanes"]),
                   int(wrapped["memory_kib"]))
    try:
        raw = AESGCM(key).decrypt(unb64(str(wrapped["nonce"])),
                                  unb64(str(wrapped["ciphertext"])), aad)
    except InvalidTag:
        raise WrongSecret("Forkert login eller adgangskode.") from None
    return PersonKeys(raw[:32], raw[32:])


def seal(secret: bytes, recipient: PublicKeys, aad: bytes) -> dict[str, str]:
    ephemeral = X25519PrivateKey.generate()
    ephemeral_public = ephemeral.public_key().public_bytes(_RAW, _RAW_PUBLIC)
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(recipient.box))
    nonce = os.urandom(_NONCE_SIZE)
    ciphertext = AESGCM(_seal_key(shared, ephemeral_public, recipient.box)).encrypt(
        nonce, secret, aad)
    return {"ephemeral": b64(ephemeral_public), "nonce": b64(nonce),
            "ciphertext": b64(ciphertext)}


def open_seal(sealed: dict[str, str], keys: PersonKeys, aad: bytes) -> bytes:
    ephemeral_public = unb64(sealed["ephemeral"])
    private = X25519PrivateKey.from_private_bytes(keys.box_private)
    shared = private.exchange(X25519PublicKey.from_public_bytes(ephemeral_public))
    try:
        return AESGCM(_seal_key(shared, ephemeral_public, keys.public.box)).decrypt(
            unb64(sealed["nonce"]), unb64(sealed["ciphertext"]), aad)
    except InvalidTag:
        raise CannotOpenDatabase(
            "Nøglefilen passer ikke til din nøgle (den er ændret eller hører til et andet team)."
        ) from None


def _seal_key(shared: bytes, ephemeral_public: bytes, recipient_box: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=ephemeral_public + recipient_box,
                info=_SEAL_INFO).derive(shared)
