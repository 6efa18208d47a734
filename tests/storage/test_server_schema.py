"""The migrations build the models' schema on PostgreSQL too, and what the database itself
enforces there — the access log's append-only rule, the delivered hours per week — behaves
exactly as on the SQLCipher file."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError

from mentordesk import audit
from mentordesk.storage.audit_guard import trigger_problems
from mentordesk.storage.database import ServerDatabase
from mentordesk.storage.migrate import SCHEMA_HEAD, current_revision
from mentordesk.storage.models import AuditEvent, Citizen, Contact, User
from mentordesk.storage.queries import delivered_weeks

pytestmark = pytest.mark.both_backends
MONDAY = date(2026, 11, 16)


def test_migrations_build_exactly_the_models_schema_on_the_server(server_databases):
    """As tests/storage/test_migration.py does for the file: no drift between the
    migrations and the models on PostgreSQL."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from mentordesk.storage.models import Base

    profile = server_databases.create_empty()
    database = ServerDatabase.create_on_server(profile, "Skema")
    try:
        assert current_revision(database.engine) == SCHEMA_HEAD
        with database.engine.connect() as connection:
            context = MigrationContext.configure(connection)
            differences = [difference for difference in compare_metadata(context, Base.metadata)
                           if difference[0] != "modify_default"]
    finally:
        database.close()
        server_databases.drop(profile)
    assert differences == []


def test_a_pc_never_migrates_a_server_it_connects_to(server_databases):
    from mentordesk.errors import CannotOpenDatabase

    profile = server_databases.create_empty()
    try:
        with pytest.raises(CannotOpenDatabase, match="ikke en MentorDesk-database"):
            ServerDatabase.connect(profile)
    finally:
        server_databases.drop(profile)


@pytest.fixture
def event_id(database) -> int:
    with database.session() as session:
        audit.record(session, "mona.mentor", audit.Action.READ, entity="citizen", entity_id=1)
        return int(session.scalar(select(AuditEvent.id).order_by(AuditEvent.id.desc())))


def test_the_access_log_refuses_update(database, event_id):
    with pytest.raises(DBAPIError, match="append-only"), database.session() as session:
        session.execute(text("UPDATE audit_event SET user_login = 'ingen' WHERE id = :id"),
                        {"id": event_id})


def test_the_access_log_refuses_deleting_a_recent_event(database, event_id):
    with pytest.raises(DBAPIError, match="append-only"), database.session() as session:
        session.execute(text("DELETE FROM audit_event WHERE id = :id"), {"id": event_id})
    with database.read_session() as session:
        assert session.get(AuditEvent, event_id) is not None


def test_the_access_log_lets_retention_remove_only_old_events_below_the_anchor(database):
    """An event older than six months below the anchor may go (retention); one above the
    anchor may not, however old."""
    with database.session() as session:
        for occurred in ("2020-01-01T10:00:00.000000", "2020-01-02T10:00:00.000000"):
            session.execute(AuditEvent.__table__.insert().values(
                occurred_at=occurred, user_login="x", action="read", entity="citizen",
                detail="", prev_hash="", hash=occurred, signature=""))
        old, newer = session.scalars(select(AuditEvent.id).where(
            AuditEvent.occurred_at.like("2020-%")).order_by(AuditEvent.id)).all()
        session.execute(text("INSERT INTO app_meta (key, value) VALUES "
                             "('audit_anchor_id', :anchor)"), {"anchor": str(newer)})
    with database.session() as session:
        session.execute(text("DELETE FROM audit_event WHERE id = :id"), {"id": old})
    with pytest.raises(DBAPIError, match="append-only"), database.session() as session:
        session.execute(text("DELETE FROM audit_event WHERE id = :id"), {"id": newer})


def _kept_and_recounted(database) -> tuple[dict, dict]:
    with database.read_session() as session:
        kept = {(who, str(monday)): minutes for who, monday, minutes in session.execute(
            delivered_weeks.kept_per_citizen_week())}
        kept.update({("mentor", who, str(monday)): minutes for who, monday, minutes
                     in session.execute(delivered_weeks.kept_alone_per_mentor_week())})
        recounted = {(who, str(monday)): minutes for who, monday, minutes in session.execute(
            delivered_weeks.recounted_per_citizen_week())}
        recounted.update({("mentor", who, str(monday)): minutes for who, monday, minutes
                          in session.execute(delivered_weeks.recounted_alone_per_mentor_week())})
    return kept, recounted


def test_the_week_sums_follow_every_insert_update_and_delete(database):
    """Straight through SQL, the way an import or a tool writes: the triggers keep the
    minutes per ISO week (Monday) on both backends."""
    with database.session() as session:
        citizen = Citizen(first_name="Uma", last_name="Uge", cpr="0101901234")
        mentor = session.scalars(select(User)).first()
        session.add(citizen)
        session.flush()
        sunday = MONDAY - timedelta(days=1)
        contacts = [Contact(citizen_id=citizen.id, mentor_id=mentor.id, contact_on=day,
                            duration_minutes=minutes, form="phone", attended=True)
                    for day, minutes in ((sunday, 30), (MONDAY, 45), (MONDAY + timedelta(6), 15))]
        session.add_all(contacts)
        session.flush()
        ids = [contact.id for contact in contacts]
        mentor_id, citizen_id = mentor.id, citizen.id
    kept, recounted = _kept_and_recounted(database)
    assert kept == recounted
    assert kept[(citizen_id, "2026-11-09")] == 30
    assert kept[(citizen_id, "2026-11-16")] == 60
    assert kept[("mentor", mentor_id, "2026-11-16")] == 60

    with database.session() as session:
        moved = session.get(Contact, ids[0])
        moved.contact_on = MONDAY + timedelta(days=2)
        moved.duration_minutes = 40
        session.get(Contact, ids[1]).attended = False  # a no-show proves no hours
        session.delete(session.get(Contact, ids[2]))
    kept, recounted = _kept_and_recounted(database)
    assert kept == recounted
    assert (citizen_id, "2026-11-09") not in kept  # a week at zero is removed
    assert kept[(citizen_id, "2026-11-16")] == 40


def test_the_log_triggers_are_found_as_the_migrations_made_them(database):
    with database.read_session() as session:
        assert trigger_problems(session) == []


@pytest.mark.parametrize(("tampering", "problem"), [
    ("CREATE OR REPLACE FUNCTION audit_event_no_delete() RETURNS trigger LANGUAGE plpgsql "
     "AS $t$ BEGIN RETURN OLD; END $t$", "udløseren audit_event_no_delete er ændret"),
    ("ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update",
     "udløseren audit_event_no_update mangler"),
    ("DROP TRIGGER audit_event_no_update ON audit_event",
     "udløseren audit_event_no_update mangler"),
])
def test_a_weakened_log_trigger_on_the_server_is_reported(server_databases, tampering, problem):
    """Someone with the server's owner rights weakens the log's protection: the check that
    runs at unlock and in ``check`` names it, as it does for the file."""
    from tests.server_support import server_team_database

    for database in server_team_database(server_databases):
        with database.session() as session:
            session.execute(text(tampering))
        with database.read_session() as session:
            assert trigger_problems(session) == [problem]


def test_every_partial_index_is_partial_on_both_backends(database):
    """Compare_metadata does not look at predicates: an index given only ``sqlite_where``
    would be a full index of the whole contact log on the team server."""
    from mentordesk.storage.models import Base

    partial = {index.name for table in Base.metadata.tables.values() for index in table.indexes
               if index.dialect_options["sqlite"]["where"] is not None}
    assert {"ix_contact_appointment_day", "ix_contact_group_mentor_day"} <= partial
    with database.read_session() as session:
        definitions = dict(session.execute(text(
            "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema()"
            if database.is_server else
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
        )).tuples().all())
    assert {name for name in partial if " WHERE " not in definitions[name].upper()} == set()
