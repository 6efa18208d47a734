"""Deleting a closed case: every row goes (derived from the schema), a tombstone stays."""

from __future__ import annotations

from datetime import date

import pytest
import sqlcipher3
from rights_support import (
    DERIVED,
    SKIPPED,
    citizen_linked_tables,
    count_reaching,
    fill_every_table,
    sentinel,
)
from sqlalchemy import select

from mentordesk import audit
from mentordesk.domain.codes import Role
from mentordesk.errors import AccessDenied, InvalidInput
from mentordesk.kernel.actor import Actor
from mentordesk.kernel.changes import Kind
from mentordesk.kernel.context import Context
from mentordesk.rights.deletion import (
    RETENTION_KEY,
    confirmation_text,
    delete_citizen,
    deletion_candidates,
)
from mentordesk.security.integrity import check_database
from mentordesk.storage.models import AuditEvent, Citizen

pytestmark = pytest.mark.both_backends

TODAY = date(2026, 11, 23)


@pytest.fixture
def two_citizens(database):
    with database.session() as session:
        first = fill_every_table(session, "A")
        second = fill_every_table(session, "B")
    return first, second


def _label(database, citizen_id):
    with database.read_session() as session:
        return confirmation_text(session.get(Citizen, citizen_id))


def test_closed_cases_past_retention_are_listed(database, admin, two_citizens):
    first, _second = two_citizens
    listed = deletion_candidates(Context(database, admin), today=TODAY)
    assert [c.citizen_id for c in listed] == [first["citizen"]["id"],
                                                _second["citizen"]["id"]]
    assert listed[0].closed_on == date(2020, 3, 4) and listed[0].due_since == date(2025, 3, 4)
    database.set_meta(RETENTION_KEY, "10")
    assert deletion_candidates(Context(database, admin), today=TODAY) == []


def test_delete_removes_every_row_of_the_citizen_only(database, admin, two_citizens):
    first, second = two_citizens
    gone, kept = first["citizen"]["id"], second["citizen"]["id"]
    with database.read_session() as session:
        before_kept = count_reaching(session, kept)
        before_gone = count_reaching(session, gone)
    assert all(before_gone.values()), f"the fixture misses tables: {before_gone}"
    deleted = delete_citizen(Context(database, admin), gone, _label(database, gone))
    result = deleted.value
    assert result.rows_deleted == sum(before_gone.values())
    # Every kind of the citizen's data changed, and only for that citizen.
    assert deleted.changes.kinds == frozenset(Kind) and deleted.changes.concerns(gone)
    assert not deleted.changes.concerns(kept)
    with database.read_session() as session:
        after_gone = count_reaching(session, gone)
        assert count_reaching(session, kept) == before_kept
        tombstone = session.scalars(select(AuditEvent).order_by(AuditEvent.id.desc())).first()
    assert not any(after_gone.values()), f"rows of the deleted citizen remain: {after_gone}"
    assert (tombstone.action, tombstone.citizen_id) == ("delete", gone)
    for text in (first["citizen"]["first_name"], first["citizen"]["last_name"],
                 first["citizen"]["cpr"], first["citizen"]["alias"]):
        assert text not in tombstone.detail
    assert check_database(database).ok


@pytest.mark.file_only(reason="reads the decrypted pages of the SQLCipher file")
def test_file_holds_no_trace_after_delete(database, admin, two_citizens):
    """secure_delete + VACUUM: not even free pages of the decrypted file hold the text."""
    first, _second = two_citizens
    gone = first["citizen"]["id"]
    delete_citizen(Context(database, admin), gone, _label(database, gone))
    database.close()
    connection = sqlcipher3.connect(str(database.path))
    connection.execute(f'PRAGMA key = "{database.raw_key.pragma_value()}"')
    assert connection.execute("PRAGMA freelist_count").fetchone()[0] == 0
    connection.close()
    for suffix in ("-wal", "-journal"):
        side = database.path.with_name(database.path.name + suffix)
        assert not side.exists() or side.stat().st_size == 0
    pages = _decrypted_pages(database.path, database.raw_key.key)
    texts = {name: [value for value in first[name].values() if isinstance(value, str)
                    and value.endswith("#A»")]
             for name in citizen_linked_tables() - SKIPPED - DERIVED}  # derived: numbers
    assert sentinel("citizen", "note", "B").encode() in pages  # the check can see text …
    left = [text for values in texts.values() for text in values if text.encode() in pages]
    assert sum(map(len, texts.values())) > 40 and not left  # … and the deleted case's is gone


def _decrypted_pages(path, key: bytes) -> bytes:
    """Every page of the file decrypted, free pages included (SQLCipher 4 defaults:
    4096-byte pages, AES-256-CBC, 80 reserved bytes per page = 16 IV + 64 HMAC)."""
    from cryptography.hazmat.primitives import ciphers
    raw = path.read_bytes()
    size, reserve, out = 4096, 80, []
    for start in range(0, len(raw), size):
        page = raw[start:start + size]
        first = 16 if start == 0 else 0
        iv = page[size - reserve:size - reserve + 16]
        decryptor = ciphers.Cipher(ciphers.algorithms.AES(key), ciphers.modes.CBC(iv)).decryptor()
        out.append(decryptor.update(page[first:size - reserve]) + decryptor.finalize())
    return b"".join(out)


def test_refuses_without_exact_confirmation_or_open_case_or_role(database, admin,
                                                                  two_citizens):
    first, _second = two_citizens
    gone = first["citizen"]["id"]
    with pytest.raises(InvalidInput, match="navn"):
        delete_citizen(Context(database, admin), gone, "forkert navn")
    mentor = Actor(first["user"]["id"], first["user"]["login"], "M", Role.MENTOR)
    with pytest.raises(AccessDenied):
        delete_citizen(Context(database, mentor), gone, _label(database, gone))
    with database.session() as session:
        session.get(Citizen, gone).status = "active"
    with pytest.raises(InvalidInput, match="afsluttede"):
        delete_citizen(Context(database, admin), gone, _label(database, gone))
    with database.read_session() as session:
        assert all(count_reaching(session, gone).values())
        assert audit.verify_chain(session).ok
