"""Automatic retention pruning when the app closes or locks: after the day's backup, at
most once a day, never on a broken chain, never when the backup failed — on a real
encrypted database whose log starts a year ago, as a real team's does."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
import sqlcipher3
from conftest import TEST_PASSPHRASE, open_backup
from sqlalchemy import func, select

from mentordesk import audit, vault
from mentordesk.audit_admin.retention import AUTO_PRUNED_KEY, RETENTION_KEY
from mentordesk.kernel.context import Context
from mentordesk.security.backups import automatic_folder, closing_backup
from mentordesk.security.integrity import check_database
from mentordesk.services import new_team
from mentordesk.services.citizens import NewCitizen, create_citizen
from mentordesk.services.team import resolve_actor
from mentordesk.storage.models import AuditEvent

pytestmark = pytest.mark.file_only(
    reason="pruning after the app's own backup on close; on a server: test_server_log")

OLD_EVENTS = 40
TODAY = date.today()


@pytest.fixture
def aged(db_path, monkeypatch):
    """A database created a year ago with a year-old history, then used today."""
    year_ago = datetime.now(UTC) - timedelta(days=365)
    with monkeypatch.context() as patch:
        patch.setattr(audit, "utc_timestamp", lambda moment=None: (
            moment or year_ago).astimezone(UTC).isoformat(timespec="microseconds"))
        database = new_team.create_database(db_path, TEST_PASSPHRASE,
                                            team_name="Logteamet").database
    old = _count(database)
    with database.session() as session:
        for number in range(OLD_EVENTS - old):
            audit.record(session, "gammel.mentor", audit.Action.READ, citizen_id=1,
                         detail=f"gammel {number}",
                         occurred_at=audit.utc_timestamp(year_ago + timedelta(minutes=number)))
    actor = resolve_actor(database, vault.current_login())
    create_citizen(Context(database, actor), NewCitizen(first_name="Ny", last_name="Borger"))
    yield database
    database.close()


def _count(database) -> int:
    with database.read_session() as session:
        return session.scalar(select(func.count()).select_from(AuditEvent))


def _oldest(database) -> str:
    with database.read_session() as session:
        return session.scalar(select(func.min(AuditEvent.occurred_at)))


def test_close_backs_up_then_prunes_the_old_events(aged, db_path):
    before = _count(aged)
    assert _oldest(aged) < (datetime.now(UTC) - timedelta(days=300)).isoformat()

    done = closing_backup(aged)

    assert done.backup is not None and done.backup.parent == automatic_folder(db_path)
    assert done.pruned == OLD_EVENTS
    assert _count(aged) == before - OLD_EVENTS + 1  # the recent ones and the prune event
    assert _oldest(aged) > (datetime.now(UTC) - timedelta(days=180)).isoformat()
    report = check_database(aged)
    assert report.ok, report.lines()
    # The backup was taken first: it opens with the database's key and holds every event.
    backup = open_backup(done.backup, aged)
    try:
        assert _count(backup) == before
        with backup.read_session() as session:
            assert audit.verify_chain(session).ok
    finally:
        backup.close()
    with aged.read_session() as session:
        pruned = session.scalars(select(AuditEvent).where(
            AuditEvent.action == audit.Action.PRUNE.value)).one()
    assert pruned.user_login == vault.current_login() and f"{OLD_EVENTS} hændelser" in pruned.detail


def test_pruning_runs_at_most_once_a_day(aged):
    aged.set_meta(RETENTION_KEY, "24")  # nothing is old enough yet
    first = closing_backup(aged)
    assert first.backup is not None and first.pruned == 0
    assert aged.meta(AUTO_PRUNED_KEY) == TODAY.isoformat()

    aged.set_meta(RETENTION_KEY, "6")
    again = closing_backup(aged)  # closed again the same day
    assert again.backup is None and again.pruned is None
    assert _oldest(aged) < (datetime.now(UTC) - timedelta(days=300)).isoformat()

    tomorrow = closing_backup(aged, today=TODAY + timedelta(days=1))
    assert tomorrow.backup is not None and tomorrow.pruned == OLD_EVENTS


def test_a_broken_chain_is_backed_up_but_never_pruned(aged, db_path):
    connection = sqlcipher3.connect(str(db_path))
    connection.execute(f'PRAGMA key = "{aged.raw_key.pragma_value()}"')
    connection.execute("DROP TRIGGER audit_event_no_update")
    connection.execute("UPDATE audit_event SET detail = 'ændret' WHERE id = "
                       "(SELECT max(id) FROM audit_event)")
    connection.commit()
    connection.close()
    before = _count(aged)

    done = closing_backup(aged)

    assert done.backup is not None and done.backup.exists()
    assert done.pruned is None
    assert _count(aged) == before
    with aged.read_session() as session:
        assert audit.read_anchor(session) is None


def test_a_failed_backup_prunes_nothing(aged, db_path):
    folder = automatic_folder(db_path)
    folder.parent.mkdir(parents=True, exist_ok=True)
    folder.write_text("not a folder")  # the backup cannot be written
    before = _count(aged)

    with pytest.raises(OSError):
        closing_backup(aged)

    assert _count(aged) == before
    assert aged.meta(AUTO_PRUNED_KEY) == ""
