"""Retention pruning keeps the chain verifiable from an anchor; recent events are safe."""

from __future__ import annotations

import os
from datetime import UTC, date, datetime, timedelta

import pytest
import sqlcipher3
from sqlalchemy import func, select

from mentordesk import audit
from mentordesk.audit_admin.retention import RETENTION_KEY, prune_log
from mentordesk.domain.codes import Role
from mentordesk.errors import AccessDenied
from mentordesk.kernel.actor import Actor
from mentordesk.kernel.changes import Changes, Kind
from mentordesk.kernel.context import Context
from mentordesk.security.integrity import check_database
from mentordesk.storage.models import AppMeta, AuditEvent

pytestmark = pytest.mark.file_only(
    reason="pruning through raw SQLCipher; on a server: test_server_log")


@pytest.fixture
def database(tmp_path):
    """A database whose log starts empty (no first-admin event), so a test can put a
    year-old history at its start, as a real team's log has."""
    from mentordesk.storage.database import Database
    from mentordesk.storage.engine import RawKey

    database = Database.create(tmp_path / "log.mentordesk", RawKey(os.urandom(32),
                                                                    os.urandom(16)), "Logteam")
    yield database
    database.close()


@pytest.fixture
def admin():
    return Actor(1, "koordinator", "Koordinator", Role.COORDINATOR)


def _old_and_new(database, old=30, new=5):
    """``old`` events a year ago, then ``new`` from today (the chain in order)."""
    year_ago = datetime.now(UTC) - timedelta(days=365)
    with database.session() as session:
        for number in range(old):
            audit.record(session, "gammel", audit.Action.READ, citizen_id=1,
                         detail=f"gammel {number}",
                         occurred_at=audit.utc_timestamp(year_ago + timedelta(minutes=number)))
        for number in range(new):
            audit.record(session, "ny", audit.Action.READ, citizen_id=1, detail=f"ny {number}")


def _count(database):
    with database.read_session() as session:
        return session.scalar(select(func.count()).select_from(AuditEvent))


def _raw(database):
    connection = sqlcipher3.connect(str(database.path))
    connection.execute(f'PRAGMA key = "{database.raw_key.pragma_value()}"')
    return connection


def test_prune_removes_old_events_and_chain_still_verifies(database, admin):
    _old_and_new(database)
    before = _count(database)
    pruned = prune_log(Context(database, admin))
    result = pruned.value
    assert result.removed == before - 5 == 30
    assert pruned.changes == Changes.of(Kind.AUDIT)
    assert _count(database) == 5 + 1  # the new ones and the prune event
    report = check_database(database)
    assert report.ok, report.lines()
    with database.read_session() as session:
        anchor = audit.read_anchor(session)
        first = session.scalars(select(AuditEvent).order_by(AuditEvent.id)).first()
    assert anchor.prev_hash == first.prev_hash and anchor.pruned == result.removed
    assert prune_log(Context(database, admin)).value.removed == 0  # nothing more to prune


def test_pruned_chain_still_detects_tampering(database, admin):
    _old_and_new(database)
    prune_log(Context(database, admin))
    connection = _raw(database)
    connection.execute("DROP TRIGGER audit_event_no_delete")
    connection.execute("DELETE FROM audit_event WHERE id = (SELECT min(id) FROM audit_event)")
    connection.commit()
    connection.close()
    with database.read_session() as session:
        report = audit.verify_chain(session)
    assert not report.ok and "mangler" in report.problem


def test_trigger_refuses_recent_events_even_with_a_forged_anchor(database, admin):
    _old_and_new(database, old=0, new=3)
    connection = _raw(database)
    connection.execute("INSERT OR REPLACE INTO app_meta VALUES ('audit_anchor_id', '999')")
    with pytest.raises(sqlcipher3.IntegrityError, match="append-only"):
        connection.execute("DELETE FROM audit_event")
    connection.close()


def test_longer_retention_keeps_more_and_shorter_is_not_possible(database, admin):
    _old_and_new(database)
    database.set_meta(RETENTION_KEY, "24")
    assert prune_log(Context(database, admin)).value.removed == 0
    database.set_meta(RETENTION_KEY, "1")  # below the floor: six months apply
    result = prune_log(Context(database, admin)).value
    assert result.cutoff <= date.today() - timedelta(days=180)
    assert result.removed > 0


def test_only_coordinators_prune(database, admin):
    _old_and_new(database)
    mentor = Actor(admin.user_id, "mentor", "Mentor", Role.MENTOR)
    with pytest.raises(AccessDenied):
        prune_log(Context(database, mentor))
    with database.read_session() as session:
        assert session.get(AppMeta, audit.ANCHOR_HASH_KEY) is None
