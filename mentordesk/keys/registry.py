"""The enrolled public keys, and the checks that rest on them.

Each ``person_key`` row is signed by a key of the person who enrolled it, from an earlier
row; the first row (the team's creator) signs itself. So a key slipped into the table by
someone who holds the database key but not an enroller's private key does not verify,
and neither do the log events signed with it.
"""

from __future__ import annotations

import base64
import json
from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from mentordesk import audit
from mentordesk.errors import CannotOpenDatabase
from mentordesk.keys.crypto import PublicKeys, b64, unb64
from mentordesk.keys.identity import Identity
from mentordesk.storage.database import Database
from mentordesk.storage.engine import SERVER_DIALECT
from mentordesk.storage.models import AppMeta, AuditEvent, PersonKey
from mentordesk.storage.queries import audit_log
from mentordesk.storage.queries.person_keys import active_keys_of, keys_in_order, retire_keys_of

_ATTESTATION_CONTEXT = b"mentordesk enrolled key v1\n"


def register_key(session: Session, login: str, identity_kind: str, public: PublicKeys,
                 enrolled_by: Identity) -> PersonKey:
    """Enrol ``public`` for ``login``, signed by ``enrolled_by`` (the same keys for the
    team's creator, whose row signs itself)."""
    row = PersonKey(login=login, kind=identity_kind, box_public=b64(public.box),
                    sign_public=b64(public.sign), enrolled_at=audit.utc_timestamp(),
                    enrolled_by=enrolled_by.login, retired_at="", attestation="")
    row.attestation = b64(enrolled_by.sign(_attested(row)))
    session.add(row)
    session.flush()
    return row


def retire_keys(session: Session, login: str) -> None:
    """A person who left keeps their rows (their old events must still verify)."""
    session.execute(retire_keys_of(login, audit.utc_timestamp()))


def public_keys(row: PersonKey) -> PublicKeys:
    return PublicKeys(unb64(row.box_public), unb64(row.sign_public))


def require_enrolled(database: Database, identity: Identity) -> None:
    """The slot that opened the file must belong to a person the team enrolled: an active
    key of theirs whose enrolment verifies back to the team's creator. A slot added to the
    key file by hand — even with a key row added to the database — gives the key, never
    somebody's identity."""
    with database.read_session() as session:
        rows = session.scalars(active_keys_of(identity.login)).all()
        verified = verified_registry(session).by_login.get(identity.login, [])
    if not any(_matches(row, identity) for row in rows) or identity.public not in verified:
        raise CannotOpenDatabase(
            f"Nøglen for «{identity.login}» er ikke registreret i databasen. "
            "Kontakt en administrator i teamet."
        )


def _matches(row: PersonKey, identity: Identity) -> bool:
    try:
        return public_keys(row) == identity.public
    except (ValueError, UnicodeEncodeError):
        return False  # a damaged row identifies nobody


@dataclass
class KeyRegistry:
    """Every enrolled key by login, once the attestations have been checked."""

    by_login: dict[str, list[PublicKeys]] = field(default_factory=lambda: defaultdict(list))
    problem: str = ""

    def verifies(self, login: str, signature: bytes, message: bytes) -> bool:
        return any(key.verify(signature, message) for key in self.by_login.get(login, ()))


def verified_registry(session: Session) -> KeyRegistry:
    """The enrolled keys, refusing any row whose attestation does not verify."""
    registry = KeyRegistry()
    for index, row in enumerate(session.scalars(keys_in_order())):
        try:
            key = public_keys(row)
            signature = base64.b64decode(row.attestation or "", validate=True)
        except (ValueError, UnicodeEncodeError):
            registry.problem = f"Nøglen for «{row.login}» (nr. {row.id}) er ugyldig"
            return registry
        signers = [key] if index == 0 and row.enrolled_by == row.login else \
            registry.by_login.get(row.enrolled_by, [])
        if not any(signer.verify(signature, _attested(row)) for signer in signers):
            registry.problem = (f"Nøglen for «{row.login}» (nr. {row.id}) er ikke godkendt af "
                                f"en registreret person")
            return registry
        registry.by_login[row.login].append(key)
    return registry


@dataclass(frozen=True)
class SignatureReport:
    ok: bool
    checked: int
    problem: str = ""
    event_id: int | None = None


def verify_signatures(session: Session, after_id: int = 0) -> SignatureReport:
    """Every event since signing began (and after ``after_id``, already verified on this
    PC) carries a valid signature of its own actor. Not on a team server: its events
    are written by the server for the login it authenticated, never signed by a key."""
    if session.connection().dialect.name == SERVER_DIALECT:
        return SignatureReport(True, 0)
    signed_from = _signed_from(session)
    if signed_from is None:
        return SignatureReport(True, 0)
    signed_from = max(signed_from, after_id + 1)
    registry = verified_registry(session)
    if registry.problem:
        return SignatureReport(False, 0, registry.problem)
    checked = 0
    for event in session.scalars(audit_log.events_in_order(signed_from)).yield_per(2000):
        problem = _signature_problem(event, registry)
        if problem:
            return SignatureReport(False, checked, problem, event.id)
        checked += 1
    return SignatureReport(True, checked)


def start_signing(session: Session) -> None:
    """From the next event on, every event must be signed."""
    next_id = (session.scalar(audit_log.last_event_id()) or 0) + 1
    session.merge(AppMeta(key=audit.SIGNED_FROM_KEY, value=str(next_id)))


def _signed_from(session: Session) -> int | None:
    row = session.get(AppMeta, audit.SIGNED_FROM_KEY)
    return int(row.value) if row is not None and row.value else None


def _signature_problem(event: AuditEvent, registry: KeyRegistry) -> str:
    if not event.signature:
        return f"Hændelse nr. {event.id} i loggen er ikke underskrevet"
    try:
        signature = base64.b64decode(event.signature, validate=True)
    except ValueError:
        return f"Hændelse nr. {event.id} har en ugyldig underskrift"
    if not registry.verifies(event.user_login, signature, audit.signed_message(event.hash)):
        return (f"Hændelse nr. {event.id} er ikke underskrevet med en registreret nøgle "
                f"for «{event.user_login}»")
    return ""


def _attested(row: PersonKey) -> bytes:
    fields = [row.login, row.kind, row.box_public, row.sign_public, row.enrolled_at,
              row.enrolled_by]
    return _ATTESTATION_CONTEXT + json.dumps(fields, separators=(",", ":")).encode("utf-8")
