"""Opening a database made by an older release backs it up, then migrates it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import sqlcipher3

from mentordesk import audit, vault
from mentordesk.errors import CannotOpenDatabase
from mentordesk.kernel.context import Context
from mentordesk.security.key_migration import migrate_to_key_slots
from mentordesk.services import new_team
from mentordesk.services.citizens import list_citizens
from mentordesk.services.team import resolve_actor
from mentordesk.storage.backup import backup_folder_for
from mentordesk.storage.migrate import current_revision, head_revision

pytestmark = pytest.mark.file_only(
    reason="opening a file made by an older release; the server's schema: test_server_schema")

FIXTURES = Path(__file__).with_name("fixtures")
BASELINE_FILE = FIXTURES / "baseline-0001.mentordesk"
BASELINE_PASSPHRASE = "fixture-adgangskode-0001"
FIXTURE_ADMIN = "fixture.mentor"


ADMIN_PASSPHRASE = "fixture-admins-egen-kode"


def convert(path: Path):
    """Open a file from before personal keys the only way there is: convert it."""
    return migrate_to_key_slots(path, BASELINE_PASSPHRASE, admin_login=FIXTURE_ADMIN,
                                admin_passphrase=ADMIN_PASSPHRASE)


@pytest.fixture
def old_database(tmp_path: Path) -> Path:
    copy = tmp_path / "gammel.mentordesk"
    shutil.copyfile(BASELINE_FILE, copy)
    return copy


def test_fixture_is_at_baseline(old_database):
    connection = sqlcipher3.connect(str(old_database))
    connection.execute(f"PRAGMA key = '{BASELINE_PASSPHRASE}'")
    assert connection.execute("SELECT version_num FROM alembic_version").fetchone()[0] == (
        "0001_baseline")
    connection.close()


def test_open_backs_up_then_migrates_keeping_data(old_database):
    original = old_database.read_bytes()
    migrated = convert(old_database)
    database = migrated.database
    try:
        assert current_revision(database.engine) == head_revision()
        backups = sorted(backup_folder_for(old_database).iterdir())
        assert database.migration_backup in backups and migrated.backup in backups
        actor = resolve_actor(database, FIXTURE_ADMIN)
        rows = list_citizens(Context(database, actor))
        assert [row.name for row in rows] == ["Frode Fiktivsen"]
        assert rows[0].primary_mentor == "Fie Fixtur"
        with database.read_session() as session:
            assert audit.verify_chain(session).ok
    finally:
        database.close()
    # The schema backup is the old file's content, now under the new database key: the
    # old team passphrase, which everybody knew, no longer opens it.
    backup = database.migration_backup
    assert backup is not None and not backup.read_bytes().startswith(b"SQLite format 3")
    with pytest.raises(sqlcipher3.DatabaseError):
        _read_version(backup, f"'{BASELINE_PASSPHRASE}'")
    new_key = f"\"x'{database.raw_key.key.hex()}{backup.read_bytes()[:16].hex()}'\""
    assert _read_version(backup, new_key) == "0001_baseline"
    assert old_database.read_bytes() != original


def _read_version(path: Path, key: str) -> str:
    connection = sqlcipher3.connect(str(path))
    try:
        connection.execute(f"PRAGMA key = {key}")
        return connection.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    finally:
        connection.close()


def test_migration_adds_audit_triggers(old_database):
    database = convert(old_database).database
    database.close()
    connection = sqlcipher3.connect(str(old_database))
    connection.execute(f"PRAGMA key = \"{database.raw_key.pragma_value()}\"")
    with pytest.raises(sqlcipher3.IntegrityError):
        connection.execute("DELETE FROM audit_event")
    connection.close()


def test_second_open_makes_no_second_backup(old_database):
    convert(old_database).database.close()
    before = sorted(backup_folder_for(old_database).iterdir())
    vault.unlock_with_passphrase(old_database, ADMIN_PASSPHRASE, login=FIXTURE_ADMIN).close()
    assert sorted(backup_folder_for(old_database).iterdir()) == before


def test_database_from_newer_release_is_refused_untouched(old_database):
    connection = sqlcipher3.connect(str(old_database))
    connection.execute(f"PRAGMA key = '{BASELINE_PASSPHRASE}'")
    connection.execute("UPDATE alembic_version SET version_num = '9999_future'")
    connection.commit()
    connection.close()
    before = old_database.read_bytes()
    with pytest.raises(CannotOpenDatabase, match="nyere MentorDesk"):
        convert(old_database)
    assert old_database.read_bytes() == before


def test_schema_head_constant_matches_alembic():
    """Start-up compares against SCHEMA_HEAD without loading Alembic: keep them equal."""
    from mentordesk.storage.migrate import SCHEMA_HEAD

    assert SCHEMA_HEAD == head_revision()


def test_current_schema_opens_without_loading_alembic(tmp_path):
    import subprocess
    import sys

    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from mentordesk import vault\n"
        "from mentordesk.services import new_team\n"
        f"p = Path({str(tmp_path / 'a.mentordesk')!r})\n"
        "new_team.create_database(p, 'alembic-fri adgangskode', team_name='T').database.close()\n"
        "for name in [m for m in sys.modules if m.startswith('alembic')]:\n"
        "    del sys.modules[name]\n"
        "vault.unlock_with_passphrase(p, 'alembic-fri adgangskode').close()\n"
        "print(any(m.startswith('alembic') for m in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            env={**__import__("os").environ,
                                 "MENTORDESK_HOME": str(tmp_path / "home"),
                                 "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring"},
                            timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


def test_migrations_build_exactly_the_models_schema(tmp_path):
    """A model change without a migration (or the reverse) would fail on users' files."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from mentordesk.storage.models import Base

    database = new_team.create_database(tmp_path / "schema.mentordesk", "ret-lang-adgangskode-3",
                                        team_name="Skema").database
    try:
        with database.engine.connect() as connection:
            context = MigrationContext.configure(connection)
            differences = [
                difference for difference in compare_metadata(context, Base.metadata)
                # server_default on a SQLite-added column is the only accepted drift.
                if difference[0] != "modify_default"
            ]
    finally:
        database.close()
    assert differences == []


def test_migration_attributes_the_journal_to_grants(old_database):
    """0008: the fixture's contact falls in its citizen's grant and is attributed; nothing
    is left unlisted."""
    from mentordesk.services.grant_attribution import unattributed

    database = convert(old_database).database
    try:
        with database.read_session() as session:
            from mentordesk.storage.models import Contact, Grant

            contact = session.query(Contact).one()
            grant_ids = {grant.id for grant in session.query(Grant).filter_by(
                citizen_id=contact.citizen_id)}
        listed = unattributed(Context(database, resolve_actor(database, FIXTURE_ADMIN)))
        assert contact.grant_id in grant_ids or [row.id for row in listed] == [contact.id]
    finally:
        database.close()
