"""The whole app: quitting or locking takes the day's backup and then prunes the access
log past its retention period (a database whose history starts a year ago)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from qt_support import PASSPHRASE, TEAM_NAME
from sqlalchemy import func, select

from mentordesk import audit, vault
from mentordesk.security.backups import automatic_folder
from mentordesk.security.workflows import backup_key_for
from mentordesk.services import new_team
from mentordesk.storage.database import Database
from mentordesk.storage.models import AuditEvent

OLD_EVENTS = 25


def _aged_database(path: Path, keystore, monkeypatch) -> None:
    year_ago = datetime.now(UTC) - timedelta(days=365)
    with monkeypatch.context() as patch:
        patch.setattr(audit, "utc_timestamp", lambda moment=None: (
            moment or year_ago).astimezone(UTC).isoformat(timespec="microseconds"))
        database = new_team.create_database(path, PASSPHRASE, team_name=TEAM_NAME,
                                         remember=True, keystore=keystore).database
    with database.session() as session:
        for number in range(OLD_EVENTS - _count(session)):
            audit.record(session, "gammel.mentor", audit.Action.READ, citizen_id=1,
                         detail=f"gammel {number}",
                         occurred_at=audit.utc_timestamp(year_ago + timedelta(minutes=number)))
    database.close()


def _count(session) -> int:
    return session.scalar(select(func.count()).select_from(AuditEvent))


def _old_events(path: Path, live: Path | None = None) -> int:
    """Old events in ``path``; a backup opens with the live database's key (``live``)."""
    if live is None:
        database = vault.unlock_with_passphrase(path, PASSPHRASE)
    else:
        owner = vault.unlock_with_passphrase(live, PASSPHRASE)
        database = Database.open(path, backup_key_for(owner, path))
        owner.close()
    try:
        with database.read_session() as session:
            cutoff = (datetime.now(UTC) - timedelta(days=180)).isoformat()
            return session.scalar(select(func.count()).select_from(AuditEvent).where(
                AuditEvent.occurred_at < cutoff))
    finally:
        database.close()


def _open(controller, qtbot, path: Path) -> None:
    controller.flow.open_path(path)
    qtbot.waitUntil(lambda: controller.main_window is not None
                    and controller.main_window.isVisible(), timeout=15_000)
    qtbot.waitUntil(lambda: controller.guard.session_id is not None, timeout=10_000)


def test_quitting_backs_up_then_prunes(controller, qtbot, database_path, keystore,
                                       monkeypatch):
    _aged_database(database_path, keystore, monkeypatch)
    _open(controller, qtbot, database_path)
    assert _old_events(database_path) == OLD_EVENTS

    controller.shutdown()

    daily = list(automatic_folder(database_path).glob("team-dagligt-*"))
    assert len(daily) == 1
    assert _old_events(database_path) == 0
    assert _old_events(daily[0], database_path) == OLD_EVENTS  # the backup keeps the pruned


def test_locking_backs_up_then_prunes(controller, qtbot, database_path, keystore,
                                      monkeypatch):
    _aged_database(database_path, keystore, monkeypatch)
    _open(controller, qtbot, database_path)

    controller.guard.lock()
    qtbot.waitUntil(lambda: controller.guard.lock_screen is not None
                    and controller.guard.lock_screen.isVisible(), timeout=10_000)
    folder = automatic_folder(database_path)
    qtbot.waitUntil(lambda: folder.is_dir() and any(folder.glob("team-dagligt-*")),
                    timeout=15_000)
    qtbot.waitUntil(lambda: _old_events(database_path) == 0, timeout=15_000)
