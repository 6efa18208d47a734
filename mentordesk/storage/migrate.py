"""Schema migrations with Alembic: a backup is always taken before an upgrade.

Alembic costs ~130 ms to import and read its scripts, and almost every start finds the
schema already current. So the revision is read with one plain query and compared with
``SCHEMA_HEAD``; Alembic is loaded only when there is something to migrate. A test keeps
``SCHEMA_HEAD`` equal to Alembic's own head.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text

from mentordesk.errors import CannotOpenDatabase
from mentordesk.storage.backup import timestamped_backup_path, write_backup
from mentordesk.storage.engine import RawKey, driver_connection

if TYPE_CHECKING:
    from alembic.config import Config

# The newest revision in migrations/versions. Update it with every new migration.
SCHEMA_HEAD = "0015_visibility_plan_cache"
_VERSION_TABLE = "alembic_version"


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    location = resources.files("mentordesk.storage") / "migrations"
    config.set_main_option("script_location", str(location))
    return config


def head_revision() -> str:
    """Alembic's head, read from the migration scripts (slow; tests and tools only)."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None, "the migrations folder has no revisions"
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return revision_on(connection)


def revision_on(connection: Connection) -> str | None:
    """The schema revision seen through ``connection`` (None: no MentorDesk schema)."""
    if not inspect(connection).has_table(_VERSION_TABLE):
        return None
    return connection.execute(text(f"SELECT version_num FROM {_VERSION_TABLE}")).scalar()


def _known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    return {revision.revision for revision in script.walk_revisions()}


def upgrade_to_head(engine: Engine, path: Path, raw_key: RawKey, *,
                    backup_first: bool = True) -> Path | None:
    """Bring the schema to the newest revision; returns the backup path if one was made.

    ``backup_first=False`` only for a file that is itself a throw-away copy (a restore's
    staging copy of a backup)."""
    current = current_revision(engine)
    if current == SCHEMA_HEAD:
        return None
    if current is not None and current not in _known_revisions():
        raise CannotOpenDatabase(
            f"Databasen {path.name} er lavet af en nyere MentorDesk-version. "
            "Opdatér programmet, før du åbner den."
        )
    backup = None
    if current is not None and backup_first:
        backup = write_backup(engine, raw_key,
                              timestamped_backup_path(path, f"pre-{SCHEMA_HEAD}"))
    with engine.connect() as connection:
        _run_upgrade_without_foreign_keys(connection)
    return backup


def upgrade_server_to_head(engine: Engine) -> None:
    """Bring a team server's schema to the newest revision in one transaction.

    PostgreSQL's DDL is transactional: a migration that fails half-way leaves the schema
    as it was, so no copy is taken first (the server's own backups are IT's, ``pg_dump``).
    Batch mode alters tables in place here, so foreign keys stay on."""
    with engine.connect() as connection:
        build_server_schema(connection)
        connection.commit()


def build_server_schema(connection: Connection) -> None:
    """Run every migration on a server connection, inside the caller's transaction and
    without committing it: ``server import`` builds the schema and copies the rows in one
    transaction, so a failure leaves the database as empty as it found it."""
    from alembic import command

    config = alembic_config()
    config.attributes["connection"] = connection
    command.upgrade(config, "head")


def _run_upgrade_without_foreign_keys(connection: Connection) -> None:
    from alembic import command

    # Batch migrations rebuild tables by dropping the parent; with foreign keys on, that
    # fires ON DELETE CASCADE and silently empties the child tables. The pragma only
    # takes effect outside a transaction, hence the raw driver connection.
    driver = driver_connection(connection)
    driver.execute("PRAGMA foreign_keys = OFF")
    try:
        config = alembic_config()
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
        connection.commit()
        violations = driver.execute("PRAGMA foreign_key_check").fetchall()
        if violations:
            raise CannotOpenDatabase(
                f"Opgraderingen af databasen efterlod {len(violations)} brudte referencer; "
                "gendan fra sikkerhedskopien."
            )
    finally:
        driver.execute("PRAGMA foreign_keys = ON")
