"""On a team server, transactions keep the file's guarantees: one writer at a time (the
audit chain and version checks never interleave), readers never wait for it, and a read
transaction sees one snapshot from its first statement to its last."""

from __future__ import annotations

import threading
import time

import pytest
from sqlalchemy import func, select

from mentordesk import audit, vault
from mentordesk.storage.database import ServerDatabase
from mentordesk.storage.models import AuditEvent

HOLD_S = 0.6


@pytest.fixture
def two_pcs(server_databases):
    """Two connections to the same team database, as two PCs would have."""
    profile = server_databases.create_team(vault.current_login())
    first, second = ServerDatabase.connect(profile), ServerDatabase.connect(profile)
    yield first, second
    first.close()
    second.close()
    server_databases.drop(profile)


def _log(database: ServerDatabase, who: str) -> None:
    with database.session() as session:
        audit.record(session, who, audit.Action.READ, entity="citizen", entity_id=1)


def _count(session) -> int:
    return int(session.scalar(select(func.count()).select_from(AuditEvent)))


def test_a_second_writer_waits_until_the_first_commits(two_pcs):
    first, second = two_pcs
    finished: list[str] = []
    second_writer = threading.Thread(target=lambda: (_log(second, "b"), finished.append("b")))
    with first.session() as session:
        audit.record(session, "a", audit.Action.READ, entity="citizen", entity_id=1)
        second_writer.start()
        time.sleep(HOLD_S)
        finished.append("a")
    second_writer.join(timeout=30)
    assert finished == ["a", "b"]
    with first.read_session() as session:
        assert audit.verify_chain(session).ok  # two writers, one unbroken chain


def test_a_reader_does_not_wait_for_the_writer(two_pcs):
    first, second = two_pcs
    with first.session() as session:
        audit.record(session, "a", audit.Action.READ, entity="citizen", entity_id=1)
        started = time.perf_counter()
        with second.read_session() as reading:
            _count(reading)
        assert time.perf_counter() - started < HOLD_S


def test_a_read_transaction_sees_one_snapshot(two_pcs):
    first, second = two_pcs
    with first.read_session() as reading:
        before = _count(reading)
        _log(second, "b")  # committed by another PC in the middle of the read
        assert _count(reading) == before
    with first.read_session() as reading:
        assert _count(reading) == before + 1
