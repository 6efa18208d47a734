"""Failed unlocks, noted on this PC until the file opens again.

A failed unlock cannot be written into a database that did not open, so it is kept in
this PC's state folder (time, login tried, file id; no personal data) and logged at the
next successful unlock of that same file. The note file is outside the encryption, so
each note carries an HMAC made with a secret that only this PC's keyring holds: a note
written or edited by hand is rejected (and the rejection logged), and an accepted note
becomes an event dated now, saying when the attempt was — never a backdated event.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import secrets
from datetime import UTC, datetime, timedelta
from pathlib import Path

from mentordesk import audit
from mentordesk.files import write_atomically
from mentordesk.keys.keystore import KeyStore
from mentordesk.paths import state_dir
from mentordesk.storage.database import Database

_NOTES_FILE = "failed-unlocks.json"
_PC_SECRET = "pc-note-secret"
_MAX_NOTES = 500
_MAX_LOGIN = 120
_CLOCK_SKEW = timedelta(minutes=5)

log = logging.getLogger(__name__)


def note_failed_unlock(file_id: str, login: str, keystore: KeyStore) -> None:
    secret = _pc_secret(keystore, create=True)
    if secret is None:
        log.warning("No keyring: a failed unlock could not be noted")
        return
    note = {"file_id": file_id, "login": _printable(login)[:_MAX_LOGIN],
            "at": audit.utc_timestamp()}
    note["mac"] = _mac(secret, note)
    try:
        pending = [*_read_notes(), note][-_MAX_NOTES:]
        write_atomically(_notes_path(), json.dumps(pending).encode("utf-8"))
    except OSError:
        # An unwritable profile folder must not hide the real message (wrong key, …).
        log.warning("Could not note a failed unlock in the state folder")


def flush_failed_unlocks(database: Database, file_id: str, login: str,
                         keystore: KeyStore) -> None:
    """Log this file's notes as ``login`` (the person who just unlocked) and drop them."""
    pending = _read_notes()
    mine = [note for note in pending if note.get("file_id") == file_id]
    if not mine:
        return
    secret = _pc_secret(keystore, create=False)
    accepted = [note for note in mine if secret is not None and _authentic(secret, note)]
    rejected = len(mine) - len(accepted)
    with database.session() as session:
        for note in accepted:
            audit.record(session, login, audit.Action.UNLOCK_FAILED, entity="database",
                         detail=f"Mislykket oplåsning som «{note['login']}» "
                                f"{note['at'][:19].replace('T', ' kl. ')} UTC (noteret på "
                                "denne pc)")
        if rejected:
            audit.record(session, login, audit.Action.UNLOCK_FAILED, entity="database",
                         detail=f"{rejected} noter om mislykkede oplåsninger var ændret eller "
                                "ugyldige og blev afvist")
    rest = [note for note in pending if note.get("file_id") != file_id]
    try:
        write_atomically(_notes_path(), json.dumps(rest).encode("utf-8"))
    except OSError:
        log.warning("Could not clear the noted failed unlocks")


def _notes_path() -> Path:
    return state_dir() / _NOTES_FILE


def _read_notes() -> list[dict[str, str]]:
    try:
        notes = json.loads(_notes_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    if not isinstance(notes, list):
        return []
    return [note for note in notes if isinstance(note, dict)
            and all(isinstance(note.get(k), str) for k in ("file_id", "login", "at", "mac"))]


def _pc_secret(keystore: KeyStore, *, create: bool) -> bytes | None:
    stored = keystore.get(_PC_SECRET)
    if stored:
        return bytes.fromhex(stored)
    if not create:
        return None
    secret = secrets.token_bytes(32)
    return secret if keystore.put(_PC_SECRET, secret.hex()) else None


def _mac(secret: bytes, note: dict[str, str]) -> str:
    fields = json.dumps([note["file_id"], note["login"], note["at"]], separators=(",", ":"))
    return hmac.new(secret, fields.encode("utf-8"), hashlib.sha256).hexdigest()


def _authentic(secret: bytes, note: dict[str, str]) -> bool:
    if not hmac.compare_digest(_mac(secret, note), note["mac"]):
        return False
    try:
        at = datetime.fromisoformat(note["at"])
    except ValueError:
        return False
    return at.tzinfo is not None and at <= datetime.now(UTC) + _CLOCK_SKEW


def _printable(text: str) -> str:
    return "".join(ch for ch in text if ch.isprintable())
