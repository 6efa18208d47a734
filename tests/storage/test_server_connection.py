"""Reaching a team server: only over TLS to the certificate the team's CA signed, only with
the right password, stored as SCRAM — on the run's throwaway PostgreSQL cluster."""

from __future__ import annotations

import dataclasses

import psycopg
import pytest
from sqlalchemy import text

from mentordesk.errors import CannotOpenDatabase
from mentordesk.storage.engine import open_server_engine
from tests.server_support import unavailable, write_tls_files


@pytest.fixture
def profile(server_databases):
    profile = server_databases.create_empty()
    yield profile
    server_databases.drop(profile)


def test_the_app_connects_over_verified_tls(profile):
    engine = open_server_engine(profile)
    try:
        with engine.connect() as connection:
            encrypted = connection.execute(text(
                "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")).scalar()
    finally:
        engine.dispose()
    assert encrypted is True
    assert profile.url().query["sslmode"] == "verify-full"


def test_a_server_whose_certificate_another_ca_signed_is_refused(profile, tmp_path):
    """An impostor on the team's address never receives the password."""
    write_tls_files(tmp_path)  # a different CA, made just now
    impostor_check = dataclasses.replace(profile, ca_file=tmp_path / "ca.pem")
    with pytest.raises(CannotOpenDatabase, match="kunne ikke nås"):
        open_server_engine(impostor_check)


def test_a_wrong_password_is_refused(profile):
    with pytest.raises(CannotOpenDatabase, match="password authentication failed"):
        open_server_engine(dataclasses.replace(profile, password="forkert-adgangskode"))


def test_the_server_refuses_connections_without_tls(pg_cluster, profile):
    login = pg_cluster.superuser
    with pytest.raises(psycopg.OperationalError, match="no encryption"):
        psycopg.connect(host=login.host, port=login.port, dbname=profile.dbname,
                        user=login.login, password=login.password, sslmode="disable").close()


def test_passwords_are_stored_as_scram(pg_cluster, profile):
    engine = open_server_engine(profile)
    try:
        with engine.connect() as connection:
            stored = connection.execute(text(
                "SELECT rolpassword FROM pg_authid WHERE rolname = current_user")).scalar()
            encryption = connection.execute(text("SHOW password_encryption")).scalar()
    finally:
        engine.dispose()
    assert stored.startswith("SCRAM-SHA-256$")
    assert encryption == "scram-sha-256"


def test_with_pgaudit_on_a_direct_select_lands_in_the_server_log(pg_cluster, server_databases):
    """Reads outside the app are the server's to log: with pgaudit's read logging on, a
    SELECT on citizen data from any client is written to the server log."""
    if not pg_cluster.has_pgaudit:
        unavailable("pgaudit is not installed (apt-get install postgresql-15-pgaudit)")
    from tests.server_support import server_team_database

    for database in server_team_database(server_databases):
        with database.read_session() as session:
            session.execute(text("SET LOCAL pgaudit.log = 'read'"))
            session.execute(text("SELECT first_name FROM citizen WHERE id = 4242"))
    assert "AUDIT: SESSION" in pg_cluster.log_tail(200)
    assert "SELECT first_name FROM citizen WHERE id = 4242" in pg_cluster.log_tail(200)
