"""`server import`: a team's demo file moved to the throwaway server, proven by checksums,
rolled back whole on any difference, refused before writing when a value cannot fit."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from mentordesk import audit, vault
from mentordesk.demo import build_demo
from mentordesk.keys.registry import verify_signatures
from mentordesk.paths import DEMO_PASSPHRASE
from mentordesk.server.fingerprints import fingerprints, table_fingerprint
from mentordesk.server.importing import (
    FILE_ONLY_META,
    IMPORTED_FROM_KEY,
    SERVER_ONLY_META,
    ImportMismatch,
    ImportRefused,
    ValuesTooLong,
    import_file,
)
from mentordesk.server.recovery import RECOVERY_SLOT_KEY, RecoverySlot, recovery_slot_of
from mentordesk.storage.database import Database, ServerDatabase
from mentordesk.storage.engine import open_server_engine
from mentordesk.storage.migrate import current_revision, upgrade_server_to_head
from mentordesk.storage.models import AuditEvent, Contact
from mentordesk.storage.models.delivered_weeks import DeliveredCitizenWeek
from tests.server.team_setup import add_citizen

OPERATOR = "it-tester"


@pytest.fixture
def demo_file(tmp_path: Path):
    path = tmp_path / "demo.mentordesk"
    database = build_demo(path, DEMO_PASSPHRASE, citizens=4, mentors=3, years=1,
                          operator_login=OPERATOR)
    yield database
    database.close()


@pytest.fixture
def empty_server(server_databases):
    profile = server_databases.create_empty()
    yield profile
    server_databases.drop(profile)


def _file_fingerprints(database: Database, *, skip_head: bool = False):
    skip = FILE_ONLY_META | ({audit.HEAD_KEY, audit.COUNT_KEY} if skip_head else set())
    with database.read_session() as session:
        return fingerprints(session.connection(), skip_meta=skip)


def _without_the_move_event(connection):
    """The server's fingerprints as they were when the import compared them: before it
    logged the move (one event, and the log's head and count in app_meta)."""
    moved = {"move_to_server"}
    found = fingerprints(connection,
                         skip_meta=SERVER_ONLY_META | {audit.HEAD_KEY, audit.COUNT_KEY})
    events = AuditEvent.__table__
    action = list(events.columns).index(events.columns["action"])
    found["audit_event"] = table_fingerprint(connection, events,
                                             lambda row: row[action] not in moved)
    return found


def _server_count(profile, table: str) -> int | None:
    engine = open_server_engine(profile, pooled=False)
    try:
        with engine.connect() as connection:
            exists = connection.execute(text("SELECT to_regclass(:name)"),
                                        {"name": table}).scalar()
            if exists is None:
                return None
            return connection.execute(text(f'SELECT count(*) FROM "{table}"')).scalar()
    finally:
        engine.dispose()


def test_the_server_holds_every_row_of_the_file_and_the_log_chain_goes_on(
        demo_file, empty_server):
    recovery = recovery_slot_of(demo_file.path)
    report = import_file(demo_file, empty_server, recovery)

    server = ServerDatabase.connect(empty_server)
    try:
        with server.read_session() as session:
            on_server = _without_the_move_event(session.connection())
            chain = audit.verify_chain(session)
        assert report.tables == _file_fingerprints(demo_file)
        assert on_server == _file_fingerprints(demo_file, skip_head=True)
        assert report.tables["citizen"].rows == 4
        assert report.tables["audit_event"].rows > 0
        # The file's events verbatim, then the move itself, signed by the person.
        assert chain.ok and chain.checked == report.tables["audit_event"].rows + 1
        with server.read_session() as session:
            assert verify_signatures(session).ok
            last = session.execute(text(
                "SELECT user_login, action FROM audit_event ORDER BY id DESC LIMIT 1")).one()
        assert tuple(last) == (OPERATOR, "move_to_server")
        assert server.meta(IMPORTED_FROM_KEY) == demo_file.file_id
        assert server.file_id not in ("", demo_file.file_id)
        stored = RecoverySlot.from_text(server.meta(RECOVERY_SLOT_KEY))
        assert recovery is not None and stored.public == recovery.public

        # The server's own next event links to the file's last one.
        with server.session() as session:
            audit.record(session, OPERATOR, audit.Action.READ, entity="citizen")
        with server.read_session() as session:
            after = audit.verify_chain(session)
        assert after.ok and after.checked == chain.checked + 1
    finally:
        server.close()


def test_a_difference_on_the_server_rolls_the_whole_import_back(demo_file, empty_server):
    engine = open_server_engine(empty_server, pooled=False)
    try:
        upgrade_server_to_head(engine)
        with engine.begin() as connection:
            # A server that quietly alters what it is given: the import must notice.
            connection.execute(text(
                "CREATE FUNCTION alter_name() RETURNS trigger LANGUAGE plpgsql AS $$ "
                "BEGIN NEW.alias := NEW.alias || '!'; RETURN NEW; END $$"))
            connection.execute(text("CREATE TRIGGER alter_name BEFORE INSERT ON citizen "
                                    "FOR EACH ROW EXECUTE FUNCTION alter_name()"))
    finally:
        engine.dispose()

    with pytest.raises(ImportMismatch, match="citizen") as refused:
        import_file(demo_file, empty_server, None)

    assert refused.value.tables == ["citizen"]
    for table in ("citizen", "audit_event", "contact", "app_meta", "user"):
        assert _server_count(empty_server, table) == 0


def test_a_value_too_long_for_the_server_is_named_before_anything_is_written(
        demo_file, empty_server):
    with demo_file.session() as session:
        citizen_id = session.execute(text("SELECT min(id) FROM citizen")).scalar()
        session.execute(text("UPDATE citizen SET alias = :alias WHERE id = :id"),
                        {"alias": "x" * 130, "id": citizen_id})

    with pytest.raises(ValuesTooLong) as refused:
        import_file(demo_file, empty_server, None)

    assert refused.value.problems == [
        f"tabellen citizen, rækken id={citizen_id}, kolonnen alias: 130 tegn (højst 120)"]
    engine = open_server_engine(empty_server, pooled=False)
    try:
        assert current_revision(engine) is None
    finally:
        engine.dispose()


def test_a_server_database_that_holds_a_team_is_refused(demo_file, server_databases):
    profile = server_databases.create_team(vault.current_login())  # the run's template admin
    add_citizen(profile, vault.current_login(), "Bente", "Beboersen")
    try:
        with pytest.raises(ImportRefused, match="ikke tom"):
            import_file(demo_file, profile, None)
    finally:
        server_databases.drop(profile)


def test_after_the_import_a_contact_logged_on_the_server_counts_in_its_week(
        demo_file, empty_server):
    # The import pauses the delivered-week trigger while the file's contacts go in: it
    # must be on again, or the Timer page would never see a new contact's hours.
    import_file(demo_file, empty_server, None)
    week = dt.date(2031, 3, 3)
    engine = open_server_engine(empty_server, pooled=False)
    try:
        with Session(engine) as session, session.begin():
            some = session.scalars(select(Contact).limit(1)).one()
            session.add(Contact(citizen_id=some.citizen_id, mentor_id=some.mentor_id,
                                contact_on=week, duration_minutes=90, form=some.form))
            session.flush()
            minutes = session.scalar(select(DeliveredCitizenWeek.minutes).where(
                DeliveredCitizenWeek.citizen_id == some.citizen_id,
                DeliveredCitizenWeek.week_start == week))
    finally:
        engine.dispose()
    assert minutes == 90
