"""The audit log: every use is recorded, and the chain exposes any tampering."""

from __future__ import annotations

import pytest
import sqlcipher3
from sqlalchemy import func, select

from mentordesk import audit
from mentordesk.kernel.context import Context
from mentordesk.services.citizens import (
    NewCitizen,
    create_citizen,
    get_citizen_summary,
    list_citizens,
)
from mentordesk.storage.models import AuditEvent

pytestmark = pytest.mark.both_backends
RAW_TAMPERING = pytest.mark.file_only(
    reason="tampering through raw SQLCipher; on a server: test_server_log")


def _events(database, action=None):
    with database.read_session() as session:
        query = select(AuditEvent).order_by(AuditEvent.id)
        if action:
            query = query.where(AuditEvent.action == action)
        return session.scalars(query).all()


def _raw(database):
    connection = sqlcipher3.connect(str(database.path))
    connection.execute(f'PRAGMA key = "{database.raw_key.pragma_value()}"')
    return connection


def test_search_read_and_create_are_logged_with_term(database, admin):
    citizen_id = create_citizen(Context(database, admin),
                                NewCitizen(first_name="Birthe", last_name="Holm")).value
    list_citizens(Context(database, admin), search="holm")
    get_citizen_summary(Context(database, admin), citizen_id)
    created = _events(database, "create")
    assert any(event.citizen_id == citizen_id for event in created)
    searches = _events(database, "search")
    assert searches[-1].detail.startswith("Søgning: 'holm'")
    reads = _events(database, "read")
    assert reads[-1].citizen_id == citizen_id and reads[-1].user_login == admin.login


def test_chain_verifies(database, admin):
    for name in ("Anna", "Bo", "Carl"):
        create_citizen(Context(database, admin), NewCitizen(first_name=name, last_name="Test"))
    with database.read_session() as session:
        report = audit.verify_chain(session)
    assert report.ok and report.checked == len(_events(database))


@RAW_TAMPERING
def test_triggers_refuse_update_and_delete(database, admin):
    create_citizen(Context(database, admin), NewCitizen(first_name="Dorte", last_name="Test"))
    connection = _raw(database)
    with pytest.raises(sqlcipher3.IntegrityError, match="append-only"):
        connection.execute("UPDATE audit_event SET detail = 'x'")
    with pytest.raises(sqlcipher3.IntegrityError, match="append-only"):
        connection.execute("DELETE FROM audit_event")
    connection.close()


def _tamper(database, sql):
    connection = _raw(database)
    connection.execute("DROP TRIGGER audit_event_no_update")
    connection.execute("DROP TRIGGER audit_event_no_delete")
    connection.execute(sql)
    connection.commit()
    connection.close()


def _verify(database):
    with database.read_session() as session:
        return audit.verify_chain(session)


@RAW_TAMPERING
def test_altered_row_is_found(database, admin):
    create_citizen(Context(database, admin), NewCitizen(first_name="Erik", last_name="Test"))
    target = _events(database)[1].id
    _tamper(database, f"UPDATE audit_event SET user_login = 'someone' WHERE id = {target}")
    report = _verify(database)
    assert not report.ok and report.first_bad_id == target and "ændret" in report.problem


@RAW_TAMPERING
def test_removed_row_in_the_middle_is_found(database, admin):
    for name in ("Finn", "Gitte"):
        create_citizen(Context(database, admin), NewCitizen(first_name=name, last_name="Test"))
    target = _events(database)[1].id
    _tamper(database, f"DELETE FROM audit_event WHERE id = {target}")
    report = _verify(database)
    assert not report.ok and "mangler" in report.problem


@RAW_TAMPERING
def test_removed_last_row_is_found(database, admin):
    create_citizen(Context(database, admin), NewCitizen(first_name="Hans", last_name="Test"))
    _tamper(database, "DELETE FROM audit_event WHERE id = (SELECT max(id) FROM audit_event)")
    report = _verify(database)
    assert not report.ok and "fjernet" in report.problem


def test_audit_count_matches(database, admin):
    create_citizen(Context(database, admin), NewCitizen(first_name="Ida", last_name="Test"))
    with database.read_session() as session:
        assert session.scalar(select(func.count()).select_from(AuditEvent)) == len(
            _events(database))
